import { describe, expect, it } from 'vitest';
import { buildFacetIndex, DEFAULT_FILTER, filterStructures } from '../../src/domain/filter';
import { createPlaceIndex, type PlacesFile } from '../../src/domain/places';
import {
  departementOfCommune,
  describeTerritory,
  formatTerritory,
  parseTerritory,
  peersOf,
  sameTerritory,
} from '../../src/domain/territory';
import { countsBy, perHundredThousand, rankPeers, territoryRows } from '../../src/domain/territory-stats';

/**
 * Two regions (Bretagne 1,000,000 inhabitants, Pays de la Loire 3,000,000: France 4,000,000), three departments,
 * four intercommunalities. Every figure expected below is computed by hand from these numbers.
 */
const PLACES: PlacesFile = {
  version: 2,
  communes: [
    ['29019', 'Brest', '29200', '29', -4.48, 48.39, 150_000, '242900314'],
    ['29001', 'Argol', '29560', '29', -4.3, 48.2, 50_000, '242900314'],
    ['29232', 'Quimper', '29000', '29', -4.1, 48.0, 400_000, '242900693'],
    ['22278', 'Saint-Brieuc', '22000', '22', -2.76, 48.51, 400_000, '200069409'],
    ['44109', 'Nantes', '44000', '44', -1.55, 47.22, 3_000_000, '244400404'],
  ],
  arrondissements: [],
  departements: [
    ['22', "Côtes-d'Armor", -2.8, 48.4, 400_000, '', '53'],
    ['29', 'Finistère', -4.1, 48.2, 600_000, '', '53'],
    ['44', 'Loire-Atlantique', -1.6, 47.3, 3_000_000, '', '52'],
  ],
  regions: [
    ['52', 'Pays de la Loire', -1.6, 47.3, 3_000_000, '', ''],
    ['53', 'Bretagne', -3.0, 48.2, 1_000_000, '', ''],
  ],
  epci: [
    ['200069409', 'Saint-Brieuc Armor Agglomération', -2.76, 48.51, 400_000, '22', '53'],
    ['242900314', 'Brest Métropole', -4.45, 48.35, 200_000, '29', '53'],
    ['242900693', 'Quimper Bretagne Occidentale', -4.1, 48.0, 400_000, '29', '53'],
    ['244400404', 'Nantes Métropole', -1.55, 47.22, 3_000_000, '44', '52'],
  ],
};
const places = createPlaceIndex(PLACES);

const structure = (
  id: string,
  type: string,
  codeInsee: string,
  epci: string,
  departement: string,
  region: string,
) => ({
  id,
  type,
  themes: type === 'fablab' ? ['numerique'] : ['industrie'],
  reseaux: [],
  statut: 'actif',
  region,
  departement,
  epci,
  codeInsee,
});
const STRUCTURES = [
  structure('s1', 'fablab', '29019', '242900314', '29', '53'),
  structure('s2', 'fablab', '29019', '242900314', '29', '53'),
  structure('s3', 'incubateur', '29001', '242900314', '29', '53'),
  structure('s4', 'fablab', '29232', '242900693', '29', '53'),
  structure('s5', 'fablab', '22278', '200069409', '22', '53'),
  structure('s6', 'incubateur', '44109', '244400404', '44', '52'),
  structure('s7', 'fablab', '44109', '244400404', '44', '52'),
];
const index = buildFacetIndex(STRUCTURES);
const BREST = { level: 'epci', code: '242900314' } as const;

describe('territory references', () => {
  it('reads and writes level:code, refusing codes of the wrong shape for their level', () => {
    expect(parseTerritory('epci:242900314')).toEqual(BREST);
    expect(parseTerritory('departement:2a')).toEqual({ level: 'departement', code: '2A' });
    expect(parseTerritory('commune:97411')).toEqual({ level: 'commune', code: '97411' });
    expect(formatTerritory(BREST)).toBe('epci:242900314');
    for (const bad of ['epci:29', 'region:1', 'commune:2900', 'pays:FR', 'epci', '', 'departement:<b>', null])
      expect(parseTerritory(bad)).toBeNull();
  });

  it('finds the department of a commune, overseas included', () => {
    expect(departementOfCommune('29019')).toBe('29');
    expect(departementOfCommune('2A004')).toBe('2A');
    expect(departementOfCommune('97411')).toBe('974');
  });

  it('names a territory with its population and its parents, nearest first', () => {
    expect(describeTerritory(places, { level: 'commune', code: '29019' })).toEqual({
      ref: { level: 'commune', code: '29019' },
      name: 'Brest',
      population: 150_000,
      parents: [BREST, { level: 'departement', code: '29' }, { level: 'region', code: '53' }],
    });
    expect(describeTerritory(places, BREST)?.parents).toEqual([
      { level: 'departement', code: '29' },
      { level: 'region', code: '53' },
    ]);
    expect(describeTerritory(places, { level: 'region', code: '53' })?.parents).toEqual([]);
    expect(describeTerritory(places, { level: 'epci', code: '999999999' })).toBeNull();
  });

  it('compares a territory with the others of its level in the same parent', () => {
    const brest = describeTerritory(places, BREST);
    if (brest === null) throw new Error('fixture');
    expect(peersOf(places, brest).map((peer) => peer.name)).toEqual([
      'Brest Métropole',
      'Quimper Bretagne Occidentale',
    ]);
    const region = describeTerritory(places, { level: 'region', code: '53' });
    if (region === null) throw new Error('fixture');
    expect(peersOf(places, region)).toHaveLength(2);
  });
});

