import * as z from 'zod/mini';
import { fromFeatureCollection } from '../domain/dataset';
import { taxonomiesFromCodes } from '../domain/labels';
import { checkLinks } from '../domain/links';
import type { Issue } from '../domain/result';
import { SLUG_PATTERN } from '../domain/slug';
import type { Initiative, Structure, Taxonomies } from '../domain/types';

export type Territories = {
  readonly regions: readonly { code: string; nom: string }[];
  readonly departements: readonly { code: string; nom: string }[];
};

export type { Initiative };

export type Dataset = {
  readonly structures: readonly (Structure & { readonly epciNom: string | null })[];
  readonly initiatives: readonly Initiative[];
  readonly taxonomies: Taxonomies;
  readonly territories: Territories;
  /**
   * Ids of rows merged into another one (`data/duplicates.csv`) → the id that absorbed them, so an old link
   * `?id=<absorbed>` opens the kept structure. Empty when the file is missing.
   */
  readonly aliases?: Readonly<Record<string, string>>;
  /** The build's hash of its source files, cited by exports; empty when unknown. */
  readonly sourceHash?: string;
  /** Features or initiatives that were skipped because they were malformed, and links that were dropped. */
  readonly issues: readonly Issue[];
  /** Auxiliary files that could not be read or are of another data version (none when absent). */
  readonly fileProblems?: readonly FileProblem[];
};

const entrySchema = z.object({
  code: z.string(),
  labelFr: z.string(),
  labelEn: z.string(),
  descriptionFr: z.catch(z.string(), ''),
  color: z.optional(z.string()),
  icon: z.optional(z.string()),
  kind: z.catch(z.optional(z.enum(['territorial', 'sector'])), undefined),
});
const taxonomiesSchema = z.object({
  types: z.array(entrySchema),
  themes: z.array(entrySchema),
  networks: z.array(entrySchema),
  initiativeCategories: z.array(entrySchema),
});
const placeSchema = z.object({ code: z.string(), nom: z.string() });
const territoriesSchema = z.object({ regions: z.array(placeSchema), departements: z.array(placeSchema) });
const text = z.catch(z.string(), '');
const initiativeSchema = z.object({
  id: z.string().check(z.minLength(1)),
  nom: z.string().check(z.minLength(1)),
  structureIds: z.catch(z.array(z.string()), []),
  categorie: z.string(),
  description: text,
  commune: text,
  codeInsee: text,
  dateDebut: text,
  dateFin: text,
  siteWeb: text,
  source: text,
  dateVerification: text,
  departement: z.catch(z.nullable(z.string()), null),
  region: z.catch(z.nullable(z.string()), null),
  coordinates: z.catch(z.nullable(z.tuple([z.number(), z.number()])), null),
});
const initiativeListSchema = z.object({ initiatives: z.array(z.unknown()) });
const slug = z.string().check(z.regex(SLUG_PATTERN));
const aliasesSchema = z.object({ aliases: z.record(slug, slug) });

/** A file fetched and parsed, or the raw reason it could not be (HTTP status, network or JSON parser message). */
type Fetched = { readonly ok: true; readonly json: unknown } | { readonly ok: false; readonly error: string };

