/**
 * The data pipeline: `data/*.csv` → validated, placed, deterministic files in `public/data/`.
 *   npm run data               build (offline: explicit coordinates, geocode cache, commune centres)
 *   npm run data -- --check    validate only, write nothing
 *   npm run data -- --online   also ask the national address API for street addresses missing from the cache
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatIssue, type Issue } from '../src/domain/result';
import { loadGazetteer } from './lib/gazetteer';
import { BanGeocoder, readGeocodeCache, writeGeocodeCache } from './lib/geocoder';
import {
  geocodeMissing,
  type NamedCsv,
  placeStructures,
  readTaxonomies,
  renderOutputs,
  summarise,
  validateInitiatives,
  validateStructures,
} from './lib/pipeline';
import { readCsv } from './lib/read-csv';

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    online: { type: 'boolean', default: false },
    data: { type: 'string', default: 'data' },
    out: { type: 'string', default: 'public/data' },
  },
});
const dataDir = values.data;
const hash = createHash('sha256');

function load(name: string): NamedCsv {
  const file = join(dataDir, name);
  const text = readFileSync(file, 'utf8');
  hash.update(name).update('\0').update(text);
  return { file, csv: readCsv(text, file) };
}

const issues: Issue[] = [];
const { taxonomies, issues: taxonomyIssues } = readTaxonomies({
  types: load('types.csv'),
  themes: load('themes.csv'),
  networks: load('networks.csv'),
  initiativeCategories: load('initiative-categories.csv'),
});
issues.push(...taxonomyIssues);

const { gazetteer, issues: gazetteerIssues } = loadGazetteer({
  communes: load('communes.csv').csv,
  epci: load('epci.csv').csv,
  regions: load('regions.csv').csv,
  departements: load('departements.csv').csv,
});
issues.push(...gazetteerIssues.map((issue) => ({ file: join(dataDir, 'communes.csv'), ...issue })));

const importedDir = join(dataDir, 'imported');
const structureFiles = [
  'structures.csv',
  ...(existsSync(importedDir)
    ? readdirSync(importedDir)
        .filter((name) => name.endsWith('.csv'))
        .sort()
        .map((name) => `imported/${name}`)
    : []),
].map(load);
const { inputs, issues: structureIssues } = validateStructures(structureFiles, taxonomies);
issues.push(...structureIssues);

const cacheFile = join(dataDir, 'geocode-cache.csv');
const cacheCsv = existsSync(cacheFile)
  ? load('geocode-cache.csv')
  : { file: cacheFile, csv: readCsv('query,latitude,longitude,precision,provider,date\n', cacheFile) };
const { cache, issues: cacheIssues } = readGeocodeCache(cacheCsv.csv);
issues.push(...cacheIssues.map((issue) => ({ file: cacheFile, ...issue })));

if (values.online && !values.check) {
  const today = new Date().toISOString().slice(0, 10);
  const before = cache.size;
  issues.push(...(await geocodeMissing(inputs, gazetteer, cache, new BanGeocoder(), today)));
  writeFileSync(cacheFile, writeGeocodeCache(cache));
  console.log(`geocode cache: ${cache.size - before} new street-level entries`);
}

const { structures, issues: placementIssues } = placeStructures(inputs, gazetteer, cache);
issues.push(...placementIssues);
const { initiatives, issues: initiativeIssues } = validateInitiatives(
  load('initiatives.csv'),
  taxonomies,
  new Set(inputs.map((input) => input.id)),
  gazetteer,
);
issues.push(...initiativeIssues);

const rowCount = structureFiles.reduce((sum, { csv }) => sum + csv.rows.length, 0);
if (issues.length > 0) {
  for (const issue of issues) console.error(formatIssue(issue));
  console.error(
    `\n${issues.length} problem(s) in the data; ${structures.length} of ${rowCount} structure rows are valid. Nothing was written.`,
  );
  process.exit(1);
}

const outputs = renderOutputs({
  structures,
  initiatives,
  taxonomies,
  gazetteer,
  sourceHash: hash.digest('hex'),
});
if (!values.check) {
  mkdirSync(values.out, { recursive: true });
  for (const [name, text] of Object.entries(outputs)) writeFileSync(join(values.out, name), text);
}
console.log(summarise(structures, initiatives, gazetteer).join('\n'));
console.log(values.check ? 'check passed: nothing written' : `written to ${values.out}/`);