describe('territory membership and figures', () => {
  it('narrows the filter to the structures whose codes say they are inside, counts included', () => {
    const result = filterStructures(index, { ...DEFAULT_FILTER, territory: BREST });
    expect(result.count).toBe(3);
    expect(result.counts.type.get('fablab')).toBe(2);
    expect(result.counts.type.get('incubateur')).toBe(1);
    expect(
      filterStructures(index, { ...DEFAULT_FILTER, territory: { level: 'commune', code: '29019' } }).count,
    ).toBe(2);
    expect(
      filterStructures(index, { ...DEFAULT_FILTER, territory: { level: 'departement', code: '29' } }).count,
    ).toBe(4);
    expect(
      filterStructures(index, { ...DEFAULT_FILTER, territory: { level: 'region', code: '52' } }).count,
    ).toBe(2);
    expect(
      filterStructures(index, { ...DEFAULT_FILTER, territory: { level: 'commune', code: '29003' } }).count,
    ).toBe(0);
  });

  it('gives structures per 100,000 inhabitants to one decimal, and nothing without a population', () => {
    expect(perHundredThousand(3, 200_000)).toBe(1.5);
    expect(perHundredThousand(4, 600_000)).toBe(0.7);
    expect(perHundredThousand(0, 1_000)).toBe(0);
    expect(perHundredThousand(3, 0)).toBeNull();
  });

  it('compares the territory with its department, its region and France, for all types and per type', () => {
    const all = filterStructures(index, DEFAULT_FILTER).mask;
    const rows = territoryRows(
      index,
      all,
      { ref: BREST, population: 200_000 },
      [
        { ref: { level: 'departement', code: '29' }, population: 600_000 },
        { ref: { level: 'region', code: '53' }, population: 1_000_000 },
        { ref: null, population: 4_000_000 },
      ],
      ['fablab', 'incubateur', 'satt'],
    );
    const figures = rows.map((row) => [
      row.code,
      row.territory.count,
      row.territory.perCapita,
      ...row.parents.flatMap((parent) => [parent.count, parent.perCapita]),
    ]);
    expect(figures).toEqual([
      // all: Brest 3 / 200,000; Finistère 4 / 600,000; Bretagne 5 / 1,000,000; France 7 / 4,000,000
      [null, 3, 1.5, 4, 0.7, 5, 0.5, 7, 0.2],
      ['fablab', 2, 1, 3, 0.5, 4, 0.4, 5, 0.1],
      ['incubateur', 1, 0.5, 1, 0.2, 1, 0.1, 2, 0.1],
    ]);
  });

  it('respects the other filters: fablabs only gives fablab figures everywhere', () => {
    const fablabs = filterStructures(index, { ...DEFAULT_FILTER, type: ['fablab'] }).mask;
    const [all] = territoryRows(
      index,
      fablabs,
      { ref: BREST, population: 200_000 },
      [{ ref: null, population: 4_000_000 }],
      [],
    );
    expect(all?.territory).toEqual({ count: 2, perCapita: 1 });
    expect(all?.parents).toEqual([{ count: 5, perCapita: 0.1 }]);
    expect(countsBy(index, fablabs, BREST, 'theme')).toEqual([{ code: 'numerique', count: 2 }]);
  });

  it('counts by value largest first, equal counts by code, zeros left out', () => {
    const all = filterStructures(index, DEFAULT_FILTER).mask;
    const brittany = { level: 'region', code: '53' } as const;
    expect(countsBy(index, all, brittany, 'type')).toEqual([
      { code: 'fablab', count: 4 },
      { code: 'incubateur', count: 1 },
    ]);
    const nantes = { level: 'epci', code: '244400404' } as const;
    expect(countsBy(index, all, nantes, 'type')).toEqual([
      { code: 'fablab', count: 1 },
      { code: 'incubateur', count: 1 },
    ]);
    expect(countsBy(index, all, nantes, 'network')).toEqual([]);
  });

  it('breaks ties in the ranking by count, then by name, and puts an unknown population last', () => {
    const all = filterStructures(index, DEFAULT_FILTER).mask;
    const peer = (
      level: 'region' | 'departement' | 'epci',
      code: string,
      name: string,
      population: number,
    ) => ({
      ref: { level, code },
      name,
      population,
      parents: [],
    });
    const ranked = rankPeers(index, all, [
      peer('departement', '22', 'Côtes-d’Armor', 0), // 1 structure, population unknown
      peer('epci', '242900314', 'Zeta', 300_000), // 3 structures: 1.0
      peer('region', '11', 'Île-de-France', 1_000_000), // none: 0.0
      peer('region', '52', 'Pays de la Loire', 200_000), // 2: 1.0
      peer('epci', '242900314', 'Alpha', 300_000), // 3: 1.0
      peer('region', '53', 'Bretagne', 500_000), // 5: 1.0
    ]);
    expect(ranked.map((entry) => [entry.rank, entry.name, entry.count, entry.perCapita])).toEqual([
      [1, 'Bretagne', 5, 1],
      [2, 'Alpha', 3, 1],
      [3, 'Zeta', 3, 1],
      [4, 'Pays de la Loire', 2, 1],
      [5, 'Île-de-France', 0, 0],
      [6, 'Côtes-d’Armor', 1, null],
    ]);
  });

  it('ranks the peers by structures per 100,000 inhabitants', () => {
    const brest = describeTerritory(places, BREST);
    if (brest === null) throw new Error('fixture');
    const ranked = rankPeers(index, filterStructures(index, DEFAULT_FILTER).mask, peersOf(places, brest));
    // Brest 3 / 200,000 = 1.5; Quimper 1 / 400,000 = 0.25, shown 0.3
    expect(ranked.map((peer) => [peer.rank, peer.name, peer.count, peer.perCapita])).toEqual([
      [1, 'Brest Métropole', 3, 1.5],
      [2, 'Quimper Bretagne Occidentale', 1, 0.3],
    ]);
  });
});

