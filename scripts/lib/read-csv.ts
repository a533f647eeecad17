import Papa from 'papaparse';
import type { RawRow } from '../../src/domain/fields';
import type { Issue } from '../../src/domain/result';

export type CsvRow = { readonly line: number; readonly values: RawRow };

export type CsvFile = {
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
  /** Malformed lines (bad quoting, wrong number of fields). Their rows are still in `rows` when readable. */
  readonly issues: readonly Issue[];
};

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1))
    starts.push(index + 1);
  return starts;
}

function lineAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

/**
 * Parses CSV text with a header row and returns each row with the 1-based line where it starts in the file,
 * so that every later error can say `file:line`. Quoted fields may span lines. Blank lines are skipped.
 * Nothing is dropped silently: a row with the wrong number of fields is reported and still returned.
 */
export function readCsv(text: string, file: string): CsvFile {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const starts = lineStarts(body);
  const issues: Issue[] = [];
  const records: { line: number; fields: string[] }[] = [];
  let rowStart = 0;
  Papa.parse<string[]>(body, {
    delimiter: ',',
    skipEmptyLines: false,
    step: (result) => {
      const start = rowStart;
      rowStart = result.meta.cursor;
      for (const error of result.errors) {
        issues.push({ file, line: lineAt(starts, start), message: `CSV syntax: ${error.message}` });
      }
      records.push({ line: lineAt(starts, start), fields: result.data });
    },
  });
  const nonBlank = records.filter(
    (record) => !(record.fields.length <= 1 && (record.fields[0] ?? '').trim() === ''),
  );
  const [headerRecord, ...dataRecords] = nonBlank;
  if (headerRecord === undefined)
    return {
      header: [],
      rows: [],
      issues: [...issues, { file, line: 1, message: 'empty file: a header row is required' }],
    };
  const header = headerRecord.fields.map((name) => name.trim());
  const rows: CsvRow[] = [];
  for (const record of dataRecords) {
    if (record.fields.length !== header.length) {
      issues.push({
        file,
        line: record.line,
        message: `expected ${header.length} fields as in the header, found ${record.fields.length}`,
      });
    }
    const values: Record<string, string> = {};
    header.forEach((name, index) => {
      values[name] = record.fields[index] ?? '';
    });
    rows.push({ line: record.line, values });
  }
  return { header, rows, issues };
}
