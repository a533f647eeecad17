import type { Gazetteer } from '../../src/domain/commune';
import { resolveCommune } from '../../src/domain/commune';
import { type StructureCollection, toFeatureCollection } from '../../src/domain/dataset';
import { exportRows, initiativesCsv, OPEN_DATA_COLUMNS, toCsv } from '../../src/domain/export';
import { parseInitiativeRow, REQUIRED_INITIATIVE_COLUMNS } from '../../src/domain/initiative-row';
import { choosePlacement, geocodeQuery } from '../../src/domain/placement';
import { buildPlacesFile } from '../../src/domain/places';
import type { Issue } from '../../src/domain/result';
import { checkHeader, parseStructureRow, REQUIRED_STRUCTURE_COLUMNS } from '../../src/domain/structure-row';
import { codeSetsOf, parseTaxonomyRow } from '../../src/domain/taxonomy';
import type {
  Initiative,
  LngLat,
  Structure,
  StructureInput,
  Taxonomies,
  TaxonomyEntry,
} from '../../src/domain/types';
import { countBy } from './collections';
import type { CacheEntry, Geocoder } from './geocoder';
import type { CsvFile } from './read-csv';

export type NamedCsv = { readonly file: string; readonly csv: CsvFile };

const located =
  (file: string) =>
  (issue: Issue): Issue => ({ file, ...issue });

/**
 * The header's problems, as few messages as say what is wrong: none for a file `readCsv` could not read (its one
 * message is in `csv.issues`), one for column names in upper case, else one per missing required column.
 * When this returns anything, callers skip the file's rows: each would only repeat that a column is missing.
 */
export function checkColumns({ file, csv }: NamedCsv, required: readonly string[]): Issue[] {
  if (!csv.readable) return [];
  const missing = checkHeader(csv.header, required).map(located(file));
  if (missing.length === 0) return [];
  const lowerCase = csv.header.map((name) => name.toLowerCase());
  if (required.every((column) => lowerCase.includes(column))) {
    const upper = csv.header.filter((name) => name !== name.toLowerCase());
    const shown = upper
      .slice(0, 5)
      .map((name) => `"${name}"`)
      .join(', ');
    return [
      {
        file,
        line: 1,
        message: `column names are lower case (found ${shown}${upper.length > 5 ? ', …' : ''}): rename them as in the README; no row of this file was checked`,
      },
    ];
  }
  return missing;
}

/** Stage 1: the four taxonomy files. */
export function readTaxonomies(files: {
  types: NamedCsv;
  themes: NamedCsv;
  networks: NamedCsv;
  initiativeCategories: NamedCsv;
}): { taxonomies: Taxonomies; issues: Issue[] } {
  const issues: Issue[] = [];
  const read = ({ file, csv }: NamedCsv, withColor = false): TaxonomyEntry[] => {
    const headerIssues = checkColumns({ file, csv }, ['code', 'label_fr', 'label_en']);
    issues.push(...csv.issues, ...headerIssues);
    const entries: TaxonomyEntry[] = [];
    if (headerIssues.length > 0) return entries;
    const seen = new Set<string>();
    for (const { line, values } of csv.rows) {
      const result = parseTaxonomyRow(values, line, { withColor });
      if (!result.ok) issues.push(...result.issues.map(located(file)));
      else if (seen.has(result.value.code))
        issues.push({ file, line, field: 'code', message: `duplicate code "${result.value.code}"` });
      else {
        seen.add(result.value.code);
        entries.push(result.value);
      }
    }
    return entries;
  };
  return {
    taxonomies: {
      types: read(files.types, true),
      themes: read(files.themes),
      networks: read(files.networks),
      initiativeCategories: read(files.initiativeCategories),
    },
    issues,
  };
}

export type LocatedInput = StructureInput & { readonly file: string; readonly line: number };

/**
 * Stage 2: every structure row of every structure file, validated; ids must be unique.
 * The first file is the curated one; the others are imports. A curated row that reuses an imported row's id
 * supersedes it (so curators correct imported facts without editing generated files); each one is counted in
 * `superseded`. Any other repeated id is an error.
 */
