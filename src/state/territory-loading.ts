import { formatTerritory } from '../domain/territory';
import { loadBoundaries, loadBoundary } from '../loaders/load-boundary';
import { startPlaceIndexLoading } from './place-indexing';
import type { AppStore } from './store';

/**
 * Whenever a territory view or a choropleth opens (a click, a link, back/forward), loads what it needs and the
 * first paint does not: the place index (names, populations, parent levels) and the outlines. The files read are kept
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
    const level = state.choropleth;
    if (level !== null && state.choroplethShapes?.level !== level) {
      state.choroplethShapesRequested(level);
      void loadBoundaries(level, urls, files, fetchImpl).then((result) =>
        store.getState().choroplethShapesLoaded(level, result.ok ? result.value : null),
      );
    }
    if (level !== null && state.placeIndexStatus === 'idle') startPlaceIndexLoading(store, urls.data);
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
    if (state.filter.territory !== previous.filter.territory || state.choropleth !== previous.choropleth)
      check();
  });
}
