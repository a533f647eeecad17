import { describe, expect, it } from 'vitest';
import { fromFeatureCollection, toFeatureCollection } from '../../src/domain/dataset';
import { structure } from '../helpers';

const written = () =>
  JSON.parse(
    JSON.stringify(
      toFeatureCollection([structure({ id: 'a' }), structure({ id: 'b' })], {
        generator: 'g',
        sourceHash: 'h',
      }),
    ),
  );

describe('toFeatureCollection: shape', () => {
  it('writes GeoJSON Point features with the id on the feature and in the properties', () => {
    const collection = toFeatureCollection([structure({ id: 'a', epciNom: undefined })], {
      generator: 'g',
      sourceHash: 'h',
    });
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features[0]).toMatchObject({
      type: 'Feature',
      id: 'a',
      geometry: { type: 'Point', coordinates: [-1.55, 47.22] },
      properties: { id: 'a', epciNom: null },
    });
  });

  it('keeps the input order of two structures with the same id', () => {
    const collection = toFeatureCollection(
      [structure({ id: 'a', nom: 'first' }), structure({ id: 'a', nom: 'second' }), structure({ id: '0' })],
      { generator: 'g', sourceHash: 'h' },
    );
    expect(collection.features.map((feature) => feature.properties.nom)).toEqual(['EMC2', 'first', 'second']);
  });
});

describe('fromFeatureCollection: what it reports', () => {
  it('reads the source hash, and an empty one when the file does not give it', () => {
    expect(fromFeatureCollection(written()).sourceHash).toBe('h');
    const withoutHash = written();
    delete withoutHash.metadata.sourceHash;
    expect(fromFeatureCollection(withoutHash)).toMatchObject({ sourceHash: '', issues: [] });
  });

  it('refuses something that is not a FeatureCollection with one issue, no structures and no hash', () => {
    expect(fromFeatureCollection({ type: 'Feature', features: [] })).toEqual({
      structures: [],
      issues: [{ message: 'not a GeoJSON FeatureCollection of structures' }],
      sourceHash: '',
    });
  });

  it('refuses a file without metadata or of another version, without structures or hash', () => {
    expect(fromFeatureCollection({ type: 'FeatureCollection', features: written().features })).toEqual({
      structures: [],
      issues: [{ message: 'dataset version undefined is not the version 2 this app reads' }],
      sourceHash: '',
    });
    const other = written();
    other.metadata.datasetVersion = 3;
    expect(fromFeatureCollection(other)).toEqual({
      structures: [],
      issues: [{ message: 'dataset version 3 is not the version 2 this app reads' }],
      sourceHash: '',
    });
  });

  it('skips a feature outside France, reporting its line', () => {
    const collection = written();
    collection.features[1].geometry.coordinates = [-74.0, 40.7];
    const loaded = fromFeatureCollection(collection);
    expect(loaded.structures.map((item) => item.id)).toEqual(['a']);
    expect(loaded.issues).toEqual([{ line: 2, field: 'geometry', message: 'coordinates outside France' }]);
  });

  it('reports the first problem of an invalid feature with its path and message', () => {
    const collection = written();
    collection.features[0].geometry.type = 'Polygon';
    const loaded = fromFeatureCollection(collection);
    expect(loaded.structures.map((item) => item.id)).toEqual(['b']);
    expect(loaded.issues).toEqual([{ line: 1, field: 'geometry.type', message: expect.any(String) }]);
    // zod's own wording (it depends on the configured locale), not the fallback
    expect(loaded.issues[0]?.message).not.toBe('invalid feature');
  });

  it('keeps a structure whose link is not http(s), drops the link and says so on its line', () => {
    const collection = written();
    collection.features[0].properties.siteWeb = 'javascript:alert(1)';
    const loaded = fromFeatureCollection(collection);
    expect(loaded.structures.map((item) => [item.id, item.siteWeb])).toEqual([
      ['a', ''],
      ['b', 'https://www.emc2-cluster.com'],
    ]);
    expect(loaded.issues).toEqual([
      { line: 1, field: 'siteWeb', message: 'link ignored: only http:// and https:// links are shown' },
    ]);
  });
});
