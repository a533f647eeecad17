import { vi } from 'vitest';

/** Stands in for MapLibre (no WebGL in jsdom): records what MapView asks of the controller. */
export const controller = {
  setProps: vi.fn(),
  flyTo: vi.fn(),
  jumpTo: vi.fn(),
  fitBounds: vi.fn(),
  destroy: vi.fn(),
  countRenderedStructures: vi.fn(() => 0),
  project: vi.fn(() => ({ x: 0, y: 0 })),
};

type SentProps = {
  structures: { points: { ids: readonly string[] }; visible: Uint32Array | null };
  initiatives: { points: readonly { id: string }[]; visible: boolean };
  selection: { id: string | null };
};

/** The props MapView last handed to the controller. */
export function lastProps(): SentProps {
  const props = controller.setProps.mock.lastCall?.[0] as SentProps | undefined;
  if (props === undefined) throw new Error('MapView has not handed the map any props');
  return props;
}

/** The ids of the structures the map was last asked to draw, sorted. */
export function mapIds(): string[] {
  const { points, visible } = lastProps().structures;
  if (visible === null) return [];
  return points.ids
    .filter((_, position) => ((visible[position >>> 5] ?? 0) & (1 << (position & 31))) !== 0)
    .sort();
}
