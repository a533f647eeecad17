import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { distanceKm } from '../../src/domain/geo';
import {
  browserAvailable,
  openPage,
  requestsOffLocalhost,
  screenshotPath,
  useBrowserSession,
  waitForMap,
} from './harness';

type Feature = {
  properties: { id: string; nom: string; statut: string };
  geometry: { coordinates: [number, number] };
};
const dataset = JSON.parse(readFileSync('dist/data/structures.geojson', 'utf8')) as { features: Feature[] };
const places = JSON.parse(readFileSync('dist/data/places.json', 'utf8')) as {
  communes: [string, string, string, string, number, number, number][];
};
const run = browserAvailable();

describe.runIf(run)('near me in headless Chromium', () => {
  const session = useBrowserSession();

  it.each([
    ['Gueret', 'Guéret', '23096', 1280],
    ['brest', 'Brest', '29019', 360],
  ])('"%s" finds %s: the count, the list order and the distances agree with the dataset (%s, %i px)', async (typed, name, code, width) => {
    const { page, log } = await openPage(session(), { width, height: 800 });
    await page.goto(session().baseUrl);
    await waitForMap(page);
    if (width < 700) await page.getByRole('button', { name: 'Liste' }).click();
    const commune = places.communes.find(([insee]) => insee === code);
    if (commune === undefined) throw new Error(`no commune ${code} in places.json`);
    const centre: [number, number] = [commune[4], commune[5]];
    const inside = dataset.features
      .filter((feature) => feature.properties.statut !== 'ferme')
      .map((feature) => ({ feature, km: distanceKm(centre, feature.geometry.coordinates) }))
      .filter(({ km }) => km <= 20)
      .sort((left, right) => left.km - right.km);
    expect(inside.length).toBeGreaterThan(0);

    const box = page.getByRole('combobox', { name: 'Autour de' });
    await box.click();
    await box.fill(typed);
    await page
      .getByRole('option', { name: new RegExp(`^${name} Commune`) })
      .first()
      .click();
    await expect
      .poll(() => page.getByTestId('result-count').textContent())
      .toMatch(new RegExp(`^${inside.length}\\s?(structures?)$`));
    const first = page.locator('.list-item').first();
    await expect.poll(() => first.getAttribute('data-id')).toBe(inside[0]?.feature.properties.id);
    const shown = await first.locator('.list-distance').textContent();
    const expectedKm = inside[0]?.km ?? 0;
    expect(shown).toContain(
      expectedKm < 10 ? expectedKm.toFixed(1).replace('.', ',') : String(Math.round(expectedKm)),
    );
    await expect
      .poll(() => new URL(page.url()).searchParams.get('lieu') ?? '')
      .toMatch(new RegExp(`^${name} \\(\\d+\\)$`));
    const wider = dataset.features.filter(
      (feature) =>
        feature.properties.statut !== 'ferme' && distanceKm(centre, feature.geometry.coordinates) <= 50,
    );
    await page.getByRole('combobox', { name: 'Rayon' }).selectOption('50');
    await expect
      .poll(() => page.getByTestId('result-count').textContent())
      .toMatch(new RegExp(`^${wider.length}\\s?(structures?)$`));
    const offHost = requestsOffLocalhost(log);
    expect(offHost).toEqual([]);
    await page.screenshot({ path: screenshotPath(`near-${code}-${width}`) });
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('finds a commune by its postcode', async () => {
    const { page } = await openPage(session());
    await page.goto(session().baseUrl);
    await waitForMap(page);
    const box = page.getByRole('combobox', { name: 'Autour de' });
    await box.click();
    await box.fill('23000');
    await expect.poll(() => page.getByRole('option').first().textContent()).toMatch(/^Guéret Commune/);
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('lieu')).toBe('Guéret (23)');
    await page.close();
  });

  it('falls back to the offline basemap, with a notice, when an online one cannot load', async () => {
    const { page, log } = await openPage(session());
    await page.route('https://tile.openstreetmap.org/**', (route) => route.abort());
    await page.goto(session().baseUrl);
    await waitForMap(page);
    await page.getByRole('combobox', { name: 'Fond de carte' }).selectOption('osm');
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'fond de carte en ligne' }).count())
      .toBe(1);
    expect(await page.getByRole('combobox', { name: 'Fond de carte' }).inputValue()).toBe('hors-ligne');
    expect(log.requests.some((url) => url.startsWith('https://tile.openstreetmap.org/'))).toBe(true);
    await page.screenshot({ path: screenshotPath('basemap-fallback') });
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });
});
