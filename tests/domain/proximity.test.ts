import { describe, expect, it } from 'vitest';
import { hasBit } from '../../src/domain/bitset';
import { distancesFrom, formatDistance, nearest, withinRadius } from '../../src/domain/proximity';
import type { LngLat } from '../../src/domain/types';

const brest: LngLat = [-4.486, 48.39];
const points: LngLat[] = [
  [-4.486, 48.39],
  [-4.1, 48.5],
  [-2.76, 48.51],
  [2.35, 48.86],
];

describe('proximity', () => {
  it('measures great-circle distances in km', () => {
    const distances = distancesFrom(brest, points);
    expect(distances[0]).toBe(0);
    expect(distances[1]).toBeGreaterThan(28);
    expect(distances[1]).toBeLessThan(33);
    expect(distances[3]).toBeGreaterThan(500);
    expect(distances[3]).toBeLessThan(510);
  });

  it('keeps what lies within the radius, edge included', () => {
    const distances = Float64Array.from([0, 19.99, 20, 20.01]);
    const mask = withinRadius(distances, 20);
    expect([0, 1, 2, 3].map((position) => hasBit(mask, position))).toEqual([true, true, true, false]);
  });

  it('sorts the nearest first among the candidates', () => {
    const distances = distancesFrom(brest, points);
    expect(nearest(distances, null, 3)).toEqual([0, 1, 2]);
    const candidates = withinRadius(Float64Array.from([999, 999, 0, 0]), 1);
    expect(nearest(distances, candidates, 5)).toEqual([2, 3]);
  });

  it('writes one decimal under 10 km, none above', () => {
    expect(formatDistance(4.25, 'fr')).toBe('4,3 km');
    expect(formatDistance(4.25, 'en')).toBe('4.3 km');
    expect(formatDistance(37.4, 'fr')).toBe('37 km');
  });
});
