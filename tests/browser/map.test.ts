import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  browserAvailable,
  censusOfScreenshot,
  openPage,
  requestsOffLocalhost,
  screenshotPath,
  useBrowserSession,
  waitForMap,
} from './harness';

type Feature = {
  properties: { id: string; nom: string; type: string; statut: string };
  geometry: { coordinates: [number, number] };
};
const dataset = JSON.parse(readFileSync('dist/data/structures.geojson', 'utf8')) as { features: Feature[] };
/** What the map shows by default: every structure but the closed ones. */
const shown = dataset.features.filter((feature) => feature.properties.statut !== 'ferme');
const within = (west: number, south: number, east: number, north: number) =>
  shown.filter(
    ({
      geometry: {
        coordinates: [lng, lat],
      },
    }) => lng > west && lng < east && lat > south && lat < north,
  );
const run = browserAvailable();

describe.runIf(run)('the production build in headless Chromium', () => {
  const session = useBrowserSession();

  it('draws every structure on a map of France, with no request off localhost and no console error', async () => {
    const { page, log } = await openPage(session());
    await page.goto(session().baseUrl);
    await waitForMap(page);

    await page.getByRole('button', { name: 'France métropolitaine' }).click();
    const metropole = within(-6, 41, 10, 52);
    await expect
      .poll(() => page.evaluate(() => window.__atlas?.countRenderedStructures() ?? 0), { timeout: 20_000 })
      .toBe(metropole.length);
    expect(await page.evaluate(() => window.__atlas?.structuresSent)).toBe(shown.length);
    expect(shown.length - metropole.length).toBeGreaterThan(0);

    const mapBox = await page.locator('.map-canvas').boundingBox();
    if (mapBox === null) throw new Error('no map on the page');
    await page.screenshot({ path: screenshotPath('map-metropole') });
    const mapOnly = await page.screenshot({ clip: mapBox });
    const clusters = await censusOfScreenshot(page, mapOnly, '#2b4c7e');
    const sea = await censusOfScreenshot(page, mapOnly, '#d7e6f0');
    const land = await censusOfScreenshot(page, mapOnly, '#fbfaf6');
    const area = mapBox.width * mapBox.height;
    expect(clusters.distinctColours).toBeGreaterThan(50);
    expect(clusters.matching).toBeGreaterThan(500);
    expect(sea.matching / area).toBeGreaterThan(0.05);
    expect(land.matching / area).toBeGreaterThan(0.15);

    const offHost = requestsOffLocalhost(log);
    expect(offHost).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('reaches each overseas region in one click', async () => {
    const { page } = await openPage(session());
    await page.goto(session().baseUrl);
    await waitForMap(page);
    const inReunion = within(55, -22, 56, -20).length;
    expect(inReunion).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'La Réunion' }).click();
    await expect
      .poll(() => page.evaluate(() => window.__atlas?.countRenderedStructures() ?? 0), { timeout: 20_000 })
      .toBe(inReunion);
    await page.screenshot({ path: screenshotPath('map-reunion') });
    await page.close();
  });

  it('opens the card of a structure found in the list, and of one clicked on the map', async () => {
    const { page, log } = await openPage(session());
    await page.goto(session().baseUrl);
    await waitForMap(page);
    const isolated = (feature: Feature) =>
      dataset.features.every((other) => {
        if (other === feature) return true;
        const [lng, lat] = other.geometry.coordinates;
        const [targetLng, targetLat] = feature.geometry.coordinates;
        return Math.abs(lng - targetLng) > 0.1 || Math.abs(lat - targetLat) > 0.1;
      });
    const target = shown.find(
      (feature) => feature.properties.type === 'pole-competitivite' && isolated(feature),
    );
    if (target === undefined) throw new Error('the dataset has no isolated pôle de compétitivité');
    await page.getByRole('searchbox', { name: 'Rechercher une structure' }).fill(target.properties.nom);
    await page.locator(`.list-item[data-id="${target.properties.id}"]`).click();
    await expect.poll(() => page.locator('#card-title').textContent()).toBe(target.properties.nom);
    await page.getByRole('button', { name: 'Fermer' }).click();
    await expect.poll(() => page.locator('#card-title').count()).toBe(0);

    await page.waitForFunction(() => (window.__atlas?.idleCount ?? 0) > 1);
    await page.waitForTimeout(800);
    const point = await page.evaluate(
      ([lng, lat]) => window.__atlas?.project([lng, lat]) ?? null,
      target.geometry.coordinates,
    );
    const box = await page.locator('.map-data canvas').boundingBox();
    if (point === null || box === null) throw new Error('no map canvas');
    await page.mouse.click(box.x + point.x, box.y + point.y);
    await expect
      .poll(() => page.locator('#card-title').textContent(), { timeout: 10_000 })
      .toBe(target.properties.nom);
    await page.screenshot({ path: screenshotPath('card') });
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });
});

describe.runIf(run)('clusters in headless Chromium', () => {
  const session = useBrowserSession();

  it('are buttons named by their count and types; their counts add up, and Enter on one zooms in', async () => {
    const { page, log } = await openPage(session());
    await page.goto(session().baseUrl);
    await waitForMap(page);
    await page.getByRole('button', { name: 'France métropolitaine' }).click();
    await page.waitForFunction(() => (window.__atlas?.idleCount ?? 0) > 1);
    const cluster = page.getByRole('button', { name: /^Groupe de \d+ structures \(.+\) : zoomer$/ }).first();
    const name = (await cluster.getAttribute('aria-label')) ?? '';
    const count = Number(/Groupe de (\d+)/.exec(name)?.[1]);
    const parts = [...name.matchAll(/: (\d+)/g)].map((match) => Number(match[1]));
    expect(parts.reduce((sum, value) => sum + value, 0)).toBe(count);
    expect(await cluster.locator('text').textContent()).toBe(String(count));
    const zoomBefore = await page.evaluate(() => window.__atlas?.idleCount ?? 0);
    await cluster.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((before) => (window.__atlas?.idleCount ?? 0) > before, zoomBefore);
    await page.waitForTimeout(800);
    const url = new URL(page.url());
    expect(Number(url.searchParams.get('carte')?.split('/')[0])).toBeGreaterThan(5);
    await page.screenshot({ path: screenshotPath('cluster-zoomed') });
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });
});
