import { describe, expect, it } from 'vitest';
import { readCsv } from '../../scripts/lib/read-csv';

describe('readCsv', () => {
  it('returns each row with the file line where it starts, across quoted newlines and blank lines', () => {
    const file = readCsv('\uFEFFa,b\n1,2\n\n"multi\nline",3\r\n5,"6"\n', 'f.csv');
    expect(file.header).toEqual(['a', 'b']);
    expect(file.rows.map((row) => [row.line, row.values.a])).toEqual([
      [2, '1'],
      [4, 'multi\nline'],
      [6, '5'],
    ]);
    expect(file.issues).toEqual([]);
  });

  it('reports rows with a wrong number of fields and keeps them', () => {
    const file = readCsv('a,b\n1\n2,3,4\n', 'f.csv');
    expect(file.issues).toEqual([
      { file: 'f.csv', line: 2, message: 'expected 2 fields as in the header, found 1' },
      { file: 'f.csv', line: 3, message: 'expected 2 fields as in the header, found 3' },
    ]);
    expect(file.rows).toHaveLength(2);
  });

  it('reports an unclosed quote and an empty file', () => {
    expect(readCsv('a,b\n"1,2\n', 'f.csv').issues.some((issue) => /CSV syntax/.test(issue.message))).toBe(
      true,
    );
    expect(readCsv('', 'f.csv').issues).toEqual([
      { file: 'f.csv', line: 1, message: 'empty file: a header row is required' },
    ]);
  });
});
