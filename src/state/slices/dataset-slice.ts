import type { StateCreator } from 'zustand';
import type { Dataset } from '../../loaders/load-dataset';
import type { AppState } from '../store';

export type DatasetSlice = {
  dataset: Dataset | null;
  loadStatus: 'idle' | 'loading' | 'ready' | 'error';
  loadError: string | null;
  datasetRequested(): void;
  datasetLoaded(result: { ok: true; value: Dataset } | { ok: false; error: string }): void;
};

export const createDatasetSlice: StateCreator<AppState, [], [], DatasetSlice> = (set) => ({
  dataset: null,
  loadStatus: 'idle',
  loadError: null,
  datasetRequested: () => set({ loadStatus: 'loading', loadError: null }),
  datasetLoaded: (result) =>
    set(
      result.ok
        ? { dataset: result.value, loadStatus: 'ready', loadError: null }
        : { loadStatus: 'error', loadError: result.error },
    ),
});
