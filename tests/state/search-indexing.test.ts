import { describe, expect, it } from 'vitest';
import { hasBit } from '../../src/domain/bitset';
import { startSearchIndexing } from '../../src/state/search-indexing';
import { selectSearchPending, selectSearchResult } from '../../src/state/selectors';
import { createAppStore } from '../../src/state/store';
import { structure, TAXONOMIES } from '../helpers';

const dataset = {
  structures: [structure(), structure({ id: 'b', nom: 'Atelier des makers', type: 'fablab' as const })],
  initiatives: [],
  taxonomies: TAXONOMIES,
  territories: { regions: [], departements: [] },
  issues: [],
};

describe('search indexing', () => {
  it('builds no index until a query is typed, then narrows with it once the index has arrived', async () => {
    const store = createAppStore();
    const stop = startSearchIndexing(store);
    store.getState().datasetLoaded({ ok: true, value: dataset });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.getState().searchIndex).toBeNull();

    store.getState().setQuery('makers');
    expect(selectSearchPending(store.getState())).toBe(true);
    expect(selectSearchResult(store.getState())).toBeNull();
    await expect.poll(() => store.getState().searchIndex).not.toBeNull();
    expect(selectSearchPending(store.getState())).toBe(false);
    const result = selectSearchResult(store.getState());
    if (result === null) throw new Error('no search result');
    expect([hasBit(result.mask, 0), hasBit(result.mask, 1)]).toEqual([false, true]);
    stop();
  });

  it('drops an index built for a dataset that has since been replaced, and builds one for the new dataset', async () => {
    const store = createAppStore();
    const stop = startSearchIndexing(store);
    store.getState().datasetLoaded({ ok: true, value: dataset });
    store.getState().setQuery('makers');
    const replacement = { ...dataset, structures: [structure({ id: 'c', nom: 'Makers de Brest' })] };
    store.getState().datasetLoaded({ ok: true, value: replacement });
    await expect.poll(() => store.getState().searchIndex?.size).toBe(1);
    expect(store.getState().dataset).toBe(replacement);
    const late = store.getState().searchIndex;
    store.getState().datasetLoaded({ ok: true, value: dataset });
    if (late !== null) store.getState().searchIndexLoaded(replacement, late);
    expect(store.getState().searchIndex).toBeNull();
    stop();
  });
});
