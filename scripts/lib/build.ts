import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Gazetteer } from '../../src/domain/commune';
import type { OfficialMember } from '../../src/domain/network-official-row';
import type { Issue } from '../../src/domain/result';
import type { Taxonomies, TaxonomyEntry } from '../../src/domain/types';
import { checkCells } from './cell-rules';
import { checkOfficialNetworks } from './checks/networks-official';
import { checkPostcodes } from './checks/postcodes';
import { checkCuratedStatuses } from './checks/statuses';
import { checkSuccessors } from './checks/successors';
import { type DuplicateReport, resolveDuplicates } from './dedup';
import { loadGazetteer } from './gazetteer';
import { type CacheEntry, type Geocoder, readGeocodeCache } from './geocoder';
import {
  geocodeMissing,
  type NamedCsv,
  type PlacedStructure,
  type PublishedInitiative,
  placeStructures,
  readTaxonomies,
  validateInitiatives,
  validateStructures,
} from './pipeline';
import { readCsv, readCsvBytes } from './read-csv';

export type BuiltDataset = {
  structures: PlacedStructure[];
  initiatives: PublishedInitiative[];
  taxonomies: Taxonomies;
  gazetteer: Gazetteer;
  cache: Map<string, CacheEntry>;
  issues: Issue[];
  /** Problems that do not stop the build (mixed line endings, stray quotes…), printed as warnings. */
  warnings: Issue[];
  superseded: string[];
  /** Ids of the rows of the curated file (`structures.csv`), as opposed to imported rows. */
  curatedIds: Set<string>;
  /** The official programmes and their members (`networks-official*.csv`; empty when the files are absent). */
  programmes: TaxonomyEntry[];
  officialMembers: OfficialMember[];
  /** Suspected duplicate pairs with their decisions, and the aliases of absorbed rows (`data/duplicates.csv`). */
  duplicates: DuplicateReport;
  /** How many rows the structure files hold, valid or not. */
  rowCount: number;
  sourceHash: string;
};

/**
 * Runs every stage on a data directory: taxonomies, gazetteer, `structures.csv` then `imported/*.csv`,
 * the geocode cache (plus the geocoder when given), placement and initiatives. Reads files, writes nothing.
 */
export async function buildDataset(
  dataDir: string,
  options: { geocoder?: Geocoder; today?: string } = {},
): Promise<BuiltDataset> {
  const hash = createHash('sha256');
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const load = (name: string): NamedCsv => {
    const file = join(dataDir, name);
    const { text, csv } = readCsvBytes(readFileSync(file), file);
    hash.update(name).update('\0').update(text);
    warnings.push(...csv.warnings);
    issues.push(...checkCells(csv, file));
    return { file, csv };
  };
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
  const importedFiles = existsSync(importedDir)
    ? readdirSync(importedDir)
        .filter((name) => name.endsWith('.csv'))
        .sort()
        .map((name) => `imported/${name}`)
    : [];
  const structureFiles = ['structures.csv', ...importedFiles].map(load);
  const { inputs, issues: structureIssues, superseded } = validateStructures(structureFiles, taxonomies);
  issues.push(
    ...structureIssues,
    ...checkSuccessors(inputs),
    ...checkCuratedStatuses(inputs, structureFiles[0]?.file),
  );

  const cacheFile = join(dataDir, 'geocode-cache.csv');
  const cacheCsv = existsSync(cacheFile)
    ? load('geocode-cache.csv').csv
    : readCsv('query,latitude,longitude,precision,provider,date\n', cacheFile);
  const { cache, issues: cacheIssues } = readGeocodeCache(cacheCsv);
  issues.push(...cacheIssues.map((issue) => ({ file: cacheFile, ...issue })));
  if (options.geocoder !== undefined) {
    issues.push(...(await geocodeMissing(inputs, gazetteer, cache, options.geocoder, options.today ?? '')));
  }

  const hasOfficialLists = ['networks-official-programmes.csv', 'networks-official.csv'].every((name) =>
    existsSync(join(dataDir, name)),
  );
  const official = hasOfficialLists
    ? checkOfficialNetworks(
        { programmes: load('networks-official-programmes.csv'), members: load('networks-official.csv') },
        new Set(inputs.map((input) => input.id)),
        gazetteer,
      )
    : { programmes: [], members: [], issues: [] };
  issues.push(...official.issues);

  const { structures: placed, issues: placementIssues } = placeStructures(inputs, gazetteer, cache);
  issues.push(...placementIssues, ...checkPostcodes(inputs, gazetteer));
  const decisionsFile = join(dataDir, 'duplicates.csv');
  const {
    structures,
    report: duplicates,
    issues: duplicateIssues,
  } = resolveDuplicates({
    structures: placed,
    origins: inputs,
    curatedFile: join(dataDir, 'structures.csv'),
    decisionsCsv: existsSync(decisionsFile) ? load('duplicates.csv') : null,
  });
  issues.push(...duplicateIssues);
  const { initiatives: initiativesByInput, issues: initiativeIssues } = validateInitiatives(
    load('initiatives.csv'),
    taxonomies,
    new Set(inputs.map((input) => input.id)),
    gazetteer,
  );
  issues.push(...initiativeIssues);
  const initiatives = initiativesByInput.map((initiative) => ({
    ...initiative,
    structureIds: [...new Set(initiative.structureIds.map((id) => duplicates.aliases[id] ?? id))],
  }));
  return {
    structures,
    initiatives,
    taxonomies,
    gazetteer,
    cache,
    issues,
    warnings,
    superseded,
    curatedIds: new Set(
      inputs.filter((input) => input.file === structureFiles[0]?.file).map((input) => input.id),
    ),
    programmes: official.programmes,
    officialMembers: official.members.map((member) => ({
      ...member,
      structureId: duplicates.aliases[member.structureId] ?? member.structureId,
    })),
    duplicates,
    rowCount: structureFiles.reduce((sum, { csv }) => sum + csv.rows.length, 0),
    sourceHash: hash.digest('hex'),
  };
}
