import type {
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import * as ids from './ids';

const TEXT_FONT = ['Noto Sans Regular', 'Arial Unicode MS Regular'];

/**
 * The tiled basemap: `scripts/import-basemap.ts` cuts countries, regions and departments into vector tiles
 * (z0–8, one source layer each) in a PMTiles archive, read through the `pmtiles://` protocol the map controller
 * registers. MapLibre's worker then only decodes the few small tiles in view, instead of parsing and tiling
 * 600 KB of GeoJSON before the first frame. The tile URL is given directly (not a TileJSON `url`), which saves a
 * round trip; `BASEMAP_TILES_MAXZOOM` must match the archive's (a test checks it).
 */
export const BASEMAP_TILES_FILE = 'basemap.pmtiles';
export const BASEMAP_TILES_MAXZOOM = 8;

/** The embedded basemap's sources: files served with the app, so the map needs no third-party request. */
export function basemapSources(basemapUrl: string): Record<string, SourceSpecification> {
  const file = (name: string) => ({ type: 'geojson' as const, data: `${basemapUrl}${name}.geojson` });
  return {
    [ids.SOURCE_BASEMAP_TILES]: {
      type: 'vector',
      tiles: [`pmtiles://${basemapUrl}${BASEMAP_TILES_FILE}/{z}/{x}/{y}`],
      minzoom: 0,
      maxzoom: BASEMAP_TILES_MAXZOOM,
      bounds: [-30, -30, 60, 62],
    },
    [ids.SOURCE_REGION_LABELS]: file('region-labels'),
    [ids.SOURCE_CITY_LABELS]: file('city-labels'),
  };
}

/** Sea, countries, French regions and departments, and labels drawn with local fonts (no glyph server). */
export function basemapLayers(): LayerSpecification[] {
  return [
    { id: ids.LAYER_BACKGROUND, type: 'background', paint: { 'background-color': '#d7e6f0' } },
    {
      id: ids.LAYER_COUNTRIES_FILL,
      type: 'fill',
      source: ids.SOURCE_BASEMAP_TILES,
      'source-layer': 'countries',
      paint: { 'fill-color': '#efece6' },
    },
    {
      id: ids.LAYER_COUNTRIES_LINE,
      type: 'line',
      source: ids.SOURCE_BASEMAP_TILES,
      'source-layer': 'countries',
      paint: { 'line-color': '#b9b3a8', 'line-width': 0.6 },
    },
    {
      id: ids.LAYER_REGIONS_FILL,
      type: 'fill',
      source: ids.SOURCE_BASEMAP_TILES,
      'source-layer': 'regions',
      paint: { 'fill-color': '#fbfaf6' },
    },
    {
      id: ids.LAYER_DEPARTEMENTS_LINE,
      type: 'line',
      source: ids.SOURCE_BASEMAP_TILES,
      'source-layer': 'departements',
      minzoom: 5,
      paint: { 'line-color': '#c9c4bb', 'line-width': 0.5 },
    },
    {
      id: ids.LAYER_REGIONS_LINE,
      type: 'line',
      source: ids.SOURCE_BASEMAP_TILES,
      'source-layer': 'regions',
      paint: { 'line-color': '#8f8a80', 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.8, 8, 1.6] },
    },
    {
      id: ids.LAYER_REGION_LABELS,
      type: 'symbol',
      source: ids.SOURCE_REGION_LABELS,
      maxzoom: 7,
      layout: {
        'text-field': ['get', 'nom'],
        'text-font': TEXT_FONT,
        'text-size': 12,
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.08,
        'text-max-width': 8,
      },
      paint: { 'text-color': '#6f6a60', 'text-halo-color': '#fbfaf6', 'text-halo-width': 1.5 },
    },
    {
      id: ids.LAYER_CITY_LABELS,
      type: 'symbol',
      source: ids.SOURCE_CITY_LABELS,
      minzoom: 5.5,
      layout: {
        'text-field': ['get', 'nom'],
        'text-font': TEXT_FONT,
        'text-size': 12,
        'symbol-sort-key': ['-', ['get', 'population']],
        'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
        'text-radial-offset': 0.6,
      },
      paint: { 'text-color': '#3d3a35', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
  ];
}

/**
 * The basemap's own style: it is drawn by a map of its own underneath the data, so a filter never repaints it.
 * `basemapUrl` must be absolute (MapLibre fetches it).
 */
export function buildBasemapStyle(basemapUrl: string): StyleSpecification {
  return {
    version: 8,
    name: 'Atlas — fond de carte hors ligne',
    sources: basemapSources(basemapUrl),
    layers: basemapLayers(),
  };
}

/** The data map's style: the layer modules' sources and layers on a transparent background. */
export function buildDataStyle(
  modules: readonly { sources(): Record<string, SourceSpecification>; layers(): LayerSpecification[] }[],
): StyleSpecification {
  return {
    version: 8,
    name: 'Atlas — données',
    sources: Object.assign({}, ...modules.map((module) => module.sources())),
    layers: modules.flatMap((module) => module.layers()),
  };
}
