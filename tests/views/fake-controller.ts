import { vi } from 'vitest';

/** Stands in for MapLibre (no WebGL in jsdom): records what MapView asks of the controller. */
export const controller = {
  setStructures: vi.fn(),
  setInitiatives: vi.fn(),
  setTypeColors: vi.fn(),
  setSelectedId: vi.fn(),
  flyTo: vi.fn(),
  jumpTo: vi.fn(),
  fitBounds: vi.fn(),
  destroy: vi.fn(),
  countRenderedStructures: vi.fn(() => 0),
  project: vi.fn(() => ({ x: 0, y: 0 })),
};
