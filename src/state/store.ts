import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createDatasetSlice, type DatasetSlice } from './slices/dataset-slice';
import { createSelectionSlice, type SelectionSlice } from './slices/selection-slice';
import { createUiSlice, type UiSlice } from './slices/ui-slice';

export type AppState = DatasetSlice & SelectionSlice & UiSlice;
export type AppStore = StoreApi<AppState>;

/** A fresh store: the app makes one, each test makes its own. */
export function createAppStore(initial: Partial<AppState> = {}): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createDatasetSlice(...args),
    ...createSelectionSlice(...args),
    ...createUiSlice(...args),
    ...initial,
  }));
}

export const appStore: AppStore = createAppStore();

/** Reads the app store through a selector. Selectors that build arrays or objects must be memoised. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
