import type { StateCreator } from 'zustand';
import type { AppState } from '../store';

/** Where a selection came from: the map already shows a structure clicked on it, a list pick must bring it into view. */
export type SelectionOrigin = 'map' | 'list' | 'url';

export type SelectionSlice = {
  selectedId: string | null;
  /** A network-wide Covid initiative picked on the map (one no structure ran). */
  selectedInitiativeId: string | null;
  selectionOrigin: SelectionOrigin;
  selectStructure(id: string | null, origin?: SelectionOrigin): void;
  selectInitiative(id: string | null): void;
};

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selectedId: null,
  selectedInitiativeId: null,
  selectionOrigin: 'map',
  selectStructure: (id, origin = 'map') =>
    set({ selectedId: id, selectedInitiativeId: null, selectionOrigin: origin }),
  selectInitiative: (id) => set({ selectedInitiativeId: id, selectedId: null }),
});
