import type { LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import { circleAround } from '../../domain/proximity';
import type { LayerModule } from '../layer-module';
import type { SourceLike } from '../map-like';

export const SOURCE_PLACE = 'place';
export const LAYER_PLACE_AREA = 'place-radius-fill';
export const LAYER_PLACE_OUTLINE = 'place-radius-line';
export const LAYER_PLACE_POINT = 'place-point';
const PLACE_COLOR = '#1d4ed8';

/** The chosen place and its radius: a dot and a dashed circle under the structures. */
export function createPlaceLayer(): LayerModule<'place'> {
  return {
    prop: 'place',
    sources(): Record<string, SourceSpecification> {
      return { [SOURCE_PLACE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } };
    },
    layers(): LayerSpecification[] {
      return [
        {
          id: LAYER_PLACE_AREA,
          type: 'fill',
          source: SOURCE_PLACE,
          filter: ['==', ['geometry-type'], 'Polygon'],
          paint: { 'fill-color': PLACE_COLOR, 'fill-opacity': 0.07 },
        },
        {
          id: LAYER_PLACE_OUTLINE,
          type: 'line',
          source: SOURCE_PLACE,
          filter: ['==', ['geometry-type'], 'Polygon'],
          paint: { 'line-color': PLACE_COLOR, 'line-width': 2, 'line-dasharray': [2, 2] },
        },
        {
          id: LAYER_PLACE_POINT,
          type: 'circle',
          source: SOURCE_PLACE,
          filter: ['==', ['geometry-type'], 'Point'],
          paint: {
            'circle-color': PLACE_COLOR,
            'circle-radius': 6,
            'circle-stroke-color': '#ffffff',
            'circle-stroke-width': 2,
          },
        },
      ];
    },
    update(context, next) {
      const source = context.map.getSource(SOURCE_PLACE) as SourceLike | undefined;
      if (next.place === null) {
        source?.setData({ type: 'FeatureCollection', features: [] });
        return;
      }
      const [lng, lat] = next.place.lngLat;
      source?.setData({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: {}, geometry: circleAround(next.place.lngLat, next.radiusKm) },
          { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [lng, lat] } },
        ],
      });
    },
  };
}
