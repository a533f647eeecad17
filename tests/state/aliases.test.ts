import { describe, expect, it } from 'vitest';
import { parseAliases } from '../../src/loaders/load-dataset';
import { createAppStore } from '../../src/state/store';
import { parseUrlState } from '../../src/state/url';
import { structure, TAXONOMIES } from '../helpers';

const DATASET = {
  structures: [structure({ id: 'incubateur-usine-io' }), structure({ id: 'tl-cget-2' })],
  initiatives: [],
  taxonomies: TAXONOMIES,
  territories: { regions: [], departements: [] },
  aliases: { 'tl-cget-1407': 'incubateur-usine-io', 'tl-cget-9': 'gone' },
  issues: [],
};

describe('aliases of merged structures', () => {
  it('opens the kept structure when a link names an absorbed id', () => {
    const store = createAppStore();
    store.getState().urlStateApplied(parseUrlState('?id=tl-cget-1407'));
    expect(store.getState().selectedId).toBe('tl-cget-1407');
    store.getState().datasetLoaded({ ok: true, value: DATASET });
    expect(store.getState().selectedId).toBe('incubateur-usine-io');
  });

  it('maps a link applied after loading (back and forward) too', () => {
    const store = createAppStore();
    store.getState().datasetLoaded({ ok: true, value: DATASET });
    store.getState().urlStateApplied(parseUrlState('?id=tl-cget-1407'));
    expect(store.getState().selectedId).toBe('incubateur-usine-io');
  });

  it('keeps a known id, and drops an unknown one or an alias to a missing row', () => {
    for (const [id, expected] of [
      ['tl-cget-2', 'tl-cget-2'],
      ['tl-cget-9', null],
      ['nowhere', null],
    ] as const) {
      const store = createAppStore();
      store.getState().urlStateApplied(parseUrlState(`?id=${id}`));
      store.getState().datasetLoaded({ ok: true, value: DATASET });
      expect(store.getState().selectedId).toBe(expected);
    }
  });

  it('reads aliases.json defensively', () => {
    expect(parseAliases({ datasetVersion: 1, aliases: { 'tl-cget-1': 'kept-id' } })).toEqual({
      'tl-cget-1': 'kept-id',
    });
    expect(parseAliases({ aliases: { 'Bad Id': 'kept' } })).toEqual({});
    expect(parseAliases(null)).toEqual({});
  });
});
