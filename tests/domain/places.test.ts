import { describe, expect, it } from 'vitest';
import { loadGazetteerFrom } from '../../scripts/lib/gazetteer';
import { buildPlacesFile, createPlaceIndex, placeKey, searchPlaces } from '../../src/domain/places';

const { gazetteer } = loadGazetteerFrom('data');
const file = buildPlacesFile(gazetteer);
const index = createPlaceIndex(JSON.parse(JSON.stringify(file)));
const first = (query: string) => {
  const [entry] = searchPlaces(index, query);
  return entry === undefined ? null : `${entry.kind} ${entry.code} ${entry.name}`;
};

describe('place index (the committed gazetteer)', () => {
  it('holds current communes, arrondissements and every area, with centres', () => {
    expect(file.communes.length).toBeGreaterThan(34_000);
    expect(file.arrondissements).toHaveLength(45);
    expect(file.departements).toHaveLength(101);
    expect(file.regions).toHaveLength(18);
    expect(file.epci.length).toBeGreaterThan(1_200);
    const finistere = file.departements.find(([code]) => code === '29');
    expect(finistere?.[2]).toBeGreaterThan(-5);
    expect(finistere?.[2]).toBeLessThan(-3.5);
  });

  it('knows the areas each place lies in: a cross-department intercommunality goes with its most populated side', () => {
    const entry = (kind: string, code: string) =>
      index.entries.find((candidate) => candidate.kind === kind && candidate.code === code);
    expect(entry('commune', '29019')?.parents).toEqual({
      region: '53',
      departement: '29',
      epci: '242900314',
    });
    expect(entry('departement', '29')?.parents).toEqual({ region: '53', departement: '', epci: '' });
    // Grand Avignon: 9 communes in Vaucluse (with Avignon), 7 in the Gard, across two regions.
    expect(entry('epci', '248400251')?.parents).toEqual({ region: '93', departement: '84', epci: '' });
    expect(entry('region', '53')?.parents).toEqual({ region: '', departement: '', epci: '' });
    const populations = file.communes
      .filter((row) => row[7] === '242900314')
      .reduce((sum, row) => sum + row[6], 0);
    expect(entry('epci', '242900314')?.population).toBe(populations);
  });

  it('folds accents, hyphens, apostrophes and the abbreviations St and Ste', () => {
    expect(placeKey("L'Haÿ-les-Roses")).toBe('l hay les roses');
    expect(placeKey('St-Étienne')).toBe('saint etienne');
    expect(placeKey('Ste Marie')).toBe('sainte marie');
  });

  it('finds communes by name, exact first, then the most populated', () => {
    expect(first('Guéret')).toBe('commune 23096 Guéret');
    expect(first('gueret')).toBe('commune 23096 Guéret');
    expect(first('St Etienne')).toBe('commune 42218 Saint-Étienne');
    expect(first('brest')).toBe('commune 29019 Brest');
    expect(first('Bourg')).toBe('commune 33067 Bourg');
    expect(searchPlaces(index, 'Bourg').map((entry) => entry.name)).toContain('Bourg-en-Bresse');
    const saintDenis = searchPlaces(index, 'Saint-Denis').map((entry) => entry.code);
    expect(saintDenis).toEqual(expect.arrayContaining(['93066', '97411']));
  });

  it('finds communes by postcode, including postcodes shared by several communes', () => {
    expect(first('75011')).toBe('arrondissement 75111 Paris 11e Arrondissement');
    expect(searchPlaces(index, '01400').length).toBeGreaterThan(1);
    expect(first('Paris 11e')).toBe('arrondissement 75111 Paris 11e Arrondissement');
    expect(first('69003')).toBe('arrondissement 69383 Lyon 3e Arrondissement');
    expect(first('13001')).toBe('arrondissement 13201 Marseille 1er Arrondissement');
    expect(first('97400')).toBe('commune 97411 Saint-Denis');
  });

  it('finds departments by number or name, regions and intercommunalities by name', () => {
    expect(first('29')).toBe('departement 29 Finistère');
    expect(first('2A')).toBe('departement 2A Corse-du-Sud');
    expect(first('974')).toBe('departement 974 La Réunion');
    expect(searchPlaces(index, 'Bretagne').map((entry) => `${entry.kind} ${entry.code}`)).toContain(
      'region 53',
    );
    expect(searchPlaces(index, 'Brest Métropole').map((entry) => entry.kind)).toContain('epci');
  });

  it('returns nothing for an empty query or a postcode nobody has', () => {
    expect(searchPlaces(index, '  ')).toEqual([]);
    expect(searchPlaces(index, '00000')).toEqual([]);
  });
});
