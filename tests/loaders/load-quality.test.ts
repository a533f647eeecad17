import { describe, expect, it } from 'vitest';
import { computeQuality } from '../../src/domain/quality';
import { loadQuality } from '../../src/loaders/load-quality';

const report = computeQuality({ structures: [], curatedIds: new Set(), programmes: [], members: [] });
const serve = (body: unknown, status = 200) =>
  (async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;

describe('loadQuality', () => {
  it('reads quality.json', async () => {
    expect(await loadQuality('/data/', serve(report))).toEqual({ ok: true, value: report });
  });

  it('turns HTTP errors, network failures and other versions into error results', async () => {
    expect(await loadQuality('/data/', serve({}, 404))).toEqual({
      ok: false,
      error: '/data/quality.json: HTTP 404',
    });
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await loadQuality('/data/', offline)).toEqual({ ok: false, error: 'Failed to fetch' });
    expect(await loadQuality('/data/', serve({ ...report, version: 7 }))).toEqual({
      ok: false,
      error: 'quality report version 7 is not 1',
    });
  });
});
