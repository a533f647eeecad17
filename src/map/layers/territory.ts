import type { LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { LayerModule } from '../layer-module';
import type { SourceLike } from '../map-like';

export const SOURCE_TERRITORY = 'territory';
export const LAYER_TERRITORY_FILL = 'territory-fill';
export const LAYER_TERRITORY_LINE = 'territory-line';
const TERRITORY_COLOR = '#7c2d12';

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

/** The open territory's outline: a dark line over a faint tint, under the structures. */
export function createTerritoryLayer(): LayerModule<'territory'> {
  return {
    prop: 'territory',
    sources(): Record<string, SourceSpecification> {
      return { [SOURCE_TERRITORY]: { type: 'geojson', data: EMPTY } };
    },
    layers(): LayerSpecification[] {
      return [
        {
          id: LAYER_TERRITORY_FILL,
          type: 'fill',
          source: SOURCE_TERRITORY,
          paint: { 'fill-color': TERRITORY_COLOR, 'fill-opacity': 0.06 },
        },
        {
          id: LAYER_TERRITORY_LINE,
          type: 'line',
          source: SOURCE_TERRITORY,
          paint: { 'line-color': TERRITORY_COLOR, 'line-width': 2.5 },
        },
      ];
    },
    update(context, next) {
      const source = context.map.getSource(SOURCE_TERRITORY) as SourceLike | undefined;
      source?.setData(
        next.outline === null ? EMPTY : { type: 'FeatureCollection', features: [next.outline] },
      );
    },
  };
}
