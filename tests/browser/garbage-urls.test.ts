import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { garbageQueries } from '../fixtures/garbage-urls';
import { browserAvailable, openPage, type PageLog, useBrowserSession, waitForMap } from './harness';

const run = browserAvailable();

/**
 * 1,024 generated query strings (seeded: tests/fixtures/garbage-urls.ts; the unit test
 * tests/state/url.property.test.ts runs `parseUrlState` on 10,000). Loading each page would take half an hour on
 * a small machine, so most are applied to one running app the way back/forward applies a link (`replaceState`,
 * then `popstate`, which `src/state/url-sync.ts` handles), one rendered frame each; a few dozen are real
 * navigations, which exercise start-up with a garbage link. Those are shorter than 4,000 characters: past about
 * 16 KB the preview server itself refuses the request (HTTP 431), as static hosts do from 8 KB.
 */
const QUERIES = garbageQueries(1_200);
const NAVIGATIONS = QUERIES.filter((query) => query.length < 4_000).slice(0, 24);
const APPLIED = QUERIES.filter((query) => !NAVIGATIONS.includes(query)).slice(0, 1_000);
const CHUNK = 50;

const COUNT = /^\d[\d\s\u202f,]* structures?$/;

/** A query string short enough for a failure message. */
const shown = (query: string) => JSON.stringify(query.length > 160 ? `${query.slice(0, 160)}…` : query);

/** The app still stands: the count reads as a count, and the list shows rows or says it is empty. */
async function expectAppStanding(page: Page, log: PageLog, queries: readonly string[]): Promise<void> {
  const context = `after ${queries.map(shown).join('\n')}`;
  expect(log.pageErrors, context).toEqual([]);
  expect(log.consoleErrors, context).toEqual([]);
  await expect
    .poll(() => page.getByTestId('result-count').textContent(), { message: context })
    .toMatch(COUNT);
  expect(await page.locator('.structure-list').isVisible(), context).toBe(true);
  const rows = await page.locator('.structure-list .list-item, .structure-list .list-empty').count();
  expect(rows, context).toBeGreaterThan(0);
}

describe.runIf(run)('garbage in the link', () => {
  const session = useBrowserSession();

  it(`${APPLIED.length} generated links applied by back/forward in one page: no error, the list and the count stay`, async () => {
    const { page, log } = await openPage(session());
    await page.goto(session().baseUrl);
    await waitForMap(page);
    const total = await page.getByTestId('result-count').textContent();
    for (let start = 0; start < APPLIED.length; start += CHUNK) {
      const chunk = APPLIED.slice(start, start + CHUNK);
      await page.evaluate(async (queries) => {
        for (const query of queries) {
          history.replaceState(history.state, '', `${location.pathname}?${query}`);
          dispatchEvent(new PopStateEvent('popstate'));
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
      }, chunk);
      await expectAppStanding(page, log, chunk);
    }
    await page.evaluate(() => {
      history.replaceState(history.state, '', location.pathname);
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await expect.poll(() => page.getByTestId('result-count').textContent()).toBe(total);
    expect(await page.locator('.list-scroller .list-item').count()).toBeGreaterThan(0);
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  }, 120_000);

  it(`${NAVIGATIONS.length} generated links opened as pages: each starts, with its count and its list`, async () => {
    const { page, log } = await openPage(session());
    for (const query of NAVIGATIONS) {
      await page.goto(`${session().baseUrl}?${query}`);
      await page.waitForFunction(() => (window.__atlas?.dataVersion ?? 0) > 0, null, { timeout: 20_000 });
      await expectAppStanding(page, log, [query]);
    }
    await page.close();
  }, 120_000);
});
