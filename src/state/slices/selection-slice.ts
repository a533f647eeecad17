import type { StateCreator } from 'zustand';
import type { AppState } from '../store';

/** Where a selection came from: the map already shows a structure clicked on it, a list pick must bring it into view. */
export type SelectionOrigin = 'map' | 'list';

export type SelectionSlice = {
  selectedId: string | null;
  selectionOrigin: SelectionOrigin;
  selectStructure(id: string | null, origin?: SelectionOrigin): void;
};

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selectedId: null,
  selectionOrigin: 'map',
  selectStructure: (id, origin = 'map') => set({ selectedId: id, selectionOrigin: origin }),
});
