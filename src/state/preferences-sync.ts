import { BASEMAP_KINDS, type BasemapKind } from '../domain/map-props';
import type { AppStore } from './store';

const BASEMAP_KEY = 'atlas.fond-de-carte';

/**
 * Restores the preferences kept in this browser (the basemap picked) and keeps them as they change. Storage that
 * is refused or holds garbage leaves the defaults.
 */
export function startPreferencesSync(store: AppStore, storage: Storage | null = safeStorage()): () => void {
  const saved = storage?.getItem(BASEMAP_KEY) ?? null;
  if (saved !== null && (BASEMAP_KINDS as readonly string[]).includes(saved))
    store.getState().setBasemap(saved as BasemapKind);
  return store.subscribe((state, previous) => {
    if (state.basemap === previous.basemap) return;
    try {
      storage?.setItem(BASEMAP_KEY, state.basemap);
    } catch {
      return;
    }
  });
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
