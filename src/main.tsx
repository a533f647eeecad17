import './zod-config';
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { BASEMAP_URL, BOUNDARIES_URL, DATA_URL } from './config';
import { loadDataset } from './loaders/load-dataset';
import { prepareMapLibre } from './map/map-controller';
import { startChoroplethLoading } from './state/choropleth-loading';
import { startCoverage } from './state/coverage';
import { startPreferencesSync } from './state/preferences-sync';
import { startSearchIndexing } from './state/search-indexing';
import { appStore } from './state/store';
import { startTerritoryLoading } from './state/territory-loading';
import { startUrlSync } from './state/url-sync';

async function load(): Promise<void> {
  appStore.getState().datasetRequested();
  appStore.getState().datasetLoaded(await loadDataset(DATA_URL));
}

prepareMapLibre();
startUrlSync(appStore);
startSearchIndexing(appStore);
startPreferencesSync(appStore);
startChoroplethLoading(appStore);
startCoverage(
  appStore,
  typeof Worker === 'undefined'
    ? null
    : () => new Worker(new URL('./workers/coverage-worker.ts', import.meta.url), { type: 'module' }),
  DATA_URL,
);
startTerritoryLoading(appStore, { data: DATA_URL, basemap: BASEMAP_URL, boundaries: BOUNDARIES_URL });
const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <App onRetry={() => void load()} />
    </StrictMode>,
  );
}
void load();
