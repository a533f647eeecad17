import type { FeatureCollection, Point } from 'geojson';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import * as ids from './ids';
import { buildStyle, CLUSTER_MAX_ZOOM, type TypeColor, typeColorExpression } from './style';

/** [west, south, east, north] */
export type Bounds = readonly [number, number, number, number];
export type CameraView = { readonly zoom: number; readonly lat: number; readonly lng: number };

export type MapHandlers = {
  /** A structure point was clicked (id). */
  onSelect(id: string): void;
  /** An initiative drawn on its own (no structure ran it) was clicked. */
  onSelectInitiative?(initiativeId: string): void;
  /**
   * A cluster was clicked whose structures share one spot (typically several placed at the same commune centre):
   * zooming cannot separate them, so the list should show them.
   */
  onStackOpened?(): void;
  /** The camera stopped moving: its bounds and position. */
  onViewChange?(bounds: Bounds, camera: CameraView): void;
  /** The map finished rendering everything it had to draw. */
  onIdle?(): void;
};

type StructureSourceLike = {
  setData(data: FeatureCollection): unknown;
  getClusterExpansionZoom?(clusterId: number): Promise<number>;
};

type RenderedFeature = {
  properties: Record<string, unknown> | null;
  geometry: { type: string; coordinates?: unknown };
};

type MouseLike = { features?: RenderedFeature[] };

/** The part of `maplibregl.Map` the controller uses, so tests can hand it a small fake that records calls. */
export type MapLike = {
  on(type: string, listener: (event: MouseLike) => void): unknown;
  on(type: string, layerId: string, listener: (event: MouseLike) => void): unknown;
  getSource(id: string): unknown;
  setFeatureState(feature: { source: string; id: string }, state: Record<string, unknown>): void;
  setPaintProperty(layerId: string, name: string, value: unknown): void;
  setLayoutProperty(layerId: string, name: string, value: unknown): void;
  easeTo(options: { center?: [number, number]; zoom?: number; duration?: number }): unknown;
  jumpTo(options: { center: [number, number]; zoom: number }): unknown;
  fitBounds(
    bounds: [[number, number], [number, number]],
    options?: { padding?: number; duration?: number; maxZoom?: number },
  ): unknown;
  getZoom(): number;
  getCenter(): { lng: number; lat: number };
  getBounds(): { getWest(): number; getSouth(): number; getEast(): number; getNorth(): number };
  project(lngLat: [number, number]): { x: number; y: number };
  queryRenderedFeatures(options?: { layers?: string[] }): RenderedFeature[];
  getCanvas(): { style: { cursor: string } };
  remove(): void;
};

export type InitialView = { readonly bounds: Bounds } | { readonly camera: CameraView };

export type MapFactory = (options: {
  container: HTMLElement;
  style: ReturnType<typeof buildStyle>;
  view: InitialView;
}) => MapLike;

let workerConfigured = false;

