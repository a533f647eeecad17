import type { Gazetteer } from './commune';
import { normalizeText } from './text';
import type { LngLat } from './types';

export const PLACES_VERSION = 2;

export type PlaceKind = 'commune' | 'arrondissement' | 'departement' | 'region' | 'epci';

type CommuneRow = readonly [
  code: string,
  name: string,
  postcodes: string,
  departement: string,
  lng: number,
  lat: number,
  population: number,
  epci: string,
];
type AreaRow = readonly [
  code: string,
  name: string,
  lng: number,
  lat: number,
  population: number,
  departement: string,
  region: string,
];

/**
 * The published place and territory index (`public/data/places.json`), compact rows. Communes and municipal
 * arrondissements: [code, name, postcodes joined by spaces, department, lng, lat, population, EPCI SIREN or ""].
 * Areas: [code, name, lng, lat, population, department, region], where an intercommunality's department and region
 * are those holding most of its inhabitants, a department's region is its own, and the fields that do not apply
 * are "". Areas are placed at the population-weighted centre of their communes, and their population is the sum of
 * their communes' (INSEE municipal populations as shipped by `@etalab/decoupage-administratif`).
 */
export type PlacesFile = {
  readonly version: number;
  readonly communes: readonly CommuneRow[];
  readonly arrondissements: readonly CommuneRow[];
  readonly departements: readonly AreaRow[];
  readonly regions: readonly AreaRow[];
  readonly epci: readonly AreaRow[];
};

/** The areas a place lies in ("" where unknown or not applicable, e.g. the region of a region). */
export type PlaceParents = {
  readonly region: string;
  readonly departement: string;
  readonly epci: string;
};

export type PlaceEntry = {
  readonly kind: PlaceKind;
  /** INSEE code (commune, department, region) or SIREN (intercommunality). */
  readonly code: string;
  readonly name: string;
  /** What tells homonyms apart: the department of a commune, "Département", "Intercommunalité"… */
  readonly detail: string;
  /** The department code of a commune or an arrondissement; empty for an area. */
  readonly departement: string;
  readonly lngLat: LngLat;
  readonly population: number;
  readonly postcodes: readonly string[];
  readonly parents: PlaceParents;
};

export type PlaceIndex = {
  readonly entries: readonly PlaceEntry[];
  /** Normalised names, one per entry, for prefix matching. */
  readonly keys: readonly string[];
  readonly byPostcode: ReadonlyMap<string, readonly number[]>;
  readonly byCode: ReadonlyMap<string, readonly number[]>;
};

/** Centres to 3 decimals (about 100 m): plenty for a radius of 5 km or more, and a third lighter file. */
const round = (value: number) => Math.round(value * 1e3) / 1e3;

/** Builds the place index from the gazetteer (build time): every current commune with a centre, and each area. */
export function buildPlacesFile(gazetteer: Gazetteer): PlacesFile {
  const communes: CommuneRow[] = [];
  const arrondissements: CommuneRow[] = [];
  const areas = {
    departement: new Map<string, number[]>(),
    region: new Map<string, number[]>(),
    epci: new Map<string, number[]>(),
  };
  /** Inhabitants of each intercommunality per department and per region, to name the main ones. */
  const epciShares = {
    departement: new Map<string, Map<string, number>>(),
    region: new Map<string, Map<string, number>>(),
  };
  const share = (map: Map<string, Map<string, number>>, epci: string, code: string, population: number) => {
    const shares = map.get(epci) ?? new Map<string, number>();
    shares.set(code, (shares.get(code) ?? 0) + Math.max(1, population));
    map.set(epci, shares);
  };
  const largest = (shares: ReadonlyMap<string, number> | undefined) =>
    [...(shares ?? new Map<string, number>()).entries()].sort(
      (left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1),
    )[0]?.[0] ?? '';
  const departementRegion = new Map<string, string>();
  /** Accumulates [lng × weight, lat × weight, weight, population] per area. */
  const add = (map: Map<string, number[]>, code: string | null, [lng, lat]: LngLat, population: number) => {
    if (code === null || code === '') return;
    const weight = Math.max(1, population);
    const [lngSum = 0, latSum = 0, weights = 0, people = 0] = map.get(code) ?? [];
    map.set(code, [lngSum + lng * weight, latSum + lat * weight, weights + weight, people + population]);
  };
  for (const record of gazetteer.byCode.values()) {
    if (record.centre === null || record.kind === 'ancienne') continue;
    const row: CommuneRow = [
      record.code,
      record.nom,
      record.codesPostaux.join(' '),
      record.departement,
      round(record.centre[0]),
      round(record.centre[1]),
      record.population ?? 0,
      record.epci ?? '',
    ];
    if (record.kind === 'arrondissement') {
      arrondissements.push(row);
      continue;
    }
    communes.push(row);
    const population = record.population ?? 0;
    add(areas.departement, record.departement, record.centre, population);
    add(areas.region, record.region, record.centre, population);
    add(areas.epci, record.epci, record.centre, population);
    departementRegion.set(record.departement, record.region);
    if (record.epci !== null && record.epci !== '') {
      share(epciShares.departement, record.epci, record.departement, population);
      share(epciShares.region, record.epci, record.region, population);
    }
  }
  const areaRows = (
    map: Map<string, number[]>,
    names: ReadonlyMap<string, string>,
    parents: (code: string) => [departement: string, region: string],
  ) =>
    [...map.entries()]
      .filter(([code]) => names.has(code))
      .map(
        ([code, [lng = 0, lat = 0, weight = 1, population = 0]]): AreaRow => [
          code,
          names.get(code) ?? code,
          round(lng / weight),
          round(lat / weight),
          population,
          ...parents(code),
        ],
      )
      .sort((left, right) => (left[0] < right[0] ? -1 : 1));
  const byCode = (left: readonly [string, ...unknown[]], right: readonly [string, ...unknown[]]) =>
    left[0] < right[0] ? -1 : 1;
  return {
    version: PLACES_VERSION,
    communes: communes.sort(byCode),
    arrondissements: arrondissements.sort(byCode),
    departements: areaRows(areas.departement, gazetteer.departementNames, (code) => [
      '',
      departementRegion.get(code) ?? '',
    ]),
    regions: areaRows(areas.region, gazetteer.regionNames, () => ['', '']),
    epci: areaRows(areas.epci, gazetteer.epciNames, (code) => [
      largest(epciShares.departement.get(code)),
      largest(epciShares.region.get(code)),
    ]),
  };
}

