/**
 * Performance figures (never asserted in tests): `npm run bench` builds the app, then prints
 * 1. the domain filter + counts on generated datasets of 1,000, 10,000 and 100,000 structures;
 * 2. search libraries compared on the real dataset (index time, query time, typo queries found);
 * 3. in headless Chromium on the production build, the time from a facet click until the map, the list and
 *    the counts are all updated (median and p95 over 24 clicks), for each dataset size;
 * and writes them with the machine's description to docs/performance.md.
 */

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { hasBit } from '../src/domain/bitset';
import { toFeatureCollection } from '../src/domain/dataset';
import { buildFacetIndex, DEFAULT_FILTER, type FilterState, filterStructures } from '../src/domain/filter';
import { createSearchIndex, searchStructures } from '../src/domain/search';
import { normalizeText } from '../src/domain/text';
import type { Structure } from '../src/domain/types';
import { buildDataset } from './lib/build';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './lib/chromium';
import { generateStructures, seededRandom } from './lib/generate-dataset';

const SIZES = [1_000, 10_000, 100_000];

/**
 * Runs in the page (as source text, so no bundler helper leaks into it): clicks a type checkbox, then resolves
 * with the time until the count and the list have changed, and the time until the map has also drawn the new set.
 */
const CLICK_AND_WAIT = `async function (position) {
  var boxes = Array.prototype.slice.call(document.querySelectorAll('[data-facet="type"] input[type="checkbox"]'));
  var box = boxes[position % boxes.length];
  var count = document.querySelector('[data-testid="result-count"]');
  var hook = window.__atlas;
  if (!box || !count || !hook) return [NaN, NaN, NaN];
  var before = count.textContent;
  var version = hook.dataVersion;
  var channel = new MessageChannel();
  var start = performance.now();
  box.click();
  var sync = count.textContent !== before ? performance.now() - start : NaN;
  var handed = NaN;
  await new Promise(function (resolve) {
    channel.port1.onmessage = function () {
      if (isNaN(handed) && hook.dataVersion > version) handed = performance.now() - start;
      if (!isNaN(handed) && hook.idleDataVersion === hook.dataVersion) resolve();
      else channel.port2.postMessage(0);
    };
    channel.port2.postMessage(0);
  });
  return [sync, handed, performance.now() - start];
}`;
const CLICKS = 24;

function stats(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((left, right) => left - right);
  const at = (quantile: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] ?? 0;
  return { median: at(0.5), p95: at(0.95) };
}
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}

const built = await buildDataset('data');
const lines: string[] = [];
const say = (line = '') => {
  console.log(line);
  lines.push(line);
};

say('## Domain: filter + counts (Node, one core)');
say();
say(
  '| structures | build facet index | filter + counts, median | p95 | build search index | search, median |',
);
say('|---:|---:|---:|---:|---:|---:|');
const generated = new Map<number, Structure[]>();
for (const size of SIZES) {
  const structures = generateStructures(size, built.taxonomies, built.gazetteer);
  generated.set(size, structures);
  const [index, indexTime] = time(() => buildFacetIndex(structures));
  const random = seededRandom(size);
  const types = built.taxonomies.types.map((entry) => entry.code);
  const themes = built.taxonomies.themes.map((entry) => entry.code);
  const samples: number[] = [];
  for (let run = 0; run < 60; run += 1) {
    const filter: FilterState = {
      ...DEFAULT_FILTER,
      type: run % 3 === 0 ? [] : [types[Math.floor(random() * types.length)] ?? 'fablab'],
      theme: run % 2 === 0 ? [] : [themes[Math.floor(random() * themes.length)] ?? 'numerique'],
      region: run % 5 === 0 ? ['53', '52'] : [],
    };
    samples.push(time(() => filterStructures(index, filter))[1]);
  }
  const filterStats = stats(samples.slice(5));
  const [searchIndex, searchIndexTime] = time(() =>
    createSearchIndex(structures.map((structure) => ({ ...structure, labels: structure.themes.join(' ') }))),
  );
  const searchSamples = ['lab', 'fabrique rennes', 'atelir', 'santé', 'pole mer'].map(
    (query) => time(() => searchStructures(searchIndex, query))[1],
  );
  say(
    `| ${size.toLocaleString('en')} | ${ms(indexTime)} | ${ms(filterStats.median)} | ${ms(filterStats.p95)} | ${ms(searchIndexTime)} | ${ms(stats(searchSamples).median)} |`,
  );
}

say();
say(`## Search libraries on the real dataset (${built.structures.length} structures)`);
say();
const documents = built.structures.map((structure) => ({
  id: structure.id,
  nom: structure.nom,
  description: structure.description,
  commune: structure.commune,
  labels: structure.themes.join(' '),
}));
const queries: [string, string][] = [
  ['tecnopole brest', 'technopole'],
  ['ecole', 'école'],
  ['saint etienne', 'saint-étienne'],
  ['incubatuer', 'incubateur'],
  ['fablab lannion', 'lannion'],
  ['villag by ca', 'village'],
];
const found = (names: string[], expected: string) =>
  names.some((name) => normalizeText(name).includes(normalizeText(expected)));
