import type { AppStore } from './store';

/** Loads the choropleth's computations the first time a choropleth is asked for (a click or a link). */
export function startChoroplethLoading(store: AppStore): () => void {
  let started = false;
  const check = () => {
    if (started || store.getState().choropleth === null) return;
    started = true;
    void import('./choropleth-sync').then(({ startChoroplethSync }) => startChoroplethSync(store));
  };
  check();
  return store.subscribe(check);
}
