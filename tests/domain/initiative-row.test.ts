import { describe, expect, it } from 'vitest';
import { parseInitiativeRow } from '../../src/domain/initiative-row';

const categories = new Set(['solidarite-locale', 'plateforme-numerique']);

function initiativeRow(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    id: 'visieres-nantes',
    nom: 'Visières solidaires',
    structure_ids: 'pole-emc2 | ping',
    categorie: 'solidarite-locale',
    description: ' Des visières imprimées en 3D. ',
    commune: 'Nantes',
    code_insee: '44109',
    date_debut: '2020-03',
    date_fin: '2020-06-15',
    site_web: 'https://example.org/visieres',
    source: 'https://example.org/article (presse locale)',
    date_verification: '2020-07-01',
    ...overrides,
  };
}

function issuesOf(overrides: Record<string, string>, line = 4) {
  const result = parseInitiativeRow(initiativeRow(overrides), line, categories);
  return result.ok ? [] : result.issues;
}

describe('parseInitiativeRow', () => {
  it('accepts a valid row and normalises it', () => {
    expect(parseInitiativeRow(initiativeRow({ code_insee: '2a004' }), 2, categories)).toEqual({
      ok: true,
      value: {
        id: 'visieres-nantes',
        nom: 'Visières solidaires',
        structureIds: ['pole-emc2', 'ping'],
        categorie: 'solidarite-locale',
        description: 'Des visières imprimées en 3D.',
        commune: 'Nantes',
        codeInsee: '2A004',
        dateDebut: '2020-03',
        dateFin: '2020-06-15',
        siteWeb: 'https://example.org/visieres',
        source: 'https://example.org/article (presse locale)',
        dateVerification: '2020-07-01',
      },
    });
  });

  it('accepts a row without the optional cells', () => {
    expect(
      issuesOf({
        structure_ids: '',
        code_insee: '',
        date_debut: '',
        date_fin: '',
        site_web: '',
        commune: '',
      }),
    ).toEqual([]);
    expect(issuesOf({ date_debut: '', date_fin: '2020-01' })).toEqual([]);
    expect(issuesOf({ date_debut: '2020-06', date_fin: '' })).toEqual([]);
    expect(issuesOf({ date_debut: '2020-06-15', date_fin: '2020-06-15' })).toEqual([]);
  });

  it('reports each malformed structure id', () => {
    expect(issuesOf({ structure_ids: 'pole-emc2 | Pôle B | c_d' })).toEqual([
      { line: 4, field: 'structure_ids', message: '"Pôle B" is not a valid structure id' },
      { line: 4, field: 'structure_ids', message: '"c_d" is not a valid structure id' },
    ]);
  });

  it('requires a known category', () => {
    expect(issuesOf({ categorie: '' })).toEqual([{ line: 4, field: 'categorie', message: 'required' }]);
    expect(issuesOf({ categorie: 'sante' })).toEqual([
      { line: 4, field: 'categorie', message: 'unknown code "sante" (not in initiative-categories.csv)' },
    ]);
  });

  it('reports an initiative that ends before it starts', () => {
    expect(issuesOf({ date_debut: '2020-06-15', date_fin: '2020-03' })).toEqual([
      { line: 4, field: 'date_fin', message: 'ends (2020-03) before it starts (2020-06-15)' },
    ]);
  });

  it('checks each optional cell when given, at its line and column', () => {
    expect(
      issuesOf(
        {
          id: 'Visières',
          nom: ' ',
          code_insee: '4410',
          date_debut: '2020-13',
          date_fin: '2020/06',
          site_web: 'example.org',
          source: '',
          date_verification: '2021-02-29',
        },
        9,
      ).map((issue) => `${issue.line} ${issue.field}: ${issue.message}`),
    ).toEqual([
      '9 id: expected a slug of lowercase letters, digits and single hyphens',
      '9 nom: required',
      '9 code_insee: expected 5 characters (digits, or 2A/2B + 3 digits)',
      '9 date_debut: not a real calendar date',
      '9 date_fin: expected an ISO date YYYY-MM-DD (or YYYY-MM, YYYY)',
      '9 site_web: malformed URL (expected http:// or https://)',
      '9 source: required',
      '9 source: empty or too short reference ""',
      '9 date_verification: not a real calendar date',
    ]);
  });
});
