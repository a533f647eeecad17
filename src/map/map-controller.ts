import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { Protocol } from 'pmtiles';
import type { BasemapKind, MapProps } from '../domain/map-props';
import { basemapStyle } from './basemaps';
import { type AnyLayerModule, type LayerContext, updateIfChanged } from './layer-module';
import { createChoroplethLayer } from './layers/choropleth';
import { createCoverageLayer } from './layers/coverage';
import { createInitiativesLayer } from './layers/initiatives';
import { createPlaceLayer } from './layers/place';
import { createSelectionLayer } from './layers/selection';
import { createStructuresLayer } from './layers/structures';
import { createTerritoryLayer } from './layers/territory';
import type { BasemapLike, Bounds, CameraView, MapHandlers, MapLike } from './map-like';
import { buildDataStyle } from './style';

export type { Bounds, CameraView, MapHandlers, MapLike } from './map-like';

export type InitialView = { readonly bounds: Bounds } | { readonly camera: CameraView };

/** Creates the two maps: the basemap underneath, and the data map on top that takes the user's gestures. */
export type MapFactory = (options: {
  container: HTMLElement;
  basemapStyle: StyleInput;
  dataStyle: StyleSpecification;
  view: InitialView;
}) => { map: MapLike; basemap: BasemapLike & { on(type: string, listener: () => void): unknown } };

type StyleInput = StyleSpecification | string;

let workerConfigured = false;

/**
 * Sets MapLibre's worker (Vite cannot find it otherwise, see RECIPES.md) and starts it at once, so that fetching and
 * compiling the worker runs on the other core while the page parses its data and renders, instead of after the
 * first map is created. Also registers the `pmtiles://` protocol the offline basemap's tiles are read through
 * (byte ranges of one archive; a tile missing from it is an empty tile, not an error). Called once at start-up and
 * again, harmlessly, by the factory.
 */
export function prepareMapLibre(): void {
  if (workerConfigured) return;
  maplibregl.setWorkerUrl(workerUrl);
  maplibregl.addProtocol('pmtiles', new Protocol().tile);
  maplibregl.prewarm();
  workerConfigured = true;
}

/**
 * Thrown when this device cannot draw the map (no WebGL 2, which MapLibre needs: an old machine, a locked-down
 * browser, `--disable-webgl`). Its `name` lets the view tell it from other failures without importing this module.
 */
export class MapUnavailableError extends Error {
  override readonly name = 'MapUnavailableError';
}

/** Whether the browser can create a WebGL 2 context, which MapLibre GL 6 requires. */
function supportsWebGL2(): boolean {
  try {
    const context = document.createElement('canvas').getContext('webgl2');
    context?.getExtension('WEBGL_lose_context')?.loseContext();
    return context !== null;
  } catch {
    return false;
  }
}

/**
 * The real factory: two MapLibre maps, the basemap underneath and the data on top. Throws a `MapUnavailableError`
 * when WebGL 2 is missing, checked first, or when MapLibre cannot create its context anyway.
 */