export function validateStructures(
  files: readonly NamedCsv[],
  taxonomies: Taxonomies,
): { inputs: LocatedInput[]; issues: Issue[]; superseded: string[] } {
  const codes = codeSetsOf(taxonomies);
  const issues: Issue[] = [];
  const inputs: LocatedInput[] = [];
  const superseded: string[] = [];
  const firstSeen = new Map<string, string>();
  const curatedFile = files[0]?.file;
  for (const { file, csv } of files) {
    const headerIssues = checkColumns({ file, csv }, REQUIRED_STRUCTURE_COLUMNS);
    issues.push(...csv.issues, ...headerIssues);
    if (headerIssues.length > 0) continue;
    for (const { line, values } of csv.rows) {
      const result = parseStructureRow(values, line, codes);
      if (!result.ok) {
        issues.push(...result.issues.map(located(file)));
        continue;
      }
      const previous = firstSeen.get(result.value.id);
      if (previous !== undefined && file !== curatedFile && previous.startsWith(`${curatedFile}:`)) {
        superseded.push(`${file}:${line} ${result.value.id}`);
        continue;
      }
      if (previous !== undefined) {
        issues.push({
          file,
          line,
          field: 'id',
          message: `duplicate id "${result.value.id}" (first at ${previous})`,
        });
        continue;
      }
      firstSeen.set(result.value.id, `${file}:${line}`);
      inputs.push({ ...result.value, file, line });
    }
  }
  return { inputs, issues, superseded };
}

export type PlacedStructure = Structure & { readonly epciNom: string | null };

/** Stage 3 (only with --online): geocodes street addresses missing from the cache and adds them to it. */
export async function geocodeMissing(
  inputs: readonly LocatedInput[],
  gazetteer: Gazetteer,
  cache: Map<string, CacheEntry>,
  geocoder: Geocoder,
  today: string,
): Promise<Issue[]> {
  const issues: Issue[] = [];
  for (const input of inputs) {
    if (input.coordinates !== null) continue;
    const commune = resolveCommune(gazetteer, input, input.line);
    if (!commune.ok) continue;
    const request = {
      adresse: input.adresse,
      codePostal: input.codePostal,
      codeInsee: commune.value.codeInsee,
      commune: commune.value.commune,
    };
    const query = geocodeQuery(request);
    if (query === null || cache.has(query)) continue;
    try {
      const hit = await geocoder.geocode(request);
      if (hit !== null) cache.set(query, { ...hit, date: today });
    } catch (error) {
      issues.push({
        file: input.file,
        line: input.line,
        field: 'adresse',
        message: `geocoding failed: ${String(error)}`,
      });
    }
  }
  return issues;
}

/** Stage 4: resolves each structure's commune and chooses its point (source → cache → commune centre). */
export function placeStructures(
  inputs: readonly LocatedInput[],
  gazetteer: Gazetteer,
  cache: ReadonlyMap<string, CacheEntry>,
): { structures: PlacedStructure[]; issues: Issue[] } {
  const structures: PlacedStructure[] = [];
  const issues: Issue[] = [];
  for (const input of inputs) {
    const commune = resolveCommune(gazetteer, input, input.line);
    if (!commune.ok) {
      issues.push(...commune.issues.map(located(input.file)));
      continue;
    }
    const query = geocodeQuery({
      adresse: input.adresse,
      codePostal: input.codePostal,
      codeInsee: commune.value.codeInsee,
    });
    const placement = choosePlacement({
      explicit: input.coordinates,
      cached: query === null ? undefined : cache.get(query),
      communeCentre: commune.value.centre,
    });
    if (placement === null) {
      issues.push({
        file: input.file,
        line: input.line,
        field: 'code_insee',
        message: `commune ${commune.value.codeInsee} has no known centre and the row gives no coordinates: add latitude/longitude`,
      });
      continue;
    }
    const { file: _file, line: _line, coordinates: _coordinates, ...fields } = input;
    structures.push({
      ...fields,
      codeInsee: commune.value.codeInsee,
      commune: commune.value.commune,
      departement: commune.value.departement,
      region: commune.value.region,
      epci: commune.value.epci,
      epciNom: commune.value.epciNom,
      coordinates: placement.coordinates,
      precision: placement.precision,
    });
  }
  return { structures, issues };
}

export type PublishedInitiative = Initiative;

