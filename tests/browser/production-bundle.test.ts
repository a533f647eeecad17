import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';

describe('the production build', () => {
  it('leaves the test hooks out (they exist only with VITE_INSTRUMENT=1)', async () => {
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
