import { useMessages } from './hooks/use-messages';
import { appStore, useAppStore } from './state/store';
import { StatusBanner } from './views/layout/status-banner';
import { Legend } from './views/legend/legend';
import { MapView } from './views/map/map-view';
import { StructureCard } from './views/structure-detail/structure-card';
import { StructureList } from './views/structure-list/structure-list';

/** Page shell: header, side panel (legend, card, list) and the map. Layout only. */
export function App({ onRetry }: { onRetry(): void }) {
  const t = useMessages();
  const language = useAppStore((state) => state.language);
  return (
    <div className="app" lang={language}>
      <header className="app-header">
        <div>
          <h1>{t('appTitle')}</h1>
          <p className="subtitle">{t('appSubtitle')}</p>
        </div>
        <button
          type="button"
          className="language"
          lang={language === 'fr' ? 'en' : 'fr'}
          onClick={() => appStore.getState().setLanguage(language === 'fr' ? 'en' : 'fr')}
        >
          {t('switchLanguage')}
        </button>
      </header>
      <main className="app-main">
        <aside className="side-panel">
          <StatusBanner onRetry={onRetry} />
          <StructureCard />
          <Legend />
          <StructureList />
        </aside>
        <MapView />
      </main>
    </div>
  );
}
