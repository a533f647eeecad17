// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { createBitset, fullBitset, setBit } from '../../src/domain/bitset';
import type { MapProps, StructurePoints } from '../../src/domain/map-props';
import type { LngLat } from '../../src/domain/types';
import { LAYER_INITIATIVES, SOURCE_INITIATIVES } from '../../src/map/layers/initiatives';
import { SOURCE_PLACE } from '../../src/map/layers/place';
import { LAYER_STRUCTURES, SOURCE_STRUCTURES } from '../../src/map/layers/structures';
import { SOURCE_TERRITORY } from '../../src/map/layers/territory';
import { MapController, type MapFactory, type MapHandlers, type MapLike } from '../../src/map/map-controller';

type Listener = (event: {
  features?: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[];
}) => void;

/** Records what the controller and its layer modules ask of the data map; stands in for MapLibre (no WebGL). */
class FakeMap {
  readonly listeners = new Map<string, Listener[]>();
  readonly setData = vi.fn();
  readonly setInitiativeData = vi.fn();
  readonly setFeatureState = vi.fn();
  readonly setPaintProperty = vi.fn();
  readonly easeTo = vi.fn();
  readonly fitBounds = vi.fn();
  readonly jumpTo = vi.fn();
  readonly setLayoutProperty = vi.fn();
  readonly remove = vi.fn();
  readonly triggerRepaint = vi.fn();
  readonly markers: { element: HTMLElement; lngLat: [number, number]; removed: boolean }[] = [];
  zoom = 6;
  rendered: { properties: Record<string, unknown>; geometry: { type: string } }[] = [];
  on(type: string, layerOrListener: string | Listener, maybeListener?: Listener) {
    const key = typeof layerOrListener === 'string' ? `${type}:${layerOrListener}` : type;
    const listener = typeof layerOrListener === 'string' ? maybeListener : layerOrListener;
    if (listener) this.listeners.set(key, [...(this.listeners.get(key) ?? []), listener]);
  }
  fire(key: string, event: Parameters<Listener>[0] = {}) {
    for (const listener of this.listeners.get(key) ?? []) listener(event);
  }
  readonly setPlaceData = vi.fn();
  readonly setTerritoryData = vi.fn();
  getSource(id: string) {
    if (id === SOURCE_TERRITORY) return { setData: this.setTerritoryData };
    if (id === SOURCE_STRUCTURES) return { setData: this.setData };
    if (id === SOURCE_PLACE) return { setData: this.setPlaceData };
    return id === SOURCE_INITIATIVES ? { setData: this.setInitiativeData } : undefined;
  }
  getZoom() {
    return this.zoom;
  }
  getBearing() {
    return 0;
  }
  getPitch() {
    return 0;
  }
  getCenter() {
    return { lng: 2.5, lat: 46.5 };
  }
  getBounds() {
    return { getWest: () => -5, getSouth: () => 41, getEast: () => 9, getNorth: () => 51 };
  }
  project([lng, lat]: [number, number]) {
    return { x: lng * 10, y: lat * 10 };
  }
  queryRenderedFeatures() {
    return this.rendered;
  }
  getCanvas() {
    return { style: { cursor: '' } };
  }
  addMarker(element: HTMLElement, lngLat: [number, number]) {
    const marker = { element, lngLat, removed: false };
    this.markers.push(marker);
    return {
      setLngLat: (next: [number, number]) => {
        marker.lngLat = next;
      },
      remove: () => {
        marker.removed = true;
      },
    };
  }
  liveMarkers() {
    return this.markers.filter((marker) => !marker.removed);
  }
  /** The ids whose last `single` feature-state is true: the structures drawn as points. */
  singles() {
    const last = new Map<string, boolean>();
    for (const [feature, state] of this.setFeatureState.mock.calls as [
      { id: string },
      { single?: boolean },
    ][])
      if (state.single !== undefined) last.set(feature.id, state.single);
    return [...last].flatMap(([id, single]) => (single ? [id] : [])).sort();
  }
}

