import type { LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { LayerModule } from '../layer-module';
import { SOURCE_STRUCTURES } from './structures';

/**
 * The selected structure, ringed through `feature-state` on the structures source: no layer or data is rebuilt.
 * MapLibre keeps a feature's state across `setData`, so a structure that leaves a cluster shows its ring.
 */
export function createSelectionLayer(): LayerModule<'selection'> {
  return {
    prop: 'selection',
    sources(): Record<string, SourceSpecification> {
      return {};
    },
    layers(): LayerSpecification[] {
      return [];
    },
    update(context, next, previous) {
      const before = previous?.id ?? null;
      if (next.id === before) return;
      if (before !== null)
        context.map.setFeatureState({ source: SOURCE_STRUCTURES, id: before }, { selected: false });
      if (next.id !== null)
        context.map.setFeatureState({ source: SOURCE_STRUCTURES, id: next.id }, { selected: true });
    },
  };
}
