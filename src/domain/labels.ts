import type { Taxonomies, TaxonomyEntry } from './types';

/** Finds a taxonomy entry by code; unknown codes fall back to the code itself as label. */
export function labelOf(entries: readonly TaxonomyEntry[], code: string, language: 'fr' | 'en'): string {
  const entry = entries.find((candidate) => candidate.code === code);
  if (entry === undefined) return code;
  return language === 'fr' ? entry.labelFr : entry.labelEn;
}

/**
 * Taxonomies made of the codes the data uses, each its own label: what the app shows when `taxonomies.json`
 * cannot be read, so that the facets, the list and the cards still work (with codes instead of names).
 */
export function taxonomiesFromCodes(
  structures: readonly {
    readonly type: string;
    readonly themes: readonly string[];
    readonly reseaux: readonly string[];
  }[],
  initiatives: readonly { readonly categorie: string }[],
): Taxonomies {
  const entries = (codes: Iterable<string>): TaxonomyEntry[] =>
    [...new Set(codes)].sort().map((code) => ({ code, labelFr: code, labelEn: code, descriptionFr: '' }));
  return {
    types: entries(structures.map((structure) => structure.type)),
    themes: entries(structures.flatMap((structure) => structure.themes)),
    networks: entries(structures.flatMap((structure) => structure.reseaux)),
    initiativeCategories: entries(initiatives.map((initiative) => initiative.categorie)),
  };
}
