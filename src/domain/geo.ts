import turfBbox from '@turf/bbox';
import { multiPoint } from '@turf/helpers';
import type { LngLat } from './types';

export type Bbox = readonly [west: number, south: number, east: number, north: number];

/** The bounding box of points, [west, south, east, north]. Wraps Turf so the rest of the app never sees it. */
export function bboxOf(points: readonly LngLat[]): Bbox {
  const [west, south, east, north] = turfBbox(multiPoint(points.map(([lng, lat]) => [lng, lat])));
  return [west, south, east, north];
}
