import '@testing-library/jest-dom/vitest';

/**
 * jsdom does no layout, so every element measures 0×0 and the virtualised list would render no row.
 * Give elements a plausible size (a 360×800 panel), as a browser would.
 */
if (typeof HTMLElement !== 'undefined') {
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 800 });
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 360 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 360 });
  HTMLElement.prototype.getBoundingClientRect = function getBoundingClientRect() {
    return {
      x: 0,
      y: 0,
      top: 0,
      left: 0,
      bottom: 800,
      right: 360,
      width: 360,
      height: 800,
      toJSON: () => ({}),
    } as DOMRect;
  };
}

/** jsdom has no ResizeObserver: report the element's (stubbed) size once, as a browser does on observe. */
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  class ImmediateResizeObserver {
    constructor(private readonly callback: ResizeObserverCallback) {}
    observe(target: Element) {
      const rect = target.getBoundingClientRect();
      this.callback(
        [
          {
            target,
            contentRect: rect,
            borderBoxSize: [{ inlineSize: rect.width, blockSize: rect.height }],
          } as unknown as ResizeObserverEntry,
        ],
        this as unknown as ResizeObserver,
      );
    }
    unobserve() {}
    disconnect() {}
  }
  Object.assign(window, { ResizeObserver: ImmediateResizeObserver });
}
