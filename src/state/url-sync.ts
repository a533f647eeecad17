import { selectUrlState } from './selectors';
import type { AppStore } from './store';
import { type Camera, parseUrlState, serializeUrlState } from './url';

type Browser = Pick<Window, 'location' | 'history' | 'addEventListener' | 'removeEventListener'>;

/** How often the address bar may be rewritten (Safari allows 100 updates per 30 s: see MapLibre's hash.ts). */
export const URL_WRITE_INTERVAL_MS = 300;

let currentCamera: Camera | null = null;
let scheduleWrite: () => void = () => {};

/** Called by the map on `moveend`: the camera lives in MapLibre, not in the store, but it belongs in the link. */
export function cameraChanged(camera: Camera): void {
  currentCamera = camera;
  scheduleWrite();
}

/** The link to the current view, as "Copier le lien" copies it. */
export function currentShareUrl(store: AppStore, location: Pick<Location, 'origin' | 'pathname'>): string {
  return `${location.origin}${location.pathname}${serializeUrlState({ ...selectUrlState(store.getState()), camera: currentCamera })}`;
}

/** The link to the current view in the full layout (what an embedded map's "Ouvrir en grand" opens). */
export function fullViewUrl(store: AppStore, location: Pick<Location, 'origin' | 'pathname'>): string {
  return `${location.origin}${location.pathname}${serializeUrlState({ ...selectUrlState(store.getState()), camera: currentCamera, embed: false })}`;
}

/** The link to the current view in the compact layout, for an iframe. */
export function embedUrl(store: AppStore, location: Pick<Location, 'origin' | 'pathname'>): string {
  return `${location.origin}${location.pathname}${serializeUrlState({ ...selectUrlState(store.getState()), camera: currentCamera, embed: true, mobileView: 'carte' })}`;
}

/**
 * Keeps the store and the address bar in step: reads the URL once at start-up, then rewrites it (replaceState,
 * throttled) whenever the state or the camera changes, and re-reads it on back/forward. Returns a stop function.
 */
export function startUrlSync(store: AppStore, browser: Browser = window): () => void {
  const initial = parseUrlState(browser.location.search);
  currentCamera = initial.camera;
  store.getState().urlStateApplied(initial);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastWritten = browser.location.search;
  const write = () => {
    timer = null;
    const search = serializeUrlState({ ...selectUrlState(store.getState()), camera: currentCamera });
    if (search === lastWritten) return;
    lastWritten = search;
    browser.history.replaceState(
      browser.history.state,
      '',
      `${browser.location.pathname}${search}${browser.location.hash}`,
    );
  };
  scheduleWrite = () => {
    if (timer === null) timer = setTimeout(write, URL_WRITE_INTERVAL_MS);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    const next = selectUrlState(state);
    const before = selectUrlState(previous);
    if ((Object.keys(next) as (keyof typeof next)[]).some((key) => next[key] !== before[key]))
      scheduleWrite();
  });
  const onPopState = () => {
    const restored = parseUrlState(browser.location.search);
    lastWritten = browser.location.search;
    if (restored.camera !== null) currentCamera = restored.camera;
    store.getState().urlStateApplied(restored);
  };
  browser.addEventListener('popstate', onPopState);
  return () => {
    unsubscribe();
    browser.removeEventListener('popstate', onPopState);
    if (timer !== null) clearTimeout(timer);
    scheduleWrite = () => {};
  };
}
