/**
 * Lowercases, strips accents and folds punctuation to single spaces, so that "Saint-Étienne",
 * "saint etienne" and "ST ETIENNE " compare on letters alone. Used for commune names and search.
 */
export function normalizeText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
