/**
 * Stands in for fflate inside `pmtiles` (see `vite.config.ts`): the offline basemap archive is uncompressed, so
 * the reader never calls this. Reaching it means an archive was written compressed.
 */
export function decompressSync(): never {
  throw new Error('The basemap archive must be uncompressed (scripts/lib/basemap-tiles.ts).');
}
