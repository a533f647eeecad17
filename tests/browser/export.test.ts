import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { browserAvailable, openPage, useBrowserSession, waitForMap } from './harness';

type Feature = {
  properties: { id: string; type: string; departement: string; statut: string; epci: string | null };
};
const dataset = JSON.parse(readFileSync('dist/data/structures.geojson', 'utf8')) as { features: Feature[] };
const run = browserAvailable();

describe.runIf(run)('export in headless Chromium', () => {
  const session = useBrowserSession();

  it('a type and a department: the CSV and the GeoJSON hold exactly the filtered list, with their provenance', async () => {
    const expected = dataset.features
      .filter(
        ({ properties }) =>
          properties.type === 'fablab' && properties.departement === '29' && properties.statut !== 'ferme',
      )
      .map(({ properties }) => properties.id)
      .sort();
    expect(expected.length).toBeGreaterThan(3);
    const { page, log } = await openPage(session());
    await page.goto(`${session().baseUrl}?type=fablab&dep=29`);
    await waitForMap(page);

    const download = async (name: RegExp) => {
      await page.getByText('Exporter', { exact: true }).click();
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name }).click(),
      ]);
      const path = await file.path();
      return { name: file.suggestedFilename(), files: unzipSync(readFileSync(path)) };
    };

    const csv = await download(/^CSV \(;\)/);
    expect(csv.name).toMatch(/^structures_fablab_finistere_\d{4}-\d{2}-\d{2}\.zip$/);
    const csvName = Object.keys(csv.files).find((name) => name.endsWith('.csv')) ?? '';
    const bytes = csv.files[csvName] as Uint8Array;
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = strFromU8(bytes).replace(/^\uFEFF/, '');
    const rows = Papa.parse<Record<string, string>>(text, {
      header: true,
      delimiter: ';',
      skipEmptyLines: true,
    });
    expect(rows.errors).toEqual([]);
    expect(rows.meta.fields?.slice(0, 3)).toEqual(['id', 'nom', 'type']);
    expect(rows.data.map((row) => row.id).sort()).toEqual(expected);
    expect(rows.data.every((row) => row.departement === '29' && row.departement_nom === 'Finistère')).toBe(
      true,
    );
    const readme = strFromU8(csv.files['LISEZMOI.txt'] as Uint8Array);
    expect(readme).toContain(`${expected.length} structure(s)`);
    expect(readme).toContain('Type : Fablab');
    expect(readme).toContain('Département : Finistère (29)');
    expect(readme).toContain('?type=fablab&dep=29');
    expect(readme).toContain('Licence Ouverte');

    const geojson = await download(/^GeoJSON/);
    const geoName = Object.keys(geojson.files).find((name) => name.endsWith('.geojson')) ?? '';
    const collection = JSON.parse(strFromU8(geojson.files[geoName] as Uint8Array)) as {
      metadata: { count: number; licence: string };
      features: { properties: { id: string } }[];
    };
    expect(collection.features.map((feature) => feature.properties.id).sort()).toEqual(expected);
    expect(collection.metadata.count).toBe(expected.length);
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });

  it('a type and a territory (an intercommunality): CSV, XLSX and the territory figures, exactly the filtered set', async () => {
    const expected = dataset.features
      .filter(
        ({ properties }) =>
          properties.type === 'tiers-lieu' &&
          properties.epci === '242900314' &&
          properties.statut !== 'ferme',
      )
      .map(({ properties }) => properties.id)
      .sort();
    expect(expected.length).toBeGreaterThan(1);
    const { page, log } = await openPage(session());
    await page.goto(`${session().baseUrl}?type=tiers-lieu&territoire=epci:242900314`);
    await waitForMap(page);
    await page.locator('.territory-panel h2', { hasText: 'Brest Métropole' }).waitFor({ timeout: 20_000 });
    const save = async (click: () => Promise<void>) => {
      const [file] = await Promise.all([page.waitForEvent('download'), click()]);
      return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
    };
    const zip = await save(async () => {
      await page.getByText('Exporter', { exact: true }).click();
      await page.getByRole('button', { name: /^CSV \(;\)/ }).click();
    });
    expect(zip.name).toMatch(/^structures_brest-metropole_tiers-lieu_\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(zip.bytes);
    const csvName = Object.keys(files).find((name) => name.endsWith('.csv')) ?? '';
    const rows = Papa.parse<Record<string, string>>(
      strFromU8(files[csvName] as Uint8Array).replace(/^\uFEFF/, ''),
      {
        header: true,
        delimiter: ';',
        skipEmptyLines: true,
      },
    );
    expect(rows.data.map((row) => row.id).sort()).toEqual(expected);
    expect(rows.data.every((row) => row.epci === '242900314')).toBe(true);
    expect(strFromU8(files['LISEZMOI.txt'] as Uint8Array)).toContain(
      'Territoire : Brest Métropole (Intercommunalité 242900314)',
    );

    const xlsx = await save(async () => {
      await page.getByText('Exporter', { exact: true }).click();
      await page.getByRole('button', { name: /^Excel \(XLSX\)/ }).click();
    });
    const workbook = unzipSync(
      unzipSync(xlsx.bytes)[
        Object.keys(unzipSync(xlsx.bytes)).find((name) => name.endsWith('.xlsx')) ?? ''
      ] as Uint8Array,
    );
    const strings = strFromU8(workbook['xl/sharedStrings.xml'] as Uint8Array);
    for (const id of expected) expect(strings).toContain(`<t>${id}</t>`);

    const figures = await save(() => page.getByRole('button', { name: 'Chiffres (CSV)' }).click());
    expect(figures.name).toMatch(/^chiffres_brest-metropole_\d{4}-\d{2}-\d{2}\.csv$/);
    const table = Papa.parse<Record<string, string>>(figures.bytes.toString('utf8').replace(/^\uFEFF/, ''), {
      header: true,
      delimiter: ';',
      skipEmptyLines: true,
    });
    const own = table.data.find(
      (row) => row.niveau === 'epci' && row.code === '242900314' && row.type === 'tiers-lieu',
    );
    expect(Number(own?.structures)).toBe(expected.length);
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });

  it('prints the whole filtered list, or the open card alone', async () => {
    const { page, log } = await openPage(session());
    await page.goto(`${session().baseUrl}?type=satt`);
    await waitForMap(page);
    const count = Number(((await page.getByTestId('result-count').textContent()) ?? '').replace(/\D/g, ''));
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await page.locator('.print-list li').count()).toBe(count);
    expect(await page.locator('.map-column').isVisible()).toBe(false);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await page.locator('.print-list').count()).toBe(0);
    await page.emulateMedia({ media: 'screen' });
    await page.locator('.list-item').first().click();
    await page.locator('#card-title').waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#card-title').isVisible()).toBe(true);
    expect(await page.locator('.side-panel').isVisible()).toBe(false);
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });
});
