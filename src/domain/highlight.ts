import { normalizeText } from './text';

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
