import { describe, expect, it } from 'vitest';
import { browserAvailable, openContext, openPage, useBrowserSession, waitForMap } from './harness';

const run = browserAvailable();

describe.runIf(run)('Ma sélection in headless Chromium', () => {
  const session = useBrowserSession();

  it('stars from the list and the card, keeps notes across a reload, and its link restores it in another browser', async () => {
    const { context, log } = await openContext(session(), { viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${session().baseUrl}?type=satt`);
    await waitForMap(page);
    const rows = page.locator('.list-scroller li');
    const firstId = await rows.nth(0).locator('.list-item').getAttribute('data-id');
    const secondName = (await rows.nth(1).locator('.list-name').textContent()) ?? '';
    // From the list: the star of the first row.
    await rows.nth(0).locator('.star-button').click();
    expect(await rows.nth(0).locator('.star-button').getAttribute('aria-pressed')).toBe('true');
    // From the card: open the second, star it, write a note.
    await rows.nth(1).locator('.list-item').click();
    await page.locator('#card-title').waitFor();
    await page
      .getByRole('button', { name: `Ajouter « ${secondName} » à ma sélection` })
      .first()
      .click();
    await page.getByLabel('Ma note (gardée dans ce navigateur)').fill('Rappeler en janvier');

    await page.reload();
    await waitForMap(page);
    const only = page.getByLabel('Seulement ma sélection (2)');
    await only.check();
    await expect.poll(() => page.getByTestId('result-count').textContent()).toMatch(/^2\s?structures$/);
    await page.locator('.list-scroller .list-item', { hasText: secondName }).click();
    expect(await page.getByLabel('Ma note (gardée dans ce navigateur)').inputValue()).toBe(
      'Rappeler en janvier',
    );
    await expect
      .poll(() => new URL(page.url()).searchParams.get('selection') ?? '')
      .toContain(firstId ?? '?');
    const shared = page.url();

    // Elsewhere: a fresh browser profile with nothing stored.
    const other = await openPage(session());
    await other.page.goto(shared);
    await waitForMap(other.page);
    await expect.poll(() => other.page.getByTestId('result-count').textContent()).toMatch(/^2\s?structures$/);
    expect(await other.page.getByLabel('Seulement ma sélection (2)').isChecked()).toBe(true);
    expect(await other.page.locator(`.list-item[data-id="${firstId}"]`).count()).toBe(1);
    expect(log.pageErrors).toEqual([]);
    expect(other.log.pageErrors).toEqual([]);
    await context.close();
    await other.page.close();
  });
});
