import { describe, expect, it } from 'vitest';
import { mutationScore, tallyMutants } from '../../scripts/lib/mutation-score';

const report = {
  files: {
    'src/domain/a.ts': {
      mutants: [
        { status: 'Killed' },
        { status: 'Killed' },
        { status: 'Timeout' },
        { status: 'Survived' },
        { status: 'NoCoverage' },
      ],
    },
    'src/domain/b.ts': {
      mutants: [{ status: 'Ignored' }, { status: 'CompileError' }, { status: 'RuntimeError' }],
    },
  },
};

describe('mutation scores', () => {
  it('counts mutants by outcome and scores detected ÷ valid, leaving ignored and errors out', () => {
    const tally = tallyMutants(report, 'r.json');
    expect(tally).toEqual({ killed: 2, timeout: 1, survived: 1, noCoverage: 1, ignored: 1, errors: 2 });
    expect(mutationScore(tally)).toBe(60);
    expect(mutationScore({ killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 3, errors: 0 })).toBe(
      0,
    );
  });

  it('says which report, file and mutant are malformed', () => {
    expect(() => tallyMutants({}, 'r.json')).toThrow('r.json: no "files" object in the report');
    expect(() => tallyMutants({ files: { 'x.ts': {} } }, 'r.json')).toThrow(
      'file "x.ts" has no "mutants" list',
    );
    expect(() =>
      tallyMutants({ files: { 'x.ts': { mutants: [{ status: 'Killed' }, { status: 'Odd' }] } } }, 'r.json'),
    ).toThrow('r.json: file "x.ts", mutant 1: unknown status "Odd"');
  });
});
