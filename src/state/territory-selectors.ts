import { hasBit } from '../domain/bitset';
import {
  areaFigures,
  type ChoroplethView,
  classBreaks,
  classColours,
  classOf,
  measureOf,
} from '../domain/choropleth';
import { type CoverageSummary, summarizeCoverage } from '../domain/coverage';
import { territoryMask } from '../domain/filter';
import { describeTerritory, peersOf, type TerritoryInfo } from '../domain/territory';
import {
  type Column,
  countsBy,
  type RankedPeer,
  rankPeers,
  type TerritoryRow,
  territoryRows,
} from '../domain/territory-stats';
import type { Initiative } from '../loaders/load-dataset';
import { selectCoverageCommunes, selectMatchingOutsideTerritory } from './coverage';
import { memoize, selectInitiatives, selectTerritoryInfo, selectTypes } from './selectors';
import type { AppState } from './store';

/** Everything the territory panel shows, for the current filters. */
export type TerritoryPanel = {
  readonly info: TerritoryInfo;
  /** The comparison columns after the territory: its parents (nearest first), then France. */
  readonly columns: readonly (Column & { readonly name: string })[];
  readonly rows: readonly TerritoryRow[];
  readonly themes: readonly { code: string; count: number }[];
  readonly initiatives: readonly Initiative[];
  /** The same level in the same parent, ranked by structures per 100,000 inhabitants. */
  readonly peers: readonly RankedPeer[];
  readonly peersParent: TerritoryInfo | null;
};

/**
 * The open territory's figures: counts by type against its parents and France (per 100,000 inhabitants), themes,
 * the Covid initiatives run there, and its peers ranked. The other facets, the search and the radius apply
 * everywhere ("fablabs only" gives fablab figures); null when no territory is open or its data is not loaded.
 */
export const selectTerritoryPanel: (state: AppState) => TerritoryPanel | null = memoize(
  (state: AppState) =>
    [
      state.facetIndex,
      selectMatchingOutsideTerritory(state),
      state.placeIndex,
      selectTerritoryInfo(state),
      selectTypes(state),
      selectInitiatives(state),
    ] as const,
  (index, matching, places, info, types, initiatives): TerritoryPanel | null => {
    if (index === null || matching === null || places === null || info === null) return null;
    const parents = info.parents
      .map((ref) => describeTerritory(places, ref))
      .filter((parent): parent is TerritoryInfo => parent !== null);
    const france = places.entries
      .filter((entry) => entry.kind === 'region')
      .reduce((sum, entry) => sum + entry.population, 0);
    const columns = [
      ...parents.map((parent) => ({ ref: parent.ref, population: parent.population, name: parent.name })),
      { ref: null, population: france, name: 'France' },
    ];
    const inside = territoryMask(index, info.ref);
    const inTerritory = (initiative: Initiative) =>
      initiative.structureIds.some((id) => {
        const position = index.positionOf.get(id);
        return position !== undefined && hasBit(inside, position);
      }) ||
      (initiative.structureIds.length === 0 &&
        ((info.ref.level === 'region' && initiative.region === info.ref.code) ||
          (info.ref.level === 'departement' && initiative.departement === info.ref.code) ||
          (info.ref.level === 'commune' && initiative.codeInsee === info.ref.code) ||
          (info.ref.level === 'epci' &&
            describeTerritory(places, { level: 'commune', code: initiative.codeInsee })?.parents[0]?.code ===
              info.ref.code)));
    const peersParent = info.parents[0] === undefined ? null : (parents[0] ?? null);
    return {
      info,
      columns,
      rows: territoryRows(
        index,
        matching,
        { ref: info.ref, population: info.population },
        columns,
        types.map((type) => type.code),
      ),
      themes: countsBy(index, matching, info.ref, 'theme'),
      initiatives: initiatives.filter(inTerritory),
      peers: rankPeers(index, matching, peersOf(places, info)),
      peersParent,
    };
  },
);

/** The coverage gaps of the open territory for the current filters; 'loading' while the worker computes. */
export const selectTerritoryCoverage: (state: AppState) => CoverageSummary | 'loading' | null = memoize(
  (state: AppState) =>
    [
      state.coverage,
      selectMatchingOutsideTerritory(state),
      selectCoverageCommunes(state),
      selectTerritoryInfo(state),
    ] as const,
  (coverage, matching, communes, info): CoverageSummary | 'loading' | null => {
    if (info === null || communes === null) return null;
    if (coverage === null || coverage.matching !== matching || coverage.distances === null) return 'loading';
    const { level, code } = info.ref;
    const codes = level === 'commune' ? communes.codes : communes[level];
    return summarizeCoverage(communes, coverage.distances, (commune) => codes[commune] === code);
  },
);

export const selectChoropleth: (state: AppState) => ChoroplethView | null = memoize(
  (state: AppState) =>
    [
      state.choropleth,
      state.choroplethMeasure,
      state.facetIndex,
      selectMatchingOutsideTerritory(state),
      state.placeIndex,
    ] as const,
  (level, measure, index, matching, places): ChoroplethView | null => {
    if (level === null || index === null || matching === null || places === null) return null;
    const areas = places.entries
      .filter((entry) => entry.kind === level)
      .map((entry) => ({ code: entry.code, name: entry.name, population: entry.population }));
    const figures = areaFigures(index, matching, level, areas);
    const values = figures
      .map((figure) => measureOf(figure, measure))
      .filter((value): value is number => value !== null);
    const breaks = classBreaks(values);
    const colours = classColours(breaks.length);
    const colourOf = new Map<string, string>();
    for (const figure of figures) {
      const value = measureOf(figure, measure);
      if (value !== null) colourOf.set(figure.code, colours[classOf(value, breaks)] ?? colours[0] ?? '');
    }
    return { level, measure, figures, breaks, colours, colourOf };
  },
);
