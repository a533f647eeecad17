import type { Issue } from '../../src/domain/result';
import type { CsvFile } from './read-csv';

/**
 * Longest text a column may hold, in characters. Longer text is a paste accident or an attack on the layout,
 * not a name or a one- or two-sentence description (docs/data-rules.md).
 */
export const TEXT_LIMITS: Readonly<Record<string, number>> = {
  nom: 300,
  nom_officiel: 300,
  description: 2000,
};

/** Columns whose links the app shows as clickable: each must be http(s). */
export const LINK_COLUMNS = ['source', 'site_web'] as const;

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SCRIPT_SCHEME = /(?:^|[\s("'])(javascript|vbscript|data):/i;

/** Why one reference of a link column is not an http(s) link, or null when it is one or is plain text. */
export function linkProblem(reference: string): string | null {
  const part = reference.trim();
  if (part.startsWith('//')) return `protocol-relative link "${part}": write the full address with https://`;
  const scheme = SCHEME.exec(part)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https' && /^\S+:\S/.test(part))
    return `"${scheme}:" link: only http:// and https:// links are allowed`;
  const embedded = SCRIPT_SCHEME.exec(part)?.[1]?.toLowerCase();
  if (embedded !== undefined)
    return `"${embedded}:" inside the reference: only http:// and https:// links are allowed`;
  return null;
}

/**
 * The column rules that hold in every data file, whatever its kind: text length limits and http(s)-only links.
 * Applies by column name, so a file without these columns has nothing to check.
 */
export function checkCells(csv: CsvFile, file: string): Issue[] {
  const issues: Issue[] = [];
  const linkColumns = LINK_COLUMNS.filter((column) => csv.header.includes(column));
  const limited = Object.entries(TEXT_LIMITS).filter(([column]) => csv.header.includes(column));
  for (const { line, values } of csv.rows) {
    for (const [field, limit] of limited) {
      const length = [...(values[field] ?? '').trim()].length;
      if (length > limit)
        issues.push({
          file,
          line,
          field,
          message: `${length.toLocaleString('en-US')} characters, over the limit of ${limit.toLocaleString('en-US')}`,
        });
    }
    for (const field of linkColumns) {
      for (const reference of (values[field] ?? '').split('|')) {
        const problem = linkProblem(reference);
        if (problem !== null) issues.push({ file, line, field, message: problem });
      }
    }
  }
  return issues;
}
