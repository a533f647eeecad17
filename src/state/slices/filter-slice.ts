import type { StateCreator } from 'zustand';
import { DEFAULT_FILTER, type Facet, type FilterState, toggleValue } from '../../domain/filter';
import type { TerritoryRef } from '../../domain/territory';
import type { AppState } from '../store';

export type FilterSlice = {
  filter: FilterState;
  toggleFacetValue(facet: Facet, value: string): void;
  clearFacet(facet: Facet): void;
  /** Clears the facets and the search; an open territory view stays open. */
  clearFilters(): void;
  setQuery(query: string): void;
  /**
   * Opens a territory view: the list, counts and map narrow to it, and the region, department and
   * intercommunality facets are cleared (the territory replaces them). Null closes it.
   */
  openTerritory(territory: TerritoryRef | null): void;
};

export const createFilterSlice: StateCreator<AppState, [], [], FilterSlice> = (set) => ({
  filter: DEFAULT_FILTER,
  toggleFacetValue: (facet, value) => set((state) => ({ filter: toggleValue(state.filter, facet, value) })),
  clearFacet: (facet) => set((state) => ({ filter: { ...state.filter, [facet]: [] } })),
  clearFilters: () =>
    set((state) => ({ filter: { ...DEFAULT_FILTER, territory: state.filter.territory ?? null } })),
  setQuery: (query) => set((state) => ({ filter: { ...state.filter, query } })),
  openTerritory: (territory) =>
    set((state) => ({
      filter:
        territory === null
          ? { ...state.filter, territory: null }
          : { ...state.filter, region: [], departement: [], epci: [], territory },
    })),
});
