import { useMessages } from './hooks/use-messages';
import { appStore, useAppStore } from './state/store';
import { FacetPanel } from './views/filters/facet-panel';
import { PlaceSearch } from './views/filters/place-search';
import { ResultBar } from './views/filters/result-bar';
import { SearchBox } from './views/filters/search-box';
import { DataSourcesEntry } from './views/layout/data-sources-entry';
import { EmbedHeader } from './views/layout/embed-header';
import { QualityEntry } from './views/layout/quality-entry';
import { StatusBanner } from './views/layout/status-banner';
import { ViewSwitch } from './views/layout/view-switch';
import { MapBoundary } from './views/map/map-boundary';
import { MapView } from './views/map/map-view';
import { InitiativeCard } from './views/structure-detail/initiative-card';
import { StructureCard } from './views/structure-detail/structure-card';
import { StructureList } from './views/structure-list/structure-list';
import { TerritorySlot } from './views/territory/territory-slot';

/** Page shell: header, side panel (search, filters, list), the map and the card over it. Layout only. */
export function App({ onRetry }: { onRetry(): void }) {
  const t = useMessages();
  const language = useAppStore((state) => state.language);
  const mobileView = useAppStore((state) => state.mobileView);
  const embed = useAppStore((state) => state.embed);
  return (
    <div className="app" lang={language} data-view={mobileView} data-embed={embed ? 'true' : undefined}>
      {embed ? (
        <EmbedHeader />
      ) : (
        <header className="app-header">
          <div>
            <h1>{t('appTitle')}</h1>
            <p className="subtitle">{t('appSubtitle')}</p>
          </div>
          <DataSourcesEntry />
          <QualityEntry />
          <button
            type="button"
            className="language"
            lang={language === 'fr' ? 'en' : 'fr'}
            aria-label={t('switchLanguageLabel')}
            onClick={() => appStore.getState().setLanguage(language === 'fr' ? 'en' : 'fr')}
          >
            {t('switchLanguage')}
          </button>
        </header>
      )}
      <ViewSwitch />
      <main className="app-main">
        <aside className="side-panel">
          <StatusBanner onRetry={onRetry} />
          <PlaceSearch />
          <SearchBox />
          <ResultBar />
          <div className="filters-scroll">
            <TerritorySlot />
            <FacetPanel />
          </div>
          <StructureList />
        </aside>
        <div className="map-column">
          <MapBoundary>
            <MapView />
          </MapBoundary>
          <div className="card-slot">
            <StructureCard />
            <InitiativeCard />
          </div>
        </div>
      </main>
    </div>
  );
}
