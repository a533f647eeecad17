import { describe, expect, it } from 'vitest';
import { checkColumns, validateInitiatives, validateStructures } from '../../scripts/lib/pipeline';
import { readCsv } from '../../scripts/lib/read-csv';
import type { Taxonomies } from '../../src/domain/types';

const taxonomies: Taxonomies = { types: [], themes: [], networks: [], initiativeCategories: [] };
const HEADER = 'id,nom,type,themes,statut,source,date_verification';
const manyRows = Array.from(
  { length: 300 },
  (_, index) => `s-${index},S,fablab,numerique,actif,https://a.example,2024`,
);

describe('checkColumns', () => {
  it('says once that column names must be lower case, and the rows are not checked', () => {
    const named = { file: 'f.csv', csv: readCsv([HEADER.toUpperCase(), ...manyRows].join('\n'), 'f.csv') };
    const { issues, inputs } = validateStructures([named], taxonomies);
    expect(issues).toEqual([
      {
        file: 'f.csv',
        line: 1,
        message:
          'column names are lower case (found "ID", "NOM", "TYPE", "THEMES", "STATUT", …): rename them as in the README; no row of this file was checked',
      },
    ]);
    expect(inputs).toEqual([]);
  });

  it('adds nothing to the one message of a ;-separated file', () => {
    const named = {
      file: 'f.csv',
      csv: readCsv([HEADER, ...manyRows].join('\n').replaceAll(',', ';'), 'f.csv'),
    };
    expect(checkColumns(named, ['id'])).toEqual([]);
    expect(validateStructures([named], taxonomies).issues).toHaveLength(1);
  });

  it('lists the missing columns of a lower-case header and skips its rows, for initiatives too', () => {
    const named = { file: 'f.csv', csv: readCsv('id,nom\nx,y\nz,w\n', 'f.csv') };
    const { issues } = validateInitiatives(named, taxonomies, new Set(), {
      communes: new Map(),
    } as never);
    expect(
      issues.every((issue) => issue.line === 1 && issue.message.includes('missing from the header')),
    ).toBe(true);
  });
});
