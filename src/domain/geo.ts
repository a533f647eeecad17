import turfBbox from '@turf/bbox';
import turfDistance from '@turf/distance';
import type { GeoJSON } from 'geojson';
import type { LngLat } from './types';

export type Bbox = readonly [west: number, south: number, east: number, north: number];

/** The bounding box of any GeoJSON object, [west, south, east, north]. Wraps Turf so the rest of the code never sees it. */
export function bboxOf(geojson: GeoJSON): Bbox {
  const [west, south, east, north] = turfBbox(geojson);
  return [west, south, east, north];
}

/** Great-circle distance between two points, in kilometres. */
export function distanceKm(from: LngLat, to: LngLat): number {
  return turfDistance([from[0], from[1]], [to[0], to[1]], { units: 'kilometers' });
}
