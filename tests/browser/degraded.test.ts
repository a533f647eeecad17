import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, openPage, screenshotPath, useBrowserSession, waitForMap } from './harness';

const run = browserAvailable();

type Collection = { features: { id: string; properties: Record<string, unknown> }[] };
const published = () => JSON.parse(readFileSync('dist/data/structures.geojson', 'utf8')) as Collection;

/** Serves `body` in place of the published file `name` (a string as is, anything else as JSON; null: a 404). */
async function replaceFile(page: Page, name: string, body: unknown): Promise<void> {
  await page.route(`**/${name}`, (route) =>
    body === null
      ? route.fulfill({ status: 404, body: 'not found' })
      : route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: typeof body === 'string' ? body : JSON.stringify(body),
        }),
  );
}

const NO_WEBGL =
  'La carte ne peut pas s’afficher sur cet appareil (WebGL indisponible) ; la liste et les filtres restent utilisables.';

describe.runIf(run)('without WebGL (Chromium --disable-webgl --disable-3d-apis)', () => {
  const session = useBrowserSession(['--disable-webgl', '--disable-3d-apis']);

  it('shows the header, the facets, the list and the cards, and a message in place of the map', async () => {
    const { page, log } = await openPage(session());
    await page.goto(session().baseUrl);
    await expect.poll(() => page.getByText(NO_WEBGL).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe("Atlas de l'innovation ouverte");
    await page.getByRole('checkbox', { name: /^Fablab/ }).check();
    await expect.poll(() => page.locator('.list-item').first().isVisible()).toBe(true);
    const name = await page.locator('.list-item .list-name').first().textContent();
    await page.locator('.list-item').first().click();
    await expect.poll(() => page.getByRole('heading', { level: 2, name: name ?? '' }).isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('no-webgl') });
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect
      .poll(() =>
        page
          .getByText(
            'The map cannot be shown on this device (WebGL unavailable); the list and the filters still work.',
          )
          .isVisible(),
      )
      .toBe(true);
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('works at 360 px: the list view lists and opens cards', async () => {
    const { page, log } = await openPage(session(), { width: 360, height: 740 });
    await page.goto(session().baseUrl);
    await expect.poll(() => page.getByText(NO_WEBGL).isVisible(), { timeout: 15_000 }).toBe(true);
    await page.getByRole('button', { name: 'Liste' }).click();
    await expect.poll(() => page.locator('.list-item').first().isVisible()).toBe(true);
    await page.locator('.list-item').first().click();
    await expect.poll(() => page.locator('.structure-card').isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('no-webgl-mobile') });
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });
});

describe.runIf(run)('a broken deployment', () => {
  const session = useBrowserSession();

  it('without taxonomies.json: codes instead of labels, and a notice that says so', async () => {
    const { page, log } = await openPage(session());
    await replaceFile(page, 'taxonomies.json', null);
    await page.goto(session().baseUrl);
    await waitForMap(page);
    await expect
      .poll(() =>
        page.getByText(/Les libellés des types, thèmes et réseaux n’ont pas pu être chargés/).count(),
      )
      .toBe(1);
    expect(await page.getByRole('checkbox', { name: /^fablab/ }).count()).toBe(1);
    expect(await page.getByText('taxonomies.json: HTTP 404').count()).toBe(1);
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });

  it('with a truncated initiatives.json: says the initiatives could not be loaded, not "1 élément ignoré"', async () => {
    const { page } = await openPage(session());
    await replaceFile(page, 'initiatives.json', '{"datasetVersion":2,"initiatives":[{"id":"cov');
    await page.goto(session().baseUrl);
    await waitForMap(page);
    await expect
      .poll(() => page.getByText('Les initiatives Covid-19 n’ont pas pu être chargées.').count())
      .toBe(1);
    expect(await page.getByText(/ignoré/).count()).toBe(0);
    await page.close();
  });

  it('with territories.json in HTML and aliases.json of another version: each reported, the app still runs', async () => {
    const { page, log } = await openPage(session());
    await replaceFile(page, 'territories.json', '<!doctype html><title>Not found</title>');
    await replaceFile(page, 'aliases.json', { datasetVersion: 1, aliases: {} });
    await page.goto(session().baseUrl);
    await waitForMap(page);
    await expect.poll(() => page.getByText(/noms des régions et des départements/).count()).toBe(1);
    expect(await page.getByText(/Le fichier aliases.json n’est pas de la même version/).count()).toBe(1);
    expect(await page.locator('.list-item').count()).toBeGreaterThan(0);
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });

  it('without MapLibre’s worker: a notice instead of an empty map', async () => {
    const { page } = await openPage(session());
    await page.route('**/maplibre-gl-worker*', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(session().baseUrl);
    await expect
      .poll(() => page.getByText(/La carte n’a pas pu démarrer/).count(), { timeout: 20_000 })
      .toBe(1);
    expect(await page.locator('.list-item').count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe.runIf(run)('hostile data in structures.geojson', () => {
  const session = useBrowserSession();

  /** The published file with one structure carrying a 10,000-character name, a 500-character token and bad links. */
  function hostile(): { collection: Collection; id: string } {
    const collection = published();
    const feature = collection.features.find((item) => item.properties.statut === 'actif');
    if (feature === undefined) throw new Error('no active structure in the published data');
    feature.properties.nom = `${'Nom très long '.repeat(714)}fin`;
    feature.properties.description = `Token ${'x'.repeat(500)} fin.`;
    feature.properties.siteWeb = 'javascript:alert(1)';
    feature.properties.source = `data:text/html,<script>alert(1)</script> | //evil.example/x | https://example.org/${'y'.repeat(500)}`;
    return { collection, id: feature.id };
  }

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 360, height: 740 },
  ]) {
    it(`keeps the card's close button in view and the card bounded at ${viewport.width} px; only http(s) links`, async () => {
      const { collection, id } = hostile();
      const { page, log } = await openPage(session(), viewport);
      await replaceFile(page, 'structures.geojson', collection);
      await page.goto(`${session().baseUrl}?id=${id}`);
      const card = page.locator('.structure-card');
      await expect.poll(() => card.isVisible(), { timeout: 20_000 }).toBe(true);
      const close = card.getByRole('button', { name: 'Fermer' });
      const box = await close.boundingBox();
      expect(box).not.toBeNull();
      expect((box?.x ?? -1) + (box?.width ?? 0)).toBeLessThanOrEqual(viewport.width);
      expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
      expect((box?.y ?? -1) + (box?.height ?? 0)).toBeLessThanOrEqual(viewport.height);
      const slot = await page.locator('.card-slot').boundingBox();
      expect(slot?.height ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(viewport.height);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await card.evaluate((element) => element.closest('.card-slot')?.scrollBy(0, 5000));
      expect(await close.isVisible()).toBe(true);
      const closeAfter = await close.boundingBox();
      expect(closeAfter?.y ?? -1).toBeGreaterThanOrEqual(0);
      const hrefs = await page
        .locator('a[href]')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      expect(hrefs.filter((href) => !/^(https?:|mailto:|\?|#|\.\/)/.test(href ?? ''))).toEqual([]);
      expect(await card.locator('a[href^="https://example.org/"]').count()).toBe(1);
      expect(await page.getByText(/3 élément\(s\) ou lien\(s\) ignoré\(s\)/).count()).toBe(1);
      await page.screenshot({ path: screenshotPath(`long-text-${viewport.width}`) });
      await close.click();
      await expect.poll(() => card.count()).toBe(0);
      expect(log.pageErrors).toEqual([]);
      await page.close();
    });
  }
});