/** Codes shared across levels (region 53 Bretagne, department 53 Mayenne), a commune and an EPCI without parents. */
const EDGES: PlacesFile = {
  version: 2,
  communes: [
    ['53130', 'Laval', '53000', '53', -0.77, 48.07, 50_000, '245300330'],
    ['53999', 'Sans-Intercommunalité', '53000', '53', -0.7, 48.1, 100, ''],
  ],
  arrondissements: [],
  departements: [['53', 'Mayenne', -0.6, 48.1, 300_000, '', '52']],
  regions: [
    ['52', 'Pays de la Loire', -1.6, 47.3, 3_000_000, '', ''],
    ['53', 'Bretagne', -3.0, 48.2, 1_000_000, '', ''],
  ],
  epci: [
    ['245300330', 'Laval Agglomération', -0.77, 48.07, 110_000, '53', '52'],
    ['200000001', 'Sans-Parent', 0, 48, 1_000, '', ''],
  ],
};

describe('territories at the edges', () => {
  const edges = createPlaceIndex(EDGES);

  it('tells apart territories of different levels that share a code', () => {
    expect(describeTerritory(edges, { level: 'region', code: '53' })).toMatchObject({
      name: 'Bretagne',
      parents: [],
    });
    expect(describeTerritory(edges, { level: 'departement', code: '53' })).toEqual({
      ref: { level: 'departement', code: '53' },
      name: 'Mayenne',
      population: 300_000,
      parents: [{ level: 'region', code: '52' }],
    });
    expect(describeTerritory(edges, { level: 'epci', code: '53' })).toBeNull();
  });

  it('gives only the parents it knows', () => {
    expect(describeTerritory(edges, { level: 'commune', code: '53999' })?.parents).toEqual([
      { level: 'departement', code: '53' },
      { level: 'region', code: '52' },
    ]);
    expect(describeTerritory(edges, { level: 'epci', code: '200000001' })?.parents).toEqual([]);
    expect(describeTerritory(edges, { level: 'epci', code: '245300330' })?.parents).toEqual([
      { level: 'departement', code: '53' },
      { level: 'region', code: '52' },
    ]);
  });

  it('compares references by level and code, an absent one equal only to another absent one', () => {
    const mayenne = { level: 'departement', code: '53' } as const;
    expect(sameTerritory(mayenne, { level: 'departement', code: '53' })).toBe(true);
    expect(sameTerritory(mayenne, { level: 'region', code: '53' })).toBe(false);
    expect(sameTerritory(mayenne, { level: 'departement', code: '44' })).toBe(false);
    expect(sameTerritory(mayenne, null)).toBe(false);
    expect(sameTerritory(null, mayenne)).toBe(false);
    expect(sameTerritory(null, null)).toBe(true);
  });
});
