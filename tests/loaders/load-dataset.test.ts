import { describe, expect, it } from 'vitest';
import { toFeatureCollection } from '../../src/domain/dataset';
import { loadDataset } from '../../src/loaders/load-dataset';
import { structure, TAXONOMIES } from '../helpers';

const files: Record<string, unknown> = {
  'structures.geojson': toFeatureCollection([structure()], { generator: 'test', sourceHash: 'x' }),
  'taxonomies.json': TAXONOMIES,
  'territories.json': { regions: [], departements: [] },
};

function fetchFrom(table: Record<string, unknown>, status = 200): typeof fetch {
  return (async (url: string) => {
    const name = String(url).split('/').pop() ?? '';
    if (!(name in table)) return new Response('not found', { status: 404 });
    return new Response(JSON.stringify(table[name]), { status });
  }) as typeof fetch;
}

describe('loadDataset', () => {
  it('loads and validates the published files', async () => {
    const result = await loadDataset('/data/', fetchFrom(files));
    expect(result.ok && result.value.structures.map((item) => item.id)).toEqual(['pole-emc2']);
  });

  it('turns network failures, HTTP errors and unreadable files into error results', async () => {
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await loadDataset('/data/', offline)).toEqual({ ok: false, error: 'Failed to fetch' });
    expect(
      await loadDataset('/data/', fetchFrom({ ...files, 'taxonomies.json': undefined }, 200)),
    ).toMatchObject({ ok: false });
    const missing = { ...files };
    delete missing['territories.json'];
    expect(await loadDataset('/data/', fetchFrom(missing))).toEqual({
      ok: false,
      error: '/data/territories.json: HTTP 404',
    });
    expect(
      await loadDataset('/data/', fetchFrom({ ...files, 'structures.geojson': { nope: true } })),
    ).toMatchObject({ ok: false });
  });
});
