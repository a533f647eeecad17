import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../src/state/store';
import {
  cameraChanged,
  currentShareUrl,
  startUrlSync,
  URL_WRITE_INTERVAL_MS,
} from '../../src/state/url-sync';

function fakeBrowser(search: string) {
  const listeners: Record<string, () => void> = {};
  const browser = {
    location: { search, pathname: '/atlas/', hash: '', origin: 'https://example.org' },
    history: {
      state: null,
      replaceState: vi.fn((_state: unknown, _title: string, url: string) => {
        browser.location.search = url.slice('/atlas/'.length);
      }),
    },
    addEventListener: (type: string, listener: () => void) => {
      listeners[type] = listener;
    },
    removeEventListener: vi.fn(),
  };
  return { browser, listeners };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('startUrlSync', () => {
  it('applies the link at start-up, then writes state and camera changes, throttled', () => {
    vi.useFakeTimers();
    const store = createAppStore();
    const { browser } = fakeBrowser('?type=fablab&id=pole-emc2&lang=en');
    const stop = startUrlSync(store, browser as never);
    expect(store.getState().filter.type).toEqual(['fablab']);
    expect(store.getState().selectedId).toBe('pole-emc2');
    expect(store.getState().language).toBe('en');

    store.getState().toggleFacetValue('type', 'incubateur');
    store.getState().setQuery('lab');
    cameraChanged({ zoom: 8, lat: 48.1, lng: -1.6 });
    expect(browser.history.replaceState).not.toHaveBeenCalled();
    vi.advanceTimersByTime(URL_WRITE_INTERVAL_MS);
    expect(browser.history.replaceState).toHaveBeenCalledTimes(1);
    expect(browser.location.search).toBe(
      '?type=fablab,incubateur&q=lab&id=pole-emc2&carte=8/48.1/-1.6&lang=en',
    );
    expect(currentShareUrl(store, browser.location)).toBe(
      `https://example.org/atlas/${browser.location.search}`,
    );
    stop();
  });

  it('restores the state on back/forward, camera included', () => {
    vi.useFakeTimers();
    const store = createAppStore();
    const { browser, listeners } = fakeBrowser('');
    const stop = startUrlSync(store, browser as never);
    browser.location.search = '?theme=mobilite&carte=9/45.76/4.83';
    listeners.popstate?.();
    expect(store.getState().filter.theme).toEqual(['mobilite']);
    expect(store.getState().cameraCommand?.camera).toEqual({ zoom: 9, lat: 45.76, lng: 4.83 });
    stop();
  });
});
