import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { BASEMAP_URL, INSTRUMENT } from '../../config';
import { countBits } from '../../domain/bitset';
import { bboxOf } from '../../domain/geo';
import { ZONES } from '../../domain/geo-bounds';
import { BASEMAP_KINDS, type BasemapKind } from '../../domain/map-props';
import { circleAround } from '../../domain/proximity';
import { useMediaQuery } from '../../hooks/use-media-query';
import { useMessages } from '../../hooks/use-messages';
import type { MessageKey } from '../../i18n/messages';
import { BASEMAP_ATTRIBUTION } from '../../map/basemaps';
import { type InitialView, MapController, type MapHandlers } from '../../map/map-controller';
import { selectMapProps } from '../../state/map-selector';
import { selectSelectedStructure, selectTypes } from '../../state/selectors';
import { appStore, useAppStore } from '../../state/store';
import { cameraChanged } from '../../state/url-sync';
import { ChoroplethControls } from './choropleth-controls';
import { MapUnavailable } from './map-boundary';

const METROPOLE = ZONES[0]?.bbox ?? [-5.3, 41.3, 9.6, 51.15];

declare global {
  interface Window {
    /** Read-only hook for browser tests, benchmarks and debugging: what the map draws and whether it has settled. */
    __atlas?: {
      countRenderedStructures(): number;
      project(point: [number, number]): { x: number; y: number };
      idleCount: number;
      /** `performance.now()` of the first idle with data drawn (navigation to first map). */
      firstIdleAt: number | null;
      /** Frames drawn by the data map and by the basemap (each also fires `atlas-frame-data|basemap`; idle fires `atlas-idle`). */
      frames: { data: number; basemap: number };
      structuresSent: number;
      /** Incremented each time the map is handed a new filtered set; the idle that follows shows it. */
      dataVersion: number;
      idleDataVersion: number;
    };
  }
}

