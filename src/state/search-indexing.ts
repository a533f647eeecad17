import type { Dataset } from '../loaders/load-dataset';
import { selectSearchPending } from './selectors';
import type { AppStore } from './store';

/** Loads the chunk that builds the full-text index (MiniSearch); the first paint does not need it. */
export function loadSearchIndexBuilder() {
  return import('./search-index-builder');
}

/**
 * Builds the full-text index of the loaded dataset on the first query (typed, or from a link), in a chunk loaded
 * then, and hands it to the store. Until it arrives the list is not narrowed by the query. Returns the unsubscribe.
 */
export function startSearchIndexing(store: AppStore): () => void {
  let requested: Dataset | null = null;
  const check = () => {
    const state = store.getState();
    if (!selectSearchPending(state) || state.dataset === null || state.dataset === requested) return;
    const dataset = state.dataset;
    requested = dataset;
    void loadSearchIndexBuilder().then(({ createDatasetSearchIndex }) => {
      requested = null;
      store.getState().searchIndexLoaded(dataset, createDatasetSearchIndex(dataset));
    });
  };
  check();
  return store.subscribe(check);
}
