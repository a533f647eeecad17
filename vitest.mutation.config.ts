import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { searchForWorkspaceRoot } from 'vite';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The unit tier alone (no headless-Chromium tests), for StrykerJS (`stryker.config.mjs`). Stryker runs the tests in
 * a copy of the project whose `node_modules` is a symbolic link, so Vite must be allowed to serve files from where
 * that link really points (MapLibre's worker is imported with `?url`).
 */
export default defineConfig({
  root: here('./src'),
  plugins: [react()],
  server: { fs: { allow: [searchForWorkspaceRoot(here('.')), realpathSync(here('./node_modules'))] } },
  test: {
    root: here('.'),
    name: 'unit',
    environment: 'jsdom',
    testTimeout: 30_000,
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/browser/**'],
    setupFiles: ['tests/setup.ts'],
  },
});
