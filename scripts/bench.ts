/**
 * Performance figures (never asserted in tests): `npm run bench` builds the app, then prints
 * 1. the domain filter + counts on generated datasets of 1,000, 10,000 and 100,000 structures;
 * 2. search libraries compared on the real dataset (index time, query time, typo queries found);
 * 3. in headless Chromium, the app's instrumented production build side by side with two reference pages built
 *    here (Leaflet + markercluster; MapLibre `setData` on a blank style), on the real dataset and on generated ones
 *    of 10,000 and 100,000 structures: first render, facet click → map idle and → frame presented, frames per click;
 * and writes them with the machine's description to docs/performance.md.
 */

import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Fuse from 'fuse.js';
import { chromium } from 'playwright-core';
import { fullBitset, hasBit } from '../src/domain/bitset';
import { summarizeCoverage } from '../src/domain/coverage';
import { nearestDistances } from '../src/domain/coverage-distances';
import { toFeatureCollection } from '../src/domain/dataset';
import { buildFacetIndex, DEFAULT_FILTER, type FilterState, filterStructures } from '../src/domain/filter';
import { buildPlacesFile, createPlaceIndex, type PlacesFile, searchPlaces } from '../src/domain/places';
import { searchStructures } from '../src/domain/search';
import { createSearchIndex } from '../src/domain/search-index';
import { normalizeText } from '../src/domain/text';
import type { Structure } from '../src/domain/types';
import { buildReferencePages, measurePage, serveDirectory } from './bench/reference-pages';
import { buildDataset } from './lib/build';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './lib/chromium';
import { generateStructures, seededRandom } from './lib/generate-dataset';

const SIZES = [1_000, 10_000, 100_000];

/**
 * Runs in the app's page (as source text, so no bundler helper leaks into it): clicks a type checkbox, then
 * resolves with [list and counts updated, first frame presented, map idle with the new set, data-map frames,
 * basemap frames], times in ms from the click. "Presented" is the first animation frame after the data map drew.
 */
const APP_CLICK = `async function (position) {
  var boxes = Array.prototype.slice.call(document.querySelectorAll('[data-facet="type"] input[type="checkbox"]'));
  var box = boxes[position % boxes.length];
  var count = document.querySelector('[data-testid="result-count"]');
  var hook = window.__atlas;
  if (!box || !count || !hook) return [NaN, NaN, NaN, NaN, NaN];
  var before = count.textContent;
  var version = hook.dataVersion;
  var dataFrames = hook.frames.data;
  var basemapFrames = hook.frames.basemap;
  var presented = NaN;
  var settled = NaN;
  var start = 0;
  var done = new Promise(function (resolve) {
    function onFrame() {
      window.removeEventListener('atlas-frame-data', onFrame);
      requestAnimationFrame(function () { presented = performance.now() - start; check(); });
    }
    function onIdle() {
      if (hook.dataVersion > version && hook.idleDataVersion === hook.dataVersion) {
        settled = performance.now() - start;
        window.removeEventListener('atlas-idle', onIdle);
        check();
      }
    }
    function check() { if (!isNaN(settled) && !isNaN(presented)) resolve(); }
    window.addEventListener('atlas-frame-data', onFrame);
    window.addEventListener('atlas-idle', onIdle);
  });
  start = performance.now();
  box.click();
  var sync = count.textContent !== before ? performance.now() - start : NaN;
  await done;
  return [sync, presented, settled, hook.frames.data - dataFrames, hook.frames.basemap - basemapFrames];
}`;
const CLICKS = 16;

/** Clears the facets the clicks left on, so a place is chosen over the whole dataset. */
const CLEAR_FILTERS = `function () {
  var buttons = Array.prototype.slice.call(document.querySelectorAll('button'));
  var clear = buttons.find(function (button) { return button.textContent === 'Tout effacer'; });
  if (clear && !clear.disabled) clear.click();
}`;

/**
 * Runs in the app's page: presses Enter in the place combobox (its first option is chosen) and resolves with
 * [list and counts updated, map idle with the new set], in ms from the key press.
 */
