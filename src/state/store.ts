import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { mergeShortlist } from '../domain/shortlist';
import { createDatasetSlice, type DatasetSlice, resolveStructureId } from './slices/dataset-slice';
import { createFilterSlice, type FilterSlice } from './slices/filter-slice';
import { createSelectionSlice, type SelectionSlice } from './slices/selection-slice';
import { createShortlistSlice, type ShortlistSlice } from './slices/shortlist-slice';
import { createUiSlice, type UiSlice } from './slices/ui-slice';
import type { UrlState } from './url';

export type AppState = DatasetSlice &
  FilterSlice &
  SelectionSlice &
  ShortlistSlice &
  UiSlice & {
    /** Applies a parsed link (start-up, back/forward): filters, selection, language, list and layer settings. */
    urlStateApplied(state: UrlState): void;
  };
export type AppStore = StoreApi<AppState>;

/** A fresh store: the app makes one, each test makes its own. */
export function createAppStore(initial: Partial<AppState> = {}): AppStore {
  return createStore<AppState>()((...args) => {
    const [set] = args;
    return {
      ...createDatasetSlice(...args),
      ...createFilterSlice(...args),
      ...createSelectionSlice(...args),
      ...createShortlistSlice(...args),
      ...createUiSlice(...args),
      urlStateApplied: (url) =>
        set((state) => ({
          filter: url.filter,
          selectedId:
            url.selectedId !== null && state.dataset !== null
              ? (resolveStructureId(state.dataset, url.selectedId) ?? url.selectedId)
              : url.selectedId,
          selectedInitiativeId: null,
          selectionOrigin: 'url',
          language: url.language,
          sort: url.sort,
          onlyInView: url.onlyInView,
          mobileView: url.mobileView,
          initiativesLayer: url.initiativesLayer,
          place: url.place,
          radiusKm: url.radiusKm,
          choropleth: url.choropleth,
          choroplethMeasure: url.choroplethMeasure,
          embed: url.embed,
          shortlist:
            url.selection === null ? state.shortlist : mergeShortlist(state.shortlist, url.selection),
          shortlistOnly: url.selection !== null,
          cameraCommand:
            url.camera === null
              ? state.cameraCommand
              : { camera: url.camera, sequence: (state.cameraCommand?.sequence ?? 0) + 1 },
        })),
      ...initial,
    };
  });
}

export const appStore: AppStore = createAppStore();

/** Reads the app store through a selector. Selectors that build arrays or objects must be memoised. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
