import type { AppStore } from './store';

/**
 * Loads the offline place index on the first use of the place search (or again after a failure), in a chunk of
 * its own with its loader: the first paint does not need it.
 */
export function startPlaceIndexLoading(store: AppStore, dataUrl: string): void {
  const status = store.getState().placeIndexStatus;
  if (status === 'loading' || status === 'ready') return;
  store.getState().placeIndexRequested();
  void import('../loaders/load-places')
    .then(({ loadPlaces }) => loadPlaces(dataUrl))
    .catch((error: unknown) => ({ ok: false as const, error: String(error) }))
    .then((result) => store.getState().placeIndexLoaded(result));
}
