import { describe, expect, it } from 'vitest';
import { DATASET_VERSION, fromFeatureCollection, toFeatureCollection } from '../../src/domain/dataset';
import { structure } from '../helpers';

describe('toFeatureCollection', () => {
  it('sorts by id, rounds to 5 decimals and records the version', () => {
    const collection = toFeatureCollection(
      [structure({ id: 'b', coordinates: [2.123456789, 48.987654321] }), structure({ id: 'a' })],
      { generator: 'test', sourceHash: 'abc' },
    );
    expect(collection.features.map((feature) => feature.id)).toEqual(['a', 'b']);
    expect(collection.features[1]?.geometry.coordinates).toEqual([2.12346, 48.98765]);
    expect(collection.metadata).toEqual({
      datasetVersion: DATASET_VERSION,
      count: 2,
      generator: 'test',
      sourceHash: 'abc',
    });
  });

  it('gives the same bytes whatever the input order', () => {
    const one = [structure({ id: 'a' }), structure({ id: 'b', nom: 'B' })];
    const text = (list: typeof one) =>
      JSON.stringify(toFeatureCollection(list, { generator: 'g', sourceHash: 'h' }));
    expect(text(one)).toBe(text([...one].reverse()));
  });
});

describe('fromFeatureCollection', () => {
  const valid = toFeatureCollection([structure({ id: 'a' }), structure({ id: 'b' })], {
    generator: 'g',
    sourceHash: 'h',
  });

  it('reads back what toFeatureCollection wrote', () => {
    const loaded = fromFeatureCollection(JSON.parse(JSON.stringify(valid)));
    expect(loaded.issues).toEqual([]);
    expect(loaded.structures.map((item) => item.id)).toEqual(['a', 'b']);
    expect(loaded.structures[0]?.coordinates).toEqual([-1.55, 47.22]);
  });

  it('skips a malformed feature, reports it and keeps the rest', () => {
    const broken = JSON.parse(JSON.stringify(valid));
    broken.features[0].properties.type = 'spaceship';
    delete broken.features[1].properties.description;
    const loaded = fromFeatureCollection(broken);
    expect(loaded.structures.map((item) => item.id)).toEqual(['b']);
    expect(loaded.structures[0]?.description).toBe('');
    expect(loaded.issues).toHaveLength(1);
    expect(loaded.issues[0]).toMatchObject({ line: 1, field: 'properties.type' });
  });

  it('refuses other versions and non-collections without throwing', () => {
    expect(fromFeatureCollection({ ...valid, metadata: { datasetVersion: 99 } }).issues[0]?.message).toMatch(
      /version 99/,
    );
    expect(fromFeatureCollection('<html>').structures).toEqual([]);
    expect(fromFeatureCollection(null).issues).toHaveLength(1);
  });
});

describe('dataset version 2: successeur', () => {
  it('publishes and reads back the successor of a closed structure', () => {
    const collection = toFeatureCollection(
      [structure({ id: 'a', statut: 'ferme', successeur: 'b' }), structure({ id: 'b' })],
      { generator: 'g', sourceHash: 'h' },
    );
    expect(DATASET_VERSION).toBe(2);
    expect(collection.features[0]?.properties.successeur).toBe('b');
    const loaded = fromFeatureCollection(JSON.parse(JSON.stringify(collection)));
    expect(loaded.structures.map((item) => item.successeur)).toEqual(['b', '']);
  });

  it('refuses a version 1 file, which has no successors', () => {
    const collection = toFeatureCollection([structure()], { generator: 'g', sourceHash: 'h' });
    expect(
      fromFeatureCollection({ ...collection, metadata: { ...collection.metadata, datasetVersion: 1 } })
        .issues,
    ).toEqual([{ message: 'dataset version 1 is not the version 2 this app reads' }]);
  });
});
