import { type Bitset, createBitset, hasBit, intersect, setBit } from '../domain/bitset';
import { type FilterResult, filterStructures } from '../domain/filter';
import type { Bbox } from '../domain/geo';
import type { InitiativePoint, StructurePoints } from '../domain/map-props';
import { distancesFrom, nearest, withinRadius } from '../domain/proximity';
import { type SearchResult, searchStructures } from '../domain/search';
import { describeTerritory, type TerritoryInfo } from '../domain/territory';
import { normalizeText } from '../domain/text';
import type { LngLat, Structure, TaxonomyEntry } from '../domain/types';
import type { Initiative } from '../loaders/load-dataset';
import type { AppState } from './store';
import type { ListSort, UrlState } from './url';

export type PublishedStructure = Structure & { readonly epciNom: string | null };

/**
 * Memoises a selector on the identity of its inputs (the last call only), so selectors that build arrays or
 * objects return the same reference while their inputs are unchanged.
 */
export function memoize<Inputs extends readonly unknown[], Output>(
  inputs: (state: AppState) => Inputs,
  compute: (...values: [...Inputs]) => Output,
): (state: AppState) => Output {
  let last: Inputs | null = null;
  let output: Output;
  return (state) => {
    const values = inputs(state);
    if (
      last === null ||
      values.length !== last.length ||
      values.some((value, index) => value !== last?.[index])
    ) {
      last = values;
      output = compute(...(values as unknown as [...Inputs]));
    }
    return output;
  };
}

const NO_STRUCTURES: readonly PublishedStructure[] = [];
const NO_ENTRIES: readonly TaxonomyEntry[] = [];
const NO_INITIATIVES: readonly Initiative[] = [];

export function selectStructures(state: AppState): readonly PublishedStructure[] {
  return state.dataset?.structures ?? NO_STRUCTURES;
}

export function selectTypes(state: AppState): readonly TaxonomyEntry[] {
  return state.dataset?.taxonomies.types ?? NO_ENTRIES;
}

export function selectInitiatives(state: AppState): readonly Initiative[] {
  return state.dataset?.initiatives ?? NO_INITIATIVES;
}

/** The search's matches; null when there is no query, or while the index is still being built. */
export const selectSearchResult: (state: AppState) => SearchResult | null = memoize(
  (state: AppState) => [state.searchIndex, state.filter.query] as const,
  (index, query): SearchResult | null => {
    if (index === null || normalizeText(query) === '') return null;
    return searchStructures(index, query);
  },
);

/** Whether a query waits for the index (built on the first search, in a chunk loaded then). */
export function selectSearchPending(state: AppState): boolean {
  return state.dataset !== null && state.searchIndex === null && normalizeText(state.filter.query) !== '';
}

/** Great-circle distances (km) from the chosen place to every structure, in dataset order; null without a place. */
export const selectPlaceDistances: (state: AppState) => Float64Array | null = memoize(
  (state: AppState) => [selectStructurePoints(state), state.place] as const,
  (points, place): Float64Array | null =>
    place === null ? null : distancesFrom(place.lngLat, points.coordinates),
);

/** The structures within the radius of the chosen place; null without a place. */
export const selectRadiusMask: (state: AppState) => Bitset | null = memoize(
  (state: AppState) => [selectPlaceDistances(state), state.radiusKm] as const,
  (distances, radiusKm): Bitset | null => (distances === null ? null : withinRadius(distances, radiusKm)),
);

export function intersection(left: Bitset | null, right: Bitset | null): Bitset | null {
  if (left === null) return right;
  if (right === null) return left;
  return intersect(left, right);
}

/** The starred structures when "Ma sélection" is shown alone; null otherwise. */
export const selectShortlistMask: (state: AppState) => Bitset | null = memoize(
  (state: AppState) => [state.facetIndex, state.shortlist.ids, state.shortlistOnly] as const,
  (index, ids, only): Bitset | null => {
    if (index === null || !only) return null;
    const mask = createBitset(index.size);
    for (const id of ids) {
      const position = index.positionOf.get(id);
      if (position !== undefined) setBit(mask, position);
    }
    return mask;
  },
);

/** The one filter result (facets, search, radius, shortlist): the map, the list and the counts all read it. */
export const selectFilterResult: (state: AppState) => FilterResult | null = memoize(
  (state: AppState) =>
    [
      state.facetIndex,
      state.filter,
      selectSearchResult(state),
      selectRadiusMask(state),
      selectShortlistMask(state),
    ] as const,
  (index, filter, search, radius, shortlist): FilterResult | null =>
    index === null
      ? null
      : filterStructures(index, filter, intersection(intersection(search?.mask ?? null, radius), shortlist)),
);

