import Supercluster from 'supercluster';
import { type Bitset, hasBit } from './bitset';
import type { LngLat } from './types';

/**
 * The cluster hierarchy of a whole dataset, computed once (supercluster's greedy clustering, the algorithm MapLibre
 * runs in its worker), so that a filter only recounts: for each integer zoom up to `maxZoom`, the cluster that holds
 * each structure position, or -1 when the structure stands alone at that zoom. Above `maxZoom` nothing is clustered.
 */
export type ClusterTree = {
  readonly size: number;
  readonly maxZoom: number;
  /** `nodeAt[zoom][position]`: index of the cluster holding the structure at that zoom, or -1. */
  readonly nodeAt: readonly Int32Array[];
  /** Per cluster: the zoom at which supercluster formed it; it splits into its children one zoom higher. */
  readonly formedAt: Int32Array;
  readonly coordinates: readonly LngLat[];
};

export type ClusterOptions = { readonly radius: number; readonly maxZoom: number };

/** What a zoom shows of the filtered structures: clusters of two or more, and structures standing alone. */
export type ClusterView = {
  readonly clusters: readonly ClusterSummary[];
  /** Positions of the structures drawn as single points. */
  readonly singles: readonly number[];
};

export type ClusterSummary = {
  /** Stable for a dataset, zoom and tree: the key of a marker. */
  readonly node: number;
  readonly count: number;
  /** The mean of the filtered members' coordinates. */
  readonly center: LngLat;
  /** How many members of each category (`categoryOf` values), in category order. */
  readonly byCategory: readonly number[];
};

const WORLD: [number, number, number, number] = [-180, -85, 180, 85];

/** Builds the hierarchy by walking supercluster's tree from the zoom-0 roots with its public API. */
export function buildClusterTree(coordinates: readonly LngLat[], options: ClusterOptions): ClusterTree {
  const { maxZoom } = options;
  const index = new Supercluster<{ position: number }, Record<string, never>>({
    radius: options.radius,
    maxZoom,
    minZoom: 0,
    extent: 512,
  });
  index.load(
    coordinates.map((point, position) => ({
      type: 'Feature' as const,
      properties: { position },
      geometry: { type: 'Point' as const, coordinates: [point[0], point[1]] },
    })),
  );
  const nodeAt = Array.from({ length: maxZoom + 1 }, () => new Int32Array(coordinates.length).fill(-1));
  const formed: number[] = [];
  type Item = ReturnType<typeof index.getClusters>[number];
  const visit = (item: Item, ancestors: readonly [node: number, until: number][]) => {
    const properties = item.properties as { cluster?: boolean; cluster_id?: number; position?: number };
    if (properties.cluster === true && typeof properties.cluster_id === 'number') {
      const children = index.getChildren(properties.cluster_id);
      const until = index.getClusterExpansionZoom(properties.cluster_id) - 1;
      const node = formed.length;
      formed.push(until);
      const chain = [...ancestors, [node, until] as [number, number]];
      for (const child of children) visit(child, chain);
      return;
    }
    const position = properties.position ?? -1;
    let zoom = 0;
    for (const [node, until] of ancestors) {
      for (; zoom <= Math.min(until, maxZoom); zoom += 1) (nodeAt[zoom] as Int32Array)[position] = node;
    }
  };
  for (const root of index.getClusters(WORLD, 0)) visit(root, []);
  return {
    size: coordinates.length,
    maxZoom,
    nodeAt,
    formedAt: Int32Array.from(formed),
    coordinates,
  };
}

/**
 * Recounts the clusters of one zoom for the structures in `mask` (null: all). A cluster left with one filtered
 * member is drawn as that structure; with none, it disappears. `inside` limits the result to a view.
 */
export function clusterView(
  tree: ClusterTree,
  zoom: number,
  mask: Bitset | null,
  categoryOf: ArrayLike<number>,
  categoryCount: number,
  inside: (point: LngLat) => boolean = () => true,
): ClusterView {
  const nodes = tree.nodeAt[Math.floor(zoom)];
  const singles: number[] = [];
  if (nodes === undefined) {
    for (let position = 0; position < tree.size; position += 1) {
      if ((mask === null || hasBit(mask, position)) && inside(tree.coordinates[position] as LngLat))
        singles.push(position);
    }
    return { clusters: [], singles };
  }
  const count = new Map<
    number,
    { members: number; lng: number; lat: number; last: number; byCategory: number[] }
  >();
  for (let position = 0; position < tree.size; position += 1) {
    if (mask !== null && !hasBit(mask, position)) continue;
    const node = nodes[position] ?? -1;
    if (node === -1) {
      if (inside(tree.coordinates[position] as LngLat)) singles.push(position);
      continue;
    }
    const [lng, lat] = tree.coordinates[position] as LngLat;
    let entry = count.get(node);
    if (entry === undefined) {
      entry = { members: 0, lng: 0, lat: 0, last: position, byCategory: new Array(categoryCount).fill(0) };
      count.set(node, entry);
    }
    entry.members += 1;
    entry.lng += lng;
    entry.lat += lat;
    entry.last = position;
    const category = categoryOf[position] ?? 0;
    entry.byCategory[category] = (entry.byCategory[category] ?? 0) + 1;
  }
  const clusters: ClusterSummary[] = [];
  for (const [node, entry] of count) {
    if (entry.members === 1) {
      if (inside(tree.coordinates[entry.last] as LngLat)) singles.push(entry.last);
      continue;
    }
    const center: LngLat = [entry.lng / entry.members, entry.lat / entry.members];
    if (inside(center)) clusters.push({ node, count: entry.members, center, byCategory: entry.byCategory });
  }
  clusters.sort((left, right) => left.node - right.node);
  singles.sort((left, right) => left - right);
  return { clusters, singles };
}

/**
 * The zoom at which the filtered members of a cluster shown at `zoom` stop being one cluster, or `null` when they
 * never separate (they share one spot, e.g. several structures placed at one commune centre).
 */
export function expansionZoom(
  tree: ClusterTree,
  zoom: number,
  node: number,
  mask: Bitset | null,
): number | null {
  const level = Math.floor(zoom);
  const nodes = tree.nodeAt[level];
  if (nodes === undefined) return null;
  const members: number[] = [];
  for (let position = 0; position < tree.size; position += 1) {
    if (nodes[position] === node && (mask === null || hasBit(mask, position))) members.push(position);
  }
  for (let next = level + 1; next <= tree.maxZoom; next += 1) {
    const at = tree.nodeAt[next] as Int32Array;
    const first = at[members[0] ?? 0] ?? -1;
    if (first === -1 || members.some((position) => at[position] !== first)) return next;
  }
  const [lng, lat] = tree.coordinates[members[0] ?? 0] ?? [0, 0];
  const apart = members.some((position) => {
    const point = tree.coordinates[position] as LngLat;
    return point[0] !== lng || point[1] !== lat;
  });
  return apart ? tree.maxZoom + 1 : null;
}
