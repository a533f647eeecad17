import type { StateCreator } from 'zustand';
import {
  EMPTY_SHORTLIST,
  mergeShortlist,
  type Shortlist,
  setNote,
  toggleShortlisted,
} from '../../domain/shortlist';
import type { AppState } from '../store';

export type ShortlistSlice = {
  /** "Ma sélection": kept in this browser's storage (`preferences-sync.ts`). */
  shortlist: Shortlist;
  /** Whether the list, the counts and the map show only the starred structures (`selection=` in the link). */
  shortlistOnly: boolean;
  toggleShortlisted(id: string): void;
  setShortlistNote(id: string, note: string): void;
  setShortlistOnly(only: boolean): void;
  /** Adds starred ids read from storage or a shared link to the ones already there. */
  shortlistMerged(ids: readonly string[], notes?: Record<string, string>): void;
};

export const createShortlistSlice: StateCreator<AppState, [], [], ShortlistSlice> = (set) => ({
  shortlist: EMPTY_SHORTLIST,
  shortlistOnly: false,
  toggleShortlisted: (id) => set((state) => ({ shortlist: toggleShortlisted(state.shortlist, id) })),
  setShortlistNote: (id, note) => set((state) => ({ shortlist: setNote(state.shortlist, id, note) })),
  setShortlistOnly: (shortlistOnly) => set({ shortlistOnly }),
  shortlistMerged: (ids, notes) =>
    set((state) => ({ shortlist: mergeShortlist(state.shortlist, ids, notes) })),
});
