import { describe, expect, it } from 'vitest';
import { BanGeocoder, readGeocodeCache, writeGeocodeCache } from '../../scripts/lib/geocoder';
import { readCsv } from '../../scripts/lib/read-csv';

const request = {
  adresse: '9 Rue du Petit Châtelier',
  codePostal: '44300',
  codeInsee: '44109',
  commune: 'Nantes',
};

function fakeFetch(body: unknown, status = 200) {
  const calls: string[] = [];
  const implementation = (async (url: URL | string) => {
    calls.push(String(url));
    return new Response(JSON.stringify(body), { status });
  }) as typeof fetch;
  return { implementation, calls };
}

describe('BanGeocoder', () => {
  it('accepts a confident house-number match and restricts the search to the commune', async () => {
    const { implementation, calls } = fakeFetch({
      features: [
        { geometry: { coordinates: [-1.5056, 47.2459] }, properties: { score: 0.93, type: 'housenumber' } },
      ],
    });
    const hit = await new BanGeocoder(implementation, 'https://ban.test/search/').geocode(request);
    expect(hit).toEqual({ coordinates: [-1.5056, 47.2459], precision: 'adresse', provider: 'ban' });
    expect(calls[0]).toContain('citycode=44109');
  });

  it('rejects weak or municipality-level matches, and throws on HTTP errors', async () => {
    const weak = fakeFetch({
      features: [{ geometry: { coordinates: [0, 45] }, properties: { score: 0.3, type: 'housenumber' } }],
    });
    expect(await new BanGeocoder(weak.implementation).geocode(request)).toBeNull();
    const town = fakeFetch({
      features: [{ geometry: { coordinates: [0, 45] }, properties: { score: 0.9, type: 'municipality' } }],
    });
    expect(await new BanGeocoder(town.implementation).geocode(request)).toBeNull();
    const down = fakeFetch({}, 503);
    await expect(new BanGeocoder(down.implementation).geocode(request)).rejects.toThrow(/HTTP 503/);
  });
});

describe('geocode cache', () => {
  it('round-trips through its CSV form, sorted by query', () => {
    const text =
      'query,latitude,longitude,precision,provider,date\nb,47.10000,-1.20000,adresse,ban,2026-01-01\na,45.00000,5.00000,commune,ban,2026-01-02\n';
    const { cache, issues } = readGeocodeCache(readCsv(text, 'cache.csv'));
    expect(issues).toEqual([]);
    expect(writeGeocodeCache(cache)).toBe(
      'query,latitude,longitude,precision,provider,date\na,45.00000,5.00000,commune,ban,2026-01-02\nb,47.10000,-1.20000,adresse,ban,2026-01-01\n',
    );
  });
  it('reports unreadable entries with their line', () => {
    const { issues } = readGeocodeCache(
      readCsv('query,latitude,longitude,precision,provider,date\nx,abc,1,adresse,ban,\n', 'cache.csv'),
    );
    expect(issues).toEqual([
      { line: 2, message: 'unreadable cache entry (latitude, longitude or precision)' },
    ]);
  });
});
