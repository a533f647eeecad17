/// <reference lib="dom" />
import type { Feature, FeatureCollection, Point } from 'geojson';
import { STRUCTURE_TYPES } from '../../src/domain/types';

/** The app's type checkboxes, in their on-screen order: `click(position)` toggles `TYPES[position % 11]`. */
export const TYPES = STRUCTURE_TYPES;

export type BenchFeature = Feature<Point, { type: string; statut: string }>;

/** Timings of one facet click, in ms from `performance.now()` taken just before the map was changed. */
export type ClickTiming = { settled: number; presented: number; frames: number };

/** What the benchmark driver reads in each reference page. */
export type BenchHook = {
  firstRender: Promise<number>;
  click(position: number): Promise<ClickTiming>;
};

declare global {
  interface Window {
    __bench?: BenchHook;
  }
}

/** Loads the dataset next to the page, so the same build serves any dataset copied into `data/`. */
export async function loadFeatures(): Promise<BenchFeature[]> {
  const response = await fetch(new URL('data/structures.geojson', document.baseURI));
  if (!response.ok) throw new Error(`data/structures.geojson: HTTP ${response.status}`);
  const collection = (await response.json()) as FeatureCollection<Point, { type: string; statut: string }>;
  return collection.features;
}

/**
 * The app's facet state for types only: toggling a type flips it in the selection, and the shown set is every
 * structure that is not closed and, when some types are selected, of one of them. `changed` tells whether the
 * shown set differs from the previous one.
 */
export function createTypeFacet<T>(
  features: readonly BenchFeature[],
  payload: (feature: BenchFeature) => T,
): { shown: readonly T[]; toggle(position: number): { shown: T[]; changed: boolean } } {
  const selected = new Set<string>();
  const payloads = features.map(payload);
  const filter = (): T[] =>
    payloads.filter((_, index) => {
      const { type, statut } = (features[index] as BenchFeature).properties;
      return statut !== 'ferme' && (selected.size === 0 || selected.has(type));
    });
  const facet = {
    shown: filter() as readonly T[],
    toggle(position: number) {
      const type = TYPES[position % TYPES.length] as string;
      if (selected.has(type)) selected.delete(type);
      else selected.add(type);
      const previous = facet.shown;
      const shown = filter();
      facet.shown = shown;
      const changed =
        shown.length !== previous.length || shown.some((item, index) => item !== previous[index]);
      return { shown, changed };
    },
  };
  return facet;
}

/** Resolves at the start of the next animation frame, i.e. once the browser has presented the previous one. */
export const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));
