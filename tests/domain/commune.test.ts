import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../scripts/lib/gazetteer';
import { readCsv } from '../../scripts/lib/read-csv';
import { resolveCommune } from '../../src/domain/commune';

const fixture = (name: string) => readCsv(readFileSync(`tests/fixtures/data/${name}`, 'utf8'), name);
const empty = readCsv('code,nom\n', 'empty.csv');
const { gazetteer } = loadGazetteer({
  communes: fixture('communes.csv'),
  epci: empty,
  regions: empty,
  departements: empty,
});
const resolve = (input: { commune?: string; codePostal?: string; codeInsee?: string }) =>
  resolveCommune(gazetteer, { commune: '', codePostal: '', codeInsee: '', ...input }, 9);

describe('resolveCommune', () => {
  it('resolves an INSEE code to its department, region and EPCI', () => {
    const result = resolve({ codeInsee: '44109', commune: 'Nantes' });
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        codeInsee: '44109',
        commune: 'Nantes',
        departement: '44',
        region: '52',
        epci: '244400404',
      }),
    });
  });

  it('matches names without regard to case, accents or hyphens', () => {
    expect(resolve({ codeInsee: '2A004', commune: 'AJACCIO' }).ok).toBe(true);
    expect(resolve({ commune: 'plouzane', codePostal: '29280' })).toMatchObject({
      ok: true,
      value: { codeInsee: '29212' },
    });
  });

  it('maps the code of a merged commune to the current one', () => {
    expect(resolve({ codeInsee: '01033', commune: 'Bellegarde-sur-Valserine' })).toMatchObject({
      ok: true,
      value: { codeInsee: '01033', commune: 'Valserhône' },
    });
    expect(resolve({ commune: 'Bellegarde-sur-Valserine', codePostal: '01200' })).toMatchObject({
      ok: true,
      value: { codeInsee: '01033' },
    });
  });

  it('places Paris, Lyon and Marseille in the arrondissement their postcode designates', () => {
    expect(resolve({ commune: 'Paris', codePostal: '75010' })).toMatchObject({
      ok: true,
      value: { codeInsee: '75110', commune: 'Paris' },
    });
    expect(resolve({ codeInsee: '75056', codePostal: '75015' })).toMatchObject({
      ok: true,
      value: { codeInsee: '75115' },
    });
    expect(resolve({ codeInsee: '69383', commune: 'Lyon' })).toMatchObject({
      ok: true,
      value: { codeInsee: '69383', commune: 'Lyon' },
    });
    expect(resolve({ codeInsee: '75056' })).toMatchObject({ ok: true, value: { codeInsee: '75056' } });
  });

  it('tells Saint-Denis (Réunion) from Saint-Denis (Seine-Saint-Denis) by postcode', () => {
    expect(resolve({ commune: 'Saint-Denis', codePostal: '97400' })).toMatchObject({
      ok: true,
      value: { codeInsee: '97411', region: '04' },
    });
    expect(resolve({ commune: 'Saint-Denis', codePostal: '93200' })).toMatchObject({
      ok: true,
      value: { codeInsee: '93066' },
    });
  });

  it('falls back on the department of the postcode, and reports an ambiguous name with its candidates', () => {
    expect(resolve({ commune: 'Sainte-Marie', codePostal: '97200' })).toMatchObject({
      ok: true,
      value: { codeInsee: '97228' },
    });
    const result = resolve({ commune: 'Sainte-Marie', codePostal: '75001' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues[0]?.message).toMatch(/no commune named "Sainte-Marie" has postcode 75001/);
    const ambiguous = resolveCommune(
      {
        ...gazetteer,
        byName: new Map([
          [
            'sainte marie',
            [...(gazetteer.byName.get('sainte marie') ?? [])].map((record) => ({
              ...record,
              codesPostaux: ['99999'],
            })),
          ],
        ]),
      },
      { commune: 'Sainte-Marie', codePostal: '99999', codeInsee: '' },
      3,
    );
    expect(ambiguous).toMatchObject({
      ok: false,
      issues: [
        { line: 3, field: 'commune', message: expect.stringMatching(/is ambiguous .*add code_insee/) },
      ],
    });
  });

  it('reports unknown codes and names that contradict the code', () => {
    expect(resolve({ codeInsee: '99999' })).toEqual({
      ok: false,
      issues: [{ line: 9, field: 'code_insee', message: 'unknown INSEE code "99999"' }],
    });
    expect(resolve({ codeInsee: '44109', commune: 'Rennes' })).toEqual({
      ok: false,
      issues: [{ line: 9, field: 'commune', message: '"Rennes" does not match code_insee 44109 (Nantes)' }],
    });
    expect(resolve({ commune: 'Atlantis', codePostal: '44000' })).toMatchObject({
      ok: false,
      issues: [{ field: 'commune' }],
    });
  });
});
