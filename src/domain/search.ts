import MiniSearch from 'minisearch';
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

/** One token of the index: lowercase, no accents, no punctuation ("École" → "ecole"). */
function processTerm(term: string): string | null {
  const normalized = normalizeText(term);
  return normalized === '' ? null : normalized;
}

/**
 * Builds the full-text index (MiniSearch: prefix and fuzzy matching, field boosts). Positions follow the order of
 * `structures`, which must be the order of the facet index so both produce compatible bitsets.
 */
export function createSearchIndex(structures: readonly SearchableStructure[]): SearchIndex {
  const engine = new MiniSearch<SearchableStructure>({
    fields: ['nom', 'description', 'commune', 'labels'],
    storeFields: [],
    processTerm,
  });
  engine.addAll(structures);
  return {
    engine,
    positionOf: new Map(structures.map((structure, position) => [structure.id, position])),
    size: structures.length,
  };
}

/**
 * Case- and accent-insensitive search tolerant to small typos: every word of the query must match a word of the
 * structure (exactly, as a prefix, or within one edit for words of 4+ letters, two for 8+).
 * Returns null for an empty query, meaning "no search".
 */
export function searchStructures(index: SearchIndex, query: string): SearchResult | null {
  if (normalizeText(query) === '') return null;
  const results = index.engine.search(query, {
    prefix: (term) => term.length >= 2,
    fuzzy: (term) => (term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0),
    combineWith: 'AND',
    boost: { nom: 3, commune: 2 },
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

export type Segment = { readonly text: string; readonly match: boolean };

/**
 * Splits `text` into segments, marking the words the search matched. `terms` are index terms (normalised words of
 * the documents, as returned by `searchStructures`), so "École" is marked for the term "ecole".
 */
export function highlightSegments(text: string, terms: readonly string[]): Segment[] {
  if (terms.length === 0 || text === '') return [{ text, match: false }];
  const wanted = new Set(terms);
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const start = match.index ?? 0;
    if (!wanted.has(normalizeText(match[0]))) continue;
    if (start > last) segments.push({ text: text.slice(last, start), match: false });
    segments.push({ text: match[0], match: true });
    last = start + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false });
  return segments;
}
