import { formatIssue, type Issue } from '../../src/domain/result';

/** How many problems `npm run data` prints one by one before summarising the rest (`--all` prints them all). */
export const PROBLEM_LIMIT = 200;
/** Longest cell value echoed inside a message, in characters; the rest is cut with an ellipsis. */
export const ECHO_LIMIT = 200;

const MESSAGE_LIMIT = 1000;

function cut(text: string, limit: number): string {
  const characters = [...text];
  if (characters.length <= limit) return text;
  return `${characters.slice(0, limit).join('')}… (${characters.length.toLocaleString('en-US')} characters)`;
}

/**
 * One problem as printed: `file:line field: message`, with every quoted value longer than {@link ECHO_LIMIT}
 * cut, and the line itself never longer than about 1,000 characters, so a 100,000-character cell cannot flood
 * the terminal.
 */
export function formatProblem(issue: Issue): string {
  const message = issue.message.replace(
    new RegExp(`"([^"]{${ECHO_LIMIT + 1},})"`, 'g'),
    (_match, value: string) => `"${cut(value, ECHO_LIMIT)}"`,
  );
  const field = issue.field === undefined ? undefined : cut(issue.field, ECHO_LIMIT);
  return cut(formatIssue({ ...issue, field, message }), MESSAGE_LIMIT);
}

const count = (value: number) => value.toLocaleString('en-US');

function lineRange(numbers: readonly number[]): string {
  const first = numbers.reduce((low, line) => Math.min(low, line));
  const last = numbers.reduce((high, line) => Math.max(high, line));
  return first === last ? `line ${count(first)}` : `lines ${count(first)}–${count(last)}`;
}

/**
 * The lines to print for a list of problems: the first `limit` one by one, then one summary line per file for the
 * rest, with how many, which lines and which fields (`… and 2,140 more problems in data/structures.csv, lines
 * 20–9,000: type 1,200, statut 940`).
 */
export function problemLines(issues: readonly Issue[], limit: number = PROBLEM_LIMIT): string[] {
  const lines = issues.slice(0, limit).map(formatProblem);
  const rest = issues.slice(limit);
  if (rest.length === 0) return lines;
  const byFile = new Map<string, Issue[]>();
  for (const issue of rest) {
    const key = issue.file ?? '';
    const list = byFile.get(key);
    if (list === undefined) byFile.set(key, [issue]);
    else list.push(issue);
  }
  for (const [file, fileIssues] of byFile) {
    const numbers = fileIssues.flatMap((issue) => (issue.line === undefined ? [] : [issue.line]));
    const fields = new Map<string, number>();
    for (const issue of fileIssues) {
      const field = cut(issue.field ?? 'no column', 40);
      fields.set(field, (fields.get(field) ?? 0) + 1);
    }
    const kinds = [...fields.entries()]
      .sort((left, right) => right[1] - left[1])
      .slice(0, 6)
      .map(([field, times]) => `${field} ${count(times)}`)
      .join(', ');
    const where = [
      file === '' ? '' : ` in ${cut(file, ECHO_LIMIT)}`,
      numbers.length === 0 ? '' : `, ${lineRange(numbers)}`,
    ].join('');
    lines.push(
      `… and ${count(fileIssues.length)} more problem(s)${where}: ${kinds}${fields.size > 6 ? ', …' : ''}`,
    );
  }
  return lines;
}
