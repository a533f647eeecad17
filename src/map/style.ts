import type {
  ExpressionSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import * as ids from './ids';

export type TypeColor = { readonly code: string; readonly color: string };

const FALLBACK_COLOR = '#555555';
const TEXT_FONT = ['Noto Sans Regular', 'Arial Unicode MS Regular'];

/** A `match` expression that colours a structure by its `type` property. */
export function typeColorExpression(colors: readonly TypeColor[]): ExpressionSpecification | string {
  if (colors.length === 0) return FALLBACK_COLOR;
  const pairs = colors.flatMap(({ code, color }) => [code, color]);
  return ['match', ['get', 'type'], ...pairs, FALLBACK_COLOR] as unknown as ExpressionSpecification;
}

/** The embedded basemap's sources: GeoJSON files served with the app, so the map needs no third-party request. */
export function basemapSources(basemapUrl: string): Record<string, SourceSpecification> {
  const file = (name: string) => ({ type: 'geojson' as const, data: `${basemapUrl}${name}.geojson` });
  return {
    [ids.SOURCE_COUNTRIES]: file('countries'),
    [ids.SOURCE_REGIONS]: file('regions'),
    [ids.SOURCE_DEPARTEMENTS]: file('departements'),
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
      source: ids.SOURCE_COUNTRIES,
      paint: { 'fill-color': '#efece6' },
    },
    {
      id: ids.LAYER_COUNTRIES_LINE,
      type: 'line',
      source: ids.SOURCE_COUNTRIES,
      paint: { 'line-color': '#b9b3a8', 'line-width': 0.6 },
    },
    {
      id: ids.LAYER_REGIONS_FILL,
      type: 'fill',
      source: ids.SOURCE_REGIONS,
      paint: { 'fill-color': '#fbfaf6' },
    },
    {
      id: ids.LAYER_DEPARTEMENTS_LINE,
      type: 'line',
      source: ids.SOURCE_DEPARTEMENTS,
      minzoom: 5,
      paint: { 'line-color': '#c9c4bb', 'line-width': 0.5 },
    },
    {
      id: ids.LAYER_REGIONS_LINE,
      type: 'line',
      source: ids.SOURCE_REGIONS,
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

/** Above this zoom points are no longer clustered; structures placed at the same commune centre still overlap. */
export const CLUSTER_MAX_ZOOM = 13;

/** The clustered structures source. Empty until the controller receives data. */
export function structureSource(): SourceSpecification {
  return {
    type: 'geojson',
    data: { type: 'FeatureCollection', features: [] },
    cluster: true,
    clusterRadius: 45,
    clusterMaxZoom: CLUSTER_MAX_ZOOM,
    promoteId: 'id',
  };
}

/** Clusters (sized by count), their counts, and single structures coloured by type; the selected one is ringed. */
export function structureLayers(colors: readonly TypeColor[]): LayerSpecification[] {
  return [
    {
      id: ids.LAYER_CLUSTERS,
      type: 'circle',
      source: ids.SOURCE_STRUCTURES,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': '#2b4c7e',
        'circle-radius': ['step', ['get', 'point_count'], 13, 10, 17, 50, 22, 200, 28],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    {
      id: ids.LAYER_CLUSTER_COUNT,
      type: 'symbol',
      source: ids.SOURCE_STRUCTURES,
      filter: ['has', 'point_count'],
      layout: {
        'text-field': ['get', 'point_count_abbreviated'],
        'text-font': TEXT_FONT,
        'text-size': 12,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#ffffff' },
    },
    {
      id: ids.LAYER_STRUCTURES,
      type: 'circle',
      source: ids.SOURCE_STRUCTURES,
      filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-color': typeColorExpression(colors),
        'circle-radius': ['case', ['boolean', ['feature-state', 'selected'], false], 10, 7],
        'circle-stroke-color': [
          'case',
          ['boolean', ['feature-state', 'selected'], false],
          '#111111',
          '#ffffff',
        ],
        'circle-stroke-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, 1.5],
      },
    },
  ];
}

/** Covid-19 initiatives: a separate, unclustered layer of ringed diamonds-like dots above the structures. */
export const INITIATIVE_COLOR = '#b91c1c';

export function initiativeSource(): SourceSpecification {
  return { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'id' };
}

export function initiativeLayers(): LayerSpecification[] {
  return [
    {
      id: ids.LAYER_INITIATIVES,
      type: 'circle',
      source: ids.SOURCE_INITIATIVES,
      layout: { visibility: 'none' },
      paint: {
        'circle-color': '#ffffff',
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 4, 10, 7],
        'circle-stroke-color': INITIATIVE_COLOR,
        'circle-stroke-width': 3,
        'circle-translate': [6, -6],
      },
    },
  ];
}

/** The whole style: offline basemap plus structure layers. `basemapUrl` must be absolute (MapLibre fetches it). */
export function buildStyle(basemapUrl: string, colors: readonly TypeColor[]): StyleSpecification {
  return {
    version: 8,
    name: 'Atlas — fond de carte hors ligne',
    sources: {
      ...basemapSources(basemapUrl),
      [ids.SOURCE_STRUCTURES]: structureSource(),
      [ids.SOURCE_INITIATIVES]: initiativeSource(),
    },
    layers: [...basemapLayers(), ...structureLayers(colors), ...initiativeLayers()],
  };
}
