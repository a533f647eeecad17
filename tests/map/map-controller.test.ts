import { describe, expect, it, vi } from 'vitest';
import * as ids from '../../src/map/ids';
import { MapController, type MapFactory, type MapLike } from '../../src/map/map-controller';

type Listener = (event: {
  features?: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[];
}) => void;

/** Records what the controller asks of the map; stands in for MapLibre, which needs WebGL. */
class FakeMap {
  readonly listeners = new Map<string, Listener[]>();
  readonly setData = vi.fn();
  readonly getClusterExpansionZoom = vi.fn(async () => 9);
  readonly setFeatureState = vi.fn();
  readonly setPaintProperty = vi.fn();
  readonly easeTo = vi.fn();
  readonly fitBounds = vi.fn();
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
    return id === ids.SOURCE_STRUCTURES
      ? { setData: this.setData, getClusterExpansionZoom: this.getClusterExpansionZoom }
      : undefined;
  }
  getZoom() {
    return 6;
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

function setup() {
  const fake = new FakeMap();
  const factory: MapFactory = () => fake as unknown as MapLike;
  const onSelect = vi.fn();
  const controller = new MapController(
    document.createElement('div'),
    { current: { onSelect } },
    {
      basemapUrl: 'http://localhost/basemap/',
      bounds: [-5, 41, 9, 51],
      createMap: factory,
    },
  );
  return { fake, controller, onSelect };
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