/** The only component that touches the MapLibre controller. */
export function MapView() {
  const t = useMessages();
  const container = useRef<HTMLElement>(null);
  const controller = useRef<MapController | null>(null);
  const props = useAppStore(selectMapProps);
  const types = useAppStore(selectTypes);
  const basemapFailed = useAppStore((state) => state.basemapFailed);
  const coverageLayer = useAppStore((state) => state.coverageLayer);
  /** The map options start open when a link turned one on, or on a wide screen. */
  const [optionsOpen] = useState(
    () =>
      appStore.getState().choropleth !== null ||
      appStore.getState().coverageLayer ||
      (typeof window.matchMedia === 'function' && window.matchMedia('(min-width: 701px)').matches),
  );
  const choropleth = useAppStore((state) => state.choroplethView);
  const [hovered, setHovered] = useState<{ code: string; x: number; y: number } | null>(null);
  const hoveredFigure =
    hovered === null ? undefined : choropleth?.figures.find((figure) => figure.code === hovered.code);
  const basemapId = useId();
  const selected = useAppStore(selectSelectedStructure);
  const selectionOrigin = useAppStore((state) => state.selectionOrigin);
  const cameraCommand = useAppStore((state) => state.cameraCommand);
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const handlers = useRef<MapHandlers>({ onSelect: () => {} });
  /** MapLibre's message when the engine failed before drawing anything (its worker did not load, for instance). */
  const [engineFailure, setEngineFailure] = useState<string | null>(null);
  /** Why the map could not be created on this device (no WebGL), or null. */
  const [unavailable, setUnavailable] = useState<string | null>(null);
  /** The sequence of the last camera command applied; the one present at start-up is the initial view. */
  const lastCommand = useRef(0);
  handlers.current = {
    onSelect: (id) => appStore.getState().selectStructure(id, 'map'),
    onSelectInitiative: (id) => appStore.getState().selectInitiative(id),
    onStackOpened: () => appStore.getState().setOnlyInView(true),
    onViewChange: (bounds, camera) => {
      appStore.getState().mapMoved(bounds);
      cameraChanged(camera);
    },
    onIdle: () => {
      if (INSTRUMENT && window.__atlas) {
        window.__atlas.idleCount += 1;
        window.__atlas.idleDataVersion = window.__atlas.dataVersion;
        if (window.__atlas.firstIdleAt === null && window.__atlas.dataVersion > 0)
          window.__atlas.firstIdleAt = performance.now();
        window.dispatchEvent(new Event('atlas-idle'));
      }
    },
    onBasemapFailed: () => appStore.getState().basemapFailedToLoad(),
    onAreaHover: (code, point) =>
      setHovered(code === null || point === null ? null : { code, x: point.x, y: point.y }),
    onMapFailed: (message) => setEngineFailure((current) => current ?? message),
    onFrame: (map) => {
      if (INSTRUMENT && window.__atlas) {
        window.__atlas.frames[map] += 1;
        window.dispatchEvent(new Event(`atlas-frame-${map}`));
      }
    },
    clusterLabel: (count, parts) => {
      const label = (code: string) => {
        const entry = types.find((type) => type.code === code);
        return entry === undefined ? code : t.language === 'fr' ? entry.labelFr : entry.labelEn;
      };
      const breakdown = parts
        .map((part) => `${label(part.code)}${t.language === 'fr' ? ' : ' : ': '}${part.count}`)
        .join(', ');
      return t('clusterLabel', { count, parts: breakdown });
    },
  };
  /** The filtered set last handed to the map, to count new sets for the test hooks. */
  const lastVisible = useRef<unknown>(null);

  /** Creates the controller before any sync effect runs (layout effects run before passive ones, in order). */
  useLayoutEffect(() => {
    if (container.current === null) return;
    const basemapUrl = new URL(BASEMAP_URL, document.baseURI).href;
    const command = appStore.getState().cameraCommand;
    lastCommand.current = command?.sequence ?? 0;
    const camera = command?.camera;
    const view: InitialView = camera === undefined ? { bounds: METROPOLE } : { camera };
    let instance: MapController;
    try {
      instance = new MapController(container.current, handlers, { basemapUrl, view });
    } catch (error) {
      // No WebGL is expected on some machines: a message, not an error. Anything else goes to the MapBoundary.
      if (!(error instanceof Error && error.name === 'MapUnavailableError')) throw error;
      setUnavailable(error.message);
      return;
    }
    controller.current = instance;
    if (INSTRUMENT)
      window.__atlas = {
        countRenderedStructures: () => instance.countRenderedStructures(),
        project: (point) => instance.project(point),
        idleCount: 0,
        firstIdleAt: null,
        frames: { data: 0, basemap: 0 },
        structuresSent: 0,
        dataVersion: 0,
        idleDataVersion: -1,
      };
    return () => {
      instance.destroy();
      controller.current = null;
      if (INSTRUMENT) window.__atlas = undefined;
    };
  }, []);

  /** A layout effect: the filtered set reaches MapLibre in the same task as the click, not after the next paint. */
  useLayoutEffect(
    function syncMapProps() {
      controller.current?.setProps(props);
      if (INSTRUMENT && window.__atlas && props.structures.visible !== lastVisible.current) {
        lastVisible.current = props.structures.visible;
        if (props.structures.visible !== null) {
          window.__atlas.structuresSent = countBits(props.structures.visible);
          window.__atlas.dataVersion += 1;
        }
      }
    },
    [props],
  );

  useEffect(
    function flyToListSelection() {
      if (selected !== null && selectionOrigin === 'list')
        controller.current?.flyTo(selected.coordinates, 11, !reducedMotion);
    },
    [selected, selectionOrigin, reducedMotion],
  );

  useEffect(
    function applyCameraCommand() {
      if (cameraCommand === null || cameraCommand.sequence === lastCommand.current) return;
      lastCommand.current = cameraCommand.sequence;
      controller.current?.jumpTo(cameraCommand.camera);
    },
    [cameraCommand],
  );

  /** The place and radius shown last; the ones restored with the page keep the link's camera. */
  const shownPlace = useRef(appStore.getState().place);
  const shownRadius = useRef(appStore.getState().radiusKm);
  useEffect(
    function fitToPlace() {
      const { place, radiusKm } = props.place;
      if (place === shownPlace.current && radiusKm === shownRadius.current) return;
      shownPlace.current = place;
      shownRadius.current = radiusKm;
      if (place !== null)
        controller.current?.fitBounds(bboxOf(circleAround(place.lngLat, radiusKm)), !reducedMotion);
    },
    [props.place, reducedMotion],
  );

  /**
   * Fits the map to a territory's outline once it has loaded, once per territory opened; a territory restored with
   * a link that also holds a camera keeps the link's camera.
   */
  const fittedOutline = useRef<unknown>(appStore.getState().cameraCommand === null ? null : 'link-camera');
  useEffect(
    function fitToTerritory() {
      const outline = props.territory.outline;
      if (outline === null) return;
      if (fittedOutline.current === 'link-camera') {
        fittedOutline.current = outline;
        return;
      }
      if (outline === fittedOutline.current) return;
      fittedOutline.current = outline;
      controller.current?.fitBounds(bboxOf(outline), !reducedMotion);
    },
    [props.territory, reducedMotion],
  );

  const sheetRequest = useAppStore((state) => state.sheetRequest);
  useEffect(
    function pictureForTheSheet() {
      if (sheetRequest === 0) return;
      appStore.getState().sheetPictureTaken(sheetRequest, controller.current?.snapshot() ?? null);
    },
    [sheetRequest],
  );

  if (unavailable !== null)
    return (
      <div className="map-area">
        <MapUnavailable reason="webgl" detail={unavailable} />
      </div>
    );
  return (
    <div className="map-area">
      <section ref={container} className="map-canvas" aria-label={t('mapLabel')} />
      {engineFailure !== null && <MapUnavailable reason="engine" detail={engineFailure} />}
      <div className="map-top">
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
        <details className="map-options" open={optionsOpen}>
          <summary>{t('mapOptions')}</summary>
          <ChoroplethControls />
          <label>
            <input
              type="checkbox"
              checked={coverageLayer}
              onChange={(event) => appStore.getState().setCoverageLayer(event.target.checked)}
            />{' '}
            {t('coverageLayer')}
          </label>
        </details>
      </div>
      <div className="basemap-control">
        <label htmlFor={basemapId}>{t('basemapLabel')}</label>{' '}
        <select
          id={basemapId}
          value={props.basemap}
          onChange={(event) => appStore.getState().setBasemap(event.target.value as BasemapKind)}
        >
          {BASEMAP_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`basemap_${kind}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      {hoveredFigure !== undefined && hovered !== null ? (
        <div className="map-tooltip" aria-hidden="true" style={{ left: hovered.x + 12, top: hovered.y + 12 }}>
          {t('choroplethTooltip', {
            name: hoveredFigure.name,
            count: hoveredFigure.count.toLocaleString(t.language === 'fr' ? 'fr-FR' : 'en-GB'),
            rate:
              hoveredFigure.rate === null
                ? '—'
                : hoveredFigure.rate.toLocaleString(t.language === 'fr' ? 'fr-FR' : 'en-GB'),
          })}
        </div>
      ) : null}
      {basemapFailed ? (
        <p className="basemap-notice" role="status">
          {t('basemapFailed')}
        </p>
      ) : null}
      <p className="map-attribution">{BASEMAP_ATTRIBUTION[props.basemap]}</p>
    </div>
  );
}
