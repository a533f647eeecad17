import { ckmeans } from 'simple-statistics';
import { type Bitset, countAnd } from './bitset';
import type { FacetIndex } from './filter';
import { perHundredThousand } from './territory-stats';

export {
  CHOROPLETH_LEVELS,
  CHOROPLETH_MEASURES,
  type ChoroplethLevel,
  type ChoroplethMeasure,
} from './choropleth-levels';

import type { ChoroplethLevel, ChoroplethMeasure } from './choropleth-levels';

/**
 * Five classes, light to dark: ColorBrewer's "YlGnBu" sequential scheme, marked colour-blind safe by ColorBrewer;
 * the darkest classes also keep a 3:1 contrast with the lightest.
 */
export const CHOROPLETH_PALETTE = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] as const;

export type AreaFigure = {
  readonly code: string;
  readonly name: string;
  readonly population: number;
  readonly count: number;
  readonly rate: number | null;
};

/** The matching structures of every area of a level, with the number per 100,000 inhabitants. */
export function areaFigures(
  index: FacetIndex,
  matching: Bitset,
  level: ChoroplethLevel,
  areas: readonly { readonly code: string; readonly name: string; readonly population: number }[],
): AreaFigure[] {
  return areas.map((area) => {
    const members = index.bits[level].get(area.code);
    const count = members === undefined ? 0 : countAnd(matching, members);
    return { ...area, count, rate: perHundredThousand(count, area.population) };
  });
}

export function measureOf(figure: AreaFigure, measure: ChoroplethMeasure): number | null {
  return measure === 'count' ? figure.count : figure.rate;
}

/**
 * Class breaks by Jenks-style natural breaks (simple-statistics' `ckmeans`, optimal 1-D k-means): the upper bound
 * of each class, at most `classes` of them (fewer when there are fewer distinct values). Empty without values.
 */
export function classBreaks(
  values: readonly number[],
  classes: number = CHOROPLETH_PALETTE.length,
): number[] {
  const distinct = new Set(values).size;
  if (distinct === 0) return [];
  const groups = ckmeans([...values], Math.min(classes, distinct));
  return groups.map((group) => group[group.length - 1] ?? 0);
}

/** The class (0-based) of a value: the first class whose upper bound holds it. */
export function classOf(value: number, breaks: readonly number[]): number {
  const found = breaks.findIndex((bound) => value <= bound);
  return found === -1 ? breaks.length - 1 : found;
}

/** The colour of each class when there are fewer classes than colours: spread over the whole palette. */
export function classColours(count: number): string[] {
  if (count <= 1) return [CHOROPLETH_PALETTE[2]];
  return Array.from(
    { length: count },
    (_, position) =>
      CHOROPLETH_PALETTE[Math.round((position * (CHOROPLETH_PALETTE.length - 1)) / (count - 1))] ??
      CHOROPLETH_PALETTE[0],
  );
}

/** The choropleth's figures for the current filters: every area of its level, the class breaks and colours. */
export type ChoroplethView = {
  readonly level: ChoroplethLevel;
  readonly measure: ChoroplethMeasure;
  readonly figures: readonly AreaFigure[];
  readonly breaks: readonly number[];
  readonly colours: readonly string[];
  /** The colour of each area, by code (areas without a measure have none). */
  readonly colourOf: ReadonlyMap<string, string>;
};
