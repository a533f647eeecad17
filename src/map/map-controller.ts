import type { FeatureCollection, Point } from 'geojson';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import * as ids from './ids';
import { buildStyle, type TypeColor, typeColorExpression } from './style';

/** [west, south, east, north] */
export type Bounds = readonly [number, number, number, number];

export type MapHandlers = {
  /** A structure point was clicked (id), or empty map was clicked (null). */
  onSelect(id: string | null): void;
  /** The map finished rendering everything it had to draw. */
  onIdle?(): void;
};

type StructureSourceLike = {
  setData(data: FeatureCollection): unknown;
  getClusterExpansionZoom(clusterId: number): Promise<number>;
};

type RenderedFeature = {
  properties: Record<string, unknown> | null;
  geometry: { type: string; coordinates?: unknown };
};

type MouseLike = { features?: RenderedFeature[]; lngLat?: { lng: number; lat: number } };

/** The part of `maplibregl.Map` the controller uses, so tests can hand it a small fake that records calls. */
export type MapLike = {
  on(type: string, listener: (event: MouseLike) => void): unknown;
  on(type: string, layerId: string, listener: (event: MouseLike) => void): unknown;
  getSource(id: string): unknown;
  setFeatureState(feature: { source: string; id: string }, state: Record<string, unknown>): void;
  setPaintProperty(layerId: string, name: string, value: unknown): void;
  easeTo(options: { center?: [number, number]; zoom?: number; duration?: number }): unknown;
  fitBounds(
    bounds: [[number, number], [number, number]],
    options?: { padding?: number; duration?: number; maxZoom?: number },
  ): unknown;
  getZoom(): number;
  project(lngLat: [number, number]): { x: number; y: number };
  queryRenderedFeatures(options?: { layers?: string[] }): RenderedFeature[];
  getCanvas(): { style: { cursor: string } };
  remove(): void;
};

export type MapFactory = (options: {
  container: HTMLElement;
  style: ReturnType<typeof buildStyle>;
  bounds: Bounds;
}) => MapLike;

let workerConfigured = false;

/** The real factory: MapLibre GL with its worker set explicitly (Vite cannot find it otherwise, see RECIPES.md). */
export const createMapLibreMap: MapFactory = ({ container, style, bounds }) => {
  if (!workerConfigured) {
    maplibregl.setWorkerUrl(workerUrl);
    workerConfigured = true;
  }
  return new maplibregl.Map({
    container,
    style,
    bounds: [
      [bounds[0], bounds[1]],
      [bounds[2], bounds[3]],
    ],
    fitBoundsOptions: { padding: 20 },
    attributionControl: {
      compact: true,
      customAttribution: 'Fond : IGN Admin Express (Licence Ouverte), Natural Earth',
    },
    cooperativeGestures: false,
  }) as unknown as MapLike;
};

/**
 * Owns the MapLibre map: the only stateful map code. Every method is idempotent and safe to call before the
 * style has loaded: the latest value is kept and applied on `load`. React talks to it only from `MapView`.
 */
export class MapController {
  private readonly map: MapLike;
  private loaded = false;
  private data: FeatureCollection<Point> | null = null;
  private appliedData: FeatureCollection<Point> | null = null;
  private colors: readonly TypeColor[] = [];
  private selectedId: string | null = null;
  private appliedSelectedId: string | null = null;
  private readonly handlers: { current: MapHandlers };

  constructor(
    container: HTMLElement,
    handlers: { current: MapHandlers },
    options: { basemapUrl: string; bounds: Bounds; createMap?: MapFactory },
  ) {
    this.handlers = handlers;
    const createMap = options.createMap ?? createMapLibreMap;
    this.map = createMap({ container, style: buildStyle(options.basemapUrl, []), bounds: options.bounds });
    this.map.on('load', () => {
      this.loaded = true;
      this.apply();
    });
    this.map.on('idle', () => this.handlers.current.onIdle?.());
    this.map.on('click', ids.LAYER_CLUSTERS, (event) => void this.zoomIntoCluster(event));
    this.map.on('click', ids.LAYER_STRUCTURES, (event) => {
      const id = event.features?.[0]?.properties?.id;
      if (typeof id === 'string') this.handlers.current.onSelect(id);
    });
    for (const layer of ids.INTERACTIVE_LAYERS) {
      this.map.on('mouseenter', layer, () => {
        this.map.getCanvas().style.cursor = 'pointer';
      });
      this.map.on('mouseleave', layer, () => {
        this.map.getCanvas().style.cursor = '';
      });
    }
  }

