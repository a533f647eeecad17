import { bboxOf } from '../domain/geo';
import type { Structure, TaxonomyEntry } from '../domain/types';
import type { AppState } from './store';

type PublishedStructure = Structure & { readonly epciNom: string | null };
const EMPTY: readonly PublishedStructure[] = [];

export function selectStructures(state: AppState): readonly PublishedStructure[] {
  return state.dataset?.structures ?? EMPTY;
}

export function selectSelectedStructure(state: AppState): PublishedStructure | null {
  if (state.selectedId === null) return null;
  return selectStructures(state).find((structure) => structure.id === state.selectedId) ?? null;
}

const NO_TYPES: readonly TaxonomyEntry[] = [];
export function selectTypes(state: AppState): readonly TaxonomyEntry[] {
  return state.dataset?.taxonomies.types ?? NO_TYPES;
}

/** Memoised on the structures array: the same input gives the same bounds object. */
let lastStructures: readonly PublishedStructure[] | null = null;
let lastBounds: readonly [number, number, number, number] | null = null;
export function selectDatasetBounds(state: AppState): readonly [number, number, number, number] | null {
  const structures = selectStructures(state);
  if (structures !== lastStructures) {
    lastStructures = structures;
    lastBounds =
      structures.length === 0 ? null : bboxOf(structures.map((structure) => structure.coordinates));
  }
  return lastBounds;
}

export type MapFeatureCollection = {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    id: string;
    properties: { id: string; type: string };
    geometry: { type: 'Point'; coordinates: [number, number] };
  }[];
};

let lastFeatureInput: readonly PublishedStructure[] | null = null;
let lastFeatures: MapFeatureCollection = { type: 'FeatureCollection', features: [] };
/** The lean GeoJSON the map draws (id, type, point), memoised on the structures array. */
export function selectMapFeatures(state: AppState): MapFeatureCollection {
  const structures = selectStructures(state);
  if (structures !== lastFeatureInput) {
    lastFeatureInput = structures;
    lastFeatures = {
      type: 'FeatureCollection',
      features: structures.map((structure) => ({
        type: 'Feature',
        id: structure.id,
        properties: { id: structure.id, type: structure.type },
        geometry: { type: 'Point', coordinates: [structure.coordinates[0], structure.coordinates[1]] },
      })),
    };
  }
  return lastFeatures;
}

let lastTypes: readonly TaxonomyEntry[] | null = null;
let lastColors: { code: string; color: string }[] = [];
export function selectTypeColors(state: AppState): readonly { code: string; color: string }[] {
  const types = selectTypes(state);
  if (types !== lastTypes) {
    lastTypes = types;
    lastColors = types.map((type) => ({ code: type.code, color: type.color ?? '#555555' }));
  }
  return lastColors;
}
