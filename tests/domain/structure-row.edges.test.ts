import { describe, expect, it } from 'vitest';
import { parseStructureRow } from '../../src/domain/structure-row';
import { realCodeSets, structureRow } from '../helpers';

const codes = realCodeSets();

function issuesOf(overrides: Record<string, string>, line = 3) {
  const result = parseStructureRow(structureRow(overrides), line, codes);
  return result.ok ? [] : result.issues;
}

describe('parseStructureRow: the value it returns', () => {
  it('keeps every text field as written (trimmed) and strips blanks from the SIRET', () => {
    const result = parseStructureRow(
      structureRow({
        description: '  Un pôle. ',
        adresse: '1 rue de la Paix',
        code_postal: '44000',
        code_insee: '',
        siret: ' 732 829 320 00074 ',
        source: 'CGET_TiersLieux_2019.csv ID 12',
        date_verification: '2024-05',
      }),
      2,
      codes,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        id: 'pole-emc2',
        nom: 'EMC2',
        type: 'pole-competitivite',
        themes: ['industrie'],
        description: 'Un pôle.',
        adresse: '1 rue de la Paix',
        codePostal: '44000',
        commune: 'Nantes',
        codeInsee: '',
        coordinates: null,
        siteWeb: 'https://www.emc2-cluster.com',
        reseaux: [],
        siret: '73282932000074',
        statut: 'actif',
        source: 'CGET_TiersLieux_2019.csv ID 12',
        dateVerification: '2024-05',
        successeur: '',
      },
    });
  });

  it('upper-cases a Corsican INSEE code', () => {
    const result = parseStructureRow(structureRow({ code_insee: '2a004', commune: 'Ajaccio' }), 2, codes);
    expect(result.ok && result.value.codeInsee).toBe('2A004');
  });
});

describe('parseStructureRow: type and commune', () => {
  it('reports an empty type as required, not as an unknown code', () => {
    expect(issuesOf({ type: '' })).toEqual([{ line: 3, field: 'type', message: 'required' }]);
  });

  it('places the commune by its INSEE code alone, or by its name and postcode together', () => {
    expect(issuesOf({ code_insee: '44109', commune: '', code_postal: '' })).toEqual([]);
    expect(issuesOf({ code_insee: '', commune: 'Nantes', code_postal: '44000' })).toEqual([]);
    const unknown = {
      line: 3,
      field: 'code_insee',
      message: 'the commune is unknown: give code_insee, or both commune and code_postal',
    };
    expect(issuesOf({ code_insee: '', commune: '', code_postal: '44000' })).toEqual([unknown]);
    expect(issuesOf({ code_insee: '', commune: 'Nantes', code_postal: '' })).toEqual([unknown]);
  });
});

describe('parseStructureRow: coordinates', () => {
  it('accepts whole degrees', () => {
    const result = parseStructureRow(structureRow({ latitude: '47', longitude: '-2' }), 2, codes);
    expect(result.ok && result.value.coordinates).toEqual([-2, 47]);
  });

  it('names the missing half of a coordinate pair', () => {
    const message = 'latitude and longitude go together: give both or neither';
    expect(issuesOf({ latitude: '', longitude: '-1.55' })).toEqual([{ line: 3, field: 'latitude', message }]);
    expect(issuesOf({ latitude: '47.22', longitude: '' })).toEqual([
      { line: 3, field: 'longitude', message },
    ]);
  });

  it('reports a latitude beyond ±90 and a longitude beyond ±180 on their own column', () => {
    expect(issuesOf({ latitude: '91', longitude: '2' })).toEqual([
      { line: 3, field: 'latitude', message: '91 is outside ±90' },
    ]);
    expect(issuesOf({ latitude: '47', longitude: '-180.5' })).toEqual([
      { line: 3, field: 'longitude', message: '-180.5 is outside ±180' },
    ]);
  });

  it('lets a latitude of exactly 90 through the range check (then finds it outside France)', () => {
    expect(issuesOf({ latitude: '90', longitude: '2' })).toEqual([
      { line: 3, field: 'latitude', message: '(90, 2) is outside France and its overseas regions' },
    ]);
  });

  it('reports one faulty coordinate once, without a second issue about the place', () => {
    expect(issuesOf({ latitude: '47,2', longitude: '-1.5' })).toEqual([
      {
        line: 3,
        field: 'latitude',
        message: '"47,2" is not a decimal number (use a dot as decimal separator)',
      },
    ]);
    expect(issuesOf({ latitude: '16.2', longitude: '-61,5' })).toEqual([
      {
        line: 3,
        field: 'longitude',
        message: '"-61,5" is not a decimal number (use a dot as decimal separator)',
      },
    ]);
    expect(issuesOf({ latitude: '47.2', longitude: '1.5.5' })).toEqual([
      {
        line: 3,
        field: 'longitude',
        message: '"1.5.5" is not a decimal number (use a dot as decimal separator)',
      },
    ]);
  });
});

describe('parseStructureRow: lists', () => {
  it('names the column and the taxonomy file of an unknown theme', () => {
    expect(issuesOf({ themes: 'industrie|robots' })).toEqual([
      { line: 3, field: 'themes', message: 'unknown code "robots" (not in themes.csv)' },
    ]);
  });
});
