import type { LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import {
  buildClusterTree,
  type ClusterSummary,
  type ClusterTree,
  clusterView,
  expansionZoom,
} from '../../domain/clusters';
import type { StructuresProps, TypeColor } from '../../domain/map-props';
import type { LngLat } from '../../domain/types';
import type { LayerContext, LayerModule } from '../layer-module';
import type { MarkerLike, SourceLike } from '../map-like';

export const SOURCE_STRUCTURES = 'structures';
export const LAYER_STRUCTURES = 'structure-points';

/** Above this zoom nothing is clustered; structures placed at one commune centre still overlap. */
export const CLUSTER_MAX_ZOOM = 13;
export const CLUSTER_RADIUS = 45;
/** Up to this zoom the whole world is drawn; above it, the view and a margin of one view on each side. */
const WHOLE_WORLD_UP_TO = 6;
const FALLBACK_COLOR = '#555555';
export const CLUSTER_COLOR = '#2b4c7e';

/** A `match` expression that colours a structure by its `type` property. */
export function typeColorExpression(colors: readonly TypeColor[]): unknown {
  if (colors.length === 0) return FALLBACK_COLOR;
  const pairs = colors.flatMap(({ code, color }) => [code, color]);
  return ['match', ['get', 'type'], ...pairs, FALLBACK_COLOR];
}

/** The radius of a cluster's disc, in pixels, by count. */
export function clusterRadius(count: number): number {
  if (count >= 200) return 28;
  if (count >= 50) return 22;
  if (count >= 10) return 17;
  return 13;
}

type Feature = {
  type: 'Feature';
  id: string;
  properties: { id: string; type: string };
  geometry: { type: 'Point'; coordinates: [number, number] };
};

type Marker = { key: string; signature: string; element: HTMLButtonElement; pinned: MarkerLike };

const SVG = 'http://www.w3.org/2000/svg';

/**
 * Draws a cluster as a ring split by type (in the legend's colours) around a disc with the count: built with DOM
 * calls, never from markup strings.
 */
function drawCluster(
  button: HTMLButtonElement,
  cluster: ClusterSummary,
  colors: readonly string[],
  label: string,
): void {
  const radius = clusterRadius(cluster.count);
  const size = radius * 2 + 4;
  const ring = 5;
  const middle = radius - ring / 2;
  const circumference = 2 * Math.PI * middle;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('viewBox', `${-size / 2} ${-size / 2} ${size} ${size}`);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const outline = document.createElementNS(SVG, 'circle');
  outline.setAttribute('r', String(radius + 1.5));
  outline.setAttribute('fill', '#ffffff');
  svg.append(outline);
  let offset = 0;
  cluster.byCategory.forEach((count, category) => {
    if (count === 0) return;
    const length = (count / cluster.count) * circumference;
    const arc = document.createElementNS(SVG, 'circle');
    arc.setAttribute('r', String(middle));
    arc.setAttribute('fill', 'none');
    arc.setAttribute('stroke', colors[category] ?? FALLBACK_COLOR);
    arc.setAttribute('stroke-width', String(ring));
    arc.setAttribute('stroke-dasharray', `${length} ${circumference - length}`);
    arc.setAttribute('stroke-dashoffset', String(-offset));
    arc.setAttribute('transform', 'rotate(-90)');
    svg.append(arc);
    offset += length;
  });
  const disc = document.createElementNS(SVG, 'circle');
  disc.setAttribute('r', String(radius - ring));
  disc.setAttribute('fill', CLUSTER_COLOR);
  svg.append(disc);
  const text = document.createElementNS(SVG, 'text');
  text.setAttribute('text-anchor', 'middle');
  text.setAttribute('dominant-baseline', 'central');
  text.setAttribute('fill', '#ffffff');
  text.textContent = cluster.count >= 10_000 ? `${Math.round(cluster.count / 1000)}k` : String(cluster.count);
  svg.append(text);
  button.replaceChildren(svg);
  button.setAttribute('aria-label', label);
  button.title = label;
}

/**
 * The structures layer. The cluster hierarchy is computed once per dataset on the main thread
 * (`buildClusterTree`); a filter only recounts the clusters of the current zoom from its bitset, draws them as
 * DOM markers (a ring by type, a count, an accessible name) and switches on, through feature-state, the structures
 * that stand alone in and around the view; MapLibre holds every point from the start. Nothing is re-clustered in the
 * worker, no data is re-sent, and the basemap is not touched.
 */
export function createStructuresLayer(): LayerModule<'structures'> & {
  countRendered(context: LayerContext): number;
} {
  let props: StructuresProps | null = null;
  let tree: ClusterTree | null = null;
  /** Per position: whether the structure is drawn as a single point (feature-state `single`). */
  let shown = new Uint8Array(0);
  let shownList: readonly number[] = [];
  let level = -1;
  /** The area the last drawing covered ([west, south, east, north]); null: the whole world. */
  let covered: readonly [number, number, number, number] | null = null;
  let clusters: readonly ClusterSummary[] = [];
  let markers = new Map<string, Marker>();

  const viewArea = (context: LayerContext, zoom: number) => {
    if (zoom <= WHOLE_WORLD_UP_TO) return null;
    const bounds = context.map.getBounds();
    const width = bounds.getEast() - bounds.getWest();
    const height = bounds.getNorth() - bounds.getSouth();
    return [
      bounds.getWest() - width,
      bounds.getSouth() - height,
      bounds.getEast() + width,
      bounds.getNorth() + height,
    ] as const;
  };

  const zoomInto = (context: LayerContext, cluster: ClusterSummary, atLevel: number) => {
    if (tree === null || props === null) return;
    const zoom = expansionZoom(tree, atLevel, cluster.node, props.visible);
    const center: [number, number] = [cluster.center[0], cluster.center[1]];
    if (zoom === null) {
      context.map.easeTo({ center, zoom: CLUSTER_MAX_ZOOM + 1 });
      context.handlers.current.onStackOpened?.();
      return;
    }
    context.map.easeTo({ center, zoom });
  };

  const placeMarkers = (context: LayerContext) => {
    if (props === null) return;
    const current = props;
    const colors = current.points.types.map(
      (code) => current.colors.find((entry) => entry.code === code)?.color ?? FALLBACK_COLOR,
    );
    const next = new Map<string, Marker>();
    for (const cluster of clusters) {
      const key = `${level}:${cluster.node}`;
      const parts = cluster.byCategory
        .map((count, category) => ({ code: current.points.types[category] ?? '', count }))
        .filter((part) => part.count > 0)
        .sort((left, right) => right.count - left.count);
      const lngLat: [number, number] = [cluster.center[0], cluster.center[1]];
      const atLevel = level;
      let marker = markers.get(key);
      if (marker === undefined) {
        const element = document.createElement('button');
        element.type = 'button';
        element.className = 'cluster-marker';
        element.addEventListener('click', (event) => {
          event.stopPropagation();
          const summary = clusters.find((candidate) => `${level}:${candidate.node}` === key);
          if (summary !== undefined) zoomInto(context, summary, atLevel);
        });
        marker = { key, signature: '', element, pinned: context.map.addMarker(element, lngLat) };
      } else {
        marker.pinned.setLngLat(lngLat);
      }
      const label =
        context.handlers.current.clusterLabel?.(cluster.count, parts) ?? `${cluster.count} structures`;
      const signature = `${cluster.byCategory.join(',')}|${colors.join(',')}|${label}`;
      if (marker.signature !== signature) {
        drawCluster(marker.element, cluster, colors, label);
        marker.signature = signature;
        marker.element.dataset.count = String(cluster.count);
      }
      next.set(key, marker);
      markers.delete(key);
    }
    for (const stale of markers.values()) stale.pinned.remove();
    markers = next;
  };

  /**
   * Marks the structures drawn as single points through feature-state: only the points whose role changed are
   * touched, on the main thread, so a filter costs no `setData`, no worker round trip and no tile reload.
   */
  const showSingles = (context: LayerContext, singles: readonly number[]) => {
    if (props === null) return;
    const ids = props.points.ids;
    const next = new Uint8Array(ids.length);
    for (const position of singles) next[position] = 1;
    for (const position of shownList) {
      if (next[position] === 0)
        context.map.setFeatureState(
          { source: SOURCE_STRUCTURES, id: ids[position] ?? '' },
          { single: false },
        );
    }
    for (const position of singles) {
      if (shown[position] !== 1)
        context.map.setFeatureState({ source: SOURCE_STRUCTURES, id: ids[position] ?? '' }, { single: true });
    }
    shown = next;
    shownList = singles;
  };

  const draw = (context: LayerContext) => {
    if (props === null) return;
    if (tree === null || props.visible === null) {
      clusters = [];
      placeMarkers(context);
      showSingles(context, []);
      context.map.triggerRepaint();
      return;
    }
    const zoom = context.map.getZoom();
    level = Math.max(0, Math.floor(zoom));
    covered = viewArea(context, zoom);
    const area = covered;
    const inside =
      area === null
        ? undefined
        : ([lng, lat]: LngLat) => lng >= area[0] && lng <= area[2] && lat >= area[1] && lat <= area[3];
    const view = clusterView(
      tree,
      level,
      props.visible,
      props.points.category,
      props.points.types.length,
      inside,
    );
    clusters = view.clusters;
    placeMarkers(context);
    showSingles(context, view.singles);
    context.map.triggerRepaint();
  };

  return {
    prop: 'structures',
    sources(): Record<string, SourceSpecification> {
      return {
        [SOURCE_STRUCTURES]: {
          type: 'geojson',
          data: { type: 'FeatureCollection', features: [] },
          promoteId: 'id',
        },
      };
    },
    layers(): LayerSpecification[] {
      return [
        {
          id: LAYER_STRUCTURES,
          type: 'circle',
          source: SOURCE_STRUCTURES,
          paint: {
            'circle-color': FALLBACK_COLOR,
            'circle-radius': [
              'case',
              ['!', ['boolean', ['feature-state', 'single'], false]],
              0,
              ['boolean', ['feature-state', 'selected'], false],
              10,
              7,
            ],
            'circle-stroke-color': [
              'case',
              ['boolean', ['feature-state', 'selected'], false],
              '#111111',
              '#ffffff',
            ],
            'circle-stroke-width': [
              'case',
              ['!', ['boolean', ['feature-state', 'single'], false]],
              0,
              ['boolean', ['feature-state', 'selected'], false],
              3,
              1.5,
            ],
          },
        },
      ];
    },
    mount(context) {
      context.map.on('click', LAYER_STRUCTURES, (event) => {
        const id = event.features?.[0]?.properties?.id;
        if (typeof id === 'string') context.handlers.current.onSelect(id);
      });
      context.map.on('mouseenter', LAYER_STRUCTURES, () => {
        context.map.getCanvas().style.cursor = 'pointer';
      });
      context.map.on('mouseleave', LAYER_STRUCTURES, () => {
        context.map.getCanvas().style.cursor = '';
      });
    },
    update(context, next, previous) {
      props = next;
      if (next.points !== previous?.points) {
        tree = buildClusterTree(next.points.coordinates, {
          radius: CLUSTER_RADIUS,
          maxZoom: CLUSTER_MAX_ZOOM,
        });
        const shownIds = previous?.points.ids ?? [];
        for (const position of shownList)
          context.map.setFeatureState(
            { source: SOURCE_STRUCTURES, id: shownIds[position] ?? '' },
            { single: false },
          );
        shown = new Uint8Array(next.points.ids.length);
        shownList = [];
        const source = context.map.getSource(SOURCE_STRUCTURES) as SourceLike | undefined;
        source?.setData({
          type: 'FeatureCollection',
          features: next.points.ids.map((id, position): Feature => {
            const [lng, lat] = next.points.coordinates[position] as LngLat;
            return {
              type: 'Feature',
              id,
              properties: { id, type: next.points.types[next.points.category[position] ?? 0] ?? '' },
              geometry: { type: 'Point', coordinates: [lng, lat] },
            };
          }),
        });
        level = -1;
      }
      if (next.colors !== previous?.colors)
        context.map.setPaintProperty(LAYER_STRUCTURES, 'circle-color', typeColorExpression(next.colors));
      draw(context);
    },
    viewChanged(context) {
      if (props === null || tree === null) return;
      const zoom = context.map.getZoom();
      const changedLevel = Math.max(0, Math.floor(zoom)) !== level;
      const area = covered;
      let outside = false;
      if (area !== null) {
        const bounds = context.map.getBounds();
        outside =
          bounds.getWest() < area[0] ||
          bounds.getSouth() < area[1] ||
          bounds.getEast() > area[2] ||
          bounds.getNorth() > area[3];
      }
      if (changedLevel || outside) draw(context);
    },
    countRendered(context) {
      const bounds = context.map.getBounds();
      let total = 0;
      for (const cluster of clusters) {
        const [lng, lat] = cluster.center;
        if (
          lng >= bounds.getWest() &&
          lng <= bounds.getEast() &&
          lat >= bounds.getSouth() &&
          lat <= bounds.getNorth()
        )
          total += cluster.count;
      }
      const single = new Set(shownList.map((position) => props?.points.ids[position]));
      const seen = new Set<string>();
      for (const feature of context.map.queryRenderedFeatures({ layers: [LAYER_STRUCTURES] })) {
        const id = String(feature.properties?.id);
        if (single.has(id)) seen.add(id);
      }
      return total + seen.size;
    },
  };
}
