import { COVERAGE_RANK_KM } from '../domain/coverage';
import type { ChoroplethProps, CoverageProps, MapProps, TerritoryProps } from '../domain/map-props';
import { formatTerritory } from '../domain/territory';
import type { LngLat } from '../domain/types';
import {
  memoize,
  selectFilterResult,
  selectInitiativePoints,
  selectSelectedStructure,
  selectStructurePoints,
  selectTypeColors,
} from './selectors';
import type { AppState } from './store';

/** The map's props, one part per layer module (see `MapProps`). */
const selectStructuresProps: (state: AppState) => MapProps['structures'] = memoize(
  (state: AppState) =>
    [selectStructurePoints(state), selectFilterResult(state), selectTypeColors(state)] as const,
  (points, result, colors) => ({ points, visible: result?.mask ?? null, colors }),
);

const selectInitiativesProps: (state: AppState) => MapProps['initiatives'] = memoize(
  (state: AppState) => [selectInitiativePoints(state), state.initiativesLayer] as const,
  (points, visible) => ({ points, visible }),
);

const selectSelectionProps: (state: AppState) => MapProps['selection'] = memoize(
  (state: AppState) => [selectSelectedStructure(state)?.id ?? null] as const,
  (id) => ({ id }),
);

/**
 * Everything the map draws, in one value whose parts keep their identity while unchanged: the map controller
 * updates only the layer modules whose part changed.
 */
const selectPlaceProps: (state: AppState) => MapProps['place'] = memoize(
  (state: AppState) => [state.place, state.radiusKm] as const,
  (place, radiusKm) => ({ place, radiusKm }),
);

const NO_OUTLINE: TerritoryProps = { outline: null };
const NO_GAPS: CoverageProps = { gaps: [] };

/** The communes beyond 20 km of any matching structure, when the coverage layer is on and computed. */
const selectCoverageProps: (state: AppState) => CoverageProps = memoize(
  (state: AppState) => [state.coverageLayer, state.coverage, state.placeIndex] as const,
  (visible, coverage, places): CoverageProps => {
    if (!visible || coverage === null || coverage.distances === null || places === null) return NO_GAPS;
    const communes = places.entries.filter((entry) => entry.kind === 'commune');
    const gaps: { lngLat: LngLat; population: number }[] = [];
    coverage.distances.forEach((km, position) => {
      const commune = communes[position];
      if (km > COVERAGE_RANK_KM && commune !== undefined)
        gaps.push({ lngLat: commune.lngLat, population: commune.population });
    });
    return { gaps };
  },
);

/** The outline of the open territory once loaded; nothing while it loads or when it could not be found. */
const selectTerritoryProps: (state: AppState) => TerritoryProps = memoize(
  (state: AppState) => [state.filter.territory ?? null, state.territoryOutline] as const,
  (territory, loaded): TerritoryProps =>
    territory !== null &&
    loaded !== null &&
    loaded.key === formatTerritory(territory) &&
    loaded.outline !== null
      ? { outline: loaded.outline }
      : NO_OUTLINE,
);

const NO_CHOROPLETH: ChoroplethProps = { shapes: [], colours: new Map() };

/** The choropleth's outlines once loaded for its level, and the colours for the current filters. */
const selectChoroplethProps: (state: AppState) => ChoroplethProps = memoize(
  (state: AppState) => [state.choroplethShapes, state.choroplethView] as const,
  (shapes, view): ChoroplethProps =>
    shapes === null || view === null || shapes.level !== view.level || shapes.status !== 'ready'
      ? NO_CHOROPLETH
      : { shapes: shapes.features, colours: view.colourOf },
);

export const selectMapProps: (state: AppState) => MapProps = memoize(
  (state: AppState) =>
    [
      selectStructuresProps(state),
      selectInitiativesProps(state),
      selectSelectionProps(state),
      selectPlaceProps(state),
      selectTerritoryProps(state),
      selectCoverageProps(state),
      selectChoroplethProps(state),
      state.basemap,
    ] as const,
  (structures, initiatives, selection, place, territory, coverage, choropleth, basemap) => ({
    structures,
    initiatives,
    selection,
    place,
    territory,
    coverage,
    choropleth,
    basemap,
  }),
);
