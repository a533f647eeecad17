import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * `pmtiles` imports fflate's `decompressSync`, its fallback for browsers without `DecompressionStream`. The
 * basemap archive is stored uncompressed (`scripts/lib/basemap-tiles.ts`), so the reader never decompresses:
 * resolving that one import to a stub keeps fflate (and the ZIP writer the export shares it with) out of the
 * code loaded before the first map.
 */
const pmtilesWithoutFflate: Plugin = {
  name: 'pmtiles-without-fflate',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === 'fflate' && importer !== undefined && /[\\/]node_modules[\\/]pmtiles[\\/]/.test(importer))
      return here('./src/map/pmtiles-fflate-stub.ts');
    return null;
  },
};

export default defineConfig({
  root: here('./src'),
  base: './',
  publicDir: here('./public'),
  plugins: [react(), pmtilesWithoutFflate],
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl/ }] },
      },
    },
  },
  preview: { port: 4173, strictPort: false },
  test: {
    root: here('.'),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          testTimeout: 30_000,
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/browser/**'],
          setupFiles: ['tests/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
