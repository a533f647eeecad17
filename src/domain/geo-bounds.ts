import type { LngLat } from './types';

/** A named lon/lat rectangle, west-south-east-north. */
export type Zone = {
  readonly code: string;
  readonly labelFr: string;
  readonly labelEn: string;
  readonly bbox: readonly [west: number, south: number, east: number, north: number];
};

/**
 * The parts of France the atlas covers: metropolitan France with Corsica, and the five overseas regions.
 * Their rectangles (with a small margin) catch coordinates that are swapped, mistyped or outside France.
 */
export const ZONES: readonly Zone[] = [
  {
    code: 'metropole',
    labelFr: 'France métropolitaine',
    labelEn: 'Metropolitan France',
    bbox: [-5.3, 41.3, 9.6, 51.15],
  },
  { code: 'guadeloupe', labelFr: 'Guadeloupe', labelEn: 'Guadeloupe', bbox: [-61.85, 15.8, -60.95, 16.55] },
  { code: 'martinique', labelFr: 'Martinique', labelEn: 'Martinique', bbox: [-61.25, 14.38, -60.8, 14.9] },
  { code: 'guyane', labelFr: 'Guyane', labelEn: 'French Guiana', bbox: [-54.65, 2.1, -51.6, 5.8] },
  { code: 'reunion', labelFr: 'La Réunion', labelEn: 'Réunion', bbox: [55.2, -21.4, 55.85, -20.85] },
  { code: 'mayotte', labelFr: 'Mayotte', labelEn: 'Mayotte', bbox: [44.95, -13.05, 45.32, -12.6] },
];

export function zoneOf(point: LngLat): Zone | undefined {
  const [lng, lat] = point;
  return ZONES.find(
    ({ bbox: [west, south, east, north] }) => lng >= west && lng <= east && lat >= south && lat <= north,
  );
}

export function isInFrance(point: LngLat): boolean {
  return zoneOf(point) !== undefined;
}
