import { describe, expect, it } from 'vitest';
import { startPreferencesSync } from '../../src/state/preferences-sync';
import { createAppStore } from '../../src/state/store';

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const values = new Map(Object.entries(initial));
  return {
    get length() {
      return values.size;
    },
    clear: () => values.clear(),
    getItem: (key) => values.get(key) ?? null,
    key: (index) => [...values.keys()][index] ?? null,
    removeItem: (key) => values.delete(key),
    setItem: (key, value) => values.set(key, value),
  };
}

describe('preferences kept in the browser', () => {
  it('restores the basemap picked last time and remembers a new choice', () => {
    const storage = memoryStorage({ 'atlas.fond-de-carte': 'osm' });
    const store = createAppStore();
    const stop = startPreferencesSync(store, storage);
    expect(store.getState().basemap).toBe('osm');
    store.getState().setBasemap('plan-ign');
    expect(storage.getItem('atlas.fond-de-carte')).toBe('plan-ign');
    store.getState().basemapFailedToLoad();
    expect(store.getState()).toMatchObject({ basemap: 'hors-ligne', basemapFailed: true });
    expect(storage.getItem('atlas.fond-de-carte')).toBe('hors-ligne');
    stop();
  });

  it('ignores garbage and works without storage', () => {
    const store = createAppStore();
    startPreferencesSync(store, memoryStorage({ 'atlas.fond-de-carte': 'http://evil.example' }))();
    expect(store.getState().basemap).toBe('hors-ligne');
    const stop = startPreferencesSync(store, null);
    store.getState().setBasemap('osm');
    expect(store.getState().basemap).toBe('osm');
    stop();
  });
});
