import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { distanceKm } from '../../src/domain/geo';
import { browserAvailable, openPage, screenshotPath, useBrowserSession, waitForMap } from './harness';

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
    ['Guéret', '23096', 1280],
    ['Brest', '29019', 360],
  ])('%s: the count, the list order and the distances agree with the dataset (%s, %i px)', async (name, code, width) => {
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
    await box.fill(name);
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
    expect(new URL(page.url()).searchParams.get('lieu')).toMatch(new RegExp(`^${name} \\(\\d+\\)$`));
    await page.screenshot({ path: screenshotPath(`near-${code}-${width}`) });
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });
});
