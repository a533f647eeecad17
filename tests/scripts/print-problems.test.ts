import { describe, expect, it } from 'vitest';
import { formatProblem, problemLines } from '../../scripts/lib/print-problems';

describe('formatProblem', () => {
  it('cuts a long quoted value to 200 characters and says how long it was', () => {
    const value = 'é'.repeat(100_000);
    expect(formatProblem({ file: 'f.csv', line: 2, field: 'type', message: `unknown code "${value}"` })).toBe(
      `f.csv:2 type: unknown code "${'é'.repeat(200)}… (100,000 characters)"`,
    );
  });

  it('leaves short values alone and keeps any line under about 1,000 characters', () => {
    expect(formatProblem({ file: 'f.csv', line: 2, message: 'unknown code "robot"' })).toBe(
      'f.csv:2: unknown code "robot"',
    );
    expect(formatProblem({ message: `x${'y'.repeat(5000)}` }).length).toBeLessThan(1100);
  });
});

describe('problemLines', () => {
  it('prints the first problems one by one, then one line per file with the count, the lines and the fields', () => {
    const issues = [
      ...Array.from({ length: 5 }, (_, index) => ({
        file: 'a.csv',
        line: index + 2,
        field: 'type',
        message: 'x',
      })),
      { file: 'b.csv', line: 9000, field: 'statut', message: 'y' },
      { file: 'b.csv', line: 20, field: 'type', message: 'z' },
      { file: 'b.csv', line: 1200, field: 'statut', message: 'y' },
      { message: 'no place' },
    ];
    expect(problemLines(issues, 4)).toEqual([
      'a.csv:2 type: x',
      'a.csv:3 type: x',
      'a.csv:4 type: x',
      'a.csv:5 type: x',
      '… and 1 more problem(s) in a.csv, line 6: type 1',
      '… and 3 more problem(s) in b.csv, lines 20–9,000: statut 2, type 1',
      '… and 1 more problem(s): no column 1',
    ]);
    expect(problemLines(issues, Number.POSITIVE_INFINITY)).toHaveLength(issues.length);
  });
});
