import type MiniSearch from 'minisearch';
import { type Bitset, createBitset, setBit } from './bitset';
import { normalizeText } from './text';

/** What the search looks at: our own fields only (place search is a separate feature). */
export type SearchableStructure = {
  readonly id: string;
  readonly nom: string;
  readonly description: string;
  readonly commune: string;
  /** Theme and network labels (both languages), so "santé" or "French Tech" find structures by label. */
  readonly labels: string;
};

export type SearchIndex = {
  readonly engine: MiniSearch<SearchableStructure>;
  readonly positionOf: ReadonlyMap<string, number>;
  readonly size: number;
};

export type SearchResult = { readonly mask: Bitset; readonly terms: readonly string[] };

/**
 * Case- and accent-insensitive search tolerant to small typos: every word of the query must match a word of the
 * structure (exactly, as a prefix, or within one edit for words of 4+ letters, two for 8+).
 * Returns null for an empty query, meaning "no search". The result is a set (the list has its own sort orders), so
 * the engine's relevance scores are not used.
 */
export function searchStructures(index: SearchIndex, query: string): SearchResult | null {
  if (normalizeText(query) === '') return null;
  const results = index.engine.search(query, {
    prefix: (term) => term.length >= 2,
    fuzzy: (term) => (term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0),
    combineWith: 'AND',
  });
  const mask = createBitset(index.size);
  const terms = new Set<string>();
  for (const result of results) {
    const position = index.positionOf.get(String(result.id));
    if (position !== undefined) setBit(mask, position);
    for (const term of result.terms) terms.add(term);
  }
  return { mask, terms: [...terms].sort() };
}
