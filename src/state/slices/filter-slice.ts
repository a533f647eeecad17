import type { StateCreator } from 'zustand';
import { DEFAULT_FILTER, type Facet, type FilterState, toggleValue } from '../../domain/filter';
import type { AppState } from '../store';

export type FilterSlice = {
  filter: FilterState;
  toggleFacetValue(facet: Facet, value: string): void;
  clearFacet(facet: Facet): void;
  clearFilters(): void;
  setQuery(query: string): void;
};

export const createFilterSlice: StateCreator<AppState, [], [], FilterSlice> = (set) => ({
  filter: DEFAULT_FILTER,
  toggleFacetValue: (facet, value) => set((state) => ({ filter: toggleValue(state.filter, facet, value) })),
  clearFacet: (facet) => set((state) => ({ filter: { ...state.filter, [facet]: [] } })),
  clearFilters: () => set({ filter: DEFAULT_FILTER }),
  setQuery: (query) => set((state) => ({ filter: { ...state.filter, query } })),
});
