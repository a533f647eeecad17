import * as z from 'zod/mini';
import { fromFeatureCollection } from '../domain/dataset';
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
  /** Features or initiatives that were skipped because they were malformed. */
  readonly issues: readonly Issue[];
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

async function fetchJson(fetchImpl: typeof fetch, url: string): Promise<unknown> {
  const response = await fetchImpl(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

/** Reads `initiatives.json` defensively: a malformed initiative is skipped and reported, the rest loads. */
export function parseInitiatives(input: unknown): { initiatives: Initiative[]; issues: Issue[] } {
  const list = initiativeListSchema.safeParse(input);
  if (!list.success) return { initiatives: [], issues: [{ message: 'initiatives.json is not readable' }] };
  const initiatives: Initiative[] = [];
  const issues: Issue[] = [];
  list.data.initiatives.forEach((item, index) => {
    const parsed = initiativeSchema.safeParse(item);
    if (parsed.success) initiatives.push(parsed.data);
    else
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
 * Loads the published dataset. Never throws: a network failure or an unreadable file becomes an error result
 * the UI can show with a retry button. Initiatives are optional: without them the map still works.
 */
export async function loadDataset(
  dataUrl: string,
  fetchImpl: typeof fetch = fetch,
): Promise<{ ok: true; value: Dataset } | { ok: false; error: string }> {
  try {
    const [structuresJson, taxonomiesJson, territoriesJson, initiativesJson, aliasesJson] = await Promise.all(
      [
        fetchJson(fetchImpl, `${dataUrl}structures.geojson`),
        fetchJson(fetchImpl, `${dataUrl}taxonomies.json`),
        fetchJson(fetchImpl, `${dataUrl}territories.json`),
        fetchJson(fetchImpl, `${dataUrl}initiatives.json`).catch((error: unknown) => ({ error })),
        fetchJson(fetchImpl, `${dataUrl}aliases.json`).catch(() => null),
      ],
    );
    const loaded = fromFeatureCollection(structuresJson);
    if (loaded.structures.length === 0 && loaded.issues.length > 0) {
      return { ok: false, error: loaded.issues.map((issue) => issue.message).join('; ') };
    }
    const taxonomies = taxonomiesSchema.safeParse(taxonomiesJson);
    const territories = territoriesSchema.safeParse(territoriesJson);
    if (!taxonomies.success) return { ok: false, error: 'taxonomies.json is not readable' };
    const initiatives = parseInitiatives(initiativesJson);
    return {
      ok: true,
      value: {
        structures: loaded.structures,
        initiatives: initiatives.initiatives,
        taxonomies: taxonomies.data,
        territories: territories.success ? territories.data : { regions: [], departements: [] },
        aliases: parseAliases(aliasesJson),
        sourceHash: loaded.sourceHash,
        issues: [...loaded.issues, ...initiatives.issues],
      },
    };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
