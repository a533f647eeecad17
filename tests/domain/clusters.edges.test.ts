import Supercluster from 'supercluster';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../scripts/lib/generate-dataset';
import { createBitset, setBit } from '../../src/domain/bitset';
import { buildClusterTree, clusterView, expansionZoom } from '../../src/domain/clusters';
import type { LngLat } from '../../src/domain/types';

function bitsetOf(size: number, positions: readonly number[]) {
  const mask = createBitset(size);
  for (const position of positions) setBit(mask, position);
  return mask;
}

/** Two points 730 m apart in Paris: one cluster at low zooms, two singles from some zoom on. */
const PAIR: LngLat[] = [
  [2.35, 48.86],
  [2.36, 48.86],
];

/** The zoom from which supercluster shows `points` (a pair) as two singles. */
function separationZoom(points: readonly LngLat[], radius: number): number {
  const reference = new Supercluster({ radius, maxZoom: 22, extent: 512 }).load(
    points.map((point, position) => ({
      type: 'Feature' as const,
      properties: { position },
      geometry: { type: 'Point' as const, coordinates: [point[0], point[1]] },
    })),
  );
  const [root] = reference.getClusters([-180, -85, 180, 85], 0);
  return reference.getClusterExpansionZoom(root?.properties.cluster_id as number);
}

describe('buildClusterTree, small trees', () => {
  it('numbers clusters from 0 and holds a pair together up to the zoom before supercluster splits it', () => {
    const split = separationZoom(PAIR, 60);
    expect(split).toBeGreaterThan(3);
    const tree = buildClusterTree(PAIR, { radius: 60, maxZoom: 20 });
    expect([...tree.formedAt]).toEqual([split - 1]);
    for (let zoom = 0; zoom <= 20; zoom += 1)
      expect([...(tree.nodeAt[zoom] as Int32Array)]).toEqual(zoom < split ? [0, 0] : [-1, -1]);
  });

  it('leaves a lone point out of every cluster', () => {
    const tree = buildClusterTree([[2.35, 48.86]], { radius: 60, maxZoom: 4 });
    expect(tree.formedAt).toHaveLength(0);
    expect(tree.nodeAt.map((nodes) => nodes[0])).toEqual([-1, -1, -1, -1, -1]);
  });
});

