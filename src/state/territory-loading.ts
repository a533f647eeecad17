import { formatTerritory } from '../domain/territory';
import { loadBoundary } from '../loaders/load-boundary';
import { startPlaceIndexLoading } from './place-indexing';
import type { AppStore } from './store';

/**
 * Whenever a territory view opens (a click, a link, back/forward), loads what it needs and the first paint does
 * not: the place index (names, populations, parent levels) and the territory's outline. The files read are kept
 * for this store only. Returns a stop function.
 */
export function startTerritoryLoading(
  store: AppStore,
  urls: { data: string; basemap: string; boundaries: string },
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): () => void {
  const files = new Map<string, Promise<unknown>>();
  const check = () => {
    const state = store.getState();
    const territory = state.filter.territory ?? null;
    if (territory === null) return;
    if (state.placeIndexStatus === 'idle') startPlaceIndexLoading(store, urls.data);
    const key = formatTerritory(territory);
    if (state.territoryOutline?.key === key) return;
    state.territoryOutlineRequested(key);
    void loadBoundary(territory, urls, files, fetchImpl).then((result) =>
      store.getState().territoryOutlineLoaded(key, result.ok ? result.value : null),
    );
  };
  check();
  return store.subscribe((state, previous) => {
    if (state.filter.territory !== previous.filter.territory) check();
  });
}
