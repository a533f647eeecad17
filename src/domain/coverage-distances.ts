import { around, distance } from 'geokdbush';
import KDBush from 'kdbush';
import { type Bitset, hasBit } from './bitset';

/**
 * For each commune centre (`centres`: lng, lat pairs), the great-circle distance (km) from it to the nearest matching structure, or
 * Infinity beyond `maxKm`. `points` holds lng, lat pairs of every structure; `matching` says which count.
 * A k-d tree of the matching structures (kdbush) and a nearest-neighbour search on the sphere (geokdbush).
 */
export function nearestDistances(
  centres: Float64Array,
  points: Float64Array,
  matching: Bitset,
  maxKm: number,
): Float64Array {
  const kept: number[] = [];
  for (let position = 0; position * 2 < points.length; position += 1)
    if (hasBit(matching, position)) kept.push(position);
  const distances = new Float64Array(centres.length / 2).fill(Number.POSITIVE_INFINITY);
  if (kept.length === 0) return distances;
  const index = new KDBush(kept.length);
  for (const position of kept) index.add(points[position * 2] ?? 0, points[position * 2 + 1] ?? 0);
  index.finish();
  for (let commune = 0; commune < distances.length; commune += 1) {
    const lng = centres[commune * 2] ?? 0;
    const lat = centres[commune * 2 + 1] ?? 0;
    const [nearest] = around(index, lng, lat, 1, maxKm);
    if (nearest === undefined) continue;
    const position = kept[nearest] ?? 0;
    distances[commune] = distance(lng, lat, points[position * 2] ?? 0, points[position * 2 + 1] ?? 0);
  }
  return distances;
}
