import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { browserAvailable, openPage, useBrowserSession, waitForMap } from './harness';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const run = browserAvailable();

type Violation = { id: string; impact: string | null; nodes: { target: string[] }[] };

/** Runs axe-core (WCAG 2.1 A and AA rules) on the page and returns the violations, with their elements. */
async function audit(page: import('playwright-core').Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: an added <script> tag would be inline, which the app's CSP blocks.
  await page.evaluate(AXE);
  const violations = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((result) => result.violations)`,
  )) as Violation[];
  return violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.nodes
        .map((node) => node.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
}

describe.runIf(run)('accessibility (axe-core, WCAG 2.1 AA)', () => {
  const session = useBrowserSession();

  it('has no violation on the map with filters, list and an open card, in French and in English', async () => {
    const { page } = await openPage(session());
    await page.goto(session().baseUrl);
    await waitForMap(page);
    await page.locator('.list-item').first().click();
    await page.locator('#card-title').waitFor();
    for (const details of await page.locator('details.facet').all())
      await details.evaluate((element) => element.setAttribute('open', ''));
    expect(await audit(page)).toEqual([]);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    expect(await audit(page)).toEqual([]);
    await page.close();
  });

  it('has no violation with a place chosen (combobox open, radius, distances) and with the data-quality dialog open', async () => {
    const { page } = await openPage(session());
    await page.goto(session().baseUrl);
    await waitForMap(page);
    const box = page.getByRole('combobox', { name: 'Autour de' });
    await box.click();
    await box.fill('bre');
    await page.getByRole('option').first().waitFor();
    expect(await audit(page)).toEqual([]);
    await page.getByRole('option', { name: /^Brest Commune/ }).click();
    await page.locator('.list-distance').first().waitFor();
    expect(await audit(page)).toEqual([]);
    await page.getByRole('button', { name: 'Qualité des données' }).click();
    await page.getByRole('dialog', { name: 'Qualité des données' }).getByRole('table').first().waitFor();
    expect(await audit(page)).toEqual([]);
    await page.close();
  });

  it('has no violation with "Données et sources" open, the choropleth on and a territory open; its files are served', async () => {
    const { page } = await openPage(session());
    await page.goto(`${session().baseUrl}?aplat=region&territoire=departement:29`);
    await waitForMap(page);
    await page.locator('.territory-panel h2', { hasText: 'Finistère' }).waitFor({ timeout: 20_000 });
    await page.getByRole('list', { name: /Légende/ }).waitFor({ timeout: 20_000 });
    expect(await audit(page)).toEqual([]);
    await page.getByRole('button', { name: 'Données et sources' }).click();
    const dialog = page.getByRole('dialog', { name: 'Données et sources' });
    await dialog.locator('.data-fields dt').first().waitFor();
    expect(await dialog.locator('.data-fields dt').count()).toBeGreaterThan(20);
    expect(await dialog.textContent()).toContain('Licence Ouverte');
    for (const href of await dialog
      .locator('a[download]')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href)))
      expect((await page.request.get(href)).status()).toBe(200);
    expect(await audit(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await page.close();
  });

  it('would catch a violation (the audit itself works)', async () => {
    const { page } = await openPage(session());
    await page.goto(session().baseUrl);
    await waitForMap(page);
    await page.evaluate(() => {
      const button = document.createElement('button');
      document.querySelector('.side-panel')?.append(button);
    });
    expect((await audit(page)).some((line) => line.startsWith('button-name'))).toBe(true);
    await page.close();
  });
});
