import type { Bitset } from './bitset';
import { nearestDistances } from './coverage-distances';

/** What the coverage worker receives: plain arrays only, so it can be posted to a Web Worker. */
export type CoverageRequest = {
  readonly id: number;
  /** Commune centres, lng, lat pairs. */
  readonly centres: Float64Array;
  readonly points: Float64Array;
  readonly matching: Bitset;
  readonly maxKm: number;
};
export type CoverageResponse = { readonly id: number; readonly distances: Float64Array; readonly ms: number };

export function runCoverage(request: CoverageRequest): CoverageResponse {
  const start = performance.now();
  const distances = nearestDistances(request.centres, request.points, request.matching, request.maxKm);
  return { id: request.id, distances, ms: performance.now() - start };
}
