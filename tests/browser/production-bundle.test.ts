import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';

describe('the production build', () => {
  it('leaves the test hooks and react-dom out (hooks exist only with VITE_INSTRUMENT=1), and keeps the CSP', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'atlas-production-'));
    const previous = process.env.VITE_INSTRUMENT;
    delete process.env.VITE_INSTRUMENT;
    try {
      await build({
        configFile: 'vite.config.ts',
        logLevel: 'silent',
        build: { outDir: directory, emptyOutDir: true },
      });
      const scripts = readdirSync(join(directory, 'assets')).filter((name) => name.endsWith('.js'));
      const withHooks = scripts.filter((name) =>
        readFileSync(join(directory, 'assets', name), 'utf8').includes('__atlas'),
      );
      expect(scripts.length).toBeGreaterThan(2);
      expect(withHooks).toEqual([]);
      // The page keeps its Content-Security-Policy (only the dev server drops it: vite.config.ts).
      expect(readFileSync(join(directory, 'index.html'), 'utf8')).toContain(
        'http-equiv="Content-Security-Policy"',
      );
      // React's API runs on Preact (vite.config.ts aliases): react-dom itself is not shipped.
      const withReactDom = scripts.filter((name) =>
        readFileSync(join(directory, 'assets', name), 'utf8').includes('Minified React error'),
      );
      expect(withReactDom).toEqual([]);
      const instrumented = readdirSync('dist/assets').filter(
        (name) => name.endsWith('.js') && readFileSync(join('dist/assets', name), 'utf8').includes('__atlas'),
      );
      expect(instrumented.length).toBeGreaterThan(0);
    } finally {
      if (previous !== undefined) process.env.VITE_INSTRUMENT = previous;
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
