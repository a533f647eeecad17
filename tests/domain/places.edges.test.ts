import { describe, expect, it } from 'vitest';
import { type CommuneRecord, createGazetteer } from '../../src/domain/commune';
import { buildPlacesFile, createPlaceIndex, type PlacesFile, searchPlaces } from '../../src/domain/places';

function commune(overrides: Partial<CommuneRecord>): CommuneRecord {
  return {
    code: '29019',
    nom: 'Brest',
    kind: 'commune',
    parent: null,
    codesPostaux: ['29200'],
    departement: '29',
    region: '53',
    epci: '242900314',
    population: 140_000,
    centre: [-4.5, 48.4],
    ...overrides,
  };
}

const RECORDS: readonly CommuneRecord[] = [
  commune({}),
  commune({ code: '29212', nom: 'Plouzané', codesPostaux: ['29280', '29200'], population: 15_000 }),
  commune({ code: '29075', nom: 'Guipavas', codesPostaux: ['29490', '29200'], population: 13_000 }),
  commune({
    code: '22113',
    nom: 'Lannion',
    codesPostaux: ['22300'],
    departement: '22',
    epci: null,
    population: 20_000,
  }),
  commune({
    code: '53130',
    nom: 'Laval',
    codesPostaux: ['53000'],
    departement: '53',
    region: '52',
    epci: null,
    population: 50_000,
  }),
  commune({
    code: '69123',
    nom: 'Lyon',
    codesPostaux: ['69001', '69002'],
    departement: '69',
    region: '84',
    epci: null,
    population: 500_000,
  }),
  commune({
    code: '69381',
    nom: 'Lyon 1er Arrondissement',
    kind: 'arrondissement',
    parent: '69123',
    codesPostaux: ['69001'],
    departement: '69',
    region: '84',
    epci: null,
    population: 30_000,
  }),
  commune({
    code: '69382',
    nom: 'Lyon 2e Arrondissement',
    kind: 'arrondissement',
    parent: '69123',
    codesPostaux: ['69002'],
    departement: '69',
    region: '84',
    epci: null,
    population: 40_000,
  }),
  commune({
    code: '97411',
    nom: 'Saint-Denis',
    codesPostaux: ['97400'],
    departement: '974',
    region: '04',
    epci: null,
    population: 150_000,
  }),
];
const NAMES = {
  epci: new Map([['242900314', 'Brest Métropole']]),
  regions: new Map([
    ['53', 'Bretagne'],
    ['52', 'Pays de la Loire'],
    ['84', 'Auvergne-Rhône-Alpes'],
    ['04', 'La Réunion'],
  ]),
  departements: new Map([
    ['29', 'Finistère'],
    ['22', 'Côtes-d’Armor'],
    ['53', 'Mayenne'],
    ['69', 'Rhône'],
    ['974', 'La Réunion'],
  ]),
};

/** Builds the index inside each test (so that mutation testing sees which test runs the build). */
const build = (extra: readonly CommuneRecord[] = []) =>
  createPlaceIndex(buildPlacesFile(createGazetteer([...RECORDS, ...extra], NAMES)));
const search = (query: string, limit?: number, extra?: readonly CommuneRecord[]) =>
  searchPlaces(build(extra), query, limit).map((entry) => `${entry.kind} ${entry.code}`);

describe('buildPlacesFile', () => {
  it('sorts communes and arrondissements by code', () => {
    const file = buildPlacesFile(createGazetteer([...RECORDS].reverse(), NAMES));
    expect(file.communes.map(([code]) => code)).toEqual([
      '22113',
      '29019',
      '29075',
      '29212',
      '53130',
      '69123',
      '97411',
    ]);
    expect(file.arrondissements.map(([code]) => code)).toEqual(['69381', '69382']);
    expect(file.departements.map(([code]) => code)).toEqual(['22', '29', '53', '69', '974']);
  });

  it('places an intercommunality split evenly between two departments in the first by code', () => {
    const split = (epci: string, first: string, second: string) => [
      commune({
        code: `${first}901`,
        nom: `A${epci}`,
        departement: first,
        region: first === '22' ? '53' : '52',
        epci,
        population: 100,
      }),
      commune({
        code: `${second}902`,
        nom: `B${epci}`,
        departement: second,
        region: second === '22' ? '53' : '52',
        epci,
        population: 100,
      }),
    ];
    const file = buildPlacesFile(
      createGazetteer([...split('200000001', '22', '53'), ...split('200000002', '53', '22')], {
        ...NAMES,
        epci: new Map([
          ['200000001', 'One'],
          ['200000002', 'Two'],
        ]),
      }),
    );
    expect(file.epci.map(([code, , , , , departement, region]) => [code, departement, region])).toEqual([
      ['200000001', '22', '52'],
      ['200000002', '22', '52'],
    ]);
  });
});

