import turfCircle from '@turf/circle';
import type { Polygon } from 'geojson';
import { type Bitset, createBitset, hasBit, setBit } from './bitset';
import { distanceKm } from './geo';
import type { LngLat } from './types';

/** Radii offered around a place, in km; the default is 20 km. */
export const RADIUS_CHOICES_KM = [5, 10, 20, 30, 50, 100, 200] as const;
export const DEFAULT_RADIUS_KM = 20;

/** A point the user chose: a commune or area from the place search, an address, or their position. */
export type ChosenPlace = {
  readonly label: string;
  readonly lngLat: LngLat;
};

/** Great-circle distances (km) from `center` to every point, in the points' order. */
export function distancesFrom(center: LngLat, points: readonly LngLat[]): Float64Array {
  const distances = new Float64Array(points.length);
  points.forEach((point, position) => {
    distances[position] = distanceKm(center, point);
  });
  return distances;
}

/** The positions within `radiusKm` (inclusive). */
export function withinRadius(distances: Float64Array, radiusKm: number): Bitset {
  const mask = createBitset(distances.length);
  distances.forEach((distance, position) => {
    if (distance <= radiusKm) setBit(mask, position);
  });
  return mask;
}

/** The `count` nearest positions among `candidates` (all when null), nearest first, ties by position. */
export function nearest(distances: Float64Array, candidates: Bitset | null, count: number): number[] {
  const positions: number[] = [];
  for (let position = 0; position < distances.length; position += 1)
    if (candidates === null || hasBit(candidates, position)) positions.push(position);
  return positions
    .sort((left, right) => (distances[left] ?? 0) - (distances[right] ?? 0) || left - right)
    .slice(0, count);
}

/** "4,2 km" under 10 km, "37 km" above, in the given language's number format. */
export function formatDistance(km: number, language: 'fr' | 'en'): string {
  const digits = km < 10 ? 1 : 0;
  const value = new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(km);
  return `${value} km`;
}

/** The radius drawn on the map: a 64-sided polygon around the place (Turf), so it follows the Earth's curvature. */
export function circleAround(center: LngLat, radiusKm: number): Polygon {
  return turfCircle([center[0], center[1]], radiusKm, { steps: 64, units: 'kilometers' }).geometry;
}
