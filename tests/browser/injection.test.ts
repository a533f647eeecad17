import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, openContext, useBrowserSession, waitForMap } from './harness';

const run = browserAvailable();

/** What every payload sets if it ever runs as script. */
const FLAG = '__injected';

/**
 * Markup, script, event-handler attributes, `javascript:` and `data:` URLs, template syntax, HTML entities and
 * bidirectional overrides. Rendered as text they are harmless; interpreted anywhere they set `window.__injected`
 * or open a dialog.
 */
const PAYLOADS = [
  `<img src=x onerror="window.${FLAG}=1;alert(1)">`,
  `<script>window.${FLAG}=1;alert(2)</script>`,
  `javascript:window.${FLAG}=1;alert(3)`,
  `" onmouseover="window.${FLAG}=1" autofocus onfocus="alert(4)" x="`,
  `' onclick='window.${FLAG}=1' x='`,
  `{{constructor.constructor('window.${FLAG}=1;alert(5)')()}}`,
  `\${window.${FLAG}=1}`,
  `<svg onload="window.${FLAG}=1"><a xlink:href="javascript:alert(6)">svg</a></svg>`,
  `<iframe srcdoc="<script>parent.${FLAG}=1</script>"></iframe>`,
  `<a href="javascript:window.${FLAG}=1">lien</a>`,
  `data:text/html,<script>window.${FLAG}=1</script>`,
  `<style>body{display:none}</style><b>gras</b>`,
  '&lt;b&gt;entité&lt;/b&gt; &amp; &#60;i&#62;',
  'Big \u202egnp.exe\u202c Booster \u2066isolé\u2069 \u200f',
] as const;

/** A 10 KB string of markup: long, and still shown as text. */
const LONG = `<b onmouseover="window.${FLAG}=1">x</b>`.repeat(290);

/** Where a link's value goes: only http(s) may become an `href`; the rest must be dropped or shown as text. */
const BAD_LINKS = [
  `javascript:window.${FLAG}=1`,
  `JaVaScRiPt:window.${FLAG}=1`,
  ` javascript:alert(7)`,
  `data:text/html,<script>window.${FLAG}=1</script>`,
  'vbscript:msgbox(1)',
  '//evil.example/x',
  `https://example.org/"><img src=x onerror="window.${FLAG}=1">`,
] as const;

const payload = (index: number) => PAYLOADS[index % PAYLOADS.length] ?? '';
const labelled = (index: number, text: string) => `${payload(index)} ${text}`;

const BREST = '29019';

type Properties = Record<string, unknown> & { id: string; codeInsee: string; nom: string };
type Feature = { id: string; properties: Properties };
type Named = Record<string, unknown> & { labelFr: string; labelEn: string };

const readJson = <T>(name: string): T => JSON.parse(readFileSync(`dist/data/${name}`, 'utf8')) as T;

/**
 * The fixture: the published files of this build with a payload in every text field. Structures: all of Brest
 * (the territory opened below) and 30 others; codes stay valid so that every structure loads.
 */
function injectedFiles(): Record<string, unknown> {
  const collection = readJson<{ metadata: Record<string, unknown>; features: Feature[] }>(
    'structures.geojson',
  );
  const brest = collection.features.filter((feature) => feature.properties.codeInsee === BREST);
  const others = collection.features.filter((feature) => feature.properties.codeInsee !== BREST).slice(0, 30);
  const features = [...brest, ...others].map((feature, index) => {
    const properties = feature.properties;
    return {
      ...feature,
      properties: {
        ...properties,
        nom: index === 0 ? `${LONG} ${properties.nom}` : labelled(index, properties.nom),
        themes: [...(properties.themes as string[]), payload(index + 1)],
        description: PAYLOADS.join(' '),
        adresse: labelled(index + 2, 'rue'),
        codePostal: payload(index + 3),
        commune: labelled(index + 4, 'Brest'),
        epciNom: labelled(index + 5, 'Brest Métropole'),
        siteWeb: BAD_LINKS[index % BAD_LINKS.length],
        reseaux: [...(properties.reseaux as string[]), payload(index + 6)],
        siret: payload(index + 7),
        source: `${BAD_LINKS[(index + 1) % BAD_LINKS.length]} | ${payload(index + 8)} | https://example.org/?q=${encodeURIComponent(payload(index))}`,
        dateVerification: index % 3 === 0 ? payload(index + 9) : properties.dateVerification,
        successeur: index % 4 === 0 ? payload(index + 10) : properties.successeur,
      },
    };
  });
  const structures = {
    ...collection,
    metadata: { ...collection.metadata, count: features.length },
    features,
  };

  const taxonomies = readJson<Record<string, unknown>>('taxonomies.json');
  let counter = 0;
  const inject = (entries: Named[]) =>
    entries.map((entry) => {
      counter += 1;
      return {
        ...entry,
        labelFr: labelled(counter, entry.labelFr),
        labelEn: labelled(counter, entry.labelEn),
        descriptionFr: payload(counter + 1),
      };
    });
  for (const key of ['types', 'themes', 'networks', 'initiativeCategories'])
    taxonomies[key] = inject(taxonomies[key] as Named[]);

  const initiatives = readJson<{ initiatives: Record<string, unknown>[] }>('initiatives.json');
  initiatives.initiatives = initiatives.initiatives.map((initiative, index) => ({
    ...initiative,
    nom: labelled(index, String(initiative.nom)),
    description: PAYLOADS.join(' '),
    commune: labelled(index + 1, 'Brest'),
    siteWeb: BAD_LINKS[index % BAD_LINKS.length],
    source: `${BAD_LINKS[(index + 2) % BAD_LINKS.length]} | ${payload(index + 3)}`,
    ...(index < 5
      ? {
          codeInsee: BREST,
          departement: '29',
          region: '53',
          structureIds: brest.slice(0, 2).map((f) => f.id),
        }
      : {}),
  }));

  const territories = readJson<Record<string, { code: string; nom: string }[]>>('territories.json');
  for (const key of ['regions', 'departements'])
    territories[key] = (territories[key] ?? []).map((entry, index) => ({
      ...entry,
      nom: labelled(index, entry.nom),
    }));

  const places = readJson<Record<string, unknown[][]>>('places.json');
  const rename = (level: string, code: string, text: string) => {
    const entry = places[level]?.find((row) => row[0] === code);
    if (entry) entry[1] = text;
  };
  rename('communes', BREST, `${payload(0)} Brest ${payload(1)}`);
  rename('epci', '242900314', labelled(2, 'Brest Métropole'));
  rename('departements', '29', labelled(3, 'Finistère'));
  rename('regions', '53', labelled(4, 'Bretagne'));

  const quality = readJson<{ programmes: (Named & { notPlaced: { nom: string; raison: string }[] })[] }>(
    'quality.json',
  );
  quality.programmes = quality.programmes.map((programme, index) => ({
    ...programme,
    labelFr: labelled(index, programme.labelFr),
    labelEn: labelled(index, programme.labelEn),
    notPlaced: programme.notPlaced.map((member, position) => ({
      nom: labelled(index + position, member.nom),
      raison: payload(index + position + 1),
    })),
  }));

  const schema = readJson<{ title: string; fields: Record<string, unknown>[] }>('schema.json');
  schema.title = labelled(0, schema.title);
  schema.fields = schema.fields.map((field, index) => ({
    ...field,
    title: labelled(index, String(field.title ?? '')),
    description: payload(index + 1),
  }));

  return {
    'structures.geojson': structures,
    'taxonomies.json': taxonomies,
    'initiatives.json': initiatives,
    'territories.json': territories,
    'places.json': places,
    'quality.json': quality,
    'schema.json': schema,
  };
}

