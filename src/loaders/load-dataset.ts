import { z } from 'zod';
import { fromFeatureCollection } from '../domain/dataset';
import type { Issue } from '../domain/result';
import type { Structure, Taxonomies } from '../domain/types';

export type Territories = {
  readonly regions: readonly { code: string; nom: string }[];
  readonly departements: readonly { code: string; nom: string }[];
};

export type Dataset = {
  readonly structures: readonly (Structure & { readonly epciNom: string | null })[];
  readonly taxonomies: Taxonomies;
  readonly territories: Territories;
  /** Features that were skipped because they were malformed. */
  readonly issues: readonly Issue[];
};

const entrySchema = z.object({
  code: z.string(),
  labelFr: z.string(),
  labelEn: z.string(),
  descriptionFr: z.string().catch(''),
  color: z.string().optional(),
  icon: z.string().optional(),
  kind: z.enum(['territorial', 'sector']).optional().catch(undefined),
});
const taxonomiesSchema = z.object({
  types: z.array(entrySchema),
  themes: z.array(entrySchema),
  networks: z.array(entrySchema),
  initiativeCategories: z.array(entrySchema),
});
const placeSchema = z.object({ code: z.string(), nom: z.string() });
const territoriesSchema = z.object({ regions: z.array(placeSchema), departements: z.array(placeSchema) });

async function fetchJson(fetchImpl: typeof fetch, url: string): Promise<unknown> {
  const response = await fetchImpl(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

/**
 * Loads the published dataset. Never throws: a network failure or an unreadable file becomes an error result
 * the UI can show with a retry button.
 */
export async function loadDataset(
  dataUrl: string,
  fetchImpl: typeof fetch = fetch,
): Promise<{ ok: true; value: Dataset } | { ok: false; error: string }> {
  try {
    const [structuresJson, taxonomiesJson, territoriesJson] = await Promise.all([
      fetchJson(fetchImpl, `${dataUrl}structures.geojson`),
      fetchJson(fetchImpl, `${dataUrl}taxonomies.json`),
      fetchJson(fetchImpl, `${dataUrl}territories.json`),
    ]);
    const loaded = fromFeatureCollection(structuresJson);
    if (loaded.structures.length === 0 && loaded.issues.length > 0) {
      return { ok: false, error: loaded.issues.map((issue) => issue.message).join('; ') };
    }
    const taxonomies = taxonomiesSchema.safeParse(taxonomiesJson);
    const territories = territoriesSchema.safeParse(territoriesJson);
    if (!taxonomies.success) return { ok: false, error: 'taxonomies.json is not readable' };
    return {
      ok: true,
      value: {
        structures: loaded.structures,
        taxonomies: taxonomies.data,
        territories: territories.success ? territories.data : { regions: [], departements: [] },
        issues: loaded.issues,
      },
    };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
