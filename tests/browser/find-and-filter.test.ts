import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  browserAvailable,
  dataVersion,
  openContext,
  openPage,
  screenshotPath,
  useBrowserSession,
  waitForMap,
  waitForMapData,
} from './harness';

type Feature = {
  properties: { id: string; nom: string; type: string; themes: string[]; statut: string };
  geometry: { coordinates: [number, number] };
};
const dataset = JSON.parse(readFileSync('dist/data/structures.geojson', 'utf8')) as { features: Feature[] };
const inMetropole = ({
  geometry: {
    coordinates: [lng, lat],
  },
}: Feature) => lng > -6 && lng < 10 && lat > 41 && lat < 52;
const run = browserAvailable();

describe.runIf(run)('find and filter in headless Chromium', () => {
  const session = useBrowserSession();

  it('a type and a theme: the map, the list and the counts agree with the dataset; the link restores the view', async () => {
    const { context } = await openContext(session(), { viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session().baseUrl });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(session().baseUrl);
    await waitForMap(page);

    const expected = dataset.features.filter(
      (feature) =>
        feature.properties.type === 'fablab' &&
        feature.properties.themes.includes('industrie') &&
        feature.properties.statut !== 'ferme',
    );
    expect(expected.length).toBeGreaterThan(20);

    let version = await dataVersion(page);
    await page
      .getByRole('group', { name: /^Type/ })
      .getByRole('checkbox', { name: /^Fablab/ })
      .check();
    await waitForMapData(page, version);
    version = await dataVersion(page);
    await page
      .getByRole('group', { name: /^Thème/ })
      .getByRole('checkbox', { name: /^Industrie/ })
      .check();
    await waitForMapData(page, version);

    await expect
      .poll(() => page.getByTestId('result-count').textContent())
      .toBe(`${expected.length.toLocaleString('fr-FR')} structures`);
    await expect.poll(() => page.evaluate(() => window.__atlas?.structuresSent)).toBe(expected.length);
    await expect
      .poll(() => page.evaluate(() => window.__atlas?.countRenderedStructures() ?? 0), { timeout: 20_000 })
      .toBe(expected.filter(inMetropole).length);
    const listSize = await page.locator('.list-scroller li').first().getAttribute('aria-setsize');
    expect(Number(listSize)).toBe(expected.length);
    await page.screenshot({ path: screenshotPath('filtered-fablab-industrie') });

    await page.getByRole('button', { name: 'Copier le lien' }).click();
    await expect.poll(() => page.getByText('Lien copié').count()).toBe(1);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('type=fablab');
    expect(link).toContain('theme=industrie');

    const restored = await context.newPage();
    await restored.goto(link);
    await waitForMap(restored);
    expect(
      await restored
        .getByRole('group', { name: /^Type/ })
        .getByRole('checkbox', { name: /^Fablab/ })
        .isChecked(),
    ).toBe(true);
    expect(
      await restored
        .getByRole('group', { name: /^Thème/ })
        .getByRole('checkbox', { name: /^Industrie/ })
        .isChecked(),
    ).toBe(true);
    await expect
      .poll(() => restored.getByTestId('result-count').textContent())
      .toBe(`${expected.length.toLocaleString('fr-FR')} structures`);
    await expect.poll(() => restored.evaluate(() => window.location.search)).toBe(new URL(link).search);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reaches a structure card with the keyboard alone, and comes back to the list', async () => {
    const { page } = await openPage(session());
    await page.goto(session().baseUrl);
    await waitForMap(page);
    let onListRow = false;
    for (let presses = 0; presses < 150 && !onListRow; presses += 1) {
      await page.keyboard.press('Tab');
      onListRow = await page.evaluate(() => document.activeElement?.classList.contains('list-item') ?? false);
    }
    expect(onListRow).toBe(true);
    const focusVisible = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement;
      return getComputedStyle(active).outlineStyle !== 'none' && active.matches(':focus-visible');
    });
    expect(focusVisible).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const name = await page.evaluate(
      () => document.activeElement?.querySelector('.list-name')?.textContent ?? '',
    );
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('card-title');
    expect(await page.locator('#card-title').textContent()).toBe(name);
    await page.screenshot({ path: screenshotPath('keyboard-card') });
    await page.keyboard.press('Escape');
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.querySelector('.list-name')?.textContent ?? null),
      )
      .toBe(name);
    await page.close();
  });

  it('works at 360 px: the map and the list switch with a toggle, nothing overflows', async () => {
    const { page, log } = await openPage(session(), { width: 360, height: 740 });
    await page.goto(session().baseUrl);
    await waitForMap(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const mapBox = await page.locator('.map-canvas').boundingBox();
    expect(mapBox?.width).toBeGreaterThan(300);
    expect(mapBox?.height).toBeGreaterThan(400);
    await page.screenshot({ path: screenshotPath('mobile-map') });
    await page.getByRole('button', { name: 'Liste' }).click();
    await expect.poll(() => page.locator('.list-item').first().isVisible()).toBe(true);
    await expect.poll(() => page.locator('.map-canvas').isVisible()).toBe(false);
    await page.screenshot({ path: screenshotPath('mobile-list') });
    await page.locator('.list-item').first().click();
    await page.getByRole('button', { name: 'Carte' }).click();
    const card = await page.locator('.card-slot').boundingBox();
    expect(card?.height ?? 0).toBeLessThan(740 * 0.7);
    await page.screenshot({ path: screenshotPath('mobile-card') });
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });
});
