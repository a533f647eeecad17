import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { build, preview } from 'vite';

const PAGES = ['leaflet', 'maplibre'] as const;
type PageName = (typeof PAGES)[number];

/** Figures of one reference page: first render from navigation start, then one entry per click. */
export type PageMeasures = { firstRender: number; settled: number[]; presented: number[]; frames: number[] };

/**
 * Builds the Leaflet and MapLibre reference pages as static sites, the way the app itself is built (Vite,
 * relative base), so the benchmark compares production bundles served the same way. Returns each page's dist
 * directory; the caller copies `data/structures.geojson` into it before serving.
 */
export async function buildReferencePages(outDir: string): Promise<{ leaflet: string; maplibre: string }> {
  const built = {} as Record<PageName, string>;
  for (const name of PAGES) {
    const dist = join(outDir, name);
    await build({
      configFile: false,
      root: fileURLToPath(new URL(`./${name}/`, import.meta.url)),
      base: './',
      publicDir: false,
      logLevel: 'warn',
      build: { outDir: dist, emptyOutDir: true, chunkSizeWarningLimit: 2000 },
    });
    built[name] = dist;
  }
  return built;
}

/**
 * Serves a built directory over HTTP on a free local port (pages fetch their data and MapLibre its worker, which
 * `file://` forbids), with the same Vite preview server `scripts/bench.ts` uses for the app.
 */
export async function serveDirectory(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = await preview({
    configFile: false,
    build: { outDir: dir },
    preview: { port: 0, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw new Error(`vite preview gave no URL for ${dir}`);
  }
  return { url, close: () => server.close() };
}

/**
 * Loads a reference page in a fresh 1280×800 tab and reads its `window.__bench` hook: first render (ms since
 * navigation start, i.e. the page's own `performance.now()`), then `clicks` facet clicks run one after the other,
 * each waiting for the previous one to settle, as a user would.
 */
export async function measurePage(browser: Browser, url: string, clicks: number): Promise<PageMeasures> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const crashed = new Promise<never>((_, reject) => {
    page.on('pageerror', (error) => reject(new Error(`${url}: ${error.message}`)));
  });
  crashed.catch(() => {});
  try {
    await page.goto(url);
    // Source strings, not functions: tsx would otherwise leak its helpers into the page.
    const ready = page.waitForFunction('window.__bench !== undefined', null, { timeout: 120_000 });
    await Promise.race([ready, crashed]);
    const firstRender = (await Promise.race([
      page.evaluate('window.__bench.firstRender'),
      crashed,
    ])) as number;
    const measures: PageMeasures = { firstRender, settled: [], presented: [], frames: [] };
    for (let position = 0; position < clicks; position += 1) {
      const timing = (await Promise.race([page.evaluate(`window.__bench.click(${position})`), crashed])) as {
        settled: number;
        presented: number;
        frames: number;
      };
      measures.settled.push(timing.settled);
      measures.presented.push(timing.presented);
      measures.frames.push(timing.frames);
    }
    if (errors.length > 0) throw new Error(`${url}: ${errors.join('; ')}`);
    return measures;
  } finally {
    await page.close();
  }
}