export const createMapLibreMaps: MapFactory = ({ container, basemapStyle, dataStyle, view }) => {
  if (!supportsWebGL2()) throw new MapUnavailableError('WebGL 2 is not available');
  prepareMapLibre();
  const position =
    'bounds' in view
      ? {
          bounds: [
            [view.bounds[0], view.bounds[1]],
            [view.bounds[2], view.bounds[3]],
          ] as [[number, number], [number, number]],
          fitBoundsOptions: { padding: 20 },
        }
      : { center: [view.camera.lng, view.camera.lat] as [number, number], zoom: view.camera.zoom };
  const layer = (name: string) => {
    const element = document.createElement('div');
    element.className = `map-layer ${name}`;
    container.append(element);
    return element;
  };
  const under = layer('map-basemap');
  under.setAttribute('aria-hidden', 'true');
  let basemap: maplibregl.Map | undefined;
  let map: maplibregl.Map;
  try {
    basemap = new maplibregl.Map({
      container: under,
      style: basemapStyle as maplibregl.StyleSpecification | string,
      ...position,
      interactive: false,
      attributionControl: false,
      fadeDuration: 0,
    });
    map = new maplibregl.Map({
      container: layer('map-data'),
      style: dataStyle as maplibregl.StyleSpecification,
      ...position,
      fadeDuration: 0,
      attributionControl: false,
    });
  } catch (cause) {
    basemap?.remove();
    container.replaceChildren();
    throw new MapUnavailableError(cause instanceof Error ? cause.message : String(cause), { cause });
  }
  const withMarkers = map as unknown as MapLike;
  withMarkers.addMarker = (element, lngLat) =>
    new maplibregl.Marker({ element }).setLngLat(lngLat).addTo(map);
  const onBasemap = basemap as unknown as BasemapLike & { on(type: string, listener: () => void): unknown };
  return { map: withMarkers, basemap: onBasemap };
};

/**
 * Owns the two MapLibre maps: the only stateful map code. `setProps` compares the new props with the last ones
 * applied and hands each layer module only its changed part; before the data map's style has loaded, the latest
 * props are kept and applied on `load`. The basemap follows the data map's camera and is drawn in the same frame,
 * so a filter repaints the data map alone. React talks to it only from `MapView`.
 */
export class MapController {
  private readonly map: MapLike;
  private readonly basemap: BasemapLike;
  private readonly context: LayerContext;
  private readonly structures = createStructuresLayer();
  private readonly modules: readonly AnyLayerModule[];
  private loaded = false;
  private props: MapProps | null = null;
  private applied: MapProps | null = null;
  private cameraMoved = false;
  private dataSettled = false;
  private basemapSettled = false;
  private readonly basemapUrl: string;
  /** The basemap shown; an online one reports its first failure once. */
  private basemapKind: BasemapKind = 'hors-ligne';
  private basemapFailed = false;

  constructor(
    container: HTMLElement,
    private readonly handlers: { current: MapHandlers },
    options: { basemapUrl: string; view: InitialView; createMaps?: MapFactory },
  ) {
    this.basemapUrl = options.basemapUrl;
    this.modules = [
      createChoroplethLayer(),
      createTerritoryLayer(),
      createCoverageLayer(),
      createPlaceLayer(),
      this.structures,
      createInitiativesLayer(),
      createSelectionLayer(),
    ];
    const createMaps = options.createMaps ?? createMapLibreMaps;
    const { map, basemap } = createMaps({
      container,
      basemapStyle: basemapStyle('hors-ligne', options.basemapUrl),
      dataStyle: buildDataStyle(this.modules),
      view: options.view,
    });
    this.map = map;
    this.basemap = basemap;
    this.context = { map, handlers };
    for (const module of this.modules) module.mount?.(this.context);
    map.on('error', (event) => {
      if (!this.loaded) this.handlers.current.onMapFailed?.(event.error?.message ?? 'map error');
    });
    map.on('load', () => {
      this.loaded = true;
      this.apply();
      this.reportView();
    });
    map.on('move', () => {
      this.cameraMoved = true;
      this.basemapSettled = false;
      this.viewChanged();
    });
    map.on('render', () => {
      this.handlers.current.onFrame?.('data');
      this.followCamera();
    });
    map.on('moveend', () => {
      this.viewChanged();
      this.reportView();
    });
    map.on('idle', () => {
      this.dataSettled = true;
      this.reportIdle();
    });
    basemap.on('render', () => this.handlers.current.onFrame?.('basemap'));
    basemap.on('error', () => {
      if (this.basemapKind === 'hors-ligne' || this.basemapFailed) return;
      this.basemapFailed = true;
      this.handlers.current.onBasemapFailed?.();
    });
    basemap.on('idle', () => {
      this.basemapSettled = true;
      this.reportIdle();
    });
  }

