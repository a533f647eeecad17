import * as z from 'zod/mini';
import { createPlaceIndex, PLACES_VERSION, type PlaceIndex, type PlacesFile } from '../domain/places';

const communeRow = z.tuple([
  z.string(),
  z.string(),
  z.string(),
  z.string(),
  z.number(),
  z.number(),
  z.number(),
  z.string(),
]);
const areaRow = z.tuple([z.string(), z.string(), z.number(), z.number(), z.number(), z.string(), z.string()]);
const placesSchema = z.object({
  version: z.literal(PLACES_VERSION),
  communes: z.array(communeRow),
  arrondissements: z.array(communeRow),
  departements: z.array(areaRow),
  regions: z.array(areaRow),
  epci: z.array(areaRow),
});

/**
 * Loads the offline place index (`places.json`, built with the data). Never throws: a network failure or a file
 * of another version is an error message; the rest of the app works without it.
 */
export async function loadPlaces(
  dataUrl: string,
  fetchImpl: typeof fetch = fetch,
): Promise<{ ok: true; value: PlaceIndex } | { ok: false; error: string }> {
  try {
    const response = await fetchImpl(`${dataUrl}places.json`);
    if (!response.ok) return { ok: false, error: `places.json: HTTP ${response.status}` };
    const parsed = placesSchema.safeParse(await response.json());
    if (!parsed.success) return { ok: false, error: 'places.json is not readable' };
    return { ok: true, value: createPlaceIndex(parsed.data as PlacesFile) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