/** Serves the fixture in place of the published files, for the pages and workers of `context`. */
async function serveInjected(context: BrowserContext): Promise<void> {
  for (const [name, body] of Object.entries(injectedFiles()))
    await context.route(`**/data/${name}`, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) }),
    );
}

/** Every link of the page (dialogs included) by the URL it resolves to. */
const hrefs = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>('a[href]')].map((link) => link.href));

/** The app's own "Signaler une erreur" link: a `mailto:` to the configured address, its text percent-encoded. */
const REPORT_LINK = /^mailto:[^?<>"'\s]+\?subject=[^<>"'\s]*&body=[^<>"'\s]*$/;

async function expectNothingRan(page: Page, dialogs: string[]): Promise<void> {
  expect(dialogs).toEqual([]);
  expect(await page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], FLAG)).toBe(
    undefined,
  );
  for (const href of await hrefs(page))
    expect(/^https?:\/\//.test(href) || REPORT_LINK.test(href), href).toBe(true);
}

const textOf = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((elements) => elements.map((element) => element.textContent).join('\n'));

describe.runIf(run)('injection payloads in every text field of the data', () => {
  const session = useBrowserSession();

  it('are shown as inert text in the list, a card, the territory panel, the quality page and "Données et sources"', async () => {
    const { context, log } = await openContext(session(), { viewport: { width: 1280, height: 900 } });
    await serveInjected(context);
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    await page.goto(`${session().baseUrl}?territoire=commune:${BREST}`);
    await waitForMap(page);

    const panel = page.locator('.territory-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe(`${payload(0)} Brest ${payload(1)}`);
    const panelText = await textOf(page, '.territory-panel');
    expect(panelText).toContain(labelled(2, 'Brest Métropole'));
    await expectNothingRan(page, dialogs);

    await expect.poll(() => page.locator('.list-scroller .list-item').count()).toBeGreaterThan(2);
    const listText = await textOf(page, '.list-scroller');
    expect(listText).toContain(LONG);
    expect(listText).toContain(payload(1));
    const facetsText = await textOf(page, '.filters-scroll');
    expect(facetsText).toContain(payload(1));
    await page.locator('.list-scroller .list-item').nth(1).hover();
    await expectNothingRan(page, dialogs);

    for (const index of [0, 1, 2]) {
      await page.locator('.list-scroller .list-item').nth(index).click();
      const card = page.locator('.structure-card');
      await expect.poll(() => card.isVisible()).toBe(true);
      const cardText = await textOf(page, '.structure-card');
      for (const text of PAYLOADS) expect(cardText).toContain(text);
      await card.locator('h2').hover();
      await card.locator('a, button').first().focus();
      await expectNothingRan(page, dialogs);
      await page.keyboard.press('Escape');
    }

    await page.getByRole('button', { name: 'Qualité des données' }).click();
    const quality = page.getByRole('dialog');
    await expect.poll(() => quality.textContent(), { timeout: 15_000 }).toContain(payload(1));
    await quality.locator('th').first().hover();
    await expectNothingRan(page, dialogs);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    await page.getByRole('button', { name: 'Données et sources' }).click();
    const about = page.getByRole('dialog');
    await expect
      .poll(() => about.locator('.data-fields').textContent(), { timeout: 15_000 })
      .toContain(payload(2));
    await expectNothingRan(page, dialogs);
    await page.keyboard.press('Escape');

    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    expect(log.requests.filter((url) => new URL(url).pathname.endsWith('/x'))).toEqual([]);
    await context.close();
  });
});