class FakeBasemap {
  readonly listeners = new Map<string, (() => void)[]>();
  readonly jumpTo = vi.fn();
  readonly redraw = vi.fn();
  readonly setStyle = vi.fn();
  readonly remove = vi.fn();
  on(type: string, listener: () => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  fire(type: string) {
    for (const listener of this.listeners.get(type) ?? []) listener();
  }
}

/** Five structures: three in Rennes (a cluster at zoom 6), one in Lyon and one in Marseille. */
const points: StructurePoints = {
  ids: ['a', 'b', 'c', 'd', 'e'],
  coordinates: [
    [-1.68, 48.11],
    [-1.67, 48.12],
    [-1.69, 48.1],
    [4.83, 45.76],
    [5.37, 43.3],
  ] as LngLat[],
  category: Uint8Array.from([0, 1, 1, 0, 1]),
  types: ['fablab', 'incubateur'],
};
const colors = [
  { code: 'fablab', color: '#ff7f0e' },
  { code: 'incubateur', color: '#1f77b4' },
];
const noInitiatives = { points: [], visible: false };
const noPlace = { place: null, radiusKm: 20 };

function props(overrides: Partial<MapProps> = {}): MapProps {
  return {
    structures: { points, visible: fullBitset(5), colors },
    initiatives: noInitiatives,
    selection: { id: null },
    place: noPlace,
    territory: { outline: null },
    coverage: { gaps: [] },
    choropleth: { shapes: [], colours: new Map() },
    basemap: 'hors-ligne',
    ...overrides,
  };
}

function setup(extra: Partial<MapHandlers> = {}) {
  const fake = new FakeMap();
  const basemap = new FakeBasemap();
  const factory: MapFactory = () => ({ map: fake as unknown as MapLike, basemap });
  const handlers = { onSelect: vi.fn(), onSelectInitiative: vi.fn(), onViewChange: vi.fn(), ...extra };
  const controller = new MapController(
    document.createElement('div'),
    { current: handlers },
    { basemapUrl: 'http://localhost/basemap/', view: { bounds: [-5, 41, 9, 51] }, createMaps: factory },
  );
  return { fake, basemap, controller, handlers };
}

/** Every recorded call the map received, by method name. */
function callCounts(fake: FakeMap) {
  return {
    setData: fake.setData.mock.calls.length,
    setInitiativeData: fake.setInitiativeData.mock.calls.length,
    setPlaceData: fake.setPlaceData.mock.calls.length,
    setTerritoryData: fake.setTerritoryData.mock.calls.length,
    setFeatureState: fake.setFeatureState.mock.calls.length,
    setPaintProperty: fake.setPaintProperty.mock.calls.length,
    setLayoutProperty: fake.setLayoutProperty.mock.calls.length,
    triggerRepaint: fake.triggerRepaint.mock.calls.length,
    markers: fake.markers.length,
  };
}

describe('MapController', () => {
  it('keeps props given before the style loads, and applies them on load', () => {
    const { fake, controller } = setup();
    controller.setProps(props({ selection: { id: 'd' } }));
    expect(fake.setData).not.toHaveBeenCalled();
    fake.fire('load');
    expect(fake.setData).toHaveBeenCalledTimes(1);
    expect(fake.setFeatureState).toHaveBeenCalledWith(
      { source: SOURCE_STRUCTURES, id: 'd' },
      { selected: true },
    );
    expect(fake.setPaintProperty).toHaveBeenCalledWith(LAYER_STRUCTURES, 'circle-color', [
      'match',
      ['get', 'type'],
      'fablab',
      '#ff7f0e',
      'incubateur',
      '#1f77b4',
      '#555555',
    ]);
  });

  it('draws the Rennes cluster as one marker with its breakdown, and the two others as points', () => {
    const { fake, controller } = setup();
    fake.fire('load');
    controller.setProps(props());
    const [marker, ...others] = fake.liveMarkers();
    expect(others).toEqual([]);
    expect(marker?.element.getAttribute('aria-label')).toBe('3 structures');
    expect(marker?.element.tagName).toBe('BUTTON');
    expect(marker?.element.querySelectorAll('circle[stroke]')).toHaveLength(2);
    const all = fake.setData.mock.lastCall?.[0] as { features: { id: string }[] };
    expect(all.features.map((feature) => feature.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(fake.singles()).toEqual(['d', 'e']);
  });

  it('on a new dataset, switches off the points of the old one and sends the new points once', () => {
    const { fake, controller } = setup();
    fake.fire('load');
    controller.setProps(props());
    expect(fake.singles()).toEqual(['d', 'e']);
    const replacement: StructurePoints = {
      ids: ['x'],
      coordinates: [[2.35, 48.85]],
      category: Uint8Array.from([0]),
      types: ['fablab'],
    };
    controller.setProps(props({ structures: { points: replacement, visible: fullBitset(1), colors } }));
    expect(fake.singles()).toEqual(['x']);
    expect(fake.setData).toHaveBeenCalledTimes(2);
  });

  it('names a cluster through the handler, largest type first', () => {
    const clusterLabel = vi.fn(() => 'Groupe de 3 structures');
    const { fake, controller } = setup({ clusterLabel });
    fake.fire('load');
    controller.setProps(props());
    expect(clusterLabel).toHaveBeenCalledWith(3, [
      { code: 'incubateur', count: 2 },
      { code: 'fablab', count: 1 },
    ]);
    expect(fake.liveMarkers()[0]?.element.getAttribute('aria-label')).toBe('Groupe de 3 structures');
  });

  it('recounts clusters under a filter without setData: a cluster left with one structure becomes that point', () => {
    const { fake, controller } = setup();
    fake.fire('load');
    const all = props();
    controller.setProps(all);
    const visible = createBitset(5);
    setBit(visible, 0);
    setBit(visible, 3);
    controller.setProps({ ...all, structures: { ...all.structures, visible } });
    expect(fake.liveMarkers()).toEqual([]);
    expect(fake.singles()).toEqual(['a', 'd']);
    expect(fake.setData).toHaveBeenCalledTimes(1);
  });

  it('updates only the layer module whose prop changed (counted calls)', () => {
    const { fake, controller } = setup();
    fake.fire('load');
    const first = props();
    controller.setProps(first);
    const before = callCounts(fake);

    controller.setProps({ ...first, selection: { id: 'a' } });
    expect(callCounts(fake)).toEqual({ ...before, setFeatureState: before.setFeatureState + 1 });

    const second = { ...first, selection: { id: 'a' } };
    controller.setProps(second);
    controller.setProps({ ...second });
    expect(callCounts(fake)).toEqual({ ...before, setFeatureState: before.setFeatureState + 1 });

    const third = { ...second, initiatives: { points: [], visible: true } };
    controller.setProps(third);
    expect(callCounts(fake)).toEqual({
      ...before,
      setFeatureState: before.setFeatureState + 1,
      setInitiativeData: before.setInitiativeData + 1,
      setLayoutProperty: before.setLayoutProperty + 1,
    });

    const visible = createBitset(5);
    setBit(visible, 4);
    controller.setProps({ ...third, structures: { ...third.structures, visible } });
    expect(callCounts(fake)).toEqual({
      ...before,
      setFeatureState: before.setFeatureState + 2,
      triggerRepaint: before.triggerRepaint + 1,
      setInitiativeData: before.setInitiativeData + 1,
      setLayoutProperty: before.setLayoutProperty + 1,
    });
  });

  it('draws the chosen place and its radius, touching no other layer', () => {
    const { fake, controller } = setup();
    fake.fire('load');
    const first = props();
    controller.setProps(first);
    const before = callCounts(fake);
    controller.setProps({
      ...first,
      place: { place: { label: 'Brest (29)', lngLat: [-4.49, 48.39] }, radiusKm: 20 },
    });
    expect(callCounts(fake)).toEqual({ ...before, setPlaceData: before.setPlaceData + 1 });
    const drawn = fake.setPlaceData.mock.lastCall?.[0] as {
      features: { geometry: { type: string; coordinates: unknown } }[];
    };
    expect(drawn.features.map((feature) => feature.geometry.type)).toEqual(['Polygon', 'Point']);
    const polygon = drawn.features[0]?.geometry.coordinates as [number, number][][] | undefined;
    const ring = polygon?.[0] ?? [];
    expect(ring).toHaveLength(65);
    const northmost = Math.max(...ring.map(([, lat]) => lat));
    expect(northmost - 48.39).toBeCloseTo(20 / 111.2, 2);
  });

  it('draws the open territory outline, touching no other layer, and clears it when the view closes', () => {
    const { fake, controller } = setup();
    fake.fire('load');
    const first = props();
    controller.setProps(first);
    const before = callCounts(fake);
    const outline = {
      type: 'Feature' as const,
      properties: { code: '242900314', nom: 'Brest Métropole' },
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [-4.6, 48.3],
            [-4.3, 48.3],
            [-4.3, 48.5],
            [-4.6, 48.3],
          ],
        ],
      },
    };
    const opened = { ...first, territory: { outline } };
    controller.setProps(opened);
    expect(callCounts(fake)).toEqual({ ...before, setTerritoryData: before.setTerritoryData + 1 });
    expect(fake.setTerritoryData.mock.lastCall?.[0]).toEqual({
      type: 'FeatureCollection',
      features: [outline],
    });
    controller.setProps({ ...opened, territory: { outline: null } });
    expect(fake.setTerritoryData.mock.lastCall?.[0]).toEqual({ type: 'FeatureCollection', features: [] });
  });

  it('moves the selection ring from one structure to the next', () => {
    const { fake, controller } = setup();
    fake.fire('load');
    const first = props({ selection: { id: 'a' } });
    controller.setProps(first);
    controller.setProps({ ...first, selection: { id: 'b' } });
    expect(fake.setFeatureState).toHaveBeenCalledWith(
      { source: SOURCE_STRUCTURES, id: 'a' },
      { selected: false },
    );
    expect(fake.setFeatureState).toHaveBeenLastCalledWith(
      { source: SOURCE_STRUCTURES, id: 'b' },
      { selected: true },
    );
  });

  it('turns a click on a point into a selection and a click on a cluster into a zoom to where it splits', () => {
    const { fake, controller, handlers } = setup();
    fake.fire('load');
    controller.setProps(props());
    fake.fire(`click:${LAYER_STRUCTURES}`, {
      features: [{ properties: { id: 'd' }, geometry: { type: 'Point', coordinates: [4.83, 45.76] } }],
    });
    expect(handlers.onSelect).toHaveBeenCalledWith('d');
    fake.liveMarkers()[0]?.element.click();
    const call = fake.easeTo.mock.lastCall?.[0] as { zoom: number; center: [number, number] };
    expect(call.zoom).toBeGreaterThan(6);
    expect(call.center[0]).toBeCloseTo(-1.68, 5);
  });

  it('for a cluster of structures on one spot, zooms past clustering and asks for the list', () => {
    const onStackOpened = vi.fn();
    const { fake, controller } = setup({ onStackOpened });
    fake.fire('load');
    const stacked: StructurePoints = {
      ids: ['x', 'y'],
      coordinates: [
        [2.35, 48.85],
        [2.35, 48.85],
      ],
      category: Uint8Array.from([0, 0]),
      types: ['fablab'],
    };
    controller.setProps(props({ structures: { points: stacked, visible: fullBitset(2), colors } }));
    fake.liveMarkers()[0]?.element.click();
    expect(onStackOpened).toHaveBeenCalled();
    expect(fake.easeTo).toHaveBeenCalledWith({ center: [2.35, 48.85], zoom: 14 });
  });

  it('redraws the structures when the camera crosses an integer zoom, not while it stays within one, without setData', () => {
    const { fake, controller } = setup();
    fake.fire('load');
    controller.setProps(props());
    const calls = fake.triggerRepaint.mock.calls.length;
    fake.zoom = 6.6;
    fake.fire('move');
    expect(fake.triggerRepaint).toHaveBeenCalledTimes(calls);
    fake.zoom = 14;
    fake.fire('move');
    expect(fake.triggerRepaint).toHaveBeenCalledTimes(calls + 1);
    expect(fake.liveMarkers()).toEqual([]);
    expect(fake.singles()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(fake.setData).toHaveBeenCalledTimes(1);
  });

  it('shows the initiatives layer on demand and routes its clicks', () => {
    const { fake, controller, handlers } = setup();
    fake.fire('load');
    const initiatives = {
      points: [
        { id: 'covid-a@d', initiativeId: 'covid-a', structureId: 'd', coordinates: [4.83, 45.76] as LngLat },
      ],
      visible: true,
    };
    controller.setProps(props({ initiatives }));
    expect(fake.setInitiativeData).toHaveBeenCalledTimes(1);
    expect(fake.setLayoutProperty).toHaveBeenLastCalledWith(LAYER_INITIATIVES, 'visibility', 'visible');
    controller.setProps(props({ initiatives: { ...initiatives, visible: false } }));
    expect(fake.setLayoutProperty).toHaveBeenLastCalledWith(LAYER_INITIATIVES, 'visibility', 'none');
    expect(fake.setInitiativeData).toHaveBeenCalledTimes(1);
    fake.fire(`click:${LAYER_INITIATIVES}`, {
      features: [
        {
          properties: { initiativeId: 'covid-a', structureId: 'pole-x' },
          geometry: { type: 'Point', coordinates: [1, 2] },
        },
      ],
    });
    expect(handlers.onSelect).toHaveBeenCalledWith('pole-x');
    fake.fire(`click:${LAYER_INITIATIVES}`, {
      features: [
        {
          properties: { initiativeId: 'covid-b', structureId: '' },
          geometry: { type: 'Point', coordinates: [1, 2] },
        },
      ],
    });
    expect(handlers.onSelectInitiative).toHaveBeenCalledWith('covid-b');
  });

  it('draws the basemap at the data map camera in the same frame, only after the camera moved', () => {
    const { fake, basemap } = setup();
    fake.fire('load');
    fake.fire('render');
    expect(basemap.redraw).not.toHaveBeenCalled();
    fake.fire('move');
    fake.fire('render');
    fake.fire('render');
    expect(basemap.jumpTo).toHaveBeenCalledWith({ center: [2.5, 46.5], zoom: 6, bearing: 0, pitch: 0 });
    expect(basemap.redraw).toHaveBeenCalledTimes(1);
  });

  it('switches the basemap only when asked, and reports an online one failing once', () => {
    const onBasemapFailed = vi.fn();
    const { fake, basemap, controller } = setup({ onBasemapFailed });
    fake.fire('load');
    controller.setProps(props());
    basemap.fire('error');
    expect(onBasemapFailed).not.toHaveBeenCalled();
    expect(basemap.setStyle).not.toHaveBeenCalled();
    controller.setProps(props({ basemap: 'osm' }));
    const style = basemap.setStyle.mock.lastCall?.[0] as { sources: Record<string, { tiles: string[] }> };
    expect(style.sources.osm?.tiles).toEqual(['https://tile.openstreetmap.org/{z}/{x}/{y}.png']);
    basemap.fire('error');
    basemap.fire('error');
    expect(onBasemapFailed).toHaveBeenCalledTimes(1);
    controller.setProps(props({ basemap: 'hors-ligne' }));
    const offline = basemap.setStyle.mock.lastCall?.[0] as { sources: Record<string, { tiles?: string[] }> };
    expect(offline.sources['basemap-tiles']?.tiles).toEqual([
      'pmtiles://http://localhost/basemap/basemap.pmtiles/{z}/{x}/{y}',
    ]);
    expect(fake.setData).toHaveBeenCalledTimes(1);
  });

  it('reports an error of the data map before it loaded as the engine failing, and none after', () => {
    const onMapFailed = vi.fn();
    const { fake } = setup({ onMapFailed });
    fake.fire('error', { error: { message: 'Worker failed to load' } } as never);
    expect(onMapFailed).toHaveBeenCalledWith('Worker failed to load');
    fake.fire('load');
    fake.fire('error', { error: { message: 'tile 404' } } as never);
    expect(onMapFailed).toHaveBeenCalledTimes(1);
  });

  it('reports idle once both the data map and the basemap are idle', () => {
    const onIdle = vi.fn();
    const { fake, basemap } = setup({ onIdle });
    fake.fire('idle');
    expect(onIdle).not.toHaveBeenCalled();
    basemap.fire('idle');
    expect(onIdle).toHaveBeenCalledTimes(1);
    fake.fire('move');
    fake.fire('idle');
    expect(onIdle).toHaveBeenCalledTimes(1);
    basemap.fire('idle');
    expect(onIdle).toHaveBeenCalledTimes(2);
  });

  it('reports the view when the map loads and stops moving, and jumps to a camera', () => {
    const { fake, controller, handlers } = setup();
    fake.fire('load');
    fake.fire('moveend');
    expect(handlers.onViewChange).toHaveBeenCalledTimes(2);
    expect(handlers.onViewChange).toHaveBeenLastCalledWith([-5, 41, 9, 51], { zoom: 6, lat: 46.5, lng: 2.5 });
    controller.jumpTo({ zoom: 8, lat: 48.1, lng: -1.6 });
    expect(fake.jumpTo).toHaveBeenCalledWith({ center: [-1.6, 48.1], zoom: 8 });
  });

  it('counts what is drawn in the view: clusters by size, points once despite tile duplicates', () => {
    const { fake, controller } = setup();
    fake.fire('load');
    controller.setProps(props());
    fake.rendered = [
      { properties: { id: 'd' }, geometry: { type: 'Point' } },
      { properties: { id: 'd' }, geometry: { type: 'Point' } },
      { properties: { id: 'e' }, geometry: { type: 'Point' } },
    ];
    expect(controller.countRenderedStructures()).toBe(5);
  });

  it('moves the camera without animation when asked, and removes both maps', () => {
    const { fake, basemap, controller } = setup();
    controller.flyTo([2, 48], 11, false);
    expect(fake.easeTo).toHaveBeenCalledWith({ center: [2, 48], zoom: 11, duration: 0 });
    controller.fitBounds([55, -21.4, 55.9, -20.8], true);
    expect(fake.fitBounds).toHaveBeenCalledWith(
      [
        [55, -21.4],
        [55.9, -20.8],
      ],
      { padding: 30, duration: 600, maxZoom: 12 },
    );
    controller.destroy();
    expect(fake.remove).toHaveBeenCalled();
    expect(basemap.remove).toHaveBeenCalled();
  });
});
