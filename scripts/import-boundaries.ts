import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildBoundaries,
  DEFAULT_SIMPLIFY,
  formerCodesFrom,
  missingCsv,
  outcomesCsv,
  readSourceFile,
  sizeOf,
} from './lib/boundaries';
import { loadGazetteerFrom } from './lib/gazetteer';

const { values } = parseArgs({
  options: {
    communes: { type: 'string' },
    out: { type: 'string', default: 'public/boundaries' },
    data: { type: 'string', default: 'data' },
    reports: { type: 'string', default: 'data/import-reports' },
    simplify: { type: 'string', default: DEFAULT_SIMPLIFY.keep },
  },
});
if (values.communes === undefined) {
  console.error(
    'usage: npm run import:boundaries -- --communes DIR (france-geojson communes-*.geojson files)',
  );
  process.exit(2);
}

const sourceDir = values.communes;
const sourceFiles = readdirSync(sourceDir)
  .filter((name) => name.endsWith('.geojson'))
  .sort();
const polygons = sourceFiles.flatMap((name) =>
  readSourceFile(name, readFileSync(join(sourceDir, name), 'utf8')),
);
const { gazetteer, issues } = loadGazetteerFrom(values.data);
if (issues.length > 0) {
  console.error(`${issues.length} problem(s) in the gazetteer; run npm run import:communes first.`);
  process.exit(1);
}
const require = createRequire(import.meta.url);
const formerCodes = formerCodesFrom(
  require('@etalab/decoupage-administratif/data/communes.json') as {
    code: string;
    type: string;
    anciensCodes?: string[];
  }[],
  gazetteer,
);

const build = await buildBoundaries(polygons, gazetteer, formerCodes, {
  ...DEFAULT_SIMPLIFY,
  keep: values.simplify,
});

rmSync(join(values.out, 'communes'), { recursive: true, force: true });
for (const [path, text] of build.files) {
  mkdirSync(dirname(join(values.out, path)), { recursive: true });
  writeFileSync(join(values.out, path), text);
}
mkdirSync(values.reports, { recursive: true });
writeFileSync(join(values.reports, 'boundaries.csv'), outcomesCsv(build.outcomes));
writeFileSync(
  join(values.reports, 'boundaries-missing.csv'),
  missingCsv(build.missing, build.incompleteEpci),
);

const communeSizes = [...build.files]
  .filter(([path]) => path.startsWith('communes/'))
  .map(([path, text]) => ({ path, ...sizeOf(text) }));
const largest = communeSizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
const total = communeSizes.reduce(
  (sum, file) => ({ bytes: sum.bytes + file.bytes, gzip: sum.gzip + file.gzip }),
  {
    bytes: 0,
    gzip: 0,
  },
);
const epci = sizeOf(build.files.get('epci.geojson') ?? '');
const { counts } = build;
console.log(
  [
    `${sourceFiles.length} files, ${counts.inputPolygons} input polygons (2018)`,
    `  kept as is: ${counts.kept}; dissolved into a current commune: ${counts.dissolved}; unmatched: ${counts.unmatched}`,
    `current communes drawn: ${counts.communesDrawn}; missing (no 2018 polygon): ${counts.missing}${
      counts.missing > 0 ? ` (${build.missing.map((commune) => commune.code).join(' ')})` : ''
    }`,
    `EPCIs drawn: ${counts.epciDrawn}; with missing members: ${counts.epciIncomplete}${
      counts.epciIncomplete > 0
        ? ` (${build.incompleteEpci.map((entry) => `${entry.code}: ${entry.missing}/${entry.members}`).join(', ')})`
        : ''
    }; without any shape: ${counts.epciWithoutShape}`,
    `${values.out}/epci.geojson: ${epci.bytes} bytes, ${epci.gzip} gzip`,
    `${values.out}/communes/: ${communeSizes.length} files, ${total.bytes} bytes, ${total.gzip} gzip; largest ${largest.path} ${largest.bytes} bytes, ${largest.gzip} gzip`,
    `reports: ${values.reports}/boundaries.csv, ${values.reports}/boundaries-missing.csv`,
  ].join('\n'),
);
