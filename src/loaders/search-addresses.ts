import * as z from 'zod/mini';
import type { LngLat } from '../domain/types';

export type AddressResult = { readonly label: string; readonly lngLat: LngLat };

const responseSchema = z.object({
  features: z.array(
    z.object({
      geometry: z.object({ coordinates: z.tuple([z.number(), z.number()]) }),
      properties: z.object({ label: z.string() }),
    }),
  ),
});

/**
 * Asks the national address search (only ever called once the user opted in). Never throws: a network failure,
 * a timeout (5 s) or an unexpected answer is an error result, and the offline commune search keeps working.
 */
export async function searchAddresses(
  endpoint: string,
  query: string,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = 5_000,
): Promise<{ ok: true; value: AddressResult[] } | { ok: false; error: string }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const url = `${endpoint}?${new URLSearchParams({ q: query, index: 'address', limit: '5' })}`;
    const response = await fetchImpl(url, { signal: controller.signal });
    if (!response.ok) return { ok: false, error: `HTTP ${response.status}` };
    const parsed = responseSchema.safeParse(await response.json());
    if (!parsed.success) return { ok: false, error: 'unexpected answer' };
    return {
      ok: true,
      value: parsed.data.features.map((feature) => ({
        label: feature.properties.label.slice(0, 120),
        lngLat: [feature.geometry.coordinates[0], feature.geometry.coordinates[1]],
      })),
    };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
