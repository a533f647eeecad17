import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
  properties: { id: string; statut: string; epci: string | null; codeInsee: string; departement: string };
};
const dataset = JSON.parse(readFileSync('dist/data/structures.geojson', 'utf8')) as { features: Feature[] };
const places = JSON.parse(readFileSync('dist/data/places.json', 'utf8')) as {
  epci: [string, string, number, number, number, string, string][];
};
const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const run = browserAvailable();

const BREST = '242900314';
/** The territory outline's colour (src/map/layers/territory.ts). */
const OUTLINE = '#7c2d12';
const shown = (feature: Feature) => feature.properties.statut !== 'ferme';

describe.runIf(run)('territory view in headless Chromium', () => {
  const session = useBrowserSession();

  it('an intercommunality picked in the place search: outline drawn, count and per-100,000 figure right, restored by its link', async () => {
    const { page, log } = await openPage(session(), { width: 1280, height: 800 });
    await page.goto(session().baseUrl);
    await waitForMap(page);
    const before = await censusOfScreenshot(page, await page.locator('.map-canvas').screenshot(), OUTLINE);

    const box = page.getByRole('combobox', { name: 'Autour de' });
    await box.click();
    await box.fill('Brest Métropole');
    await page.getByRole('option', { name: /^Brest Métropole Intercommunalité/ }).click();

    const inside = dataset.features.filter((feature) => feature.properties.epci === BREST && shown(feature));
    expect(inside.length).toBeGreaterThan(5);
    await expect
      .poll(() => page.getByTestId('result-count').textContent())
      .toMatch(new RegExp(`^${inside.length}\\s?structures$`));
    const panel = page.getByRole('region', { name: 'Brest Métropole' });
    await panel.waitFor();
    const population = places.epci.find(([code]) => code === BREST)?.[4] ?? 0;
    const rate = (Math.round((inside.length * 1_000_000) / population) / 10).toFixed(1).replace('.', ',');
    expect(await panel.getByTestId('territory-summary').textContent()).toContain(
      `${rate} pour 100 000 habitants`,
    );
    // The table's first row (all types) repeats the count; its columns compare with Finistère, Bretagne, France.
    const headers = await panel.locator('.territory-table thead th').allTextContents();
    expect(headers.slice(2)).toEqual(['Finistère', 'Bretagne', 'France']);
    expect(
      await panel.locator('.territory-table tbody tr').first().locator('td').first().textContent(),
    ).toMatch(new RegExp(`^${inside.length}`));
    // Brest Métropole is ranked among the intercommunalities of the Finistère.
    expect(await panel.locator('.territory-peers tr[aria-current="true"]').count()).toBe(1);
    // The coverage gaps, computed in a Web Worker: three distances, shares as percentages.
    const coverage = panel.getByTestId('coverage-table');
    await coverage.waitFor({ timeout: 20_000 });
    expect(await coverage.locator('tbody tr').count()).toBe(3);
    expect(await coverage.locator('tbody tr td').nth(1).textContent()).toMatch(/%$/);

    await expect.poll(() => new URL(page.url()).searchParams.get('territoire')).toBe(`epci:${BREST}`);
    await page.waitForFunction(() => (window.__atlas?.idleCount ?? 0) > 0);
    await expect
      .poll(
        async () =>
          (await censusOfScreenshot(page, await page.locator('.map-canvas').screenshot(), OUTLINE)).matching,
        { timeout: 20_000 },
      )
      .toBeGreaterThan(before.matching + 300);
    await page.screenshot({ path: screenshotPath('territory-epci-1280') });

    // Through the DevTools protocol: an added <script> tag would be inline, which the app's CSP blocks.
    await page.evaluate(AXE);
    const violations = (await page.evaluate(
      `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((result) => result.violations.map((v) => v.id + ' ' + v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')))`,
    )) as string[];
    expect(violations).toEqual([]);

    // The printed sheet: the map's picture, then a PDF (A4) of one page.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await page.getByRole('button', { name: 'Imprimer la fiche' }).click();
    await page.waitForFunction(() => (window as unknown as { printed: number }).printed === 1);
    const picture = await page.locator('img.sheet-map').getAttribute('src');
    expect(picture?.startsWith('data:image/png;base64,')).toBe(true);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(screenshotPath('territory-sheet').replace(/\.png$/, '.pdf'), pdf);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBe(1);
    await page.emulateMedia({ media: 'screen' });

    const link = page.url();
    const again = await openPage(session(), { width: 360, height: 800 });
    await again.page.goto(link);
    await waitForMap(again.page);
    await again.page.getByRole('button', { name: 'Liste' }).click();
    await again.page.getByRole('region', { name: 'Brest Métropole' }).waitFor();
    expect(await again.page.getByTestId('result-count').textContent()).toMatch(
      new RegExp(`^${inside.length}\\s?structures$`),
    );
    await again.page.screenshot({ path: screenshotPath('territory-epci-360') });

    expect(requestsOffLocalhost(log)).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    expect(again.log.pageErrors).toEqual([]);
    await page.close();
    await again.page.close();
  });

  it('opens a commune from a card, and says so when a link names an unknown territory', async () => {
    const { page, log } = await openPage(session());
    await page.goto(`${session().baseUrl}?territoire=epci:999999999`);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Territoire introuvable' }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await page.getByRole('button', { name: 'Fermer la vue territoire' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('territoire')).toBeNull();

    await page.locator('.list-item').first().click();
    await page.locator('#card-title').waitFor();
    const commune = await page.locator('.list-item').first().getAttribute('data-id');
    await page.getByRole('button', { name: 'Voir la commune' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('territoire') ?? '').toMatch(/^commune:/);
    await page.locator('.territory-panel h2').waitFor();
    const code = dataset.features.find((feature) => feature.properties.id === commune)?.properties.codeInsee;
    expect(new URL(page.url()).searchParams.get('territoire')).toBe(`commune:${code}`);
    const inCommune = dataset.features.filter(
      (feature) => feature.properties.codeInsee === code && shown(feature),
    );
    await expect
      .poll(() => page.getByTestId('result-count').textContent())
      .toMatch(
        new RegExp(`^${inCommune.length === 1 ? '1 structure' : `${inCommune.length}\\s?structures`}$`),
      );
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });

  it('colours the departments by count: legend, map colours, and a table whose counts equal the dataset', async () => {
    const { page, log } = await openPage(session());
    await page.goto(`${session().baseUrl}?aplat=departement`);
    await waitForMap(page);
    const legend = page.getByRole('list', { name: /Légende/ });
    await legend.waitFor({ timeout: 20_000 });
    expect(await legend.locator('li').count()).toBe(5);
    await page.getByText(/^Tableau des 101 territoires$/).click();
    const table = page.getByTestId('choropleth-table');
    expect(await table.locator('tbody tr').count()).toBe(101);
    const byDepartement = new Map<string, number>();
    for (const feature of dataset.features.filter(shown))
      byDepartement.set(
        feature.properties.departement,
        (byDepartement.get(feature.properties.departement) ?? 0) + 1,
      );
    for (const code of ['29', '75', '2A', '974', '23']) {
      const cell = await table.locator(`tr[data-code="${code}"] td`).first().textContent();
      expect(Number((cell ?? '').replace(/\s/g, ''))).toBe(byDepartement.get(code) ?? 0);
    }
    // The darkest class is painted on the map.
    await expect
      .poll(
        async () =>
          (await censusOfScreenshot(page, await page.locator('.map-canvas').screenshot(), '#253494'))
            .matching,
        { timeout: 20_000 },
      )
      .toBeGreaterThan(200);
    await page.getByRole('combobox', { name: 'Mesure' }).selectOption('rate');
    await expect.poll(() => new URL(page.url()).searchParams.get('mesure')).toBe('habitants');
    await page.screenshot({ path: screenshotPath('choropleth-departements-1280') });
    expect(requestsOffLocalhost(log)).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });
});