  /** Replaces the structures drawn. Skips `setData` when handed the same collection again. */
  setStructures(data: FeatureCollection<Point>): void {
    this.data = data;
    this.apply();
  }

  setTypeColors(colors: readonly TypeColor[]): void {
    this.colors = colors;
    if (this.loaded)
      this.map.setPaintProperty(ids.LAYER_STRUCTURES, 'circle-color', typeColorExpression(colors));
  }

  /** Rings the selected structure through feature-state, so no layer or data is rebuilt. */
  setSelectedId(id: string | null): void {
    this.selectedId = id;
    this.apply();
  }

  flyTo(center: readonly [number, number], zoom: number, animate: boolean): void {
    this.map.easeTo({
      center: [center[0], center[1]],
      zoom: Math.max(zoom, this.map.getZoom()),
      duration: animate ? 600 : 0,
    });
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
   * How many structures the map currently draws: single points plus the sizes of the clusters on screen.
   * Features repeated across tile edges are counted once. Used by browser tests and the "what the map shows" count.
   */
  countRenderedStructures(): number {
    const seen = new Set<string>();
    let total = 0;
    for (const feature of this.map.queryRenderedFeatures({ layers: [...ids.INTERACTIVE_LAYERS] })) {
      const properties = feature.properties ?? {};
      const key =
        typeof properties.cluster_id === 'number'
          ? `cluster:${properties.cluster_id}`
          : `id:${String(properties.id)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      total += typeof properties.point_count === 'number' ? properties.point_count : 1;
    }
    return total;
  }

  /** The pixel position of a point in the map's container (browser tests click structures with it). */
  project(point: readonly [number, number]): { x: number; y: number } {
    const { x, y } = this.map.project([point[0], point[1]]);
    return { x, y };
  }

  destroy(): void {
    this.map.remove();
  }

  private apply(): void {
    if (!this.loaded) return;
    if (this.colors.length > 0)
      this.map.setPaintProperty(ids.LAYER_STRUCTURES, 'circle-color', typeColorExpression(this.colors));
    const source = this.map.getSource(ids.SOURCE_STRUCTURES) as StructureSourceLike | undefined;
    if (source !== undefined && this.data !== null && this.data !== this.appliedData) {
      source.setData(this.data);
      this.appliedData = this.data;
    }
    if (this.selectedId !== this.appliedSelectedId) {
      if (this.appliedSelectedId !== null) {
        this.map.setFeatureState(
          { source: ids.SOURCE_STRUCTURES, id: this.appliedSelectedId },
          { selected: false },
        );
      }
      if (this.selectedId !== null)
        this.map.setFeatureState({ source: ids.SOURCE_STRUCTURES, id: this.selectedId }, { selected: true });
      this.appliedSelectedId = this.selectedId;
    }
  }

  private async zoomIntoCluster(event: MouseLike): Promise<void> {
    const feature = event.features?.[0];
    const clusterId = feature?.properties?.cluster_id;
    const coordinates = feature?.geometry.coordinates;
    const source = this.map.getSource(ids.SOURCE_STRUCTURES) as StructureSourceLike | undefined;
    if (typeof clusterId !== 'number' || !Array.isArray(coordinates) || source === undefined) return;
    const zoom = await source.getClusterExpansionZoom(clusterId);
    this.map.easeTo({ center: [Number(coordinates[0]), Number(coordinates[1])], zoom });
  }
}
