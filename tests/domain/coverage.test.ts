import { distance } from 'geokdbush';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../scripts/lib/generate-dataset';
import { createBitset, fullBitset, setBit } from '../../src/domain/bitset';
import { type CoverageCommunes, summarizeCoverage } from '../../src/domain/coverage';
import { nearestDistances } from '../../src/domain/coverage-distances';

/** One degree of latitude on a sphere of radius 6,371 km. */
const KM_PER_DEGREE = (2 * Math.PI * 6371) / 360;
const north = (km: number) => 45 + km / KM_PER_DEGREE;

/**
 * A structure at (0°, 45°) and four communes due north of it at 5, 15, 30 and 60 km, with 100, 200, 300 and 400
 * inhabitants (1,000 in all): beyond 10 km live 900, beyond 20 km 700, beyond 50 km 400.
 */
const communes: CoverageCommunes = {
  codes: ['c5', 'c15', 'c30', 'c60'],
  epci: ['', 'A', 'A', 'B'],
  departement: ['01', '01', '01', '01'],
  region: ['84', '84', '84', '84'],
  population: Float64Array.from([100, 200, 300, 400]),
  lngLat: Float64Array.from([0, north(5), 0, north(15), 0, north(30), 0, north(60)]),
};
/** The structure, and a second one next to the farthest commune. */
const points = Float64Array.from([0, 45, 0, north(60)]);
const onlyFirst = createBitset(2);
setBit(onlyFirst, 0);

describe('coverage gaps', () => {
  it('measures each commune to its nearest matching structure, Infinity beyond the search radius', () => {
    const distances = nearestDistances(communes.lngLat, points, onlyFirst, 50);
    expect(distances[0]).toBeCloseTo(5, 3);
    expect(distances[1]).toBeCloseTo(15, 3);
    expect(distances[2]).toBeCloseTo(30, 3);
    expect(distances[3]).toBe(Number.POSITIVE_INFINITY);
    expect([...nearestDistances(communes.lngLat, points, createBitset(2), 50)]).toEqual(
      Array(4).fill(Number.POSITIVE_INFINITY),
    );
  });

  it('gives the population beyond 10, 20 and 50 km and ranks intercommunalities by the population beyond 20 km', () => {
    const summary = summarizeCoverage(communes, nearestDistances(communes.lngLat, points, onlyFirst, 50));
    expect(summary.population).toBe(1000);
    expect(summary.beyond).toEqual([
      { km: 10, population: 900, share: 0.9 },
      { km: 20, population: 700, share: 0.7 },
      { km: 50, population: 400, share: 0.4 },
    ]);
    expect(summary.epci).toEqual([
      { code: 'B', population: 400 },
      { code: 'A', population: 300 },
    ]);
  });

  it('follows the filter: with the second structure matching, the farthest commune is covered', () => {
    const summary = summarizeCoverage(communes, nearestDistances(communes.lngLat, points, fullBitset(2), 50));
    expect(summary.beyond.map((entry) => entry.population)).toEqual([500, 300, 0]);
    expect(summary.epci).toEqual([{ code: 'A', population: 300 }]);
  });

  it('sums over the communes of one territory only when asked', () => {
    const distances = nearestDistances(communes.lngLat, points, onlyFirst, 50);
    const inA = summarizeCoverage(communes, distances, (commune) => communes.epci[commune] === 'A');
    expect(inA.population).toBe(500);
    expect(inA.beyond.map((entry) => entry.share)).toEqual([1, 0.6, 0]);
  });

  it('counts a commune exactly at a threshold as within it; ranks by inhabitants, then by code, up to the limit', () => {
    const flat: CoverageCommunes = {
      codes: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
      epci: ['Y', 'X', 'Z', '', 'W', 'V', 'U'],
      departement: Array(7).fill('01'),
      region: Array(7).fill('84'),
      population: Float64Array.from([50, 50, 80, 1_000, 0, 10, 20]),
      lngLat: new Float64Array(14),
    };
    // a to f beyond 20 km; g exactly at 20 km, so only beyond 10; f exactly at 50 km, so not beyond 50.
    const distances = Float64Array.from([25, 21, 60, 30, 40, 50, 20]);
    const summary = summarizeCoverage(flat, distances);
    expect(summary.population).toBe(1_210);
    expect(summary.beyond.map((entry) => entry.population)).toEqual([1_210, 1_190, 80]);
    // No intercommunality for d, nobody in e: neither is ranked.
    expect(summary.epci).toEqual([
      { code: 'Z', population: 80 },
      { code: 'X', population: 50 },
      { code: 'Y', population: 50 },
      { code: 'V', population: 10 },
    ]);
    expect(summarizeCoverage(flat, distances, () => true, 2).epci.map((entry) => entry.code)).toEqual([
      'Z',
      'X',
    ]);
    const nobody = summarizeCoverage(flat, distances, () => false);
    expect(nobody.population).toBe(0);
    expect(nobody.beyond.map((entry) => entry.share)).toEqual([0, 0, 0]);
    expect(nobody.epci).toEqual([]);
  });
});

describe('nearest distances against brute force', () => {
  it('finds, for every commune, the nearest matching structure among many, anywhere in France', () => {
    const random = seededRandom(7);
    const coordinates = (count: number) =>
      Float64Array.from({ length: count * 2 }, (_, index) =>
        index % 2 === 0 ? -4.5 + random() * 12 : 42.5 + random() * 8,
      );
    const structures = coordinates(40);
    const centres = coordinates(200);
    const matching = createBitset(40);
    for (let position = 0; position < 40; position += 3) setBit(matching, position);
    const distances = nearestDistances(centres, structures, matching, 150);
    let beyond = 0;
    for (let commune = 0; commune < 200; commune += 1) {
      let best = Number.POSITIVE_INFINITY;
      for (let position = 0; position < 40; position += 3) {
        const km = distance(
          centres[commune * 2] ?? 0,
          centres[commune * 2 + 1] ?? 0,
          structures[position * 2] ?? 0,
          structures[position * 2 + 1] ?? 0,
        );
        best = Math.min(best, km);
      }
      if (best > 150) {
        beyond += 1;
        expect(distances[commune]).toBe(Number.POSITIVE_INFINITY);
      } else expect(distances[commune]).toBeCloseTo(best, 9);
    }
    expect(beyond).toBeGreaterThan(0);
    expect(beyond).toBeLessThan(200);
    expect(nearestDistances(centres, structures, createBitset(40), 150).every((km) => km === Infinity)).toBe(
      true,
    );
  });
});