describe('clusterView, view limits and order', () => {
  // Paris pair (0, 1), Lyon pair (2, 3), Rennes alone (4): two clusters and a single at zoom 5.
  const points: LngLat[] = [...PAIR, [4.83, 45.76], [4.84, 45.76], [-1.68, 48.11]];
  const tree = buildClusterTree(points, { radius: 45, maxZoom: 13 });
  const category = [0, 1, 0, 1, 2];
  const west = ([lng]: LngLat) => lng < 3;

  it('at zoom 5, shows the two pairs as clusters and Rennes alone', () => {
    const view = clusterView(tree, 5, null, category, 3);
    expect(view.clusters.map((cluster) => [cluster.count, cluster.byCategory])).toEqual(
      expect.arrayContaining([
        [2, [1, 1, 0]],
        [2, [1, 1, 0]],
      ]),
    );
    expect(view.singles).toEqual([4]);
  });

  it('keeps only the clusters whose centre and the singles that lie in the view', () => {
    const view = clusterView(tree, 5, null, category, 3, west);
    expect(view.clusters.map((cluster) => cluster.center)).toEqual([[2.355, 48.86]]);
    expect(view.singles).toEqual([4]);
    const east = clusterView(tree, 5, null, category, 3, ([lng]) => lng > 3);
    expect(east.clusters.map((cluster) => cluster.center)).toEqual([[4.835, 45.76]]);
    expect(east.singles).toEqual([]);
  });

  it('draws a cluster left with one filtered member only when that member is in the view, singles in order', () => {
    const mask = bitsetOf(points.length, [0, 2, 3, 4]);
    expect(clusterView(tree, 5, mask, category, 3).singles).toEqual([0, 4]);
    const east = clusterView(tree, 5, mask, category, 3, ([lng]) => lng > 3);
    expect(east.singles).toEqual([]);
    expect(east.clusters.map((cluster) => cluster.count)).toEqual([2]);
  });

  it('above the last clustered zoom and below zoom 0, shows the filtered structures in the view one by one', () => {
    const mask = bitsetOf(points.length, [0, 1, 4]);
    expect(clusterView(tree, 14, mask, category, 3)).toEqual({ clusters: [], singles: [0, 1, 4] });
    expect(clusterView(tree, 14, mask, category, 3, west)).toEqual({ clusters: [], singles: [0, 1, 4] });
    expect(clusterView(tree, 14, null, category, 3, ([lng]) => lng > 0)).toEqual({
      clusters: [],
      singles: [0, 1, 2, 3],
    });
    expect(clusterView(tree, -1, null, category, 3)).toEqual({ clusters: [], singles: [0, 1, 2, 3, 4] });
  });

  it('lists clusters by node and singles by position, on a large filtered dataset', () => {
    const random = seededRandom(3);
    const many: LngLat[] = Array.from({ length: 2000 }, () => [-2 + random() * 8, 43 + random() * 7]);
    const big = buildClusterTree(many, { radius: 45, maxZoom: 13 });
    const mask = bitsetOf(
      many.length,
      many.flatMap((_, position) => (random() < 0.4 ? [position] : [])),
    );
    const ascending = (values: readonly number[]) =>
      values.every((value, index) => index === 0 || value > (values[index - 1] as number));
    for (const zoom of [3, 5, 7, 9]) {
      const view = clusterView(big, zoom, mask, new Uint8Array(many.length), 1);
      expect(view.clusters.length).toBeGreaterThan(1);
      expect(ascending(view.clusters.map((cluster) => cluster.node))).toBe(true);
      expect(ascending(view.singles)).toBe(true);
    }
  });
});

describe('expansionZoom, edge cases', () => {
  it('is the zoom at which a pair splits into two singles, also when that is the last clustered zoom', () => {
    const split = separationZoom(PAIR, 60);
    const tree = buildClusterTree(PAIR, { radius: 60, maxZoom: 20 });
    expect(expansionZoom(tree, 0, 0, null)).toBe(split);
    expect(expansionZoom(tree, split - 1, 0, null)).toBe(split);
    const lastZoom = buildClusterTree(PAIR, { radius: 60, maxZoom: split });
    expect(expansionZoom(lastZoom, 0, 0, null)).toBe(split);
  });

  it('is null outside the clustered zooms', () => {
    const tree = buildClusterTree(PAIR, { radius: 60, maxZoom: 3 });
    expect(expansionZoom(tree, 4, 0, null)).toBeNull();
    expect(expansionZoom(tree, -1, 0, null)).toBeNull();
  });

  it('is the zoom after the last clustered one for members apart in longitude or in latitude only', () => {
    const options = { radius: 60, maxZoom: 5 };
    const byLongitude = buildClusterTree(
      [
        [2.35, 48.86],
        [2.35001, 48.86],
      ],
      options,
    );
    expect(expansionZoom(byLongitude, 2, 0, null)).toBe(6);
    const byLatitude = buildClusterTree(
      [
        [2.35, 48.86],
        [2.35, 48.86001],
      ],
      options,
    );
    expect(expansionZoom(byLatitude, 2, 0, null)).toBe(6);
  });

  it('counts only the filtered members: two on one spot never separate, with a third nearby they do', () => {
    const points: LngLat[] = [
      [2.35, 48.86],
      [2.35, 48.86],
      [2.36, 48.86],
    ];
    const tree = buildClusterTree(points, { radius: 60, maxZoom: 20 });
    const node = tree.nodeAt[0]?.[0] ?? -1;
    expect(tree.nodeAt[0]?.[2]).toBe(node);
    expect(expansionZoom(tree, 0, node, bitsetOf(3, [0, 1]))).toBeNull();
    expect(expansionZoom(tree, 0, node, null)).toBe(separationZoom(points, 60));
  });
});
