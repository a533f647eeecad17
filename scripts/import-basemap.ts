/**
 * Builds the embedded offline basemap in `public/basemap/` from open data:
 * - region and department boundaries from IGN Admin Express COG 2018 as published by france-geojson
 *   (Licence Ouverte), simplified for the web with mapshaper;
 * - neighbouring countries and land from Natural Earth 1:50m (`world-atlas` package, public domain);
 * - label points: region names at an inner point of each region, and the main cities from the commune gazetteer;
 * - `basemap.pmtiles`: the countries, regions and departments cut into vector tiles, which the basemap draws
 *   (the regions and departments GeoJSON stay for the territory outlines and the choropleth).
 *
 * Usage: npm run import:basemap -- --regions PATH/regions-avec-outre-mer.geojson \
 *          --departements PATH/departements-avec-outre-mer.geojson
 *        npm run import:basemap -- --tiles-only   (tiles again from the GeoJSON already in `public/basemap/`)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import type { FeatureCollection } from 'geojson';
import mapshaper from 'mapshaper';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { cityLabels } from './lib/basemap';
import { BASEMAP_TILES, basemapTiles } from './lib/basemap-tiles';
import { loadGazetteerFrom } from './lib/gazetteer';

const { values } = parseArgs({
  options: {
    regions: { type: 'string' },
    departements: { type: 'string' },
    out: { type: 'string', default: 'public/basemap' },
    data: { type: 'string', default: 'data' },
    'tiles-only': { type: 'boolean', default: false },
  },
});

function writeTiles(): void {
  const read = (name: string) =>
    JSON.parse(readFileSync(`${values.out}/${name}.geojson`, 'utf8')) as FeatureCollection;
  const archive = basemapTiles({
    countries: read('countries'),
    regions: read('regions'),
    departements: read('departements'),
  });
  writeFileSync(`${values.out}/${BASEMAP_TILES}`, archive);
  console.log(`${values.out}/${BASEMAP_TILES}: ${(archive.length / 1024).toFixed(0)} KiB`);
}

if (values['tiles-only']) {
  writeTiles();
  process.exit(0);
}
if (values.regions === undefined || values.departements === undefined) {
  console.error('usage: npm run import:basemap -- --regions PATH --departements PATH');
  process.exit(2);
}

const require = createRequire(import.meta.url);
const world = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
const countries = feature(world, world.objects.countries as never);

async function simplify(input: string, commands: string): Promise<string> {
  const output = await mapshaper.applyCommands(`-i in.json ${commands} -o out.json precision=0.0001`, {
    'in.json': input,
  });
  return String(output['out.json']);
}

const regions = readFileSync(values.regions, 'utf8');
const departements = readFileSync(values.departements, 'utf8');
const outputs: Record<string, string> = {
  'regions.geojson': await simplify(regions, '-simplify 10% keep-shapes -filter-fields code,nom'),
  'departements.geojson': await simplify(departements, '-simplify 10% keep-shapes -filter-fields code,nom'),
  'region-labels.geojson': await simplify(regions, '-points inner -filter-fields code,nom'),
  'countries.geojson': await simplify(
    JSON.stringify(countries),
    '-filter "name !== \'France\'" -clip bbox=-30,-30,60,62 -simplify 12% keep-shapes -filter-fields name',
  ),
};

const { gazetteer } = loadGazetteerFrom(values.data);
outputs['city-labels.geojson'] = `${JSON.stringify(cityLabels(gazetteer, 60))}\n`;

mkdirSync(values.out, { recursive: true });
for (const [name, text] of Object.entries(outputs)) {
  writeFileSync(`${values.out}/${name}`, text.endsWith('\n') ? text : `${text}\n`);
  console.log(`${values.out}/${name}: ${(text.length / 1024).toFixed(0)} KiB`);
}
writeTiles();
