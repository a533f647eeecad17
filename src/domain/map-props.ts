import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Bitset } from './bitset';
import type { ChosenPlace } from './proximity';
import type { LngLat } from './types';

export type TypeColor = { readonly code: string; readonly color: string };

/**
 * The structures of a dataset as the map needs them, built once per dataset: positions index every array.
 * `category[position]` is the index of the structure's type in `types`.
 */
export type StructurePoints = {
  readonly ids: readonly string[];
  readonly coordinates: readonly LngLat[];
  readonly category: Uint8Array;
  readonly types: readonly string[];
};

/** The structures layer: the dataset's points, which of them the filter keeps, and the type colours. */
export type StructuresProps = {
  readonly points: StructurePoints;
  /** Positions kept by the filter; null draws nothing (no dataset or no result yet). */
  readonly visible: Bitset | null;
  readonly colors: readonly TypeColor[];
};

export type InitiativePoint = {
  readonly id: string;
  readonly initiativeId: string;
  /** Empty for a network-wide initiative drawn at its commune. */
  readonly structureId: string;
  readonly coordinates: LngLat;
};

export type InitiativesProps = { readonly points: readonly InitiativePoint[]; readonly visible: boolean };

export type SelectionProps = { readonly id: string | null };

/** The basemap under the data: the embedded offline one, or an online one the user opted into. */
export type BasemapKind = 'hors-ligne' | 'plan-ign' | 'osm';
export const BASEMAP_KINDS: readonly BasemapKind[] = ['hors-ligne', 'plan-ign', 'osm'];

export type PlaceProps = { readonly place: ChosenPlace | null; readonly radiusKm: number };

/** Communes beyond 20 km of any matching structure (empty when the coverage layer is off or not computed). */
export type CoverageProps = {
  readonly gaps: readonly { readonly lngLat: LngLat; readonly population: number }[];
};

/** The choropleth: the outlines of its level (empty when off) and the colour of each area by code. */
export type ChoroplethProps = {
  readonly shapes: readonly Feature<Polygon | MultiPolygon, { readonly code: string }>[];
  readonly colours: ReadonlyMap<string, string>;
};

/** The outline of the open territory (a GeoJSON polygon feature), or null when none is open or it is loading. */
export type TerritoryProps = { readonly outline: Feature<Polygon | MultiPolygon> | null };

/**
 * Everything the map draws, as one value: each field belongs to one layer module (`src/map/layers/*.ts`), which
 * is updated only when its field changes identity. A new layer is one module plus one field here.
 */
export type MapProps = {
  readonly structures: StructuresProps;
  readonly initiatives: InitiativesProps;
  readonly selection: SelectionProps;
  readonly place: PlaceProps;
  readonly territory: TerritoryProps;
  readonly coverage: CoverageProps;
  readonly choropleth: ChoroplethProps;
  /** Drawn by the map underneath, not by a layer module. */
  readonly basemap: BasemapKind;
};
