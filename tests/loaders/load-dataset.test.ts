import { describe, expect, it } from 'vitest';
import { DATASET_VERSION, toFeatureCollection } from '../../src/domain/dataset';
import { loadDataset, parseInitiatives } from '../../src/loaders/load-dataset';
import { structure, TAXONOMIES } from '../helpers';

const version = { datasetVersion: DATASET_VERSION };
const initiative = {
  id: 'covid-masques',
  nom: 'Masques',
  structureIds: ['pole-emc2'],
  categorie: 'sante',
  siteWeb: 'https://example.org/masques',
  source: 'https://example.org/source',
};
const files: Record<string, unknown> = {
  'structures.geojson': toFeatureCollection([structure()], { generator: 'test', sourceHash: 'x' }),
  'taxonomies.json': { ...version, ...TAXONOMIES },
  'territories.json': { ...version, regions: [{ code: '52', nom: 'Pays de la Loire' }], departements: [] },
  'initiatives.json': { ...version, initiatives: [initiative] },
  'aliases.json': { ...version, aliases: { 'ancien-emc2': 'pole-emc2' } },
};

/** Serves `table` as JSON; a string value is served as is (a truncated or HTML file), a missing name is a 404. */
function fetchFrom(table: Record<string, unknown>, status = 200): typeof fetch {
  return (async (url: string) => {
    const name = String(url).split('/').pop() ?? '';
    if (!(name in table)) return new Response('not found', { status: 404 });
    const body = table[name];
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  }) as typeof fetch;
}

function without(name: string): Record<string, unknown> {
  const table = { ...files };
  delete table[name];
  return table;
}

async function loaded(table: Record<string, unknown>) {
  const result = await loadDataset('/data/', fetchFrom(table));
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('loadDataset', () => {
  it('loads and validates the published files', async () => {
    const dataset = await loaded(files);
    expect(dataset.structures.map((item) => item.id)).toEqual(['pole-emc2']);
    expect(dataset.taxonomies.types[0]?.labelFr).toBe('Pôle de compétitivité');
    expect(dataset.territories.regions).toEqual([{ code: '52', nom: 'Pays de la Loire' }]);
    expect(dataset.initiatives.map((item) => item.id)).toEqual(['covid-masques']);
    expect(dataset.aliases).toEqual({ 'ancien-emc2': 'pole-emc2' });
    expect(dataset.fileProblems).toEqual([]);
    expect(dataset.issues).toEqual([]);
  });

  it('turns a network failure, an HTTP error or an unreadable structures file into an error result', async () => {
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await loadDataset('/data/', offline)).toEqual({ ok: false, error: 'Failed to fetch' });
    expect(await loadDataset('/data/', fetchFrom(without('structures.geojson')))).toEqual({
      ok: false,
      error: '/data/structures.geojson: HTTP 404',
    });
    expect(
      await loadDataset('/data/', fetchFrom({ ...files, 'structures.geojson': { nope: true } })),
    ).toMatchObject({ ok: false });
  });

  it('shows codes instead of labels when taxonomies.json is missing, and says so', async () => {
    const dataset = await loaded(without('taxonomies.json'));
    expect(dataset.structures).toHaveLength(1);
    expect(dataset.taxonomies.types).toEqual([
      {
        code: 'pole-competitivite',
        labelFr: 'pole-competitivite',
        labelEn: 'pole-competitivite',
        descriptionFr: '',
      },
    ]);
    expect(dataset.taxonomies.initiativeCategories.map((entry) => entry.code)).toEqual(['sante']);
    expect(dataset.fileProblems).toEqual([
      { file: 'taxonomies.json', kind: 'unreadable', detail: '/data/taxonomies.json: HTTP 404' },
    ]);
  });

  it('rejects a well-formed taxonomies.json whose entries lack their labels', async () => {
    const badTaxonomy = { ...TAXONOMIES, types: [{ code: 'fablab', color: '#ff7f0e' }] };
    const dataset = await loaded({ ...files, 'taxonomies.json': { ...version, ...badTaxonomy } });
    expect(dataset.taxonomies.types.map((entry) => entry.labelFr)).toEqual(['pole-competitivite']);
    expect(dataset.fileProblems).toMatchObject([{ file: 'taxonomies.json', kind: 'unreadable' }]);
  });

  it('keeps the raw parser message of a truncated file for the details', async () => {
    const dataset = await loaded({ ...files, 'territories.json': '{"datasetVersion":2,"regions":[{"co' });
    expect(dataset.territories.departements).toEqual([{ code: '44', nom: '44' }]);
    expect(dataset.fileProblems).toHaveLength(1);
    expect(dataset.fileProblems?.[0]).toMatchObject({ file: 'territories.json', kind: 'unreadable' });
    expect(dataset.fileProblems?.[0]?.detail).toMatch(/JSON/);
  });

  it('reports broken initiatives as such, not as skipped items', async () => {
    const dataset = await loaded({ ...files, 'initiatives.json': '<!doctype html><title>404</title>' });
    expect(dataset.initiatives).toEqual([]);
    expect(dataset.issues).toEqual([]);
    expect(dataset.fileProblems).toMatchObject([{ file: 'initiatives.json', kind: 'unreadable' }]);
  });

  it('reports a missing aliases.json and goes on without redirects', async () => {
    const dataset = await loaded(without('aliases.json'));
    expect(dataset.aliases).toEqual({});
    expect(dataset.fileProblems).toMatchObject([{ file: 'aliases.json', kind: 'unreadable' }]);
  });

  it('compares every file’s datasetVersion with the structures’ and uses the file anyway', async () => {
    const dataset = await loaded({
      ...files,
      'territories.json': { datasetVersion: DATASET_VERSION + 1, regions: [], departements: [] },
      'aliases.json': { aliases: {} },
    });
    expect(dataset.fileProblems).toEqual([
      {
        file: 'territories.json',
        kind: 'version',
        detail: `territories.json: datasetVersion ${DATASET_VERSION + 1}, structures.geojson: ${DATASET_VERSION}`,
      },
      {
        file: 'aliases.json',
        kind: 'version',
        detail: `aliases.json: datasetVersion undefined, structures.geojson: ${DATASET_VERSION}`,
      },
    ]);
    expect(dataset.territories.regions).toEqual([]);
  });

  it('shows only http(s) links: other schemes are dropped from siteWeb and source, and counted', async () => {
    const collection = toFeatureCollection(
      [
        structure({
          siteWeb: 'javascript:alert(1)',
          source:
            'https://example.org/a | data:text/html,<script>alert(1)</script> | //evil.example/x | Rapport CGET 2019',
        }),
      ],
      { generator: 'test', sourceHash: 'x' },
    );
    const dataset = await loaded({ ...files, 'structures.geojson': collection });
    expect(dataset.structures[0]).toMatchObject({
      siteWeb: '',
      source: 'https://example.org/a | Rapport CGET 2019',
    });
    expect(dataset.issues.map((issue) => issue.field)).toEqual(['siteWeb', 'source', 'source']);
  });
});

describe('parseInitiatives', () => {
  it('drops non-http(s) links of an initiative and reports each', () => {
    const parsed = parseInitiatives({
      initiatives: [
        { ...initiative, siteWeb: 'vbscript:msgbox(1)', source: 'data:,x | https://example.org/ok' },
      ],
    });
    expect(parsed.initiatives[0]).toMatchObject({ siteWeb: '', source: 'https://example.org/ok' });
    expect(parsed.issues.map((issue) => issue.field)).toEqual(['siteWeb', 'source']);
  });
});
