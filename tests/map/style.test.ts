import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import * as ids from '../../src/map/ids';
import { buildStyle, typeColorExpression } from '../../src/map/style';

describe('buildStyle', () => {
  const style = buildStyle('http://localhost/basemap/', [
    { code: 'fablab', color: '#ff7f0e' },
    { code: 'incubateur', color: '#1f77b4' },
  ]);

  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('uses no glyph server and only the basemap files served with the app', () => {
    expect(style.glyphs).toBeUndefined();
    const urls = Object.values(style.sources).flatMap((source) =>
      'data' in source && typeof source.data === 'string' ? [source.data] : [],
    );
    expect(urls.length).toBeGreaterThan(3);
    expect(urls.every((url) => url.startsWith('http://localhost/basemap/'))).toBe(true);
  });

  it('clusters structures and keeps ids for feature-state', () => {
    expect(style.sources[ids.SOURCE_STRUCTURES]).toMatchObject({
      type: 'geojson',
      cluster: true,
      promoteId: 'id',
    });
    expect(style.sources[ids.SOURCE_INITIATIVES]).toMatchObject({ type: 'geojson', promoteId: 'id' });
    expect(style.layers.map((layer) => layer.id).slice(-4)).toEqual([
      ids.LAYER_CLUSTERS,
      ids.LAYER_CLUSTER_COUNT,
      ids.LAYER_STRUCTURES,
      ids.LAYER_INITIATIVES,
    ]);
  });
});

describe('typeColorExpression', () => {
  it('maps each type code to its colour with a fallback', () => {
    expect(typeColorExpression([{ code: 'fablab', color: '#ff7f0e' }])).toEqual([
      'match',
      ['get', 'type'],
      'fablab',
      '#ff7f0e',
      '#555555',
    ]);
    expect(typeColorExpression([])).toBe('#555555');
  });
});
