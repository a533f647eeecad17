/** Every MapLibre source and layer id, defined once. */
export const SOURCE_COUNTRIES = 'countries';
export const SOURCE_REGIONS = 'regions';
export const SOURCE_DEPARTEMENTS = 'departements';
export const SOURCE_REGION_LABELS = 'region-labels';
export const SOURCE_CITY_LABELS = 'city-labels';
export const SOURCE_STRUCTURES = 'structures';
export const SOURCE_INITIATIVES = 'initiatives';

export const LAYER_BACKGROUND = 'background';
export const LAYER_COUNTRIES_FILL = 'countries-fill';
export const LAYER_COUNTRIES_LINE = 'countries-line';
export const LAYER_REGIONS_FILL = 'regions-fill';
export const LAYER_DEPARTEMENTS_LINE = 'departements-line';
export const LAYER_REGIONS_LINE = 'regions-line';
export const LAYER_REGION_LABELS = 'region-labels';
export const LAYER_CITY_LABELS = 'city-labels';
export const LAYER_CLUSTERS = 'structure-clusters';
export const LAYER_CLUSTER_COUNT = 'structure-cluster-count';
export const LAYER_STRUCTURES = 'structure-points';
export const LAYER_INITIATIVES = 'initiative-points';

/** The layers a click or a rendered-feature query looks at. */
export const INTERACTIVE_LAYERS = [LAYER_CLUSTERS, LAYER_STRUCTURES] as const;