/** The real factory: MapLibre GL with its worker set explicitly (Vite cannot find it otherwise, see RECIPES.md). */
export const createMapLibreMap: MapFactory = ({ container, style, view }) => {
  if (!workerConfigured) {
    maplibregl.setWorkerUrl(workerUrl);
    workerConfigured = true;
  }
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
  return new maplibregl.Map({
    container,
    style,
    ...position,
    attributionControl: {
      compact: true,
      customAttribution: '© IGN Admin Express (Licence Ouverte) · Natural Earth',
    },
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
  private initiatives: FeatureCollection<Point> | null = null;
  private appliedInitiatives: FeatureCollection<Point> | null = null;
  private initiativesVisible = false;
  private colors: readonly TypeColor[] = [];
  private appliedColors: readonly TypeColor[] = [];
  /** The style starts with the initiatives layer hidden. */
  private appliedInitiativesVisible = false;
  private selectedId: string | null = null;
  private appliedSelectedId: string | null = null;
  private readonly handlers: { current: MapHandlers };

  constructor(
    container: HTMLElement,
    handlers: { current: MapHandlers },
    options: { basemapUrl: string; view: InitialView; createMap?: MapFactory },
  ) {
    this.handlers = handlers;
    const createMap = options.createMap ?? createMapLibreMap;
    this.map = createMap({ container, style: buildStyle(options.basemapUrl, []), view: options.view });
    this.map.on('load', () => {
      this.loaded = true;
      this.apply();
      this.reportView();
    });
    this.map.on('moveend', () => this.reportView());
    this.map.on('idle', () => this.handlers.current.onIdle?.());
    this.map.on('click', ids.LAYER_CLUSTERS, (event) => void this.zoomIntoCluster(event));
    this.map.on('click', ids.LAYER_STRUCTURES, (event) => {
      const id = event.features?.[0]?.properties?.id;
      if (typeof id === 'string') this.handlers.current.onSelect(id);
    });
    this.map.on('click', ids.LAYER_INITIATIVES, (event) => {
      const properties = event.features?.[0]?.properties ?? {};
      if (typeof properties.structureId === 'string' && properties.structureId !== '')
        this.handlers.current.onSelect(properties.structureId);
      else if (typeof properties.initiativeId === 'string')
        this.handlers.current.onSelectInitiative?.(properties.initiativeId);
    });
    for (const layer of [...ids.INTERACTIVE_LAYERS, ids.LAYER_INITIATIVES]) {
      this.map.on('mouseenter', layer, () => {
        this.map.getCanvas().style.cursor = 'pointer';
      });
      this.map.on('mouseleave', layer, () => {
        this.map.getCanvas().style.cursor = '';
      });
    }
  }

  /** Replaces the structures drawn (the filtered set). Skips `setData` when handed the same collection again. */
  setStructures(data: FeatureCollection<Point>): void {
    this.data = data;
    this.apply();
  }

  /** The Covid-initiatives layer: its points and whether it is shown. */
  setInitiatives(data: FeatureCollection<Point>, visible: boolean): void {
    this.initiatives = data;
    this.initiativesVisible = visible;
    this.apply();
  }

  setTypeColors(colors: readonly TypeColor[]): void {
    this.colors = colors;
    this.apply();
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
   * How many structures the map currently draws: single points plus the sizes of the clusters on screen.
   * Features repeated across tile edges are counted once. Used by browser tests.
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

  private apply(): void {
    if (!this.loaded) return;
    if (this.colors !== this.appliedColors && this.colors.length > 0) {
      this.map.setPaintProperty(ids.LAYER_STRUCTURES, 'circle-color', typeColorExpression(this.colors));
      this.appliedColors = this.colors;
    }
    const source = this.map.getSource(ids.SOURCE_STRUCTURES) as StructureSourceLike | undefined;
    if (source !== undefined && this.data !== null && this.data !== this.appliedData) {
      source.setData(this.data);
      this.appliedData = this.data;
      this.appliedSelectedId = null;
    }
    const initiatives = this.map.getSource(ids.SOURCE_INITIATIVES) as StructureSourceLike | undefined;
    if (
      initiatives !== undefined &&
      this.initiatives !== null &&
      this.initiatives !== this.appliedInitiatives
    ) {
      initiatives.setData(this.initiatives);
      this.appliedInitiatives = this.initiatives;
    }
    if (this.initiativesVisible !== this.appliedInitiativesVisible) {
      this.map.setLayoutProperty(
        ids.LAYER_INITIATIVES,
        'visibility',
        this.initiativesVisible ? 'visible' : 'none',
      );
      this.appliedInitiativesVisible = this.initiativesVisible;
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
    if (
      typeof clusterId !== 'number' ||
      !Array.isArray(coordinates) ||
      source?.getClusterExpansionZoom === undefined
    )
      return;
    const zoom = await source.getClusterExpansionZoom(clusterId);
    const center: [number, number] = [Number(coordinates[0]), Number(coordinates[1])];
    if (zoom > CLUSTER_MAX_ZOOM) {
      this.map.easeTo({ center, zoom: CLUSTER_MAX_ZOOM + 1 });
      this.handlers.current.onStackOpened?.();
      return;
    }
    this.map.easeTo({ center, zoom });
  }
}
