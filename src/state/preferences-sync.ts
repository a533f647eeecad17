import { BASEMAP_KINDS, type BasemapKind } from '../domain/map-props';
import { parseStoredShortlist } from '../domain/shortlist';
import type { AppStore } from './store';

const BASEMAP_KEY = 'atlas.fond-de-carte';
const SHORTLIST_KEY = 'atlas.ma-selection';

/**
 * Restores what is kept in this browser (the basemap picked, "Ma sélection" with its notes) and keeps it as it
 * changes. A stored selection is merged with one a shared link brought. Storage that is refused or holds garbage
 * leaves the defaults.
 */
export function startPreferencesSync(store: AppStore, storage: Storage | null = safeStorage()): () => void {
  const saved = storage?.getItem(BASEMAP_KEY) ?? null;
  if (saved !== null && (BASEMAP_KINDS as readonly string[]).includes(saved))
    store.getState().setBasemap(saved as BasemapKind);
  let stored: string | null = null;
  try {
    stored = storage?.getItem(SHORTLIST_KEY) ?? null;
  } catch {
    stored = null;
  }
  const kept = parseStoredShortlist(stored);
  if (kept.ids.length > 0) store.getState().shortlistMerged(kept.ids, { ...kept.notes });
  const write = (key: string, value: string) => {
    try {
      storage?.setItem(key, value);
    } catch {
      return;
    }
  };
  if (store.getState().shortlist !== kept && store.getState().shortlist.ids.length > 0)
    write(SHORTLIST_KEY, JSON.stringify(store.getState().shortlist));
  return store.subscribe((state, previous) => {
    if (state.basemap !== previous.basemap) write(BASEMAP_KEY, state.basemap);
    if (state.shortlist !== previous.shortlist) write(SHORTLIST_KEY, JSON.stringify(state.shortlist));
  });
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
