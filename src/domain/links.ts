/** Whether a string is one absolute http:// or https:// URL with a dotted host and no blank. */
export function isHttpUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/**
 * Whether a reference of a `source` cell is written as a link of another kind than http(s): a scheme followed by
 * something (`javascript:…`, `data:…`, `vbscript:…`, `file:…`) or a protocol-relative `//host/…`. A document
 * reference such as `Rapport : p. 3` is not a link.
 */
function isForeignLink(reference: string): boolean {
  const first = reference.split(/\s+/)[0] ?? '';
  if (first.startsWith('//')) return true;
  const scheme = /^([a-z][a-z0-9+.-]*):\S/i.exec(first)?.[1]?.toLowerCase();
  return scheme !== undefined && scheme !== 'http' && scheme !== 'https';
}

export type CheckedLinks = {
  readonly siteWeb: string;
  readonly source: string;
  /** One entry per value dropped: the field it came from. */
  readonly dropped: readonly ('siteWeb' | 'source')[];
};

/**
 * Re-checks the links of a published record when it is loaded (the file may have been edited after the build):
 * a `siteWeb` that is not one http(s) URL is dropped, and so is each ` | `-separated `source` reference written as
 * a link of another scheme. What remains can only become an http(s) `href`.
 */
export function checkLinks(record: { readonly siteWeb: string; readonly source: string }): CheckedLinks {
  const dropped: ('siteWeb' | 'source')[] = [];
  const siteWeb = record.siteWeb === '' || isHttpUrl(record.siteWeb) ? record.siteWeb : '';
  if (siteWeb !== record.siteWeb) dropped.push('siteWeb');
  const references = record.source.split(' | ');
  const kept = references.filter((reference) => !isForeignLink(reference.trim()));
  for (let count = kept.length; count < references.length; count += 1) dropped.push('source');
  return { siteWeb, source: kept.join(' | '), dropped };
}
