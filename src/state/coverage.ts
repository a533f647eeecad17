import type { Bitset } from '../domain/bitset';
import type { CoverageCommunes } from '../domain/coverage';
import type { CoverageRequest, CoverageResponse } from '../domain/coverage-job';
import { filterStructures } from '../domain/filter';
import { startPlaceIndexLoading } from './place-indexing';
import {
  intersection,
  memoize,
  selectRadiusMask,
  selectSearchResult,
  selectStructurePoints,
} from './selectors';
import type { AppState, AppStore } from './store';

/** The search radius of the coverage: communes farther than this from any structure count as beyond every threshold. */
export const COVERAGE_MAX_KM = 50;

/** The structures matching the facets, the search and the radius, the territory aside (it does not stop people). */
export const selectMatchingOutsideTerritory: (state: AppState) => Bitset | null = memoize(
  (state: AppState) =>
    [
      state.facetIndex,
      state.filter.type,
      state.filter.theme,
      state.filter.network,
      state.filter.status,
      state.filter.initiative,
      state.filter.region,
      state.filter.departement,
      state.filter.epci,
      selectSearchResult(state),
      selectRadiusMask(state),
    ] as const,
  (index, type, theme, network, status, initiative, region, departement, epci, search, radius) =>
    index === null
      ? null
      : filterStructures(
          index,
          { type, theme, network, status, initiative, region, departement, epci, query: '', territory: null },
          intersection(search?.mask ?? null, radius),
        ).mask,
);

/** The communes of the place index as flat arrays (municipal arrondissements left out: their city counts). */
export const selectCoverageCommunes: (state: AppState) => CoverageCommunes | null = memoize(
  (state: AppState) => [state.placeIndex] as const,
  (index): CoverageCommunes | null => {
    if (index === null) return null;
    const communes = index.entries.filter((entry) => entry.kind === 'commune');
    return {
      codes: communes.map((entry) => entry.code),
      epci: communes.map((entry) => entry.parents.epci),
      departement: communes.map((entry) => entry.parents.departement),
      region: communes.map((entry) => entry.parents.region),
      population: Float64Array.from(communes, (entry) => entry.population),
      lngLat: Float64Array.from(communes.flatMap((entry) => [entry.lngLat[0], entry.lngLat[1]])),
    };
  },
);

const selectPointArray: (state: AppState) => Float64Array = memoize(
  (state: AppState) => [selectStructurePoints(state)] as const,
  (points) => Float64Array.from(points.coordinates.flat()),
);

/**
 * Keeps the coverage distances in step with the filters while a territory view or the coverage layer is open:
 * each new filter result is sent to a Web Worker (a result that arrives after the filters changed again is
 * dropped). Without Worker support (tests in jsdom) it computes on the main thread, after a yield.
 */
export function startCoverage(
  store: AppStore,
  createWorker: (() => Worker) | null,
  dataUrl: string,
): () => void {
  let worker: Worker | null = null;
  let sequence = 0;
  const pending = new Map<number, Bitset>();
  const deliver = (response: CoverageResponse) => {
    const matching = pending.get(response.id);
    pending.delete(response.id);
    if (matching !== undefined) store.getState().coverageLoaded(matching, response.distances);
  };
  const check = () => {
    const state = store.getState();
    if ((state.filter.territory ?? null) === null && !state.coverageLayer) return;
    if (state.placeIndexStatus === 'idle') startPlaceIndexLoading(store, dataUrl);
    const communes = selectCoverageCommunes(state);
    const matching = selectMatchingOutsideTerritory(state);
    if (communes === null || matching === null || state.coverage?.matching === matching) return;
    state.coverageRequested(matching);
    sequence += 1;
    pending.set(sequence, matching);
    const request: CoverageRequest = {
      id: sequence,
      centres: communes.lngLat,
      points: selectPointArray(state),
      matching,
      maxKm: COVERAGE_MAX_KM,
    };
    if (createWorker === null) {
      void import('../domain/coverage-job').then(({ runCoverage }) => deliver(runCoverage(request)));
      return;
    }
    if (worker === null) {
      worker = createWorker();
      worker.onmessage = (event: MessageEvent<CoverageResponse>) => deliver(event.data);
    }
    worker.postMessage(request);
  };
  check();
  const unsubscribe = store.subscribe(check);
  return () => {
    unsubscribe();
    worker?.terminate();
  };
}
