import MiniSearch from 'minisearch';
import type { SearchableStructure, SearchIndex } from './search';
import { normalizeText } from './text';

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
