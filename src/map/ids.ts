/** The basemap's source and layer ids, defined once (each data layer module owns its own). */
export const SOURCE_BASEMAP_TILES = 'basemap-tiles';
export const SOURCE_REGION_LABELS = 'region-labels';
export const SOURCE_CITY_LABELS = 'city-labels';

export const LAYER_BACKGROUND = 'background';
export const LAYER_COUNTRIES_FILL = 'countries-fill';
export const LAYER_COUNTRIES_LINE = 'countries-line';
export const LAYER_REGIONS_FILL = 'regions-fill';
export const LAYER_DEPARTEMENTS_LINE = 'departements-line';
export const LAYER_REGIONS_LINE = 'regions-line';
export const LAYER_REGION_LABELS = 'region-labels';
export const LAYER_CITY_LABELS = 'city-labels';
