import type { TaxonomyEntry } from './types';

/** Finds a taxonomy entry by code; unknown codes fall back to the code itself as label. */
export function labelOf(entries: readonly TaxonomyEntry[], code: string, language: 'fr' | 'en'): string {
  const entry = entries.find((candidate) => candidate.code === code);
  if (entry === undefined) return code;
  return language === 'fr' ? entry.labelFr : entry.labelEn;
}
