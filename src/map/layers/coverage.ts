import type { LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { LayerModule } from '../layer-module';
import type { SourceLike } from '../map-like';

export const SOURCE_COVERAGE = 'coverage';
export const LAYER_COVERAGE = 'coverage-gaps';
const GAP_COLOR = '#b91c1c';

/**
 * The coverage gaps: the centres of the communes farther than 20 km from any structure matching the filters,
 * sized by population, under the structures. Off unless asked for.
 */
export function createCoverageLayer(): LayerModule<'coverage'> {
  return {
    prop: 'coverage',
    sources(): Record<string, SourceSpecification> {
      return { [SOURCE_COVERAGE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } };
    },
    layers(): LayerSpecification[] {
      return [
        {
          id: LAYER_COVERAGE,
          type: 'circle',
          source: SOURCE_COVERAGE,
          paint: {
            'circle-color': GAP_COLOR,
            'circle-opacity': 0.35,
            'circle-radius': [
              'interpolate',
              ['linear'],
              ['sqrt', ['get', 'population']],
              0,
              1.5,
              100,
              5,
              300,
              12,
            ],
          },
        },
      ];
    },
    update(context, next) {
      const source = context.map.getSource(SOURCE_COVERAGE) as SourceLike | undefined;
      source?.setData({
        type: 'FeatureCollection',
        features: next.gaps.map((gap) => ({
          type: 'Feature',
          properties: { population: gap.population },
          geometry: { type: 'Point', coordinates: [gap.lngLat[0], gap.lngLat[1]] },
        })),
      });
    },
  };
}
