import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { departementOfCommune, type TerritoryRef } from '../domain/territory';

export type Boundary = Feature<Polygon | MultiPolygon, { code: string; nom: string }>;

/**
 * Where each level's outlines are published: regions and departments with the embedded basemap, intercommunalities
 * in one national file, communes in one file per department (`npm run import:boundaries`).
 */
export function boundaryFile(ref: TerritoryRef, urls: { basemap: string; boundaries: string }): string {
  switch (ref.level) {
    case 'region':
      return `${urls.basemap}regions.geojson`;
    case 'departement':
      return `${urls.basemap}departements.geojson`;
    case 'epci':
      return `${urls.boundaries}epci.geojson`;
    case 'commune':
      return `${urls.boundaries}communes/${departementOfCommune(ref.code)}.geojson`;
  }
}

function isBoundary(value: unknown, code: string): value is Boundary {
  if (typeof value !== 'object' || value === null) return false;
  const feature = value as {
    properties?: { code?: unknown };
    geometry?: { type?: unknown; coordinates?: unknown };
  };
  return (
    feature.properties?.code === code &&
    (feature.geometry?.type === 'Polygon' || feature.geometry?.type === 'MultiPolygon') &&
    Array.isArray(feature.geometry.coordinates)
  );
}

async function readFeatures(
  url: string,
  files: Map<string, Promise<unknown>>,
  fetchImpl: typeof fetch,
): Promise<unknown[]> {
  let pending = files.get(url);
  if (pending === undefined) {
    pending = fetchImpl(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return response.json() as Promise<unknown>;
    });
    files.set(url, pending);
  }
  try {
    const collection = (await pending) as { features?: unknown };
    return Array.isArray(collection?.features) ? (collection.features as unknown[]) : [];
  } catch (error) {
    files.delete(url);
    throw error;
  }
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Fetches the outline of one territory. Never throws: a missing file, a network failure or a territory absent
 * from its file is an error message (the territory view still works, without its outline). `files` caches the
 * parsed files of one store, so opening the next intercommunality does not fetch the national file again.
 */
export async function loadBoundary(
  ref: TerritoryRef,
  urls: { basemap: string; boundaries: string },
  files: Map<string, Promise<unknown>>,
  fetchImpl: typeof fetch = fetch,
): Promise<{ ok: true; value: Boundary } | { ok: false; error: string }> {
  const url = boundaryFile(ref, urls);
  try {
    const found = (await readFeatures(url, files, fetchImpl)).find((feature) =>
      isBoundary(feature, ref.code),
    );
    return found === undefined
      ? { ok: false, error: `${url}: no outline for ${ref.level} ${ref.code}` }
      : { ok: true, value: found as Boundary };
  } catch (error) {
    return { ok: false, error: message(error) };
  }
}

/** Fetches every outline of a level (regions, departments or intercommunalities) for the choropleth. */
export async function loadBoundaries(
  level: 'region' | 'departement' | 'epci',
  urls: { basemap: string; boundaries: string },
  files: Map<string, Promise<unknown>>,
  fetchImpl: typeof fetch = fetch,
): Promise<{ ok: true; value: Boundary[] } | { ok: false; error: string }> {
  const url = boundaryFile({ level, code: '' }, urls);
  try {
    const features = await readFeatures(url, files, fetchImpl);
    const valid = features.filter((feature): feature is Boundary =>
      isBoundary(feature, (feature as { properties?: { code?: unknown } }).properties?.code as string),
    );
    return { ok: true, value: valid };
  } catch (error) {
    return { ok: false, error: message(error) };
  }
}
