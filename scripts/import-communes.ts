/**
 * Builds the committed commune gazetteer from two open datasets:
 * the Code officiel géographique as packaged by `@etalab/decoupage-administratif` (codes, names, postcodes,
 * department, region, EPCI, population; current on the package's release) and a 2022 commune table with
 * centre coordinates (Coercive/FranceCities, built from INSEE COG 2022 and La Poste's postcode base).
 *
 * Usage: npm run import:communes -- --centres PATH_TO/communes-france-2022-coercive.csv
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { formatIssue } from '../src/domain/result';
import { buildCommuneTables, type PackageCommune, type PackageEpci } from './lib/communes-import';
import { readCsv } from './lib/read-csv';

const { values } = parseArgs({
  options: { centres: { type: 'string' }, out: { type: 'string', default: 'data' } },
});
if (values.centres === undefined) {
  console.error(
    'usage: npm run import:communes -- --centres PATH/communes-france-2022-coercive.csv [--out data]',
  );
  process.exit(2);
}

const require = createRequire(import.meta.url);
const packageData = (name: string): unknown => require(`@etalab/decoupage-administratif/data/${name}.json`);
const centres = readCsv(readFileSync(values.centres, 'utf8'), values.centres);
const tables = buildCommuneTables({
  communes: packageData('communes') as PackageCommune[],
  epci: packageData('epci') as PackageEpci[],
  regions: packageData('regions') as { code: string; nom: string; zone: string }[],
  departements: packageData('departements') as { code: string; nom: string; region: string; zone: string }[],
  centres,
});
for (const [name, text] of Object.entries(tables.files)) writeFileSync(`${values.out}/${name}`, text);
for (const issue of [...centres.issues, ...tables.issues]) console.warn(formatIssue(issue));
console.log(tables.report.join('\n'));