/**
 * Folds a place name or a query for matching: accents, case, hyphens and apostrophes as in `normalizeText`, and
 * the abbreviations "St", "Ste" read as "Saint", "Sainte".
 */
export function placeKey(value: string): string {
  return ` ${normalizeText(value)} `.replace(/ st /g, ' saint ').replace(/ ste /g, ' sainte ').trim();
}

/** Turns the published file into a searchable index. */
export function createPlaceIndex(file: PlacesFile): PlaceIndex {
  const departementNames = new Map(file.departements.map(([code, name]) => [code, name]));
  const entries: PlaceEntry[] = [];
  const communes: ['commune' | 'arrondissement', PlacesFile['communes']][] = [
    ['commune', file.communes],
    ['arrondissement', file.arrondissements],
  ];
  const departementRegion = new Map(file.departements.map((row) => [row[0], row[6]]));
  for (const [kind, rows] of communes)
    for (const [code, name, postcodes, departement, lng, lat, population, epci] of rows)
      entries.push({
        kind,
        code,
        name,
        detail: `${departementNames.get(departement) ?? ''} (${departement})`,
        departement,
        lngLat: [lng, lat],
        population,
        postcodes: postcodes === '' ? [] : postcodes.split(' '),
        parents: { region: departementRegion.get(departement) ?? '', departement, epci },
      });
  const areas: [PlaceKind, PlacesFile['regions']][] = [
    ['departement', file.departements],
    ['region', file.regions],
    ['epci', file.epci],
  ];
  for (const [kind, rows] of areas)
    for (const [code, name, lng, lat, population, departement, region] of rows)
      entries.push({
        kind,
        code,
        name,
        detail: '',
        departement: '',
        lngLat: [lng, lat],
        population,
        postcodes: [],
        parents: { region, departement, epci: '' },
      });
  const byPostcode = new Map<string, number[]>();
  const byCode = new Map<string, number[]>();
  entries.forEach((entry, position) => {
    for (const postcode of entry.postcodes)
      byPostcode.set(postcode, [...(byPostcode.get(postcode) ?? []), position]);
    byCode.set(entry.code, [...(byCode.get(entry.code) ?? []), position]);
  });
  return { entries, keys: entries.map((entry) => placeKey(entry.name)), byPostcode, byCode };
}

const KIND_ORDER: Record<PlaceKind, number> = {
  region: 0,
  departement: 1,
  epci: 2,
  commune: 3,
  arrondissement: 4,
};

/**
 * Finds places for a query, best first: a postcode gives its communes (a municipal arrondissement before its
 * city); a department number gives the department; names match exactly, then as a prefix, then by a word prefix
 * ("paris 11" finds "Paris 11e Arrondissement"), larger populations first within each rank.
 */
export function searchPlaces(index: PlaceIndex, query: string, limit = 8): PlaceEntry[] {
  const trimmed = query.trim();
  if (/^\d{5}$/.test(trimmed)) {
    return (index.byPostcode.get(trimmed) ?? [])
      .map((position) => index.entries[position] as PlaceEntry)
      .sort(
        (left, right) =>
          Number(right.kind === 'arrondissement') - Number(left.kind === 'arrondissement') ||
          right.population - left.population,
      )
      .slice(0, limit);
  }
  const ranked: { entry: PlaceEntry; rank: number }[] = [];
  // A department's code ("29", "2A", "974"), in any case: no other query is a department's code.
  for (const position of index.byCode.get(trimmed.toUpperCase()) ?? []) {
    const entry = index.entries[position] as PlaceEntry;
    if (entry.kind === 'departement') ranked.push({ entry, rank: -1 });
  }
  const key = placeKey(trimmed);
  if (key !== '') {
    index.keys.forEach((candidate, position) => {
      let rank: number;
      if (candidate === key) rank = 0;
      else if (candidate.startsWith(key)) rank = 1;
      else if (candidate.includes(` ${key}`)) rank = 2;
      else return;
      ranked.push({ entry: index.entries[position] as PlaceEntry, rank });
    });
  }
  return ranked
    .sort(
      (left, right) =>
        left.rank - right.rank ||
        right.entry.population - left.entry.population ||
        KIND_ORDER[left.entry.kind] - KIND_ORDER[right.entry.kind],
    )
    .slice(0, limit)
    .map(({ entry }) => entry);
}
