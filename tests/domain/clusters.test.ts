import Supercluster from 'supercluster';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../scripts/lib/generate-dataset';
import { createBitset, setBit } from '../../src/domain/bitset';
import { buildClusterTree, clusterView, expansionZoom } from '../../src/domain/clusters';
import type { LngLat } from '../../src/domain/types';

/** Points scattered around a few French cities, a stack of five on one spot, and a lone point at sea. */
function generatedPoints(count: number, seed: number): { points: LngLat[]; category: Uint8Array } {
  const random = seededRandom(seed);
  const cities: LngLat[] = [
    [2.35, 48.86],
    [-1.68, 48.11],
    [4.83, 45.76],
    [5.37, 43.3],
    [55.45, -20.88],
  ];
  const points: LngLat[] = [];
  for (let index = 0; index < count; index += 1) {
    const city = cities[Math.floor(random() * cities.length)] as LngLat;
    const spread = random() < 0.5 ? 0.05 : 1.2;
    points.push([city[0] + (random() - 0.5) * spread, city[1] + (random() - 0.5) * spread]);
  }
  for (let index = 0; index < 5; index += 1) points.push([3.06, 50.63]);
  points.push([-4.5, 46.0]);
  const category = Uint8Array.from(points, (_, position) => position % 3);
  return { points, category };
}

const OPTIONS = { radius: 45, maxZoom: 13 };

describe('cluster tree', () => {
  const { points, category } = generatedPoints(3000, 7);
  const tree = buildClusterTree(points, OPTIONS);
  const reference = new Supercluster({ radius: 45, maxZoom: 13, extent: 512 }).load(
    points.map((point, position) => ({
      type: 'Feature' as const,
      properties: { position },
      geometry: { type: 'Point' as const, coordinates: [point[0], point[1]] },
    })),
  );
  const random = seededRandom(99);
  const mask = createBitset(points.length);
  for (let position = 0; position < points.length; position += 1) if (random() < 0.3) setBit(mask, position);
  const filtered = points.map((_, position) => (mask[position >>> 5] ?? 0) & (1 << (position & 31)));

  it('without a filter, shows at each zoom exactly the clusters supercluster shows', () => {
    for (const zoom of [0, 4, 7, 10, 13]) {
      const view = clusterView(tree, zoom, null, category, 3);
      const expected = reference.getClusters([-180, -85, 180, 85], zoom);
      const expectedSizes = expected
        .map((feature) => (feature.properties.cluster ? feature.properties.point_count : 1))
        .filter((size) => size > 1)
        .sort((left, right) => left - right);
      expect(view.clusters.map((cluster) => cluster.count).sort((left, right) => left - right)).toEqual(
        expectedSizes,
      );
      expect(view.singles.length).toBe(expected.length - expectedSizes.length);
    }
  });

  it('under a filter, gives each cluster the count of filtered structures it contains, at three zooms', () => {
    for (const zoom of [3, 6, 9]) {
      const view = clusterView(tree, zoom, mask, category, 3);
      let drawn = view.singles.length;
      for (const feature of reference.getClusters([-180, -85, 180, 85], zoom)) {
        if (!feature.properties.cluster) continue;
        const leaves = reference
          .getLeaves(feature.properties.cluster_id, Number.POSITIVE_INFINITY)
          .map((leaf) => (leaf.properties as { position: number }).position);
        const inFilter = leaves.filter((position) => filtered[position] !== 0);
        if (inFilter.length < 2) continue;
        const shown = view.clusters.filter((cluster) => cluster.count === inFilter.length);
        expect(shown.length).toBeGreaterThan(0);
        const breakdown = [0, 1, 2].map(
          (value) => inFilter.filter((position) => category[position] === value).length,
        );
        expect(shown.some((cluster) => cluster.byCategory.join() === breakdown.join())).toBe(true);
      }
      for (const cluster of view.clusters) {
        expect(cluster.byCategory.reduce((sum, value) => sum + value, 0)).toBe(cluster.count);
        drawn += cluster.count;
      }
      expect(drawn).toBe(filtered.filter((bit) => bit !== 0).length);
    }
  });

  it('draws a cluster left with one filtered member as that structure, at its own place', () => {
    const lone = createBitset(points.length);
    setBit(lone, 10);
    const view = clusterView(tree, 2, lone, category, 3);
    expect(view.clusters).toEqual([]);
    expect(view.singles).toEqual([10]);
  });

  it('keeps only what lies in the view', () => {
    const view = clusterView(tree, 14, null, category, 3, ([lng]) => lng > 50);
    expect(view.clusters).toEqual([]);
    expect(view.singles.every((position) => (points[position] as LngLat)[0] > 50)).toBe(true);
    expect(view.singles.length).toBeGreaterThan(0);
  });

  it('tells the zoom at which a cluster separates, and null for a stack on one spot', () => {
    const stack = createBitset(points.length);
    for (let position = 3000; position < 3005; position += 1) setBit(stack, position);
    const atFive = clusterView(tree, 5, stack, category, 3);
    expect(atFive.clusters).toHaveLength(1);
    const node = atFive.clusters[0]?.node ?? -1;
    expect(expansionZoom(tree, 5, node, stack)).toBeNull();

    const view = clusterView(tree, 4, null, category, 3);
    const big = view.clusters.find((cluster) => cluster.count > 20);
    if (big === undefined) throw new Error('no big cluster at zoom 4');
    const zoom = expansionZoom(tree, 4, big.node, null);
    expect(zoom).toBeGreaterThan(4);
    const members = points.flatMap((_, position) =>
      tree.nodeAt[4]?.[position] === big.node ? [position] : [],
    );
    const after = tree.nodeAt[zoom as number] as Int32Array;
    expect(new Set(members.map((position) => after[position])).size).toBeGreaterThan(1);
    const before = tree.nodeAt[(zoom as number) - 1] as Int32Array;
    expect(new Set(members.map((position) => before[position])).size).toBe(1);
  });
});
