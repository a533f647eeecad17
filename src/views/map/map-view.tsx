import { useEffect, useRef } from 'react';
import { BASEMAP_URL } from '../../config';
import { ZONES } from '../../domain/geo-bounds';
import { useMediaQuery } from '../../hooks/use-media-query';
import { useMessages } from '../../hooks/use-messages';
import { MapController, type MapHandlers } from '../../map/map-controller';
import { selectMapFeatures, selectSelectedStructure, selectTypeColors } from '../../state/selectors';
import { appStore, useAppStore } from '../../state/store';

const METROPOLE = ZONES[0]?.bbox ?? [-5.3, 41.3, 9.6, 51.15];

declare global {
  interface Window {
    /** Read-only hook for browser tests and debugging: what the map draws and whether it has settled. */
    __atlas?: {
      countRenderedStructures(): number;
      project(point: [number, number]): { x: number; y: number };
      idleCount: number;
      structuresSent: number;
    };
  }
}

/** The only component that touches the MapLibre controller. */
export function MapView() {
  const t = useMessages();
  const container = useRef<HTMLElement>(null);
  const controller = useRef<MapController | null>(null);
  const features = useAppStore(selectMapFeatures);
  const colors = useAppStore(selectTypeColors);
  const selected = useAppStore(selectSelectedStructure);
  const selectionOrigin = useAppStore((state) => state.selectionOrigin);
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const handlers = useRef<MapHandlers>({ onSelect: () => {} });
  handlers.current = {
    onSelect: (id) => appStore.getState().selectStructure(id, 'map'),
    onIdle: () => {
      if (window.__atlas) window.__atlas.idleCount += 1;
    },
  };

  useEffect(() => {
    if (container.current === null) return;
    const basemapUrl = new URL(BASEMAP_URL, document.baseURI).href;
    const instance = new MapController(container.current, handlers, { basemapUrl, bounds: METROPOLE });
    controller.current = instance;
    window.__atlas = {
      countRenderedStructures: () => instance.countRenderedStructures(),
      project: (point) => instance.project(point),
      idleCount: 0,
      structuresSent: 0,
    };
    return () => {
      instance.destroy();
      controller.current = null;
      window.__atlas = undefined;
    };
  }, []);

  useEffect(
    function syncStructures() {
      controller.current?.setStructures(features);
      if (window.__atlas) window.__atlas.structuresSent = features.features.length;
    },
    [features],
  );

  useEffect(
    function syncTypeColors() {
      controller.current?.setTypeColors(colors);
    },
    [colors],
  );

  useEffect(
    function syncSelection() {
      controller.current?.setSelectedId(selected?.id ?? null);
      if (selected !== null && selectionOrigin === 'list')
        controller.current?.flyTo(selected.coordinates, 11, !reducedMotion);
    },
    [selected, selectionOrigin, reducedMotion],
  );

  return (
    <div className="map-area">
      <section ref={container} className="map-canvas" aria-label={t('mapLabel')} />
      <nav className="territory-menu" aria-label={t('territoryMenu')}>
        {ZONES.map((zone) => (
          <button
            key={zone.code}
            type="button"
            onClick={() => controller.current?.fitBounds(zone.bbox, !reducedMotion)}
          >
            {t.language === 'fr' ? zone.labelFr : zone.labelEn}
          </button>
        ))}
      </nav>
    </div>
  );
}