const CHOOSE_PLACE = `async function () {
  var box = document.querySelector('[role="combobox"]');
  var count = document.querySelector('[data-testid="result-count"]');
  var hook = window.__atlas;
  var version = hook.dataVersion;
  var before = count.textContent;
  var start = 0;
  var done = new Promise(function (resolve) {
    function onIdle() {
      if (hook.dataVersion > version && hook.idleDataVersion === hook.dataVersion) {
        window.removeEventListener('atlas-idle', onIdle);
        resolve(performance.now() - start);
      }
    }
    window.addEventListener('atlas-idle', onIdle);
  });
  start = performance.now();
  box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  var list = count.textContent !== before ? performance.now() - start : NaN;
  return [list, await done];
}`;

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
say('## Place index ("Autour de"), Node');
say();
{
  const placesText = `${JSON.stringify(buildPlacesFile(built.gazetteer))}\n`;
  const [placeIndex, placeIndexTime] = time(() => createPlaceIndex(JSON.parse(placesText) as PlacesFile));
  const random = seededRandom(200);
  const communes = placeIndex.entries.filter((entry) => entry.kind === 'commune');
  const placeQueries = Array.from({ length: 200 }, (_, index) => {
    const entry = communes[Math.floor(random() * communes.length)];
    if (entry === undefined) return 'brest';
    if (index % 4 === 0) return entry.postcodes[0] ?? entry.name;
    if (index % 4 === 1) return normalizeText(entry.name);
    return entry.name.slice(0, 3 + (index % 5));
  });
  const placeTimes = placeQueries.map((query) => time(() => searchPlaces(placeIndex, query))[1]);
  say('| file | gzip | parse + index | query, median | p95 | queries |');
  say('|---:|---:|---:|---:|---:|---:|');
  say(
    `| ${(placesText.length / 1024).toFixed(0)} KB | ${(gzipSync(placesText).length / 1024).toFixed(0)} KB | ${ms(placeIndexTime)} | ${ms(stats(placeTimes).median)} | ${ms(stats(placeTimes).p95)} | ${placeQueries.length} (names, prefixes, postcodes) |`,
  );
}

