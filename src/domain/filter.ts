import {
  andInto,
  type Bitset,
  countAnd,
  countBits,
  createBitset,
  fullBitset,
  orInto,
  setBit,
} from './bitset';
import type { TerritoryRef } from './territory';
import type { Status } from './types';

/** The facets, in display order. OR inside a facet, AND across facets. */
export const FACETS = [
  'type',
  'theme',
  'network',
  'status',
  'initiative',
  'region',
  'departement',
  'epci',
] as const;
export type Facet = (typeof FACETS)[number];

export type FilterState = { readonly [F in Facet]: readonly string[] } & {
  readonly query: string;
  /** The territory view open, if any: only the structures inside it (by the codes computed at build time). */
  readonly territory?: TerritoryRef | null;
};

export const DEFAULT_FILTER: FilterState = {
  type: [],
  theme: [],
  network: [],
  status: [],
  initiative: [],
  region: [],
  departement: [],
  epci: [],
  query: '',
  territory: null,
};

/** Closed structures are hidden until the user picks statuses explicitly. */
export const DEFAULT_STATUSES: readonly Status[] = ['actif', 'inconnu'];

/** What the filter engine needs of a structure. */
export type FilterableStructure = {
  readonly id: string;
  readonly type: string;
  readonly themes: readonly string[];
  readonly reseaux: readonly string[];
  readonly statut: string;
  readonly region: string;
  readonly departement: string;
  /** SIREN of the intercommunality (EPCI) of the commune; null for communes outside any. */
  readonly epci?: string | null;
  /** INSEE code of the commune, for the commune territory view. */
  readonly codeInsee?: string;
};

/**
 * Precomputed bitsets: for each facet value, the set of structures that have it. Built once per dataset so that
 * every filter change is word-wise ANDs and ORs, whatever the size of the dataset.
 */
export type FacetIndex = {
  readonly size: number;
  readonly ids: readonly string[];
  readonly positionOf: ReadonlyMap<string, number>;
  readonly bits: { readonly [F in Facet]: ReadonlyMap<string, Bitset> };
  /** The structures of each commune (by INSEE code), for the commune territory view; communes are not a facet. */
  readonly communes: ReadonlyMap<string, Bitset>;
};

/**
 * Builds the index. `initiativeCategories` maps a structure id to the categories of the Covid initiatives it ran,
 * which is what the `initiative` facet filters on.
 */
export function buildFacetIndex(
  structures: readonly FilterableStructure[],
  initiativeCategories: ReadonlyMap<string, readonly string[]> = new Map(),
): FacetIndex {
  const size = structures.length;
  const bits = Object.fromEntries(FACETS.map((facet) => [facet, new Map<string, Bitset>()])) as {
    [F in Facet]: Map<string, Bitset>;
  };
  const communes = new Map<string, Bitset>();
  const add = (facet: Facet, value: string, position: number) => {
    let set = bits[facet].get(value);
    if (set === undefined) {
      set = createBitset(size);
      bits[facet].set(value, set);
    }
    setBit(set, position);
  };
  structures.forEach((structure, position) => {
    add('type', structure.type, position);
    for (const theme of structure.themes) add('theme', theme, position);
    for (const network of structure.reseaux) add('network', network, position);
    add('status', structure.statut, position);
    for (const category of initiativeCategories.get(structure.id) ?? [])
      add('initiative', category, position);
    add('region', structure.region, position);
    add('departement', structure.departement, position);
    if (structure.epci) add('epci', structure.epci, position);
    if (structure.codeInsee) {
      let set = communes.get(structure.codeInsee);
      if (set === undefined) {
        set = createBitset(size);
        communes.set(structure.codeInsee, set);
      }
      setBit(set, position);
    }
  });
  return {
    size,
    ids: structures.map((structure) => structure.id),
    positionOf: new Map(structures.map((structure, position) => [structure.id, position])),
    bits,
    communes,
  };
}

function selectedValues(filter: FilterState, facet: Facet): readonly string[] {
  return facet === 'status' && filter.status.length === 0 ? DEFAULT_STATUSES : filter[facet];
}

/** Structures matching one facet's selection (all of them when nothing is selected). */
function facetMask(index: FacetIndex, filter: FilterState, facet: Facet): Bitset | null {
  const values = selectedValues(filter, facet);
  if (values.length === 0) return null;
  const mask = createBitset(index.size);
  for (const value of values) {
    const set = index.bits[facet].get(value);
    if (set !== undefined) orInto(mask, set);
  }
  return mask;
}

/** The structures inside a territory (an empty set for a code no structure has). */
export function territoryMask(index: FacetIndex, territory: TerritoryRef): Bitset {
  const set =
    territory.level === 'commune'
      ? index.communes.get(territory.code)
      : index.bits[territory.level].get(territory.code);
  return set === undefined ? createBitset(index.size) : set;
}

function combine(index: FacetIndex, masks: readonly (Bitset | null)[], extra: Bitset | null): Bitset {
  const result = fullBitset(index.size);
  for (const mask of masks) if (mask !== null) andInto(result, mask);
  if (extra !== null) andInto(result, extra);
  return result;
}

/**
 * Facets whose values are never listed with counts: an intercommunality is picked from the place search, and
 * counting its ~1,250 values on every click would cost more than all the other facets together.
 */
const UNCOUNTED_FACETS: ReadonlySet<Facet> = new Set<Facet>(['epci']);

export type FilterResult = {
  /** The structures that pass every facet and the search. */
  readonly mask: Bitset;
  readonly count: number;
  /** For each facet and value: how many structures would show if that value were (also) selected, other facets unchanged. */
  readonly counts: { readonly [F in Facet]: ReadonlyMap<string, number> };
};

/**
 * The one filtering function: its result feeds the map, the list and the counts, so they cannot disagree.
 * `searchMask` is the set of structures matching the search text (null when there is none).
 * A value's count is computed with its own facet left out, so every value shows what choosing it would give.
 */
export function filterStructures(
  index: FacetIndex,
  filter: FilterState,
  searchMask: Bitset | null = null,
): FilterResult {
  const masks = FACETS.map((facet) => facetMask(index, filter, facet));
  if (filter.territory) masks.push(territoryMask(index, filter.territory));
  const mask = combine(index, masks, searchMask);
  const counts = Object.fromEntries(
    FACETS.map((facet, position) => {
      if (UNCOUNTED_FACETS.has(facet)) return [facet, new Map<string, number>()];
      const others = combine(
        index,
        masks.map((value, other) => (other === position ? null : value)),
        searchMask,
      );
      const values = new Map<string, number>();
      for (const [value, set] of index.bits[facet]) values.set(value, countAnd(others, set));
      return [facet, values];
    }),
  ) as unknown as FilterResult['counts'];
  return { mask, count: countBits(mask), counts };
}

/** Whether any facet or the search narrows the result (the default status choice and the territory do not count). */
export function isFilterActive(filter: FilterState): boolean {
  return filter.query.trim() !== '' || FACETS.some((facet) => filter[facet].length > 0);
}

/** Adds or removes one value of a facet, keeping values sorted so equal filters serialise the same way. */
export function toggleValue(filter: FilterState, facet: Facet, value: string): FilterState {
  const current = filter[facet];
  const next = current.includes(value)
    ? current.filter((item) => item !== value)
    : [...current, value].sort();
  return { ...filter, [facet]: next };
}