  /** Hands the map everything it draws; only the layer modules whose prop changed identity are updated. */
  setProps(props: MapProps): void {
    this.props = props;
    this.apply();
  }

  flyTo(center: readonly [number, number], zoom: number, animate: boolean): void {
    this.map.easeTo({
      center: [center[0], center[1]],
      zoom: Math.max(zoom, this.map.getZoom()),
      duration: animate ? 600 : 0,
    });
  }

  jumpTo(camera: CameraView): void {
    this.map.jumpTo({ center: [camera.lng, camera.lat], zoom: camera.zoom });
  }

  fitBounds(bounds: Bounds, animate: boolean): void {
    this.map.fitBounds(
      [
        [bounds[0], bounds[1]],
        [bounds[2], bounds[3]],
      ],
      { padding: 30, duration: animate ? 600 : 0, maxZoom: 12 },
    );
  }

  /**
   * How many structures the map currently draws in its view: the counts of the clusters on screen plus the single
   * points rendered (each once, though tiles repeat features at their edges). Used by browser tests.
   */
  countRenderedStructures(): number {
    return this.structures.countRendered(this.context);
  }

  /** The pixel position of a point in the map's container (browser tests click structures with it). */
  project(point: readonly [number, number]): { x: number; y: number } {
    const { x, y } = this.map.project([point[0], point[1]]);
    return { x, y };
  }

  /**
   * A picture of the map as shown (basemap under data) for the printed territory sheet: both maps are redrawn
   * synchronously, then read back in the same task, before the browser presents and clears their buffers.
   * Null when a canvas cannot be read (a fake map, or a basemap from another host without CORS).
   */
  snapshot(): string | null {
    const data = this.map.getCanvas() as unknown as HTMLCanvasElement;
    const under = this.basemap.getCanvas?.();
    if (typeof data.toDataURL !== 'function') return null;
    try {
      this.basemap.redraw();
      this.map.redraw?.();
      const picture = document.createElement('canvas');
      picture.width = data.width;
      picture.height = data.height;
      const context = picture.getContext('2d');
      if (context === null) return null;
      if (under !== undefined) context.drawImage(under, 0, 0, data.width, data.height);
      context.drawImage(data, 0, 0);
      return picture.toDataURL('image/png');
    } catch {
      return null;
    }
  }

  destroy(): void {
    this.map.remove();
    this.basemap.remove();
  }

  private apply(): void {
    if (!this.loaded || this.props === null || this.props === this.applied) return;
    for (const module of this.modules) updateIfChanged(module, this.context, this.props, this.applied);
    if (this.props.basemap !== this.basemapKind) {
      this.basemapKind = this.props.basemap;
      this.basemapFailed = false;
      this.basemap.setStyle(basemapStyle(this.basemapKind, this.basemapUrl));
    }
    this.applied = this.props;
  }

  private viewChanged(): void {
    if (!this.loaded) return;
    for (const module of this.modules) module.viewChanged?.(this.context);
  }

  /** Draws the basemap at the data map's camera right after the data map rendered, so both show one frame. */
  private followCamera(): void {
    if (!this.cameraMoved) return;
    this.cameraMoved = false;
    const center = this.map.getCenter();
    this.basemap.jumpTo({
      center: [center.lng, center.lat],
      zoom: this.map.getZoom(),
      bearing: this.map.getBearing(),
      pitch: this.map.getPitch(),
    });
    this.basemap.redraw();
  }

  private reportIdle(): void {
    if (this.dataSettled && this.basemapSettled) this.handlers.current.onIdle?.();
  }

  private reportView(): void {
    const bounds = this.map.getBounds();
    const center = this.map.getCenter();
    this.handlers.current.onViewChange?.(
      [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()],
      {
        zoom: this.map.getZoom(),
        lat: center.lat,
        lng: center.lng,
      },
    );
  }
}
