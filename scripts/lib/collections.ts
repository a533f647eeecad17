/** The host of a URL, lowercase and without `www.`; empty when the text is not a URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return '';
  }
}

/**
 * Counts items by key (an item may have several keys, e.g. its themes), most frequent first, ties by key,
 * so summaries and reports are deterministic.
 */
export function countBy<T>(
  items: readonly T[],
  keys: (item: T) => string | readonly string[],
): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const found = keys(item);
    for (const key of typeof found === 'string' ? [found] : found)
      counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].sort((left, right) => right[1] - left[1] || left[0].localeCompare(right[0]));
}
