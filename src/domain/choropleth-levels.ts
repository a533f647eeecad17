/** The choropleth's levels and measures, apart from its computations so that links can be read without them. */
export const CHOROPLETH_LEVELS = ['region', 'departement', 'epci'] as const;
export type ChoroplethLevel = (typeof CHOROPLETH_LEVELS)[number];
export const CHOROPLETH_MEASURES = ['count', 'rate'] as const;
/** `count`: matching structures; `rate`: matching structures per 100,000 inhabitants. */
export type ChoroplethMeasure = (typeof CHOROPLETH_MEASURES)[number];
