/**
 * Imports two open datasets into `data/imported/tiers-lieux-fablabs.csv` (the format of structures.csv):
 * - the CGET / ANCT "Mission Coworking" tiers-lieux base, 2019 (Licence Ouverte 2.0): `--cget CGET_TiersLieux_2019.csv`
 * - the fablabs.io export of French labs, April 2017: `--fablabs fablabs.json` (a JSON array)
 * Labs present in both are merged into one row with both sources. Every input row gets an outcome in
 * `data/import-reports/tiers-lieux-fablabs.csv`: imported, merged (into which id, why) or rejected (why).
 *
 * Usage: npm run import:tiers-lieux -- --cget PATH --fablabs PATH
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { loadGazetteerFrom } from './lib/gazetteer';
import { readCsv } from './lib/read-csv';
import { writeStructureCsv } from './lib/structure-csv';
import { type FablabRecord, importTiersLieux } from './lib/tiers-lieux-import';

const { values } = parseArgs({
  options: {
    cget: { type: 'string' },
    fablabs: { type: 'string' },
    data: { type: 'string', default: 'data' },
  },
});
if (values.cget === undefined || values.fablabs === undefined) {
  console.error(
    'usage: npm run import:tiers-lieux -- --cget PATH/cget-tiers-lieux-2019.csv --fablabs PATH/fablabs-io-france-2017.json',
  );
  process.exit(2);
}
const { gazetteer } = loadGazetteerFrom(values.data);
const cget = readCsv(readFileSync(values.cget, 'utf8'), values.cget);
const labs = JSON.parse(readFileSync(values.fablabs, 'utf8')) as FablabRecord[];
const { rows, outcomes } = importTiersLieux(cget.rows, labs, gazetteer);

mkdirSync(`${values.data}/imported`, { recursive: true });
mkdirSync(`${values.data}/import-reports`, { recursive: true });
writeFileSync(`${values.data}/imported/tiers-lieux-fablabs.csv`, writeStructureCsv(rows));
writeFileSync(
  `${values.data}/import-reports/tiers-lieux-fablabs.csv`,
  `${Papa.unparse(
    {
      fields: ['source', 'source_id', 'outcome', 'id', 'detail'],
      data: outcomes.map((outcome) => [
        outcome.source,
        outcome.sourceId,
        outcome.outcome,
        outcome.id,
        outcome.detail,
      ]),
    },
    { newline: '\n' },
  )}\n`,
);
for (const issue of cget.issues) console.warn(`${issue.file}:${issue.line} ${issue.message}`);
const count = (source: string, outcome: string) =>
  outcomes.filter((entry) => entry.source === source && entry.outcome === outcome).length;
for (const [source, total] of [
  ['cget-2019', cget.rows.length],
  ['fablabs-io-2017', labs.length],
] as const) {
  console.log(
    `${source}: ${total} input rows → ${count(source, 'imported')} imported, ${count(source, 'merged')} merged, ${count(source, 'rejected')} rejected`,
  );
}
console.log(`${rows.length} structures written to ${values.data}/imported/tiers-lieux-fablabs.csv`);