/**
 * When the radius holds nothing: the five structures nearest to the place that match every facet and the
 * search, whatever their distance. Empty otherwise.
 */
export const selectNearestOutsideRadius: (state: AppState) => readonly PublishedStructure[] = memoize(
  (state: AppState) =>
    [
      state.facetIndex,
      state.filter,
      selectSearchResult(state),
      selectPlaceDistances(state),
      selectFilterResult(state),
      selectStructures(state),
    ] as const,
  (index, filter, search, distances, result, structures): readonly PublishedStructure[] => {
    if (index === null || distances === null || result === null || result.count > 0) return NO_STRUCTURES;
    const candidates = filterStructures(index, filter, search?.mask ?? null).mask;
    return nearest(distances, candidates, 5).map((position) => structures[position] as PublishedStructure);
  },
);

/**
 * The distance (km) of a structure from the chosen place, by id; null without a place. One function per place and
 * dataset, so a component can subscribe to it and re-render when the place changes.
 */
export const selectDistanceOf: (state: AppState) => ((id: string) => number | null) | null = memoize(
  (state: AppState) => [selectPlaceDistances(state), state.facetIndex] as const,
  (distances, index) =>
    distances === null || index === null
      ? null
      : (id: string) => {
          const position = index.positionOf.get(id);
          return position === undefined ? null : (distances[position] ?? null);
        },
);

/** The distance (km) of a structure from the chosen place, or null. */
export function selectDistanceKm(state: AppState, id: string): number | null {
  return selectDistanceOf(state)?.(id) ?? null;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true, ignorePunctuation: true });

/** For each sort key, structure positions in display order; computed once per dataset and language. */
type NamedSort = Exclude<ListSort, 'distance'>;

const selectSortOrders: (state: AppState) => Record<NamedSort, Int32Array> = memoize(
  (state: AppState) => [selectStructures(state), selectTypes(state), state.language] as const,
  (structures, types, language): Record<NamedSort, Int32Array> => {
    const typeLabel = new Map(
      types.map((type) => [type.code, language === 'fr' ? type.labelFr : type.labelEn]),
    );
    const order = (compare: (left: PublishedStructure, right: PublishedStructure) => number) =>
      Int32Array.from(
        structures
          .map((_, position) => position)
          .sort(
            (left, right) =>
              compare(structures[left] as PublishedStructure, structures[right] as PublishedStructure) ||
              left - right,
          ),
      );
    const byName = (left: PublishedStructure, right: PublishedStructure) =>
      collator.compare(left.nom, right.nom);
    return {
      nom: order(byName),
      commune: order((left, right) => collator.compare(left.commune, right.commune) || byName(left, right)),
      type: order(
        (left, right) =>
          collator.compare(typeLabel.get(left.type) ?? left.type, typeLabel.get(right.type) ?? right.type) ||
          byName(left, right),
      ),
    };
  },
);

function isInBounds(structure: PublishedStructure, bounds: Bbox): boolean {
  const [lng, lat] = structure.coordinates;
  return lng >= bounds[0] && lng <= bounds[2] && lat >= bounds[1] && lat <= bounds[3];
}

/** The list: visible structures, optionally only those in the map's view, in the chosen order. */
export const selectListStructures: (state: AppState) => readonly PublishedStructure[] = memoize(
  (state: AppState) =>
    [
      selectStructures(state),
      selectFilterResult(state),
      selectSortOrders(state),
      state.sort,
      state.onlyInView ? state.mapBounds : null,
      selectPlaceDistances(state),
    ] as const,
  (structures, result, orders, sort, bounds, distances): readonly PublishedStructure[] => {
    if (result === null) return NO_STRUCTURES;
    const order =
      sort === 'distance'
        ? distances === null
          ? orders.nom
          : nearest(distances, result.mask, result.count)
        : orders[sort];
    const list: PublishedStructure[] = [];
    for (const position of order) {
      if (!hasBit(result.mask, position)) continue;
      const structure = structures[position] as PublishedStructure;
      if (bounds === null || isInBounds(structure, bounds)) list.push(structure);
    }
    return list;
  },
);

const selectStructureById: (state: AppState) => Map<string, PublishedStructure> = memoize(
  (state: AppState) => [selectStructures(state)] as const,
  (structures) => new Map(structures.map((structure) => [structure.id, structure])),
);

