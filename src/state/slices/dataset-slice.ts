import type { StateCreator } from 'zustand';
import { buildFacetIndex, FACETS, type FacetIndex, type FilterState } from '../../domain/filter';
import type { SearchIndex } from '../../domain/search';
import type { Dataset } from '../../loaders/load-dataset';
import type { AppState } from '../store';

export type DatasetSlice = {
  dataset: Dataset | null;
  /** Derived once per dataset: bitsets per facet value. (The full-text index is built on the first search.) */
  facetIndex: FacetIndex | null;
  loadStatus: 'idle' | 'loading' | 'ready' | 'error';
  loadError: string | null;
  /** The full-text index of `dataset`, built on the first search (see `startSearchIndexing`); null until then. */
  searchIndex: SearchIndex | null;
  datasetRequested(): void;
  /** The index built for a dataset; ignored if another dataset has been loaded since. */
  searchIndexLoaded(dataset: Dataset, index: SearchIndex): void;
  datasetLoaded(result: { ok: true; value: Dataset } | { ok: false; error: string }): void;
};

/** The structure ids of each initiative category, for the Covid-initiative facet. */
function initiativeCategoriesByStructure(dataset: Dataset): Map<string, string[]> {
  const categories = new Map<string, string[]>();
  for (const initiative of dataset.initiatives) {
    for (const id of initiative.structureIds) {
      const list = categories.get(id) ?? [];
      if (!list.includes(initiative.categorie)) list.push(initiative.categorie);
      categories.set(id, list);
    }
  }
  return categories;
}

/**
 * The structure a link names: itself when the dataset has it, the row that absorbed it when it was merged into
 * another (an alias), otherwise none.
 */
export function resolveStructureId(dataset: Dataset, id: string | null): string | null {
  if (id === null) return null;
  const known = (candidate: string) => dataset.structures.some((structure) => structure.id === candidate);
  if (known(id)) return id;
  const alias = dataset.aliases?.[id];
  return alias !== undefined && known(alias) ? alias : null;
}

/** Drops filter values the dataset does not know (a stale or hand-edited link), so they cannot empty the map. */
function knownValuesOnly(filter: FilterState, index: FacetIndex): FilterState {
  const cleaned = { ...filter } as Record<string, unknown>;
  for (const facet of FACETS) cleaned[facet] = filter[facet].filter((value) => index.bits[facet].has(value));
  return cleaned as FilterState;
}

export const createDatasetSlice: StateCreator<AppState, [], [], DatasetSlice> = (set, get) => ({
  dataset: null,
  facetIndex: null,
  loadStatus: 'idle',
  loadError: null,
  searchIndex: null,
  datasetRequested: () => set({ loadStatus: 'loading', loadError: null }),
  searchIndexLoaded: (dataset, index) => {
    if (get().dataset === dataset) set({ searchIndex: index });
  },
  datasetLoaded: (result) => {
    if (!result.ok) {
      set({ loadStatus: 'error', loadError: result.error });
      return;
    }
    const dataset = result.value;
    const facetIndex = buildFacetIndex(dataset.structures, initiativeCategoriesByStructure(dataset));
    set({
      dataset,
      facetIndex,
      searchIndex: null,
      loadStatus: 'ready',
      loadError: null,
      filter: knownValuesOnly(get().filter, facetIndex),
      selectedId: resolveStructureId(dataset, get().selectedId),
    });
  },
});
