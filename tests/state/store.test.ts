import { describe, expect, it } from 'vitest';
import { selectMapFeatures, selectSelectedStructure, selectTypeColors } from '../../src/state/selectors';
import { createAppStore } from '../../src/state/store';
import { structure, TAXONOMIES } from '../helpers';

function loadedStore() {
  const store = createAppStore();
  store.getState().datasetLoaded({
    ok: true,
    value: {
      structures: [structure(), structure({ id: 'b', type: 'fablab' })],
      initiatives: [],
      taxonomies: TAXONOMIES,
      territories: { regions: [], departements: [] },
      issues: [],
    },
  });
  return store;
}

describe('app store', () => {
  it('tracks loading, success and failure', () => {
    const store = createAppStore();
    store.getState().datasetRequested();
    expect(store.getState().loadStatus).toBe('loading');
    store.getState().datasetLoaded({ ok: false, error: 'offline' });
    expect(store.getState()).toMatchObject({ loadStatus: 'error', loadError: 'offline', dataset: null });
  });

  it('selects a structure and remembers where the selection came from', () => {
    const store = loadedStore();
    store.getState().selectStructure('b', 'list');
    expect(selectSelectedStructure(store.getState())?.id).toBe('b');
    expect(store.getState().selectionOrigin).toBe('list');
    store.getState().selectStructure('unknown');
    expect(selectSelectedStructure(store.getState())).toBeNull();
  });

  it('memoises the map features and type colours', () => {
    const store = loadedStore();
    const features = selectMapFeatures(store.getState());
    expect(features.features.map((feature) => [feature.id, feature.properties.type])).toEqual([
      ['pole-emc2', 'pole-competitivite'],
      ['b', 'fablab'],
    ]);
    store.getState().selectStructure('b');
    expect(selectMapFeatures(store.getState())).toBe(features);
    expect(selectTypeColors(store.getState())).toBe(selectTypeColors(store.getState()));
    expect(selectTypeColors(store.getState())).toEqual([
      { code: 'pole-competitivite', color: '#17becf' },
      { code: 'fablab', color: '#ff7f0e' },
    ]);
  });
});