const [mini, miniIndexTime] = time(() => createSearchIndex(documents));
const [fuse, fuseIndexTime] = time(
  () =>
    new Fuse(documents, {
      keys: ['nom', 'description', 'commune', 'labels'],
      threshold: 0.35,
      ignoreLocation: true,
    }),
);
const byId = new Map(documents.map((document) => [document.id, document]));
const engines: [string, number, (query: string) => string[]][] = [
  [
    'MiniSearch 7 (chosen)',
    miniIndexTime,
    (query) => {
      const result = searchStructures(mini, query);
      return result === null
        ? []
        : built.structures
            .filter((_, position) => hasBit(result.mask, position))
            .map((structure) => `${structure.nom} ${structure.commune}`);
    },
  ],
  [
    'Fuse.js 7',
    fuseIndexTime,
    (query) => fuse.search(query).map((hit) => `${hit.item.nom} ${hit.item.commune}`),
  ],
  [
    'hand-written substring',
    0,
    (query) => {
      const words = normalizeText(query).split(' ');
      return documents
        .filter((document) => {
          const text = normalizeText(
            `${document.nom} ${document.description} ${document.commune} ${document.labels}`,
          );
          return words.every((word) => text.includes(word));
        })
        .map((document) => `${byId.get(document.id)?.nom ?? ''} ${document.commune}`);
    },
  ],
];
say('| engine | index | query, median | typo/accents queries answered | results for "ecole" |');
say('|---|---:|---:|---:|---:|');
for (const [name, indexTime, run] of engines) {
  const timings: number[] = [];
  let answered = 0;
  for (const [query, expected] of queries) {
    const [names, elapsed] = time(() => run(query));
    timings.push(elapsed);
    if (found(names.slice(0, 20), expected)) answered += 1;
  }
  say(
    `| ${name} | ${ms(indexTime)} | ${ms(stats(timings).median)} | ${answered}/${queries.length} | ${run('ecole').length} |`,
  );
}

say();
say(
  `## In the browser: facet click → map, list and counts updated (production build, headless Chromium, ${CLICKS} clicks)`,
);
say();
if (!existsSync(CHROMIUM_PATH)) {
  say(`Chromium not found at ${CHROMIUM_PATH}: browser figures skipped (apt-get install -y chromium).`);
} else {
  if (!existsSync('dist/index.html')) execFileSync('npx', ['vite', 'build'], { stdio: 'inherit' });
  say(
    'Median / p95. "List and counts": the click handler has returned with the list, the counts and the facet',
  );
  say(
    'counts re-rendered. "Data handed to the map": the filtered set has been given to MapLibre. "Map drawn": MapLibre',
  );
  say('has re-clustered in its worker and reports `idle` (software WebGL here, no GPU).');
  say();
  say('| structures | list and counts | main thread free | map drawn | first load until map idle |');
  say('|---:|---:|---:|---:|---:|');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });

  for (const size of SIZES) {
    const directory = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
    cpSync('dist', directory, { recursive: true });
    const collection = toFeatureCollection(generated.get(size) ?? [], {
      generator: 'scripts/bench.ts',
      sourceHash: 'benchmark',
    });
    writeFileSync(join(directory, 'data', 'structures.geojson'), JSON.stringify(collection));
    writeFileSync(
      join(directory, 'data', 'initiatives.json'),
      JSON.stringify({ datasetVersion: 1, initiatives: [] }),
    );
    const server = await preview({
      build: { outDir: directory },
      preview: { port: 0, host: '127.0.0.1' },
      logLevel: 'warn',
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const loadStart = Date.now();
    await page.goto(server.resolvedUrls?.local[0] ?? '');
    await page.waitForFunction(
      '(window.__atlas?.structuresSent ?? 0) > 0 && window.__atlas.idleDataVersion === window.__atlas.dataVersion',
      null,
      { timeout: 120_000 },
    );
    const loadTime = Date.now() - loadStart;
    const syncTimes: number[] = [];
    const handedTimes: number[] = [];
    const mapTimes: number[] = [];
    for (let click = 0; click < CLICKS; click += 1) {
      const [sync, handed, map] = (await page.evaluate(`(${CLICK_AND_WAIT})(${click})`)) as [
        number,
        number,
        number,
      ];
      syncTimes.push(sync);
      handedTimes.push(handed);
      mapTimes.push(map);
    }
    const syncStats = stats(syncTimes.filter(Number.isFinite));
    const handedStats = stats(handedTimes.filter(Number.isFinite));
    const mapStats = stats(mapTimes.filter(Number.isFinite));
    say(
      `| ${size.toLocaleString('en')} | ${ms(syncStats.median)} / ${ms(syncStats.p95)} | ${ms(handedStats.median)} / ${ms(handedStats.p95)} | ${ms(mapStats.median)} / ${ms(mapStats.p95)} | ${(loadTime / 1000).toFixed(1)} s |`,
    );
    await page.close();
    await server.close();
    rmSync(directory, { recursive: true, force: true });
  }
  await browser.close();
}

const chromiumVersion = existsSync(CHROMIUM_PATH)
  ? execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).trim()
  : 'not installed';
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${chromiumVersion} (software WebGL)`;
const previous = existsSync('docs/performance.md') ? readFileSync('docs/performance.md', 'utf8') : '';
const notes = previous.includes('<!-- notes -->')
  ? previous.slice(previous.indexOf('<!-- notes -->'))
  : '<!-- notes -->\n';
writeFileSync(
  'docs/performance.md',
  `# Performance\n\nMeasured by \`npm run bench\` (scripts/bench.ts) on ${machine}. Datasets are generated deterministically from the real taxonomies and communes. Figures vary with the machine; tests never assert timings.\n\n${lines.join('\n')}\n\n${notes}`,
);
console.log('\nwritten to docs/performance.md');
