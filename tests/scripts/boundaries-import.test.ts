// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import type { FeatureCollection, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  buildBoundaries,
  matchPolygons,
  missingCsv,
  outcomesCsv,
  readSourceFile,
  toGeojsonText,
} from '../../scripts/lib/boundaries';
import { loadGazetteerFrom } from '../../scripts/lib/gazetteer';

const FIXTURES = 'tests/fixtures/boundaries';
const { gazetteer } = loadGazetteerFrom(FIXTURES);
const polygons = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.geojson'))
  .sort()
  .flatMap((name) => readSourceFile(name, readFileSync(`${FIXTURES}/${name}`, 'utf8')));
const formerCodes = new Map([['01004', '01003']]);
/** No simplification, so the areas below measure the dissolve alone (squares have no vertex to spare). */
const UNSIMPLIFIED = { keep: '100%', precision: 0.0001 };
const build = await buildBoundaries(polygons, gazetteer, formerCodes, UNSIMPLIFIED);

function collection(path: string): FeatureCollection<Polygon> {
  return JSON.parse(build.files.get(path) ?? 'null') as FeatureCollection<Polygon>;
}

function featureOf(path: string, code: string) {
  return collection(path).features.find((feature) => feature.properties?.code === code);
}

/** Planar area of a ring in square degrees (shoelace): enough to tell one 0.1° square from two. */
function ringArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let index = 1; index < ring.length; index += 1) {
    const [x0 = 0, y0 = 0] = ring[index - 1] ?? [];
    const [x1 = 0, y1 = 0] = ring[index] ?? [];
    sum += x0 * y1 - x1 * y0;
  }
  return Math.abs(sum / 2);
}

describe('buildBoundaries on squares of two departments', () => {
  it('gives every 2018 polygon one outcome', () => {
    expect(build.outcomes.map(({ code, outcome, target }) => `${code} ${outcome} ${target}`)).toEqual([
      '01001 dissolved 01001',
      '01002 dissolved 01001',
      '01003 dissolved 01003',
      '01004 dissolved 01003',
      '02001 kept 02001',
      '02999 unmatched ',
    ]);
    expect(build.outcomes.find((entry) => entry.code === '01002')?.reason).toBe(
      'ancienne 01002 of 01001 (gazetteer), merged with 1 other 2018 polygon(s)',
    );
    expect(build.outcomes.find((entry) => entry.code === '01004')?.reason).toContain(
      'former code of 01003 (decoupage-administratif)',
    );
    expect(build.outcomes.find((entry) => entry.code === '02999')?.reason).toBe(
      'code not in the gazetteer nor among the former codes of a current commune',
    );
  });

  it('dissolves a former commune into its current commune: one ring covering both squares', () => {
    const alpha = featureOf('communes/01.geojson', '01001');
    expect(alpha?.properties).toEqual({ code: '01001', nom: 'Alpha-Nouvelle' });
    expect(alpha?.geometry.type).toBe('Polygon');
    expect(alpha?.geometry.coordinates).toHaveLength(1);
    expect(ringArea(alpha?.geometry.coordinates[0] ?? [])).toBeCloseTo(0.02, 6);
    expect(featureOf('communes/01.geojson', '01002')).toBeUndefined();
  });

  it('keeps an unchanged commune, draws no unknown code and no commune without a polygon', () => {
    const epsilon = featureOf('communes/02.geojson', '02001');
    expect(ringArea(epsilon?.geometry.coordinates[0] ?? [])).toBeCloseTo(0.01, 6);
    expect(collection('communes/02.geojson').features.map((feature) => feature.properties?.code)).toEqual([
      '02001',
    ]);
    expect(build.missing).toEqual([{ code: '02002', nom: 'Zeta', departement: '02' }]);
  });

  it('dissolves an EPCI from its current members and reports the member without a polygon', () => {
    const epci = collection('epci.geojson').features;
    expect(epci.map((feature) => feature.properties)).toEqual([{ code: '200000001', nom: "CC de l'Union" }]);
    expect(epci[0]?.geometry.type).toBe('Polygon');
    expect(epci[0]?.geometry.coordinates).toHaveLength(1);
    expect(ringArea(epci[0]?.geometry.coordinates[0] ?? [])).toBeCloseTo(0.03, 6);
    expect(build.incompleteEpci).toEqual([{ code: '200000001', members: 3, missing: 1 }]);
  });

  it('counts what it did', () => {
    expect(build.counts).toEqual({
      inputPolygons: 6,
      communesDrawn: 3,
      kept: 1,
      dissolved: 4,
      unmatched: 1,
      missing: 1,
      epciDrawn: 1,
      epciIncomplete: 1,
      epciWithoutShape: 0,
    });
    expect([...build.files.keys()]).toEqual(['communes/01.geojson', 'communes/02.geojson', 'epci.geojson']);
  });

  it('writes sorted features with code and nom only, one per line', () => {
    const text = build.files.get('communes/01.geojson') ?? '';
    const lines = text.split('\n');
    expect(lines[0]).toBe('{"type":"FeatureCollection","features":[');
    expect(lines[1]).toMatch(/^\{"type":"Feature","properties":\{"code":"01001","nom":"Alpha-Nouvelle"\},/);
    expect(lines[2]).toMatch(/^\{"type":"Feature","properties":\{"code":"01003","nom":"Gamma"\},/);
    for (const feature of collection('communes/01.geojson').features) {
      expect(Object.keys(feature.properties ?? {})).toEqual(['code', 'nom']);
    }
  });

  it('gives byte-identical files and reports on a re-run, whatever the input order', async () => {
    const first = await buildBoundaries(polygons, gazetteer, formerCodes);
    const again = await buildBoundaries([...polygons].reverse(), gazetteer, formerCodes);
    expect([...again.files]).toEqual([...first.files]);
    expect(outcomesCsv(again.outcomes)).toBe(outcomesCsv(first.outcomes));
    expect(missingCsv(again.missing, again.incompleteEpci)).toBe(
      missingCsv(first.missing, first.incompleteEpci),
    );
  });
});

describe('matchPolygons', () => {
  it('marks a polygon kept when it alone makes its commune, and notes a renaming', () => {
    const { outcomes } = matchPolygons(
      [
        {
          file: 'f.geojson',
          code: '01003',
          nom: 'Gamma-Vieux',
          geometry: { type: 'Polygon', coordinates: [] },
        },
      ],
      gazetteer,
      new Map(),
    );
    expect(outcomes).toEqual([
      {
        file: 'f.geojson',
        code: '01003',
        outcome: 'kept',
        target: '01003',
        reason: '2018 name "Gamma-Vieux", now "Gamma"',
      },
    ]);
  });
});

describe('report files', () => {
  it('quotes reasons that hold commas', () => {
    expect(outcomesCsv(build.outcomes).split('\n').slice(0, 3)).toEqual([
      'file,code,outcome,target,reason',
      'communes-01-test.geojson,01001,dissolved,01001,"chef-lieu, merged with 1 other 2018 polygon(s), 2018 name ""Alpha"", now ""Alpha-Nouvelle"""',
      'communes-01-test.geojson,01002,dissolved,01001,"ancienne 01002 of 01001 (gazetteer), merged with 1 other 2018 polygon(s)"',
    ]);
  });

  it('writes an empty collection as valid GeoJSON', () => {
    expect(JSON.parse(toGeojsonText([]))).toEqual({ type: 'FeatureCollection', features: [] });
  });
});
