import L from 'leaflet';
import 'leaflet.markercluster';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import { type ClickTiming, createTypeFacet, loadFeatures, nextFrame } from '../page-common';

const METROPOLITAN_FRANCE = L.latLngBounds([41.3, -5.2], [51.1, 9.6]);
/** A DOM icon without image, so that single markers need no network and no Leaflet image-path guessing. */
const POINT_ICON = L.divIcon({ className: 'bench-point', iconSize: [10, 10] });

let resolveFirstRender: (time: number) => void = () => {};
const firstRender = new Promise<number>((resolve) => {
  resolveFirstRender = resolve;
});

const features = await loadFeatures();
// Without a tile layer the map has no zoom range, which Leaflet.markercluster needs: 18 is the usual tiles' maximum.
const map = L.map('map', { maxZoom: 18 }).fitBounds(METROPOLITAN_FRANCE);
const facet = createTypeFacet(features, (feature) => {
  const [lng, lat] = feature.geometry.coordinates;
  return L.marker([lat ?? 0, lng ?? 0], { icon: POINT_ICON });
});
const clusters = L.markerClusterGroup({ chunkedLoading: false });
clusters.addLayers([...facet.shown]);
map.addLayer(clusters);
void nextFrame()
  .then(nextFrame)
  .then(() => resolveFirstRender(performance.now()));

/**
 * One facet click: `clearLayers()` then `addLayers()` with the newly shown markers (created once at load).
 * Leaflet.markercluster re-clusters and updates the DOM synchronously, so the change reaches the screen in the
 * frame after `addLayers` returns: `presented` at the first animation frame after it, `settled` at the second
 * (that frame has been painted), and `frames` = 1 when the shown set changed, 0 otherwise (no animation: the
 * zoom does not change).
 */
function click(position: number): Promise<ClickTiming> {
  const { shown, changed } = facet.toggle(position);
  const start = performance.now();
  clusters.clearLayers();
  clusters.addLayers(shown);
  return nextFrame().then(() => {
    const presented = performance.now() - start;
    return nextFrame().then(() => ({
      settled: performance.now() - start,
      presented,
      frames: changed ? 1 : 0,
    }));
  });
}

window.__bench = { firstRender, click };