say();
say('## Territories: boundary files and coverage gaps (issue 10), Node');
say();
{
  const fileSize = (path: string) => {
    const bytes = readFileSync(path);
    return [bytes.length, gzipSync(bytes).length] as const;
  };
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  say('| file | raw | gzip | loaded when |');
  say('|---|---:|---:|---|');
  for (const [path, when] of [
    ['public/basemap/basemap.pmtiles', 'always (basemap): only the tiles in view, by byte range'],
    ['public/basemap/regions.geojson', 'a region outline, the region choropleth'],
    ['public/basemap/departements.geojson', 'a department outline, the department choropleth'],
    ['public/boundaries/epci.geojson', 'an intercommunality opened, or the EPCI choropleth'],
  ] as const) {
    const [raw, gzip] = fileSize(path);
    say(`| \`${path}\` | ${kb(raw)} | ${kb(gzip)} | ${when} |`);
  }
  const communeFiles = readdirSync('public/boundaries/communes').map((name) =>
    fileSize(join('public/boundaries/communes', name)),
  );
  const raws = communeFiles.map(([raw]) => raw).sort((a, b) => a - b);
  const gzips = communeFiles.map(([, gzip]) => gzip).sort((a, b) => a - b);
  say(
    `| \`public/boundaries/communes/<dep>.geojson\` (${communeFiles.length} files) | median ${kb(raws[Math.floor(raws.length / 2)] ?? 0)}, max ${kb(raws.at(-1) ?? 0)} | median ${kb(gzips[Math.floor(gzips.length / 2)] ?? 0)}, max ${kb(gzips.at(-1) ?? 0)} | a commune opened (its department's file) |`,
  );
  say();
  const places = createPlaceIndex(JSON.parse(JSON.stringify(buildPlacesFile(built.gazetteer))) as PlacesFile);
  const communes = places.entries.filter((entry) => entry.kind === 'commune');
  const centres = Float64Array.from(communes.flatMap((entry) => [entry.lngLat[0], entry.lngLat[1]]));
  say(
    `Coverage gaps: distance from each of the ${communes.length.toLocaleString('en')} commune centres to the nearest matching structure (kdbush + geokdbush, 50 km search radius), all structures matching; median of 5 runs. In the app this runs in a Web Worker.`,
  );
  say();
  say('| structures | nearest-structure distances | sums per territory (one territory) |');
  say('|---:|---:|---:|');
  const datasets: [string, readonly Structure[]][] = [
    [`${built.structures.length.toLocaleString('en')} (real)`, built.structures],
    ['100,000', generated.get(100_000) ?? []],
  ];
  for (const [label, structures] of datasets) {
    const points = Float64Array.from(structures.flatMap((structure) => [...structure.coordinates]));
    const everything = fullBitset(structures.length);
    const runs = Array.from({ length: 5 }, () =>
      time(() => nearestDistances(centres, points, everything, 50)),
    );
    const distances = runs[0]?.[0] ?? new Float64Array();
    const coverageCommunes = {
      codes: communes.map((entry) => entry.code),
      epci: communes.map((entry) => entry.parents.epci),
      departement: communes.map((entry) => entry.parents.departement),
      region: communes.map((entry) => entry.parents.region),
      population: Float64Array.from(communes, (entry) => entry.population),
      lngLat: centres,
    };
    const sums = Array.from(
      { length: 5 },
      () =>
        time(() =>
          summarizeCoverage(
            coverageCommunes,
            distances,
            (commune) => coverageCommunes.departement[commune] === '29',
          ),
        )[1],
    );
    say(`| ${label} | ${ms(stats(runs.map(([, elapsed]) => elapsed)).median)} | ${ms(stats(sums).median)} |`);
  }
}
say();
say(
  `## In the browser: facet click → map, side by side with the reference engines (headless Chromium, ${CLICKS} clicks)`,
);
say();
if (!existsSync(CHROMIUM_PATH)) {
  say(`Chromium not found at ${CHROMIUM_PATH}: browser figures skipped (apt-get install -y chromium).`);
} else {
  if (!existsSync('dist/index.html'))
    execFileSync('npx', ['vite', 'build'], {
      stdio: 'inherit',
      env: { ...process.env, VITE_INSTRUMENT: '1' },
    });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  const work = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
  const references = await buildReferencePages(join(work, 'references'));
  const real = readFileSync('dist/data/structures.geojson', 'utf8');
  const datasets: [string, string][] = [
    [`${(JSON.parse(real) as { features: unknown[] }).features.length.toLocaleString('en')} (real)`, real],
    ...[10_000, 100_000].map((size): [string, string] => [
      size.toLocaleString('en'),
      JSON.stringify(
        toFeatureCollection(generated.get(size) ?? [], {
          generator: 'scripts/bench.ts',
          sourceHash: 'benchmark',
        }),
      ),
    ]),
  ];
  type Row = { engine: string; first: number; settled: number[]; presented: number[]; frames: string };
  const placeChoice: [string, { median: number; p95: number }][] = [];
  const territoryOpen: [string, number, number][] = [];
  const table: [string, Row[]][] = [];
  for (const [label, geojson] of datasets) {
    const app = join(work, 'app');
    rmSync(app, { recursive: true, force: true });
    cpSync('dist', app, { recursive: true });
    writeFileSync(join(app, 'data', 'structures.geojson'), geojson);
    for (const directory of [references.leaflet, references.maplibre]) {
      mkdirSync(join(directory, 'data'), { recursive: true });
      writeFileSync(join(directory, 'data', 'structures.geojson'), geojson);
    }
    const rows: Row[] = [];
    for (const [engine, directory] of [
      ['Leaflet 1.9 + markercluster', references.leaflet],
      ['MapLibre setData, blank style', references.maplibre],
    ] as const) {
      const served = await serveDirectory(directory);
      const measures = await measurePage(browser, served.url, CLICKS);
      await served.close();
      rows.push({
        engine,
        first: measures.firstRender,
        settled: measures.settled,
        presented: measures.presented,
        frames: String(stats(measures.frames).median),
      });
    }
    const served = await serveDirectory(app);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(served.url);
    // Predicates as functions: a string predicate is evaluated with eval, which the app's CSP forbids.
    await page.waitForFunction(
      () => ((window as { __atlas?: { firstIdleAt: number | null } }).__atlas?.firstIdleAt ?? null) !== null,
      null,
      {
        timeout: 180_000,
      },
    );
    const first = (await page.evaluate('window.__atlas.firstIdleAt')) as number;
    const settled: number[] = [];
    const presented: number[] = [];
    const dataFrames: number[] = [];
    const basemapFrames: number[] = [];
    for (let click = 0; click < CLICKS; click += 1) {
      const [, shown, idle, frames, basemap] = (await page.evaluate(`(${APP_CLICK})(${click})`)) as number[];
      settled.push(idle ?? Number.NaN);
      presented.push(shown ?? Number.NaN);
      dataFrames.push(frames ?? Number.NaN);
      basemapFrames.push(basemap ?? Number.NaN);
    }
    await page.evaluate(`(${CLEAR_FILTERS})()`);
    const box = page.getByRole('combobox', { name: 'Autour de' });
    await box.click();
    await page.waitForFunction(() => document.querySelector('[role="listbox"]') !== null);
    const placeTimes: number[] = [];
    for (const name of ['Brest', 'Gueret', 'Lyon', 'Saint-Denis', 'Mende', 'Lille', 'Ajaccio', 'Cayenne']) {
      await box.fill(name);
      await page.getByRole('option').first().waitFor({ timeout: 60_000 });
      const [, idle] = (await page.evaluate(`(${CHOOSE_PLACE})()`)) as number[];
      placeTimes.push(idle ?? Number.NaN);
    }
    placeChoice.push([label, stats(placeTimes.filter(Number.isFinite))]);
    if (label.includes('real')) {
      for (const name of [
        'Brest Métropole',
        'Métropole du Grand Paris',
        'CC Creuse Sud Ouest',
        'Finistère',
      ]) {
        await box.fill(name);
        await page.getByRole('option').first().waitFor({ timeout: 60_000 });
        const start = (await page.evaluate('performance.now()')) as number;
        await page.keyboard.press('Enter');
        await page.locator('.territory-panel h2', { hasText: name }).waitFor({ timeout: 60_000 });
        const panel = (await page.evaluate('performance.now()')) as number;
        await page.waitForFunction(
          () => document.querySelector('[data-testid="coverage-table"]') !== null,
          null,
          {
            timeout: 60_000,
          },
        );
        const coverage = (await page.evaluate('performance.now()')) as number;
        territoryOpen.push([name, panel - start, coverage - start]);
      }
    }
    await page.close();
    await served.close();
    rows.push({
      engine: 'this app',
      first,
      settled,
      presented,
      frames: `${stats(dataFrames).median} (basemap ${stats(basemapFrames).median})`,
    });
    table.push([label, rows]);
  }
  await browser.close();
  rmSync(work, { recursive: true, force: true });
  say(
    'Median / p95 over the clicks. "Map idle": from the click until the map reports `idle` with the new set drawn. "Frame presented": until the first animation frame after the map drew the new set. "Frames": frames drawn per click (median). "App ÷": the app\'s median click → idle divided by this engine\'s. First render: navigation until the first map drawn with its data.',
  );
  say();
  say(
    '| structures | engine | first render | click → map idle | click → frame presented | frames per click | app ÷ engine (idle) |',
  );
  say('|---:|---|---:|---:|---:|---:|---:|');
  for (const [label, rows] of table) {
    const app = rows.find((row) => row.engine === 'this app');
    for (const row of rows) {
      const idle = stats(row.settled.filter(Number.isFinite));
      const shown = stats(row.presented.filter(Number.isFinite));
      const ratio =
        row === app || app === undefined
          ? '—'
          : (stats(app.settled.filter(Number.isFinite)).median / idle.median).toFixed(2);
      say(
        `| ${label} | ${row.engine} | ${(row.first / 1000).toFixed(2)} s | ${ms(idle.median)} / ${ms(idle.p95)} | ${ms(shown.median)} | ${row.frames} | ${ratio} |`,
      );
    }
  }
  say();
  say(
    'Choosing a place in "Autour de" (Enter on the first option) until the list, the counts and the map show the structures within 20 km, median / p95 over 8 places:',
  );
  say();
  say('| structures | place chosen → map idle |');
  say('|---:|---:|');
  for (const [label, figures] of placeChoice)
    say(`| ${label} | ${ms(figures.median)} / ${ms(figures.p95)} |`);
  say();
  say(
    'Opening a territory from "Autour de" (Enter on the area), real dataset, in this order (the first one also loads the place index only if not yet loaded, and the national EPCI outlines): until its panel shows its figures, and until the coverage gaps (Web Worker) are shown:',
  );
  say();
  say('| territory | → panel with figures | → coverage gaps shown |');
  say('|---|---:|---:|');
  for (const [name, panel, coverage] of territoryOpen) say(`| ${name} | ${ms(panel)} | ${ms(coverage)} |`);
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
