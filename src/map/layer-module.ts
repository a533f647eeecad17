import type { LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { MapProps } from '../domain/map-props';
import type { MapHandlers, MapLike } from './map-like';

/** What a layer module may use: the data map, and the handlers through which map events reach the app. */
export type LayerContext = {
  readonly map: MapLike;
  readonly handlers: { readonly current: MapHandlers };
};

/**
 * One layer of the data map (react-map-gl's `setProps(next, prev)` diffing, per layer): its sources and layer
 * specs go into the style, `mount` binds its events once, and `update` runs only when its own prop changed.
 */
export type LayerModule<Key extends keyof MapProps> = {
  readonly prop: Key;
  sources(): Record<string, SourceSpecification>;
  layers(): LayerSpecification[];
  mount?(context: LayerContext): void;
  update(context: LayerContext, next: MapProps[Key], previous: MapProps[Key] | undefined): void;
  /** The camera stopped or crossed an integer zoom: for layers whose content depends on the view. */
  viewChanged?(context: LayerContext): void;
};

export type AnyLayerModule = { [Key in keyof MapProps]: LayerModule<Key> }[keyof MapProps];

/** Hands a module its prop when it changed identity; returns whether it did. */
export function updateIfChanged<Key extends keyof MapProps>(
  module: LayerModule<Key>,
  context: LayerContext,
  next: MapProps,
  previous: MapProps | null,
): boolean {
  const value = next[module.prop];
  const before = previous?.[module.prop];
  if (previous !== null && value === before) return false;
  module.update(context, value, before);
  return true;
}
