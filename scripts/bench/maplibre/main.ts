/// <reference types="vite/client" />
// biome-ignore lint/style/noRestrictedImports: this page runs in the browser, not in Node.
import { type GeoJSONSource, Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import {
  type BenchFeature,
  type ClickTiming,
  createTypeFacet,
  loadFeatures,
  nextFrame,
} from '../page-common';

setWorkerUrl(workerUrl);

const METROPOLITAN_FRANCE: [[number, number], [number, number]] = [
  [-5.2, 41.3],
  [9.6, 51.1],
];
const collection = (features: BenchFeature[]) => ({ type: 'FeatureCollection' as const, features });

let resolveFirstRender: (time: number) => void = () => {};
const firstRender = new Promise<number>((resolve) => {
  resolveFirstRender = resolve;
});

const features = await loadFeatures();
const facet = createTypeFacet(features, (feature) => feature);
const map = new MapLibreMap({
  container: 'map',
  bounds: METROPOLITAN_FRANCE,
  fadeDuration: 0,
  style: {
    version: 8,
    sources: {
      structures: {
        type: 'geojson',
        data: collection([...facet.shown]),
        cluster: true,
        clusterRadius: 45,
        clusterMaxZoom: 13,
      },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#f7f6f2' } },
      {
        id: 'clusters',
        type: 'circle',
        source: 'structures',
        filter: ['has', 'point_count'],
        paint: {
          'circle-color': '#2563eb',
          'circle-opacity': 0.8,
          'circle-radius': ['step', ['get', 'point_count'], 12, 50, 16, 500, 22],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2,
        },
      },
      {
        id: 'points',
        type: 'circle',
        source: 'structures',
        filter: ['!', ['has', 'point_count']],
        paint: {
          'circle-color': '#ea580c',
          'circle-radius': 5,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1,
        },
      },
    ],
  },
});
map.once('idle', () => resolveFirstRender(performance.now()));

/**
 * One facet click: `setData` with the newly shown set, then `settled` at the next `idle` (re-clustered in the
 * worker and drawn), `frames` = `render` events until then, and `presented` at the first animation frame after
 * the first `render`, when that frame has reached the screen.
 */
function click(position: number): Promise<ClickTiming> {
  const { shown } = facet.toggle(position);
  const source = map.getSource<GeoJSONSource>('structures');
  if (!source) return Promise.reject(new Error('no structures source'));
  return new Promise((resolve) => {
    let frames = 0;
    let presented = Number.NaN;
    let settled = Number.NaN;
    const finish = () => {
      if (!Number.isNaN(presented) && !Number.isNaN(settled)) resolve({ settled, presented, frames });
    };
    const onRender = () => {
      frames += 1;
      if (frames === 1) {
        void nextFrame().then(() => {
          presented = performance.now() - start;
          finish();
        });
      }
    };
    map.on('render', onRender);
    map.once('idle', () => {
      settled = performance.now() - start;
      map.off('render', onRender);
      finish();
    });
    const start = performance.now();
    void source.setData(collection(shown));
  });
}

window.__bench = { firstRender, click };
