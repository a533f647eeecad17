import type { LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { LayerModule } from '../layer-module';
import type { SourceLike } from '../map-like';

export const SOURCE_INITIATIVES = 'initiatives';
export const LAYER_INITIATIVES = 'initiative-points';
export const INITIATIVE_COLOR = '#b91c1c';

/** Covid-19 initiatives: an unclustered layer of ringed dots above the structures, hidden until asked for. */
export function createInitiativesLayer(): LayerModule<'initiatives'> {
  return {
    prop: 'initiatives',
    sources(): Record<string, SourceSpecification> {
      return {
        [SOURCE_INITIATIVES]: {
          type: 'geojson',
          data: { type: 'FeatureCollection', features: [] },
          promoteId: 'id',
        },
      };
    },
    layers(): LayerSpecification[] {
      return [
        {
          id: LAYER_INITIATIVES,
          type: 'circle',
          source: SOURCE_INITIATIVES,
          layout: { visibility: 'none' },
          paint: {
            'circle-color': '#ffffff',
            'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 4, 10, 7],
            'circle-stroke-color': INITIATIVE_COLOR,
            'circle-stroke-width': 3,
            'circle-translate': [6, -6],
          },
        },
      ];
    },
    mount(context) {
      context.map.on('click', LAYER_INITIATIVES, (event) => {
        const properties = event.features?.[0]?.properties ?? {};
        if (typeof properties.structureId === 'string' && properties.structureId !== '')
          context.handlers.current.onSelect(properties.structureId);
        else if (typeof properties.initiativeId === 'string')
          context.handlers.current.onSelectInitiative?.(properties.initiativeId);
      });
      context.map.on('mouseenter', LAYER_INITIATIVES, () => {
        context.map.getCanvas().style.cursor = 'pointer';
      });
      context.map.on('mouseleave', LAYER_INITIATIVES, () => {
        context.map.getCanvas().style.cursor = '';
      });
    },
    update(context, next, previous) {
      if (next.points !== previous?.points) {
        const source = context.map.getSource(SOURCE_INITIATIVES) as SourceLike | undefined;
        source?.setData({
          type: 'FeatureCollection',
          features: next.points.map((point) => ({
            type: 'Feature',
            id: point.id,
            properties: { id: point.id, initiativeId: point.initiativeId, structureId: point.structureId },
            geometry: { type: 'Point', coordinates: [point.coordinates[0], point.coordinates[1]] },
          })),
        });
      }
      if (next.visible !== (previous?.visible ?? false))
        context.map.setLayoutProperty(LAYER_INITIATIVES, 'visibility', next.visible ? 'visible' : 'none');
    },
  };
}
