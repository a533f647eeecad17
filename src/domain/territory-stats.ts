import { type Bitset, countAnd, countBits, intersect } from './bitset';
import { type FacetIndex, territoryMask } from './filter';
import type { TerritoryInfo, TerritoryRef } from './territory';

/** Structures per 100,000 inhabitants, rounded to one decimal; null when the population is unknown or zero. */
export function perHundredThousand(count: number, population: number): number | null {
  if (!(population > 0)) return null;
  return Math.round((count * 1_000_000) / population) / 10;
}

/** One territory's figure for one row of the panel. */
export type Figure = { readonly count: number; readonly perCapita: number | null };

/** The figures of one structure type (or of all types: `code` null) in a territory and in its parent levels. */
export type TerritoryRow = {
  readonly code: string | null;
  readonly territory: Figure;
  /** Same order as the columns: the parent levels nearest first, then France. */
  readonly parents: readonly Figure[];
};

/** A level the territory is compared with: one of its parents, or France (ref null: every structure). */
export type Column = { readonly ref: TerritoryRef | null; readonly population: number };

function figure(index: FacetIndex, matching: Bitset, column: Column, values: Bitset | null): Figure {
  const within = column.ref === null ? matching : intersect(matching, territoryMask(index, column.ref));
  const count = values === null ? countBits(within) : countAnd(within, values);
  return { count, perCapita: perHundredThousand(count, column.population) };
}

/**
 * The panel's table: for all types together and then for each type, the structures matching the filters in the
 * territory and in each comparison level, with the number per 100,000 inhabitants. `matching` is the filter's
 * result without the territory (the other facets, the search and the radius still apply), so "fablabs only" gives
 * fablab figures everywhere.
 */
export function territoryRows(
  index: FacetIndex,
  matching: Bitset,
  territory: Column & { readonly ref: TerritoryRef },
  comparisons: readonly Column[],
  types: readonly string[],
): TerritoryRow[] {
  const row = (code: string | null, values: Bitset | null): TerritoryRow => ({
    code,
    territory: figure(index, matching, territory, values),
    parents: comparisons.map((column) => figure(index, matching, column, values)),
  });
  const rows = [row(null, null)];
  for (const type of types) {
    const values = index.bits.type.get(type);
    if (values !== undefined) rows.push(row(type, values));
  }
  return rows;
}

/** The matching structures of a territory by value of a facet (e.g. by theme), largest first, zeros left out. */
export function countsBy(
  index: FacetIndex,
  matching: Bitset,
  territory: TerritoryRef,
  facet: 'type' | 'theme' | 'network',
): { code: string; count: number }[] {
  const within = intersect(matching, territoryMask(index, territory));
  return [...index.bits[facet].entries()]
    .map(([code, values]) => ({ code, count: countAnd(within, values) }))
    .filter((entry) => entry.count > 0)
    .sort((left, right) => right.count - left.count || (left.code < right.code ? -1 : 1));
}

export type RankedPeer = TerritoryInfo & Figure & { readonly rank: number };

/**
 * The territories compared with one (see `peersOf`), ranked by matching structures per 100,000 inhabitants, then by
 * count, then by name; rank 1 is the best provided. Territories of unknown population come last.
 */
export function rankPeers(
  index: FacetIndex,
  matching: Bitset,
  peers: readonly TerritoryInfo[],
): RankedPeer[] {
  const scored = peers.map((peer) => ({
    ...peer,
    ...figure(index, matching, { ref: peer.ref, population: peer.population }, null),
  }));
  scored.sort(
    (left, right) =>
      (right.perCapita ?? -1) - (left.perCapita ?? -1) ||
      right.count - left.count ||
      left.name.localeCompare(right.name, 'fr'),
  );
  return scored.map((peer, position) => ({ ...peer, rank: position + 1 }));
}
