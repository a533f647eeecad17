import { describe, expect, it } from 'vitest';
import { checkHeader, parseStructureRow, REQUIRED_STRUCTURE_COLUMNS } from '../../src/domain/structure-row';
import { realCodeSets, structureRow } from '../helpers';

const codes = realCodeSets();

function issuesOf(overrides: Record<string, string>, line = 7) {
  const result = parseStructureRow(structureRow(overrides), line, codes);
  return result.ok ? [] : result.issues;
}

describe('parseStructureRow', () => {
  it('accepts a valid row and normalises it', () => {
    const result = parseStructureRow(structureRow({ themes: 'industrie | mer', reseaux: 'retis' }), 2, codes);
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        id: 'pole-emc2',
        themes: ['industrie', 'mer'],
        reseaux: ['retis'],
        coordinates: null,
        statut: 'actif',
      }),
    });
  });

  it('orders explicit coordinates [lng, lat]', () => {
    const result = parseStructureRow(structureRow({ latitude: '47.2184', longitude: '-1.5536' }), 2, codes);
    expect(result.ok && result.value.coordinates).toEqual([-1.5536, 47.2184]);
  });

  it.each([
    [{ id: '' }, 'id', 'required'],
    [{ id: 'Pôle EMC2' }, 'id', 'expected a slug'],
    [{ nom: '  ' }, 'nom', 'required'],
    [{ type: 'cluster' }, 'type', 'unknown code "cluster" (not in types.csv)'],
    [{ themes: '' }, 'themes', 'required: at least one theme code'],
    [{ themes: 'industrie|robots' }, 'themes', 'unknown code "robots"'],
    [{ themes: 'industrie|industrie' }, 'themes', 'listed twice'],
    [{ reseaux: 'gafam' }, 'reseaux', 'unknown code "gafam" (not in networks.csv)'],
    [{ code_postal: '4400' }, 'code_postal', 'expected 5 digits'],
    [{ code_insee: '2C004' }, 'code_insee', 'expected 5 characters'],
    [{ code_insee: '', code_postal: '' }, 'code_insee', 'the commune is unknown'],
    [{ latitude: '47.2' }, 'longitude', 'give both or neither'],
    [{ latitude: '47,2', longitude: '-1.5' }, 'latitude', 'not a decimal number'],
    [{ latitude: '40.7', longitude: '-74.0' }, 'latitude', 'outside France'],
    [{ latitude: '-1.55', longitude: '47.22' }, 'latitude', 'look swapped'],
    [{ site_web: 'www.emc2.fr' }, 'site_web', 'malformed URL'],
    [{ site_web: 'javascript:alert(1)' }, 'site_web', 'malformed URL'],
    [{ siret: '1234' }, 'siret', 'expected 14 digits'],
    [{ siret: '73282932000075' }, 'siret', 'checksum'],
    [{ statut: 'ouvert' }, 'statut', 'expected one of actif, ferme, inconnu'],
    [{ source: '' }, 'source', 'required'],
    [{ source: 'https://ok.example.org | http//broken' }, 'source', 'malformed URL'],
    [
      { source: 'https://ok.example.org/a note without parentheses' },
      'source',
      'a note after a URL goes in parentheses',
    ],
    [{ date_verification: '17/03/2020' }, 'date_verification', 'expected an ISO date'],
    [{ date_verification: '2020-02-30' }, 'date_verification', 'not a real calendar date'],
  ])('reports %o at its line and column', (overrides, field, message) => {
    const issues = issuesOf(overrides, 7);
    expect(issues).toContainEqual({ line: 7, field, message: expect.stringContaining(message) });
  });

  it('accepts a real SIRET, partial ISO dates and Corsican INSEE codes', () => {
    expect(
      issuesOf({
        siret: '73282932000074',
        date_verification: '2019',
        code_insee: '2A004',
        commune: 'Ajaccio',
      }),
    ).toEqual([]);
    expect(issuesOf({ date_verification: '2020-03' })).toEqual([]);
    expect(
      issuesOf({ source: 'https://github.com/a/b (README.md, CC0) | CGET_TiersLieux_2019.csv ID 12' }),
    ).toEqual([]);
  });

  it('reports every problem of a row at once, not just the first', () => {
    const issues = issuesOf({ id: 'Bad Id', type: 'x', statut: '?', date_verification: 'soon' }, 12);
    expect(issues.map((issue) => issue.field).sort()).toEqual(['date_verification', 'id', 'statut', 'type']);
    expect(issues.every((issue) => issue.line === 12)).toBe(true);
  });
});

describe('checkHeader', () => {
  it('names each missing required column on line 1', () => {
    expect(checkHeader(['id', 'nom', 'type', 'themes'], REQUIRED_STRUCTURE_COLUMNS)).toEqual([
      { line: 1, field: 'statut', message: 'required column is missing from the header' },
      { line: 1, field: 'source', message: 'required column is missing from the header' },
      { line: 1, field: 'date_verification', message: 'required column is missing from the header' },
    ]);
  });
});

describe('parseStructureRow: successeur', () => {
  const codes = realCodeSets();

  it('reads the successor of a closed structure, and an empty one by default', () => {
    const closed = parseStructureRow(
      structureRow({ id: 'pole-a', statut: 'ferme', successeur: 'pole-b' }),
      5,
      codes,
    );
    expect(closed.ok && closed.value.successeur).toBe('pole-b');
    const open = parseStructureRow(structureRow(), 5, codes);
    expect(open.ok && open.value.successeur).toBe('');
  });

  it('rejects a malformed id, itself, and a successor on a structure that is not closed', () => {
    const result = parseStructureRow(
      structureRow({ id: 'pole-a', statut: 'actif', successeur: 'Pole B' }),
      9,
      codes,
    );
    expect(!result.ok && result.issues).toEqual([
      {
        line: 9,
        field: 'successeur',
        message: 'expected the id of the structure it became (lowercase letters, digits, hyphens)',
      },
      {
        line: 9,
        field: 'successeur',
        message: 'only a closed structure (statut ferme) has a successor; this one is "actif"',
      },
    ]);
    const itself = parseStructureRow(
      structureRow({ id: 'pole-a', statut: 'ferme', successeur: 'pole-a' }),
      10,
      codes,
    );
    expect(!itself.ok && itself.issues).toEqual([
      { line: 10, field: 'successeur', message: 'a structure cannot succeed itself' },
    ]);
  });
});
