import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The dev server injects CSS through inline `<style>` elements, which the page's Content-Security-Policy
 * (`style-src 'self'`, src/index.html) blocks: without this, `npm run dev` shows an unstyled page. The policy is
 * removed in dev only; every build keeps it, and the browser tests run the build under it.
 */
const devWithoutCsp: Plugin = {
  name: 'atlas-dev-without-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>\s*/, ''),
};

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
  plugins: [react(), devWithoutCsp, pmtilesWithoutFflate],
  resolve: {
    alias: [
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
      { find: /^react$/, replacement: 'preact/compat' },
    ],
  },
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
    server: { deps: { inline: ['zustand', '@tanstack/react-virtual'] } },
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