async function fetchJson(fetchImpl: typeof fetch, url: string): Promise<Fetched> {
  try {
    const response = await fetchImpl(url);
    if (!response.ok) return { ok: false, error: `${url}: HTTP ${response.status}` };
    return { ok: true, json: await response.json() };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The auxiliary files, each of which may fail alone without taking the app down. */
export const AUXILIARY_FILES = [
  'taxonomies.json',
  'territories.json',
  'initiatives.json',
  'aliases.json',
] as const;
export type AuxiliaryFile = (typeof AUXILIARY_FILES)[number];

/**
 * What went wrong with one auxiliary file: it could not be read (missing, truncated, not what it should be: the app
 * goes on without it), or it belongs to another version of the data than `structures.geojson` (it is used, but may
 * not match). `detail` is the raw message, for a details element.
 */
export type FileProblem = {
  readonly file: AuxiliaryFile;
  readonly kind: 'unreadable' | 'version';
  readonly detail: string;
};

function versionOf(json: unknown): unknown {
  return typeof json === 'object' && json !== null && 'datasetVersion' in json
    ? json.datasetVersion
    : undefined;
}

/** The territories named by their codes, for when `territories.json` cannot be read. */
function territoriesFromCodes(structures: readonly Structure[]): Territories {
  const codes = (key: 'region' | 'departement') =>
    [...new Set(structures.map((structure) => structure[key]).filter((code) => code !== ''))]
      .sort()
      .map((code) => ({ code, nom: code }));
  return { regions: codes('region'), departements: codes('departement') };
}

/** Reads `initiatives.json` defensively: a malformed initiative is skipped and reported, the rest loads. */
export function parseInitiatives(input: unknown): { initiatives: Initiative[]; issues: Issue[] } {
  const list = initiativeListSchema.safeParse(input);
  if (!list.success) return { initiatives: [], issues: [{ message: 'initiatives.json is not readable' }] };
  const initiatives: Initiative[] = [];
  const issues: Issue[] = [];
  list.data.initiatives.forEach((item, index) => {
    const parsed = initiativeSchema.safeParse(item);
    if (parsed.success) {
      const links = checkLinks(parsed.data);
      for (const field of links.dropped)
        issues.push({
          line: index + 1,
          field,
          message: 'link ignored: only http:// and https:// links are shown',
        });
      initiatives.push({ ...parsed.data, siteWeb: links.siteWeb, source: links.source });
    } else
      issues.push({
        line: index + 1,
        message: `initiative skipped: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      });
  });
  return { initiatives, issues };
}

/** Reads `aliases.json` defensively: anything that is not a map of id → id is ignored. */
export function parseAliases(input: unknown): Record<string, string> {
  const parsed = aliasesSchema.safeParse(input);
  return parsed.success ? parsed.data.aliases : {};
}

/**
 * Loads the published dataset. Never throws. Without `structures.geojson` there is nothing to show: a network
 * failure or an unreadable file becomes an error result (the raw message) the UI shows with a retry button. Each
 * auxiliary file degrades alone, reported in `fileProblems`: labels fall back to codes, initiatives or aliases are
 * left out. Every file's `datasetVersion` is compared with the structures'.
 */
export async function loadDataset(
  dataUrl: string,
  fetchImpl: typeof fetch = fetch,
): Promise<{ ok: true; value: Dataset } | { ok: false; error: string }> {
  const [structuresFile, ...auxiliary] = await Promise.all(
    ['structures.geojson', ...AUXILIARY_FILES].map((name) => fetchJson(fetchImpl, `${dataUrl}${name}`)),
  );
  if (structuresFile === undefined || !structuresFile.ok)
    return { ok: false, error: structuresFile?.error ?? 'structures.geojson' };
  const loaded = fromFeatureCollection(structuresFile.json);
  if (loaded.structures.length === 0 && loaded.issues.length > 0) {
    return { ok: false, error: loaded.issues.map((issue) => issue.message).join('; ') };
  }
  const structuresVersion = versionOf((structuresFile.json as { metadata?: unknown } | null)?.metadata);
  const fileProblems: FileProblem[] = [];
  /** The file's content when its schema accepts it, otherwise null (and the problem is recorded). */
  const read = <T>(
    file: AuxiliaryFile,
    parse: (json: unknown) => { success: true; data: T } | { success: false; error: { message: string } },
  ): T | null => {
    const fetched = auxiliary[AUXILIARY_FILES.indexOf(file)];
    if (fetched === undefined || !fetched.ok) {
      fileProblems.push({ file, kind: 'unreadable', detail: fetched?.error ?? file });
      return null;
    }
    const parsed = parse(fetched.json);
    if (!parsed.success) {
      fileProblems.push({ file, kind: 'unreadable', detail: parsed.error.message });
      return null;
    }
    const version = versionOf(fetched.json);
    if (version !== structuresVersion)
      fileProblems.push({
        file,
        kind: 'version',
        detail: `${file}: datasetVersion ${String(version)}, structures.geojson: ${String(structuresVersion)}`,
      });
    return parsed.data;
  };
  const initiativeList = read('initiatives.json', (json) => initiativeListSchema.safeParse(json));
  const initiatives =
    initiativeList === null ? { initiatives: [], issues: [] } : parseInitiatives(initiativeList);
  const taxonomies = read('taxonomies.json', (json) => taxonomiesSchema.safeParse(json));
  const territories = read('territories.json', (json) => territoriesSchema.safeParse(json));
  const aliases = read('aliases.json', (json) => aliasesSchema.safeParse(json));
  return {
    ok: true,
    value: {
      structures: loaded.structures,
      initiatives: initiatives.initiatives,
      taxonomies: taxonomies ?? taxonomiesFromCodes(loaded.structures, initiatives.initiatives),
      territories: territories ?? territoriesFromCodes(loaded.structures),
      aliases: aliases?.aliases ?? {},
      sourceHash: loaded.sourceHash,
      issues: [...loaded.issues, ...initiatives.issues],
      fileProblems,
    },
  };
}