/** The structure with this id, or null (e.g. the successor a closed structure names). */
export function selectStructureWithId(state: AppState, id: string): PublishedStructure | null {
  return selectStructureById(state).get(id) ?? null;
}

export function selectSelectedStructure(state: AppState): PublishedStructure | null {
  return state.selectedId === null ? null : (selectStructureById(state).get(state.selectedId) ?? null);
}

export function selectSelectedInitiative(state: AppState): Initiative | null {
  return state.selectedInitiativeId === null
    ? null
    : (selectInitiatives(state).find((initiative) => initiative.id === state.selectedInitiativeId) ?? null);
}

const selectInitiativesByStructure: (state: AppState) => Map<string, Initiative[]> = memoize(
  (state: AppState) => [selectInitiatives(state)] as const,
  (initiatives) => {
    const byStructure = new Map<string, Initiative[]>();
    for (const initiative of initiatives) {
      for (const id of initiative.structureIds)
        byStructure.set(id, [...(byStructure.get(id) ?? []), initiative]);
    }
    return byStructure;
  },
);

export function selectInitiativesOf(state: AppState, structureId: string): readonly Initiative[] {
  return selectInitiativesByStructure(state).get(structureId) ?? NO_INITIATIVES;
}

/**
 * The Covid-initiatives layer: one point per initiative and structure that ran it (at the structure), or at the
 * commune for a network-wide initiative. Restricted to the chosen categories when that facet is active.
 */
export const selectInitiativePoints: (state: AppState) => readonly InitiativePoint[] = memoize(
  (state: AppState) =>
    [selectInitiatives(state), selectStructureById(state), state.filter.initiative] as const,
  (initiatives, byId, categories): InitiativePoint[] => {
    const points: InitiativePoint[] = [];
    for (const initiative of initiatives) {
      if (categories.length > 0 && !categories.includes(initiative.categorie)) continue;
      const places: [string, LngLat][] = initiative.structureIds.flatMap((id) => {
        const structure = byId.get(id);
        return structure === undefined ? [] : [[id, structure.coordinates] as [string, LngLat]];
      });
      if (places.length === 0 && initiative.coordinates !== null) places.push(['', initiative.coordinates]);
      for (const [structureId, coordinates] of places)
        points.push({
          id: `${initiative.id}@${structureId}`,
          initiativeId: initiative.id,
          structureId,
          coordinates,
        });
    }
    return points;
  },
);

export const selectTypeColors = memoize(
  (state: AppState) => [selectTypes(state)] as const,
  (types) => types.map((type) => ({ code: type.code, color: type.color ?? '#555555' })),
);

/** The parts of the state a link carries (the camera is added by URL sync, which gets it from the map). */
export function selectUrlState(state: AppState): Omit<UrlState, 'camera'> {
  return {
    filter: state.filter,
    selectedId: state.selectedId,
    language: state.language,
    sort: state.sort,
    onlyInView: state.onlyInView,
    mobileView: state.mobileView,
    initiativesLayer: state.initiativesLayer,
    place: state.place,
    radiusKm: state.radiusKm,
    choropleth: state.choropleth,
    choroplethMeasure: state.choroplethMeasure,
    embed: state.embed,
    selection: state.shortlistOnly ? state.shortlist.ids : null,
  };
}

/** The dataset's points as the map needs them, built once per dataset (types in the legend's order). */
export const selectStructurePoints: (state: AppState) => StructurePoints = memoize(
  (state: AppState) => [selectStructures(state), selectTypes(state)] as const,
  (structures, types): StructurePoints => {
    const codes = types.map((type) => type.code);
    const indexOf = new Map(codes.map((code, index) => [code, index]));
    const fallback = Math.max(0, codes.length - 1);
    return {
      ids: structures.map((structure) => structure.id),
      coordinates: structures.map((structure) => structure.coordinates),
      category: Uint8Array.from(structures, (structure) => indexOf.get(structure.type) ?? fallback),
      types: codes,
    };
  },
);

/** The open territory with its name, population and parents; null when none is open or the index is not loaded. */
export const selectTerritoryInfo: (state: AppState) => TerritoryInfo | null = memoize(
  (state: AppState) => [state.filter.territory ?? null, state.placeIndex] as const,
  (territory, index): TerritoryInfo | null =>
    territory === null || index === null ? null : describeTerritory(index, territory),
);
