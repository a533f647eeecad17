import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { toFeatureCollection } from '../../src/domain/dataset';
import { buildDataset } from '../lib/build';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../lib/chromium';
import { generateStructures } from '../lib/generate-dataset';
import { buildReferencePages, measurePage, serveDirectory } from './reference-pages';

const SIZES = [2_000, 10_000];
const CLICKS = 12;
const screenshotDir = process.argv.includes('--screenshots')
  ? (process.argv[process.argv.indexOf('--screenshots') + 1] ?? 'reference-screenshots')
  : null;

const median = (values: number[]) => {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

const { taxonomies, gazetteer } = await buildDataset('data');
const work = mkdtempSync(join(tmpdir(), 'atlas-references-'));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
try {
  const pages = await buildReferencePages(work);
  console.log('| page | structures | first render | settled, median | presented, median | frames, median |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const size of SIZES) {
    const collection = toFeatureCollection(generateStructures(size, taxonomies, gazetteer), {
      generator: 'scripts/bench/try-references.ts',
      sourceHash: 'benchmark',
    });
    for (const [name, dist] of Object.entries(pages)) {
      mkdirSync(join(dist, 'data'), { recursive: true });
      writeFileSync(join(dist, 'data', 'structures.geojson'), JSON.stringify(collection));
      const server = await serveDirectory(dist);
      try {
        const measures = await measurePage(browser, server.url, CLICKS);
        console.log(
          `| ${name} | ${size.toLocaleString('en')} | ${ms(measures.firstRender)} | ${ms(median(measures.settled))} | ${ms(median(measures.presented))} | ${median(measures.frames)} |`,
        );
        if (screenshotDir) {
          mkdirSync(screenshotDir, { recursive: true });
          const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
          await page.goto(server.url);
          await page.waitForFunction('window.__bench !== undefined', null, { timeout: 120_000 });
          await page.evaluate('window.__bench.firstRender');
          await page.screenshot({ path: join(screenshotDir, `${name}-${size}.png`) });
          await page.close();
        }
      } finally {
        await server.close();
      }
    }
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
