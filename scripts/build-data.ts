/**
 * The data pipeline: `data/*.csv` → validated, placed, deterministic files in `public/data/` and `data/REPORT.md`.
 *   npm run data               build (offline: explicit coordinates, geocode cache, commune centres)
 *   npm run data -- --check    validate only, write nothing
 *   npm run data -- --online   also ask the national address API for street addresses missing from the cache
 *   npm run data -- --all      print every problem (by default the first 200, then a summary per file)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { computeQuality } from '../src/domain/quality';
import { buildDataset } from './lib/build';
import { renderQualityJson } from './lib/checks/quality-report';
import { duplicateCounts } from './lib/dedup';
import { BanGeocoder, writeGeocodeCache } from './lib/geocoder';
import { renderOutputs, summarise } from './lib/pipeline';
import { PROBLEM_LIMIT, problemLines } from './lib/print-problems';
import { renderReport } from './lib/report';

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    online: { type: 'boolean', default: false },
    data: { type: 'string', default: 'data' },
    out: { type: 'string', default: 'public/data' },
    all: { type: 'boolean', default: false },
  },
});
const online = values.online && !values.check;
const before = Date.now();
const built = await buildDataset(
  values.data,
  online ? { geocoder: new BanGeocoder(), today: new Date().toISOString().slice(0, 10) } : {},
);
const { structures, initiatives, taxonomies, gazetteer, issues } = built;

if (online) writeFileSync(join(values.data, 'geocode-cache.csv'), writeGeocodeCache(built.cache));

for (const line of problemLines(built.warnings, values.all ? Number.POSITIVE_INFINITY : PROBLEM_LIMIT))
  console.warn(`warning: ${line}`);

if (issues.length > 0) {
  for (const line of problemLines(issues, values.all ? Number.POSITIVE_INFINITY : PROBLEM_LIMIT))
    console.error(line);
  console.error(
    `\n${issues.length.toLocaleString('en-US')} problem(s) in the data; ${structures.length.toLocaleString('en-US')} of ${built.rowCount.toLocaleString('en-US')} structure rows are valid. Nothing was written.`,
  );
  process.exitCode = 1;
} else publish();

/**
 * Writes the outputs and prints the summary. Not reached when the data has problems: then the script sets
 * `process.exitCode` instead of calling `process.exit`, so that Node flushes stderr into a slow pipe before exiting.
 */
function publish(): void {
  if (!values.check) {
    mkdirSync(values.out, { recursive: true });
    const outputs = renderOutputs({
      structures,
      initiatives,
      taxonomies,
      gazetteer,
      sourceHash: built.sourceHash,
      aliases: built.duplicates.aliases,
    });
    const quality = computeQuality({
      structures,
      curatedIds: built.curatedIds,
      programmes: built.programmes,
      members: built.officialMembers,
      duplicates: duplicateCounts(built.duplicates.pairs),
    });
    outputs['quality.json'] = renderQualityJson(
      quality,
      'scripts/build-data.ts (npm run data) — do not edit by hand',
    );
    const schemaFile = join(values.data, 'schema.json');
    if (existsSync(schemaFile)) outputs['schema.json'] = readFileSync(schemaFile, 'utf8');
    for (const [name, text] of Object.entries(outputs)) writeFileSync(join(values.out, name), text);
    writeFileSync(
      join(values.data, 'REPORT.md'),
      renderReport({ structures, initiatives, taxonomies, gazetteer, quality, duplicates: built.duplicates }),
    );
  }
  console.log(summarise(structures, initiatives, gazetteer).join('\n'));
  if (built.superseded.length > 0) {
    console.log(`${built.superseded.length} imported row(s) superseded by a curated row with the same id`);
  }
  const duplicates = duplicateCounts(built.duplicates.pairs);
  for (const pair of built.duplicates.pairs.filter((candidate) => candidate.decision === null))
    console.warn(
      `warning: suspected duplicate ${pair.idA} / ${pair.idB} (${pair.reasons.map((reason) => reason.kind).join(', ')}): decide it in ${join(values.data, 'duplicates.csv')}`,
    );
  console.log(
    `duplicates: ${duplicates.suspected} suspected pair(s), ${duplicates.merged} merged, ${duplicates.distinct} distinct, ${duplicates.unresolved} unresolved`,
  );
  console.log(
    values.check
      ? 'check passed: nothing written'
      : `written to ${values.out}/ and ${join(values.data, 'REPORT.md')} in ${((Date.now() - before) / 1000).toFixed(1)} s`,
  );
}