describe('buildPlacesFile rows', () => {
  const records = [
    commune({
      code: '29001',
      nom: 'Alpha',
      codesPostaux: ['29100', '29110'],
      epci: '200000001',
      population: 300,
      centre: [-4.12345, 48.0],
    }),
    commune({
      code: '29002',
      nom: 'Beta',
      codesPostaux: ['29200'],
      epci: '200000001',
      population: 100,
      centre: [-4, 48.4],
    }),
    commune({
      code: '22001',
      nom: 'Gamma',
      codesPostaux: [],
      departement: '22',
      epci: null,
      population: null,
      centre: [-3, 48.7],
    }),
    commune({
      code: '22002',
      nom: 'Delta',
      codesPostaux: ['22200'],
      departement: '22',
      epci: '',
      population: 0,
      centre: [-3.2, 48.5],
    }),
    commune({
      code: '29101',
      nom: 'Alpha 1er',
      kind: 'arrondissement',
      parent: '29001',
      codesPostaux: ['29100'],
      epci: '200000001',
      population: 50,
      centre: [-4.1, 48.1],
    }),
    commune({
      code: '29003',
      nom: 'Old',
      kind: 'ancienne',
      parent: '29001',
      population: 1000,
      centre: [-5, 47],
    }),
    commune({ code: '29004', nom: 'Nowhere', population: 1000, centre: null }),
    commune({
      code: '56001',
      nom: 'Unnamed department',
      departement: '56',
      epci: null,
      population: 1,
      centre: [-3, 47.7],
    }),
  ];
  const names = {
    epci: new Map([['200000001', 'CC Alpha']]),
    regions: new Map([['53', 'Bretagne']]),
    departements: new Map([
      ['29', 'Finistère'],
      ['22', 'Côtes-d’Armor'],
    ]),
  };

  it('lists current communes with a centre, arrondissements apart, and each named area at its population-weighted centre', () => {
    const file = buildPlacesFile(createGazetteer(records, names));
    expect(file).toEqual({
      version: 2,
      communes: [
        ['22001', 'Gamma', '', '22', -3, 48.7, 0, ''],
        ['22002', 'Delta', '22200', '22', -3.2, 48.5, 0, ''],
        ['29001', 'Alpha', '29100 29110', '29', -4.123, 48, 300, '200000001'],
        ['29002', 'Beta', '29200', '29', -4, 48.4, 100, '200000001'],
        ['56001', 'Unnamed department', '29200', '56', -3, 47.7, 1, ''],
      ],
      arrondissements: [['29101', 'Alpha 1er', '29100', '29', -4.1, 48.1, 50, '200000001']],
      departements: [
        ['22', 'Côtes-d’Armor', -3.1, 48.6, 0, '', '53'],
        ['29', 'Finistère', -4.093, 48.1, 400, '', '53'],
      ],
      regions: [['53', 'Bretagne', -4.085, 48.101, 401, '', '']],
      epci: [['200000001', 'CC Alpha', -4.093, 48.1, 400, '29', '53']],
    });
  });

  it('makes no area of communes without a code for it, even if the names table has an empty code', () => {
    const file = buildPlacesFile(
      createGazetteer(records, {
        ...names,
        epci: new Map([...names.epci, ['', 'None']]),
        departements: new Map([['', 'None']]),
      }),
    );
    expect(file.epci.map(([code]) => code)).toEqual(['200000001']);
    expect(file.departements).toEqual([]);
  });

  it('reads the places of an index: department name and region of a commune, parents of an area', () => {
    const index = createPlaceIndex(buildPlacesFile(createGazetteer(records, names)));
    const find = (kind: string, code: string) =>
      index.entries.find((entry) => entry.kind === kind && entry.code === code);
    expect(find('commune', '29001')).toMatchObject({
      detail: 'Finistère (29)',
      departement: '29',
      postcodes: ['29100', '29110'],
      parents: { region: '53', departement: '29', epci: '200000001' },
    });
    expect(find('epci', '200000001')).toEqual({
      kind: 'epci',
      code: '200000001',
      name: 'CC Alpha',
      detail: '',
      departement: '',
      lngLat: [-4.093, 48.1],
      population: 400,
      postcodes: [],
      parents: { region: '53', departement: '29', epci: '' },
    });
  });

  it('places an intercommunality in the department with most of its inhabitants, not most of its communes', () => {
    const file = buildPlacesFile(
      createGazetteer(
        [
          commune({ code: '22901', nom: 'A', departement: '22', epci: '200000001', population: 100 }),
          commune({ code: '22902', nom: 'B', departement: '22', epci: '200000001', population: 100 }),
          commune({
            code: '29901',
            nom: 'C',
            departement: '29',
            region: '52',
            epci: '200000001',
            population: 300,
          }),
        ],
        names,
      ),
    );
    expect(file.epci[0]?.slice(4)).toEqual([500, '29', '52']);
  });
});

