import { describe, expect, it, vi } from 'vitest';
import * as ids from '../../src/map/ids';
import { MapController, type MapFactory, type MapHandlers, type MapLike } from '../../src/map/map-controller';

type Listener = (event: {
  features?: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[];
}) => void;

/** Records what the controller asks of the map; stands in for MapLibre, which needs WebGL. */
class FakeMap {
  readonly listeners = new Map<string, Listener[]>();
  readonly setData = vi.fn();
  readonly setInitiativeData = vi.fn();
  readonly getClusterExpansionZoom = vi.fn(async () => 9);
  readonly setFeatureState = vi.fn();
  readonly setPaintProperty = vi.fn();
  readonly easeTo = vi.fn();
  readonly fitBounds = vi.fn();
  readonly jumpTo = vi.fn();
  readonly setLayoutProperty = vi.fn();
  readonly remove = vi.fn();
  rendered: { properties: Record<string, unknown>; geometry: { type: string } }[] = [];
  on(type: string, layerOrListener: string | Listener, maybeListener?: Listener) {
    const key = typeof layerOrListener === 'string' ? `${type}:${layerOrListener}` : type;
    const listener = typeof layerOrListener === 'string' ? maybeListener : layerOrListener;
    if (listener) this.listeners.set(key, [...(this.listeners.get(key) ?? []), listener]);
  }
  fire(key: string, event: Parameters<Listener>[0] = {}) {
    for (const listener of this.listeners.get(key) ?? []) listener(event);
  }
  getSource(id: string) {
    if (id === ids.SOURCE_STRUCTURES)
      return { setData: this.setData, getClusterExpansionZoom: this.getClusterExpansionZoom };
    return id === ids.SOURCE_INITIATIVES ? { setData: this.setInitiativeData } : undefined;
  }
  getZoom() {
    return 6;
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
}

function setupWith(extra: Partial<MapHandlers>) {
  const fake = new FakeMap();
  const controller = new MapController(
    document.createElement('div'),
    { current: { onSelect: vi.fn(), ...extra } },
    {
      basemapUrl: 'http://localhost/basemap/',
      view: { bounds: [-5, 41, 9, 51] },
      createMap: () => fake as unknown as MapLike,
    },
  );
  return { fake, controller };
}

function setup() {
  const fake = new FakeMap();
  const factory: MapFactory = () => fake as unknown as MapLike;
  const onSelect = vi.fn();
  const onSelectInitiative = vi.fn();
  const onViewChange = vi.fn();
  const controller = new MapController(
    document.createElement('div'),
    { current: { onSelect, onSelectInitiative, onViewChange } },
    {
      basemapUrl: 'http://localhost/basemap/',
      view: { bounds: [-5, 41, 9, 51] },
      createMap: factory,
    },
  );
  return { fake, controller, onSelect, onSelectInitiative, onViewChange };
}

const data = { type: 'FeatureCollection' as const, features: [] };

describe('MapController', () => {
  it('keeps data and selection given before the style loads, and applies them on load', () => {
    const { fake, controller } = setup();
    controller.setStructures(data);
    controller.setSelectedId('pole-emc2');
    expect(fake.setData).not.toHaveBeenCalled();
    fake.fire('load');
    expect(fake.setData).toHaveBeenCalledWith(data);
    expect(fake.setFeatureState).toHaveBeenCalledWith(
      { source: ids.SOURCE_STRUCTURES, id: 'pole-emc2' },
      { selected: true },
    );
  });

  it('skips setData for the same collection and moves the selection ring', () => {
    const { fake, controller } = setup();
    fake.fire('load');
    controller.setStructures(data);
    controller.setStructures(data);
    expect(fake.setData).toHaveBeenCalledTimes(1);
    controller.setSelectedId('a');
    controller.setSelectedId('b');
    expect(fake.setFeatureState).toHaveBeenLastCalledWith(
      { source: ids.SOURCE_STRUCTURES, id: 'b' },
      { selected: true },
    );
    expect(fake.setFeatureState).toHaveBeenCalledWith(
      { source: ids.SOURCE_STRUCTURES, id: 'a' },
      { selected: false },
    );
  });

  it('turns a click on a point into a selection and a click on a cluster into a zoom', async () => {
    const { fake, onSelect } = setup();
    fake.fire(`click:${ids.LAYER_STRUCTURES}`, {
      features: [{ properties: { id: 'pole-emc2' }, geometry: { type: 'Point', coordinates: [1, 2] } }],
    });
    expect(onSelect).toHaveBeenCalledWith('pole-emc2');
    fake.fire(`click:${ids.LAYER_CLUSTERS}`, {
      features: [{ properties: { cluster_id: 7 }, geometry: { type: 'Point', coordinates: [1, 2] } }],
    });
    await vi.waitFor(() => expect(fake.easeTo).toHaveBeenCalledWith({ center: [1, 2], zoom: 9 }));
    expect(fake.getClusterExpansionZoom).toHaveBeenCalledWith(7);
  });

  it('shows the initiatives layer on demand and routes its clicks', () => {
    const { fake, controller, onSelect, onSelectInitiative } = setup();
    const initiatives = { type: 'FeatureCollection' as const, features: [] };
    controller.setInitiatives(initiatives, true);
    fake.fire('load');
    expect(fake.setInitiativeData).toHaveBeenCalledWith(initiatives);
    expect(fake.setLayoutProperty).toHaveBeenLastCalledWith(ids.LAYER_INITIATIVES, 'visibility', 'visible');
    controller.setInitiatives(initiatives, false);
    expect(fake.setLayoutProperty).toHaveBeenLastCalledWith(ids.LAYER_INITIATIVES, 'visibility', 'none');
    fake.fire(`click:${ids.LAYER_INITIATIVES}`, {
      features: [
        {
          properties: { initiativeId: 'covid-a', structureId: 'pole-x' },
          geometry: { type: 'Point', coordinates: [1, 2] },
        },
      ],
    });
    expect(onSelect).toHaveBeenCalledWith('pole-x');
    fake.fire(`click:${ids.LAYER_INITIATIVES}`, {
      features: [
        {
          properties: { initiativeId: 'covid-b', structureId: '' },
          geometry: { type: 'Point', coordinates: [1, 2] },
        },
      ],
    });
    expect(onSelectInitiative).toHaveBeenCalledWith('covid-b');
  });

  it('reports the view when the map loads and stops moving, and jumps to a camera', () => {
    const { fake, controller, onViewChange } = setup();
    fake.fire('load');
    fake.fire('moveend');
    expect(onViewChange).toHaveBeenCalledTimes(2);
    expect(onViewChange).toHaveBeenLastCalledWith([-5, 41, 9, 51], { zoom: 6, lat: 46.5, lng: 2.5 });
    controller.jumpTo({ zoom: 8, lat: 48.1, lng: -1.6 });
    expect(fake.jumpTo).toHaveBeenCalledWith({ center: [-1.6, 48.1], zoom: 8 });
  });

  it('for a cluster of structures on one spot, zooms past clustering and asks for the list', async () => {
    const onStackOpened = vi.fn();
    const stacked = setupWith({ onStackOpened });
    stacked.fake.getClusterExpansionZoom.mockResolvedValueOnce(17);
    stacked.fake.fire(`click:${ids.LAYER_CLUSTERS}`, {
      features: [{ properties: { cluster_id: 4 }, geometry: { type: 'Point', coordinates: [2.35, 48.85] } }],
    });
    await vi.waitFor(() => expect(onStackOpened).toHaveBeenCalled());
    expect(stacked.fake.easeTo).toHaveBeenCalledWith({ center: [2.35, 48.85], zoom: 14 });
  });

  it('counts what is drawn: points once, clusters by size, tile duplicates once', () => {
    const { fake, controller } = setup();
    fake.rendered = [
      { properties: { id: 'a' }, geometry: { type: 'Point' } },
      { properties: { id: 'a' }, geometry: { type: 'Point' } },
      { properties: { cluster_id: 3, point_count: 12 }, geometry: { type: 'Point' } },
      { properties: { cluster_id: 3, point_count: 12 }, geometry: { type: 'Point' } },
    ];
    expect(controller.countRenderedStructures()).toBe(13);
  });

  it('touches paint and layout only when colours or layer visibility change', () => {
    const { fake, controller } = setup();
    fake.fire('load');
    const colors = [{ code: 'fablab', color: '#ff7f0e' }];
    controller.setTypeColors(colors);
    controller.setInitiatives({ type: 'FeatureCollection', features: [] }, true);
    controller.setSelectedId('a');
    controller.setStructures({ type: 'FeatureCollection', features: [] });
    controller.setTypeColors(colors);
    expect(fake.setPaintProperty).toHaveBeenCalledTimes(1);
    expect(fake.setLayoutProperty).toHaveBeenCalledTimes(1);
  });

  it('applies type colours and moves the camera without animation when asked', () => {
    const { fake, controller } = setup();
    fake.fire('load');
    controller.setTypeColors([{ code: 'fablab', color: '#ff7f0e' }]);
    expect(fake.setPaintProperty).toHaveBeenCalledWith(ids.LAYER_STRUCTURES, 'circle-color', [
      'match',
      ['get', 'type'],
      'fablab',
      '#ff7f0e',
      '#555555',
    ]);
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
  });
});
