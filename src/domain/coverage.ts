/** The distances the coverage is measured at, in km. */
export const COVERAGE_THRESHOLDS_KM = [10, 20, 50] as const;
/** The distance at which intercommunalities are ranked by the population left beyond it. */
export const COVERAGE_RANK_KM = 20;

/**
 * Communes as the coverage needs them, in flat arrays: `lngLat` holds lng, lat pairs (what crosses to the Web
 * Worker); `epci[i]`, `departement[i]`, `region[i]` are the codes of the areas commune i lies in ("" if none).
 */
export type CoverageCommunes = {
  readonly codes: readonly string[];
  readonly epci: readonly string[];
  readonly departement: readonly string[];
  readonly region: readonly string[];
  readonly population: Float64Array;
  readonly lngLat: Float64Array;
};

export type CoverageSummary = {
  /** Inhabitants of the communes considered. */
  readonly population: number;
  /** For each threshold: inhabitants whose commune centre is farther than it from any matching structure. */
  readonly beyond: readonly { readonly km: number; readonly population: number; readonly share: number }[];
  /** The intercommunalities with the most inhabitants beyond `COVERAGE_RANK_KM`, largest first (at most ten). */
  readonly epci: readonly { readonly code: string; readonly population: number }[];
};

/**
 * Sums the inhabitants beyond each threshold over the communes `include` keeps (all of them by default: France;
 * or those of one territory), and ranks the intercommunalities by the inhabitants beyond 20 km.
 */
export function summarizeCoverage(
  communes: CoverageCommunes,
  distances: Float64Array,
  include: (commune: number) => boolean = () => true,
  limit = 10,
): CoverageSummary {
  let population = 0;
  const beyond = COVERAGE_THRESHOLDS_KM.map(() => 0);
  const byEpci = new Map<string, number>();
  for (let commune = 0; commune < distances.length; commune += 1) {
    if (!include(commune)) continue;
    const people = communes.population[commune] ?? 0;
    const km = distances[commune] ?? Number.POSITIVE_INFINITY;
    population += people;
    COVERAGE_THRESHOLDS_KM.forEach((threshold, position) => {
      if (km > threshold) beyond[position] = (beyond[position] ?? 0) + people;
    });
    const epci = communes.epci[commune] ?? '';
    if (km > COVERAGE_RANK_KM && epci !== '' && people > 0)
      byEpci.set(epci, (byEpci.get(epci) ?? 0) + people);
  }
  return {
    population,
    beyond: COVERAGE_THRESHOLDS_KM.map((km, position) => {
      const people = beyond[position] ?? 0;
      return { km, population: people, share: population > 0 ? people / population : 0 };
    }),
    epci: [...byEpci.entries()]
      .sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1))
      .slice(0, limit)
      .map(([code, people]) => ({ code, population: people })),
  };
}
