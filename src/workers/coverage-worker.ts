/// <reference lib="webworker" />
import { type CoverageRequest, runCoverage } from '../domain/coverage-job';

/** Computes the distances of the coverage gaps off the main thread; see `src/state/coverage.ts`. */
self.onmessage = (event: MessageEvent<CoverageRequest>) => {
  const response = runCoverage(event.data);
  (self as unknown as Worker).postMessage(response, [response.distances.buffer]);
};
