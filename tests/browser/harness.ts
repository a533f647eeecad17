import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { type PreviewServer, preview } from 'vite';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/lib/chromium';

/**
 * Whether the browser tier can run. In CI a missing browser is a failure (the suite throws); on a laptop the
 * tier is skipped with a message saying how to install it.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  const message = `Chromium not found at ${CHROMIUM_PATH}: install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`;
  if (process.env.CI) throw new Error(`${message} Browser tests are required in CI.`);
  console.warn(`Skipping browser tests. ${message}`);
  return false;
}

export type Session = {
  browser: Browser;
  server: PreviewServer;
  baseUrl: string;
  /** The log of every context opened by `openPage`/`openContext` since the last test ended. */
  logs: PageLog[];
  close(): Promise<void>;
};

/**
 * Serves the production build
 * (`dist/`, from `npm run build`) on localhost and starts Chromium. Playwright gives each launch a fresh
 * temporary profile (the equivalent of a new `--user-data-dir`) and removes it on close.
 */
export async function startSession(extraFlags: readonly string[] = []): Promise<Session> {
  if (!existsSync('dist/index.html'))
    throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const address = server.resolvedUrls?.local[0];
  if (address === undefined) throw new Error('vite preview did not report its URL');
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_FLAGS, ...extraFlags],
  });
  return {
    browser,
    server,
    baseUrl: address,
    logs: [],
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * What a page did: its requests, console and page errors, and every Content-Security-Policy violation (the
 * `securitypolicyviolation` events, and Chromium's console messages about them: "Refused to …" in older
 * versions, "… violates the following Content Security Policy directive …" in current ones).
 */
export type PageLog = {
  requests: string[];
  consoleErrors: string[];
  pageErrors: string[];
  cspViolations: string[];
};

/** Runs in every document before its scripts: forwards each CSP violation to the test. */
function reportCspViolations() {
  document.addEventListener('securitypolicyviolation', (event) => {
    const report = (window as unknown as { __reportCsp?(text: string): void }).__reportCsp;
    report?.(
      `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`,
    );
  });
}

/** Records, for every page of `context`, its requests, errors and CSP violations into `log`. */
async function watchContext(context: BrowserContext, log: PageLog): Promise<void> {
  await context.exposeFunction('__reportCsp', (text: string) => log.cspViolations.push(text));
  await context.addInitScript(reportCspViolations);
  const watch = (page: Page) => {
    page.on('request', (request) => log.requests.push(request.url()));
    page.on('console', (message) => {
      if (/Content Security Policy|^Refused to/.test(message.text())) log.cspViolations.push(message.text());
      if (message.type() === 'error') log.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => log.pageErrors.push(String(error)));
  };
  for (const page of context.pages()) watch(page);
  context.on('page', watch);
}

function newLog(session: Session): PageLog {
  const log: PageLog = { requests: [], consoleErrors: [], pageErrors: [], cspViolations: [] };
  session.logs.push(log);
  return log;
}

/** A browser context whose pages are all recorded (for tests that need permissions or several pages). */
export async function openContext(
  session: Session,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; log: PageLog }> {
  const context = await session.browser.newContext(options);
  const log = newLog(session);
  await watchContext(context, log);
  return { context, log };
}

/** The requests a page made to anything but this machine (data: and blob: URLs are local). */
export function requestsOffLocalhost(log: PageLog): string[] {
  return log.requests.filter((url) => {
    const { protocol, hostname } = new URL(url);
    return !(
      protocol === 'data:' ||
      protocol === 'blob:' ||
      hostname === '127.0.0.1' ||
      hostname === 'localhost'
    );
  });
}

/** Opens a page that records every request, every console or page error and every CSP violation. */
export async function openPage(
  session: Session,
  viewport = { width: 1280, height: 800 },
): Promise<{ page: Page; log: PageLog }> {
  const { context, log } = await openContext(session, { viewport });
  const page = await context.newPage();
  return { page, log };
}

/**
 * Starts one session (server + Chromium, with `extraFlags` such as `--disable-webgl`) for the enclosing
 * `describe` and closes it afterwards.
 * Returns a getter, since the session exists only once `beforeAll` has run. After each test, the check every
 * browser test shares: no page it opened reported a Content-Security-Policy violation.
 */
export function useBrowserSession(extraFlags: readonly string[] = []): () => Session {
  let session: Session | undefined;
  beforeAll(async () => {
    session = await startSession(extraFlags);
  });
  afterEach(() => {
    const logs = session?.logs.splice(0) ?? [];
    expect(logs.flatMap((log) => log.cspViolations)).toEqual([]);
  });
  afterAll(async () => {
    await session?.close();
  });
  return () => {
    if (session === undefined) throw new Error('the browser session has not started');
    return session;
  };
}

/** Waits until the map has received the data and settled (MapLibre `idle` after the last `setData`). */
export async function waitForMap(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (window.__atlas?.structuresSent ?? 0) > 0 && (window.__atlas?.idleCount ?? 0) > 0,
    null,
    {
      timeout: 30_000,
    },
  );
}

export const SCREENSHOT_DIR = 'test-results/screenshots';
export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return join(SCREENSHOT_DIR, `${name}.png`);
}

export type PixelCensus = { distinctColours: number; matching: number };

/**
 * Decodes a screenshot in the page (a WebGL canvas cannot be read back directly) and counts its distinct colours
 * and the pixels close to `colour` (#rrggbb): a check that the map drew real content, not an empty canvas.
 */
export async function censusOfScreenshot(page: Page, png: Buffer, colour: string): Promise<PixelCensus> {
  return page.evaluate(
    async ({ base64, colour }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      if (context === null) return { distinctColours: 0, matching: 0 };
      context.drawImage(image, 0, 0);
      const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
      const target = [1, 3, 5].map((start) => Number.parseInt(colour.slice(start, start + 2), 16));
      const colours = new Set<number>();
      let matching = 0;
      for (let index = 0; index < data.length; index += 4) {
        const red = data[index] ?? 0;
        const green = data[index + 1] ?? 0;
        const blue = data[index + 2] ?? 0;
        colours.add((red >> 3) * 1024 + (green >> 3) * 32 + (blue >> 3));
        if (
          Math.abs(red - (target[0] ?? 0)) < 12 &&
          Math.abs(green - (target[1] ?? 0)) < 12 &&
          Math.abs(blue - (target[2] ?? 0)) < 12
        ) {
          matching += 1;
        }
      }
      return { distinctColours: colours.size, matching };
    },
    { base64: png.toString('base64'), colour },
  );
}

/** Waits until the map has drawn the latest filtered set handed to it (an `idle` after the last `setData`). */
export async function waitForMapData(page: Page, afterVersion: number): Promise<void> {
  await page.waitForFunction(
    (previous) => {
      const hook = window.__atlas;
      return hook !== undefined && hook.dataVersion > previous && hook.idleDataVersion === hook.dataVersion;
    },
    afterVersion,
    { timeout: 30_000 },
  );
}

export async function dataVersion(page: Page): Promise<number> {
  return page.evaluate(() => window.__atlas?.dataVersion ?? 0);
}