describe('createPlaceIndex', () => {
  it('reads a commune outside any named department, and one without postcodes', () => {
    const file: PlacesFile = {
      version: 2,
      communes: [['99001', 'Nowhere', '', '99', 1, 2, 10, '']],
      arrondissements: [],
      departements: [],
      regions: [],
      epci: [],
    };
    expect(createPlaceIndex(file).entries).toEqual([
      {
        kind: 'commune',
        code: '99001',
        name: 'Nowhere',
        detail: ' (99)',
        departement: '99',
        lngLat: [1, 2],
        population: 10,
        postcodes: [],
        parents: { region: '', departement: '99', epci: '' },
      },
    ]);
  });
});

describe('searchPlaces', () => {
  it('ignores spaces around a query, and finds nothing in a query of punctuation alone', () => {
    expect(search(' 29280 ')).toEqual(['commune 29212']);
    expect(search('  Laval ')).toEqual(['commune 53130']);
    expect(search('')).toEqual([]);
    expect(search(' - ')).toEqual([]);
    expect(search("'")).toEqual([]);
  });

  it('gives the communes of a postcode, most populated first, up to the limit', () => {
    expect(search('29200')).toEqual(['commune 29019', 'commune 29212', 'commune 29075']);
    expect(search('29200', 2)).toEqual(['commune 29019', 'commune 29212']);
    expect(search('00000')).toEqual([]);
  });

  it('puts the arrondissement of a postcode before its more populated city', () => {
    expect(search('69001')).toEqual(['arrondissement 69381', 'commune 69123']);
    expect(search('69002')).toEqual(['arrondissement 69382', 'commune 69123']);
    // Two arrondissements sharing a postcode: the more populated first.
    const shared = [
      commune({
        code: '69384',
        nom: 'Lyon 4e Arrondissement',
        kind: 'arrondissement',
        parent: '69123',
        codesPostaux: ['69002'],
        departement: '69',
        region: '84',
        epci: null,
        population: 35_000,
      }),
      commune({
        code: '69385',
        nom: 'Lyon 5e Arrondissement',
        kind: 'arrondissement',
        parent: '69123',
        codesPostaux: ['69002'],
        departement: '69',
        region: '84',
        epci: null,
        population: 45_000,
      }),
    ];
    expect(search('69002', 8, shared)).toEqual([
      'arrondissement 69385',
      'arrondissement 69382',
      'arrondissement 69384',
      'commune 69123',
    ]);
  });

  it('reads only a bare five-digit query as a postcode', () => {
    const extra = [
      commune({ code: '29901', nom: 'Zone 29200 Nord', codesPostaux: ['29200'], population: 1 }),
    ];
    expect(search('zone 29200', 8, extra)).toEqual(['commune 29901']);
    expect(search('29200 nord', 8, extra)).toEqual(['commune 29901']);
  });

  it('gives a department for its number, before any name, and not the region with the same code', () => {
    expect(search('53')).toEqual(['departement 53']);
    expect(search('974')[0]).toBe('departement 974');
    expect(search('99')).toEqual([]);
    const extra = [
      commune({ code: '22902', nom: '29 Nord', departement: '22', epci: null, population: 1_000_000 }),
    ];
    expect(search('29', 8, extra)).toEqual(['departement 29', 'commune 22902']);
  });

  it('ranks exact names, then names beginning with the query, then names with a word beginning with it', () => {
    expect(search('Lyon')).toEqual(['commune 69123', 'arrondissement 69382', 'arrondissement 69381']);
    expect(search('Brest')).toEqual(['commune 29019', 'epci 242900314']);
    expect(search('Denis')).toEqual(['commune 97411']);
    expect(search('arrondissement')).toEqual(['arrondissement 69382', 'arrondissement 69381']);
    expect(search('Lyon', 2)).toEqual(['commune 69123', 'arrondissement 69382']);
  });

  it('breaks a tie of rank and population by kind, the region first', () => {
    expect(search('La Réunion')).toEqual(['region 04', 'departement 974']);
  });
});
