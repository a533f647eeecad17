import { describe, expect, it } from 'vitest';
import { isInFrance, zoneOf } from '../../src/domain/geo-bounds';

/** Mayotte's box: [44.95, -13.05, 45.32, -12.6] (west, south, east, north). */
describe('zoneOf / isInFrance', () => {
  it('includes every edge of a zone', () => {
    for (const point of [
      [44.95, -12.8],
      [45.32, -12.8],
      [45.1, -13.05],
      [45.1, -12.6],
    ] as const)
      expect(zoneOf(point)?.code, String(point)).toBe('mayotte');
  });

  it('excludes a point just outside each side', () => {
    for (const point of [
      [44.94, -12.8],
      [45.33, -12.8],
      [45.1, -13.06],
      [45.1, -12.59],
    ] as const)
      expect(isInFrance(point), String(point)).toBe(false);
  });
});
