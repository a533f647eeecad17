import { describe, expect, it } from 'vitest';
import { hasBit } from '../../src/domain/bitset';
import { selectMapProps } from '../../src/state/map-selector';
import {
  selectDistanceKm,
  selectFilterResult,
  selectListStructures,
  selectNearestOutsideRadius,
  selectSelectedStructure,
  selectTypeColors,
} from '../../src/state/selectors';
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

  it('drops the filter values of a link that the loaded dataset does not know, and keeps the others', () => {
    const store = createAppStore();
    store.getState().toggleFacetValue('type', 'fablab');
    store.getState().toggleFacetValue('type', 'robot');
    store.getState().toggleFacetValue('theme', 'atlantide');
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
    expect(store.getState().filter.type).toEqual(['fablab']);
    expect(store.getState().filter.theme).toEqual([]);
    expect(selectFilterResult(store.getState())?.count).toBe(1);
  });

  it('selects a structure and remembers where the selection came from', () => {
    const store = loadedStore();
    store.getState().selectStructure('b', 'list');
    expect(selectSelectedStructure(store.getState())?.id).toBe('b');
    expect(store.getState().selectionOrigin).toBe('list');
    store.getState().selectStructure('unknown');
    expect(selectSelectedStructure(store.getState())).toBeNull();
  });

  it('builds the map props once and changes only the part a change touches', () => {
    const store = loadedStore();
    const props = selectMapProps(store.getState());
    expect(props.structures.points.ids).toEqual(['pole-emc2', 'b']);
    expect(props.structures.points.types[props.structures.points.category[1] ?? -1]).toBe('fablab');
    expect(props.selection).toEqual({ id: null });

    store.getState().selectStructure('b');
    const selected = selectMapProps(store.getState());
    expect(selected).not.toBe(props);
    expect(selected.selection).toEqual({ id: 'b' });
    expect(selected.structures).toBe(props.structures);
    expect(selected.initiatives).toBe(props.initiatives);
    expect(selectMapProps(store.getState())).toBe(selected);

    store.getState().toggleFacetValue('type', 'fablab');
    const filtered = selectMapProps(store.getState());
    expect(filtered.structures).not.toBe(props.structures);
    expect(filtered.structures.points).toBe(props.structures.points);
    expect(filtered.selection).toBe(selected.selection);
    const mask = filtered.structures.visible;
    if (mask === null) throw new Error('no filter result');
    expect([hasBit(mask, 0), hasBit(mask, 1)]).toEqual([false, true]);
    expect(selectTypeColors(store.getState())).toBe(selectTypeColors(store.getState()));
    expect(selectTypeColors(store.getState())).toEqual([
      { code: 'pole-competitivite', color: '#17becf' },
      { code: 'fablab', color: '#ff7f0e' },
    ]);
  });
});

describe('around a place', () => {
  function storeAround() {
    const store = createAppStore();
    store.getState().datasetLoaded({
      ok: true,
      value: {
        structures: [
          structure({ id: 'nantes', coordinates: [-1.55, 47.22] }),
          structure({ id: 'reze', type: 'fablab', coordinates: [-1.57, 47.19] }),
          structure({ id: 'brest', type: 'fablab', coordinates: [-4.49, 48.39] }),
          structure({ id: 'rennes', coordinates: [-1.68, 48.11] }),
        ],
        initiatives: [],
        taxonomies: TAXONOMIES,
        territories: { regions: [], departements: [] },
        issues: [],
      },
    });
    return store;
  }

  it('counts what lies within the radius, combined with the facets, nearest first', () => {
    const store = storeAround();
    store.getState().setPlace({ label: 'Nantes (44)', lngLat: [-1.554, 47.218] });
    expect(store.getState().sort).toBe('distance');
    expect(selectListStructures(store.getState()).map((item) => item.id)).toEqual(['nantes', 'reze']);
    expect(selectFilterResult(store.getState())?.counts.type.get('fablab')).toBe(1);
    expect(selectDistanceKm(store.getState(), 'reze')).toBeCloseTo(3.6, 0);
    store.getState().setRadius(200);
    expect(selectListStructures(store.getState()).map((item) => item.id)).toEqual([
      'nantes',
      'reze',
      'rennes',
    ]);
    store.getState().toggleFacetValue('type', 'fablab');
    expect(selectListStructures(store.getState()).map((item) => item.id)).toEqual(['reze']);
    store.getState().setPlace(null);
    expect(store.getState().sort).toBe('nom');
    expect(selectDistanceKm(store.getState(), 'reze')).toBeNull();
  });

  it('offers the five nearest matching structures when the radius holds nothing', () => {
    const store = storeAround();
    store.getState().setPlace({ label: 'Guéret (23)', lngLat: [1.87, 46.17] });
    store.getState().setRadius(5);
    expect(selectFilterResult(store.getState())?.count).toBe(0);
    expect(selectNearestOutsideRadius(store.getState()).map((item) => item.id)).toEqual([
      'nantes',
      'reze',
      'rennes',
      'brest',
    ]);
    store.getState().toggleFacetValue('type', 'fablab');
    expect(selectNearestOutsideRadius(store.getState()).map((item) => item.id)).toEqual(['reze', 'brest']);
    store.getState().setPlace({ label: 'Nantes (44)', lngLat: [-1.554, 47.218] });
    expect(selectNearestOutsideRadius(store.getState())).toEqual([]);
  });
});
