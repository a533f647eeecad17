import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { searchForWorkspaceRoot } from 'vite';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const reactEntry = realpathSync(createRequire(import.meta.url).resolve('react'));
const nodeModules = reactEntry.slice(0, reactEntry.lastIndexOf('/node_modules/') + '/node_modules'.length);

/**
 * The unit tier without the view tests (React in jsdom: the slowest tests, and the mutated folders are pure code
 * with tests of their own; see docs/testing.md) and without the headless-Chromium tests, for StrykerJS (`stryker.config.mjs`). Stryker runs the tests in
 * a copy of the project that reaches `node_modules` through a symbolic link, so Vite must be allowed to serve files
 * from where that link really points (MapLibre's worker is imported with `?url`).
 */
export default defineConfig({
  root: here('./src'),
  plugins: [react()],
  server: { fs: { allow: [searchForWorkspaceRoot(here('.')), nodeModules] } },
  test: {
    root: here('.'),
    name: 'unit',
    environment: 'node',
    testTimeout: 30_000,
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/browser/**', 'tests/views/**'],
    setupFiles: ['tests/setup.ts'],
    isolate: false,
    // The URL property test runs once per mutant of src/state/url.ts: 1,000 generated links instead of 10,000.
    env: { GARBAGE_QUERY_COUNT: '1000' },
  },
});
