import type { LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { LayerModule } from '../layer-module';
import type { SourceLike } from '../map-like';

export const SOURCE_CHOROPLETH = 'choropleth';
export const LAYER_CHOROPLETH_FILL = 'choropleth-fill';
export const LAYER_CHOROPLETH_LINE = 'choropleth-line';
const NO_DATA = '#e5e7eb';

/**
 * The choropleth: the outlines of a level (regions, departments or intercommunalities) coloured by class. The
 * outlines are sent once per level; a filter only changes each area's colour through feature-state (no setData).
 */
export function createChoroplethLayer(): LayerModule<'choropleth'> {
  return {
    prop: 'choropleth',
    sources(): Record<string, SourceSpecification> {
      return {
        [SOURCE_CHOROPLETH]: {
          type: 'geojson',
          data: { type: 'FeatureCollection', features: [] },
          promoteId: 'code',
        },
      };
    },
    layers(): LayerSpecification[] {
      return [
        {
          id: LAYER_CHOROPLETH_FILL,
          type: 'fill',
          source: SOURCE_CHOROPLETH,
          paint: { 'fill-color': ['coalesce', ['feature-state', 'colour'], NO_DATA], 'fill-opacity': 0.78 },
        },
        {
          id: LAYER_CHOROPLETH_LINE,
          type: 'line',
          source: SOURCE_CHOROPLETH,
          paint: { 'line-color': '#ffffff', 'line-width': 0.6 },
        },
      ];
    },
    mount(context) {
      context.map.on('mousemove', LAYER_CHOROPLETH_FILL, (event) => {
        const code = event.features?.[0]?.properties?.code;
        context.handlers.current.onAreaHover?.(typeof code === 'string' ? code : null, event.point ?? null);
      });
      context.map.on('mouseleave', LAYER_CHOROPLETH_FILL, () =>
        context.handlers.current.onAreaHover?.(null, null),
      );
    },
    update(context, next, previous) {
      if (next.shapes !== previous?.shapes) {
        const source = context.map.getSource(SOURCE_CHOROPLETH) as SourceLike | undefined;
        source?.setData({ type: 'FeatureCollection', features: next.shapes });
      }
      if (next.colours === previous?.colours && next.shapes === previous?.shapes) return;
      for (const shape of next.shapes) {
        const code = shape.properties.code;
        context.map.setFeatureState(
          { source: SOURCE_CHOROPLETH, id: code },
          { colour: next.colours.get(code) ?? null },
        );
      }
    },
  };
}
