import Papa from 'papaparse';
import type { GeocodeHit } from '../../src/domain/placement';
import type { Issue } from '../../src/domain/result';
import type { CsvFile } from './read-csv';

export type GeocodeRequest = { adresse: string; codePostal: string; codeInsee: string; commune: string };

/** Anything that turns a street address into a point. Injected so tests never touch the network. */
export interface Geocoder {
  geocode(request: GeocodeRequest): Promise<GeocodeHit | null>;
}

export type CacheEntry = GeocodeHit & { readonly date: string };

/** Reads `data/geocode-cache.csv` (query, latitude, longitude, precision, provider, date). */
export function readGeocodeCache(file: CsvFile): { cache: Map<string, CacheEntry>; issues: Issue[] } {
  const cache = new Map<string, CacheEntry>();
  const issues: Issue[] = [];
  for (const { line, values } of file.rows) {
    const latitude = Number(values.latitude);
    const longitude = Number(values.longitude);
    const precision = values.precision;
    if (
      !Number.isFinite(latitude) ||
      !Number.isFinite(longitude) ||
      (precision !== 'adresse' && precision !== 'commune')
    ) {
      issues.push({ line, message: 'unreadable cache entry (latitude, longitude or precision)' });
      continue;
    }
    cache.set(values.query ?? '', {
      coordinates: [longitude, latitude],
      precision,
      provider: values.provider ?? '',
      date: values.date ?? '',
    });
  }
  return { cache, issues };
}

export function writeGeocodeCache(cache: ReadonlyMap<string, CacheEntry>): string {
  const rows = [...cache.entries()]
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([query, entry]) => [
      query,
      entry.coordinates[1].toFixed(5),
      entry.coordinates[0].toFixed(5),
      entry.precision,
      entry.provider,
      entry.date,
    ]);
  return `${Papa.unparse({ fields: ['query', 'latitude', 'longitude', 'precision', 'provider', 'date'], data: rows }, { newline: '\n' })}\n`;
}

/**
 * The national address API (Base Adresse Nationale). Only used with `npm run data -- --online`; a hit counts at
 * street level when the API matched a house number or street with a score of at least `minimumScore`.
 */
export class BanGeocoder implements Geocoder {
  constructor(
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly endpoint = 'https://api-adresse.data.gouv.fr/search/',
    private readonly minimumScore = 0.6,
  ) {}

  async geocode(request: GeocodeRequest): Promise<GeocodeHit | null> {
    const url = new URL(this.endpoint);
    url.searchParams.set('q', `${request.adresse} ${request.codePostal} ${request.commune}`.trim());
    if (request.codeInsee !== '') url.searchParams.set('citycode', request.codeInsee);
    url.searchParams.set('limit', '1');
    const response = await this.fetchImpl(url);
    if (!response.ok) throw new Error(`BAN answered HTTP ${response.status} for "${request.adresse}"`);
    const body = (await response.json()) as {
      features?: { geometry?: { coordinates?: number[] }; properties?: { score?: number; type?: string } }[];
    };
    const feature = body.features?.[0];
    const [longitude, latitude] = feature?.geometry?.coordinates ?? [];
    const score = feature?.properties?.score ?? 0;
    const type = feature?.properties?.type ?? '';
    if (longitude === undefined || latitude === undefined || score < this.minimumScore) return null;
    if (type !== 'housenumber' && type !== 'street') return null;
    return { coordinates: [longitude, latitude], precision: 'adresse', provider: 'ban' };
  }
}
