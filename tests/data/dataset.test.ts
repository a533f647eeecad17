import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltDataset, buildDataset } from '../../scripts/lib/build';
import { bboxOf } from '../../src/domain/geo';

/** Invariants of the committed dataset (data/): they guard every future edit of the CSV files. */
let built: BuiltDataset;
beforeAll(async () => {
  built = await buildDataset('data');
}, 60_000);

describe('the committed dataset', () => {
  it('validates with no problem: unique ids, known taxonomy codes, resolvable communes', () => {
    expect(built.issues).toEqual([]);
    const ids = built.structures.map((structure) => structure.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every row a source and a verification date', () => {
    for (const structure of built.structures) {
      expect(structure.source, structure.id).not.toBe('');
      expect(structure.dateVerification, structure.id).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    }
  });

  it('places every structure inside the bounds of its department', () => {
    const departements = JSON.parse(
      readFileSync('public/basemap/departements.geojson', 'utf8'),
    ) as FeatureCollection;
    const bounds = new Map(
      departements.features.map((feature) => [String(feature.properties?.code), bboxOf(feature)]),
    );
    const margin = 0.02;
    const outside = built.structures.filter((structure) => {
      const box = bounds.get(structure.departement);
      if (box === undefined) return true;
      const [lng, lat] = structure.coordinates;
      return lng < box[0] - margin || lat < box[1] - margin || lng > box[2] + margin || lat > box[3] + margin;
    });
    expect(outside.map((structure) => `${structure.id} (${structure.departement})`)).toEqual([]);
  });

  it('covers every structure type but "autre", the 18 regions and the seven territorial themes', () => {
    const types = new Set(built.structures.map((structure) => structure.type));
    for (const type of built.taxonomies.types.map((entry) => entry.code).filter((code) => code !== 'autre')) {
      expect(types.has(type as never), type).toBe(true);
    }
    expect(new Set(built.structures.map((structure) => structure.region)).size).toBe(18);
    const territorial = built.taxonomies.themes
      .filter((theme) => theme.kind === 'territorial')
      .map((theme) => theme.code);
    expect(territorial).toHaveLength(7);
    for (const theme of territorial) {
      expect(
        built.structures.some((structure) => structure.themes.includes(theme)),
        theme,
      ).toBe(true);
    }
  });

  it('links every initiative to existing structures or to a place, with a category and a source', () => {
    const ids = new Set(built.structures.map((structure) => structure.id));
    expect(built.initiatives.length).toBeGreaterThanOrEqual(40);
    for (const initiative of built.initiatives) {
      for (const id of initiative.structureIds) expect(ids.has(id), `${initiative.id} → ${id}`).toBe(true);
      expect(initiative.source).not.toBe('');
    }
  });
});
