import type { AppStore } from './store';
import { selectChoropleth } from './territory-selectors';

/**
 * Keeps `choroplethView` in step with the filters while a choropleth is on. Loaded with the first choropleth, so
 * the classes (simple-statistics) and the territory figures stay out of the first paint.
 */
export function startChoroplethSync(store: AppStore): () => void {
  const sync = () => {
    const state = store.getState();
    const view = state.choropleth === null ? null : selectChoropleth(state);
    if (view !== state.choroplethView) state.choroplethComputed(view);
  };
  sync();
  return store.subscribe(sync);
}