/** Stage 5: initiatives, with links to structures that must exist and communes that must resolve. */
export function validateInitiatives(
  { file, csv }: NamedCsv,
  taxonomies: Taxonomies,
  structureIds: ReadonlySet<string>,
  gazetteer: Gazetteer,
): { initiatives: PublishedInitiative[]; issues: Issue[] } {
  const categories = codeSetsOf(taxonomies).initiativeCategories;
  const headerIssues = checkColumns({ file, csv }, REQUIRED_INITIATIVE_COLUMNS);
  const issues: Issue[] = [...csv.issues, ...headerIssues];
  const initiatives: PublishedInitiative[] = [];
  const seen = new Set<string>();
  for (const { line, values } of headerIssues.length > 0 ? [] : csv.rows) {
    const result = parseInitiativeRow(values, line, categories);
    if (!result.ok) {
      issues.push(...result.issues.map(located(file)));
      continue;
    }
    const initiative = result.value;
    const rowIssues: Issue[] = [];
    if (seen.has(initiative.id))
      rowIssues.push({ file, line, field: 'id', message: `duplicate id "${initiative.id}"` });
    for (const id of initiative.structureIds) {
      if (!structureIds.has(id))
        rowIssues.push({ file, line, field: 'structure_ids', message: `no structure has id "${id}"` });
    }
    let place: {
      departement: string | null;
      region: string | null;
      coordinates: LngLat | null;
      codeInsee: string;
      commune: string;
    } = {
      departement: null,
      region: null,
      coordinates: null,
      codeInsee: initiative.codeInsee,
      commune: initiative.commune,
    };
    if (initiative.codeInsee !== '' || initiative.commune !== '') {
      const commune = resolveCommune(
        gazetteer,
        { commune: initiative.commune, codePostal: '', codeInsee: initiative.codeInsee },
        line,
      );
      if (!commune.ok) rowIssues.push(...commune.issues.map(located(file)));
      else {
        place = {
          departement: commune.value.departement,
          region: commune.value.region,
          coordinates: commune.value.centre,
          codeInsee: commune.value.codeInsee,
          commune: commune.value.commune,
        };
      }
    }
    seen.add(initiative.id);
    if (rowIssues.length > 0) {
      issues.push(...rowIssues);
      continue;
    }
    initiatives.push({ ...initiative, ...place });
  }
  initiatives.sort((left, right) => (left.id < right.id ? -1 : 1));
  return { initiatives, issues };
}

/** Stage 6: a short human summary of what was built. */
export function summarise(
  structures: readonly PlacedStructure[],
  initiatives: readonly PublishedInitiative[],
  gazetteer: Gazetteer,
): string[] {
  const format = (pairs: [string, number][]) => pairs.map(([key, count]) => `${key} ${count}`).join(', ');
  return [
    `${structures.length} structures, ${initiatives.length} initiatives`,
    `by type: ${format(countBy(structures, (structure) => structure.type))}`,
    `by region: ${format(countBy(structures, (structure) => gazetteer.regionNames.get(structure.region) ?? structure.region))}`,
    `by precision: ${format(countBy(structures, (structure) => structure.precision))}`,
  ];
}

/** Stage 7: the published files, as text, byte-identical for identical input. */
export function renderOutputs(options: {
  structures: readonly PlacedStructure[];
  initiatives: readonly PublishedInitiative[];
  taxonomies: Taxonomies;
  gazetteer: Gazetteer;
  sourceHash: string;
  /** Ids of rows absorbed by a fusion → the id of the row that absorbed them (`data/duplicates.csv`). */
  aliases?: Readonly<Record<string, string>>;
}): Record<string, string> {
  const generator = 'scripts/build-data.ts (npm run data) — do not edit by hand';
  const collection: StructureCollection = toFeatureCollection(options.structures, {
    generator,
    sourceHash: options.sourceHash,
  });
  const usedRegions = new Set(options.structures.map((structure) => structure.region));
  const usedDepartements = new Set(options.structures.map((structure) => structure.departement));
  const territories = {
    regions: [...options.gazetteer.regionNames.entries()]
      .filter(([code]) => usedRegions.has(code))
      .map(([code, nom]) => ({ code, nom })),
    departements: [...options.gazetteer.departementNames.entries()]
      .filter(([code]) => usedDepartements.has(code))
      .map(([code, nom]) => ({ code, nom })),
  };
  const json = (value: unknown) => `${JSON.stringify(value)}\n`;
  return {
    'structures.geojson': json(collection),
    'places.json': json(buildPlacesFile(options.gazetteer)),
    'initiatives.json': json({
      datasetVersion: collection.metadata.datasetVersion,
      generator,
      initiatives: options.initiatives,
    }),
    'taxonomies.json': json({
      datasetVersion: collection.metadata.datasetVersion,
      generator,
      ...options.taxonomies,
    }),
    'territories.json': json({
      datasetVersion: collection.metadata.datasetVersion,
      generator,
      ...territories,
    }),
    'structures.csv': toCsv(
      exportRows(collection.features.map(fromPublishedFeature), {
        departementNames: options.gazetteer.departementNames,
        regionNames: options.gazetteer.regionNames,
        distanceOf: () => null,
      }),
      ',',
      { bom: false, columns: OPEN_DATA_COLUMNS },
    ),
    'initiatives.csv': initiativesCsv(
      [...options.initiatives].sort((left, right) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0)),
    ),
    'aliases.json': json({
      datasetVersion: collection.metadata.datasetVersion,
      generator,
      aliases: options.aliases ?? {},
    }),
  };
}

/** A published feature back as a structure (the same sorted, rounded values the GeoJSON holds). */
function fromPublishedFeature(feature: StructureCollection['features'][number]) {
  const [lng = 0, lat = 0] = feature.geometry.coordinates;
  return { ...feature.properties, coordinates: [lng, lat] as const };
}
