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
  /** The pointer is over a choropleth area (its code and the pointer's position in the map), or left them (null). */
  onAreaHover?(code: string | null, point: { x: number; y: number } | null): void;
  /** The camera stopped moving: its bounds and position. */
  onViewChange?(bounds: Bounds, camera: CameraView): void;
  /** The map finished rendering everything it had to draw. */
  onIdle?(): void;
  /** An online basemap failed to load (style or tiles): the app falls back to the offline one. */
  onBasemapFailed?(): void;
  /**
   * The data map reported an error before its style loaded: the engine could not start (its worker file failed to
   * load, for instance), so the map stays empty. The message is MapLibre's.
   */
  onMapFailed?(message: string): void;
  /** A frame was drawn, by the data map or by the basemap (benchmarks count them). */
  onFrame?(map: 'data' | 'basemap'): void;
  /** The accessible name of a cluster: its count and its breakdown by type (label, count), largest first. */
  clusterLabel?(count: number, parts: readonly { code: string; count: number }[]): string;
};

export type RenderedFeature = {
  properties: Record<string, unknown> | null;
  geometry: { type: string; coordinates?: unknown };
};

export type MouseLike = { features?: RenderedFeature[]; point?: { x: number; y: number } };

/** What MapLibre's `error` event carries. */
export type ErrorLike = { error?: { message?: string } };

export type SourceLike = { setData(data: unknown): unknown };

/** A DOM element pinned to a place on the map (a MapLibre `Marker`). */
export type MarkerLike = { setLngLat(lngLat: [number, number]): unknown; remove(): unknown };

/** The part of `maplibregl.Map` the controller and the layer modules use, so tests can hand them a recording fake. */
export type MapLike = {
  on(type: 'error', listener: (event: ErrorLike) => void): unknown;
  on(type: string, listener: (event: MouseLike) => void): unknown;
  on(type: string, layerId: string, listener: (event: MouseLike) => void): unknown;
  getSource(id: string): unknown;
  setFeatureState(feature: { source: string; id: string }, state: Record<string, unknown>): void;
  setPaintProperty(layerId: string, name: string, value: unknown): void;
  setLayoutProperty(layerId: string, name: string, value: unknown): void;
  easeTo(options: { center?: [number, number]; zoom?: number; duration?: number }): unknown;
  jumpTo(options: { center: [number, number]; zoom: number; bearing?: number; pitch?: number }): unknown;
  fitBounds(
    bounds: [[number, number], [number, number]],
    options?: { padding?: number; duration?: number; maxZoom?: number },
  ): unknown;
  getZoom(): number;
  getBearing(): number;
  getPitch(): number;
  getCenter(): { lng: number; lat: number };
  getBounds(): { getWest(): number; getSouth(): number; getEast(): number; getNorth(): number };
  project(lngLat: [number, number]): { x: number; y: number };
  queryRenderedFeatures(options?: { layers?: string[] }): RenderedFeature[];
  getCanvas(): { style: { cursor: string } };
  /** Draws now (MapLibre `redraw`); optional in test fakes. */
  redraw?(): unknown;
  /** Asks for a frame (and so an `idle` after it) when only DOM markers changed. */
  triggerRepaint(): void;
  /** Pins an element (a cluster's button) at a place; not a `maplibregl.Map` method: the factory adds it. */
  addMarker(element: HTMLElement, lngLat: [number, number]): MarkerLike;
  remove(): void;
};

/** The basemap drawn underneath: it only follows the data map's camera. */
export type BasemapLike = {
  jumpTo(options: { center: [number, number]; zoom: number; bearing?: number; pitch?: number }): unknown;
  /** Draws now, so both canvases show the same camera in the same frame. */
  redraw(): unknown;
  getCanvas?(): HTMLCanvasElement;
  setStyle(style: unknown): unknown;
  remove(): void;
};
