import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  browserAvailable,
  openPage,
  requestsOffLocalhost,
  screenshotPath,
  useBrowserSession,
  waitForMap,
} from './harness';

type Feature = { properties: { statut: string; epci: string | null; type: string } };
const dataset = JSON.parse(readFileSync('dist/data/structures.geojson', 'utf8')) as { features: Feature[] };
const run = browserAvailable();
const BREST = '242900314';

describe.runIf(run)('embedding in headless Chromium', () => {
  const session = useBrowserSession();

  it('?embed=1 with a territory and a type: compact layout locked to it, with a link to the full view', async () => {
    const { page, log } = await openPage(session(), { width: 640, height: 480 });
    await page.goto(`${session().baseUrl}?embed=1&territoire=epci:${BREST}&type=fablab`);
    await waitForMap(page);
    expect(await page.locator('.app-header').count()).toBe(0);
    const full = page.getByRole('link', { name: /Ouvrir en grand/ });
    const href = new URL((await full.getAttribute('href')) ?? '');
    expect(href.searchParams.get('embed')).toBeNull();
    expect(href.searchParams.get('territoire')).toBe(`epci:${BREST}`);
    expect(href.searchParams.get('type')).toBe('fablab');
    expect(await full.getAttribute('target')).toBe('_blank');
    // The map first; the list one tap away, narrowed to the territory's fablabs, with no way to leave it.
    expect(await page.locator('.side-panel').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Liste' }).click();
    const expected = dataset.features.filter(
      (feature) =>
        feature.properties.epci === BREST &&
        feature.properties.type === 'fablab' &&
        feature.properties.statut !== 'ferme',
    ).length;
    await expect
      .poll(() => page.getByTestId('result-count').textContent(), { timeout: 15_000 })
      .toMatch(new RegExp(`^${expected === 1 ? '1 structure' : `${expected}\\s?structures`}$`));
    await page.getByRole('region', { name: 'Brest Métropole' }).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('button', { name: 'Fermer la vue territoire' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Intégrer' }).count()).toBe(0);
    await page.screenshot({ path: screenshotPath('embed-territory-640') });
    expect(requestsOffLocalhost(log)).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });

  it('"Intégrer" gives the iframe snippet of the current view, with a preview', async () => {
    const { page, log } = await openPage(session());
    await page.goto(`${session().baseUrl}?type=satt`);
    await waitForMap(page);
    await page.getByRole('button', { name: 'Intégrer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Intégrer cette carte à un site' });
    await dialog.waitFor();
    const code = await dialog.getByLabel('Code à copier').inputValue();
    expect(code).toMatch(
      /^<iframe src="[^"]+" title="Atlas de l'innovation ouverte" width="100%" height="520"/,
    );
    const src = new URL(code.match(/src="([^"]+)"/)?.[1]?.replace(/&amp;/g, '&') ?? '');
    expect(src.searchParams.get('embed')).toBe('1');
    expect(src.searchParams.get('type')).toBe('satt');
    const preview = dialog.locator('iframe.embed-preview');
    expect(await preview.getAttribute('src')).toBe(src.href);
    await page
      .frameLocator('iframe.embed-preview')
      .getByRole('link', { name: /Ouvrir en grand/ })
      .waitFor({ timeout: 30_000 });
    await page.screenshot({ path: screenshotPath('embed-dialog') });
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });
});
