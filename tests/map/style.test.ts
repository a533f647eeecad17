import { readFileSync } from 'node:fs';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import {
  createInitiativesLayer,
  LAYER_INITIATIVES,
  SOURCE_INITIATIVES,
} from '../../src/map/layers/initiatives';
import { createSelectionLayer } from '../../src/map/layers/selection';
import {
  createStructuresLayer,
  LAYER_STRUCTURES,
  SOURCE_STRUCTURES,
  typeColorExpression,
} from '../../src/map/layers/structures';
import {
  BASEMAP_TILES_FILE,
  BASEMAP_TILES_MAXZOOM,
  buildBasemapStyle,
  buildDataStyle,
} from '../../src/map/style';

describe('the two styles', () => {
  const basemap = buildBasemapStyle('http://localhost/basemap/');
  const data = buildDataStyle([createStructuresLayer(), createInitiativesLayer(), createSelectionLayer()]);

  it('are valid MapLibre styles', () => {
    expect(validateStyleMin(basemap)).toEqual([]);
    expect(validateStyleMin(data)).toEqual([]);
  });

  it('use no glyph server and only the basemap files served with the app', () => {
    expect(basemap.glyphs).toBeUndefined();
    expect(data.glyphs).toBeUndefined();
    const urls = Object.values(basemap.sources).flatMap((source) => {
      if ('data' in source && typeof source.data === 'string') return [source.data];
      if ('tiles' in source) return source.tiles ?? [];
      return [];
    });
    expect(urls).toEqual([
      'pmtiles://http://localhost/basemap/basemap.pmtiles/{z}/{x}/{y}',
      'http://localhost/basemap/region-labels.geojson',
      'http://localhost/basemap/city-labels.geojson',
    ]);
  });

  it('draw the committed tile archive: its layers, and the max zoom written in its header', () => {
    const archive = readFileSync(`public/basemap/${BASEMAP_TILES_FILE}`);
    expect(archive.subarray(0, 7).toString('latin1')).toBe('PMTiles');
    expect(archive[101]).toBe(BASEMAP_TILES_MAXZOOM);
    expect(basemap.sources['basemap-tiles']).toMatchObject({
      type: 'vector',
      maxzoom: BASEMAP_TILES_MAXZOOM,
    });
    const sourceLayers = basemap.layers.flatMap((layer) =>
      'source-layer' in layer ? [layer['source-layer']] : [],
    );
    expect(new Set(sourceLayers)).toEqual(new Set(['countries', 'regions', 'departements']));
  });

  it('draw the data on a transparent map: no background, no basemap layer, ids kept for feature-state', () => {
    expect(data.layers.map((layer) => layer.id)).toEqual([LAYER_STRUCTURES, LAYER_INITIATIVES]);
    expect(data.sources[SOURCE_STRUCTURES]).toMatchObject({ type: 'geojson', promoteId: 'id' });
    expect(data.sources[SOURCE_STRUCTURES]).not.toHaveProperty('cluster');
    expect(data.sources[SOURCE_INITIATIVES]).toMatchObject({ type: 'geojson', promoteId: 'id' });
    expect(basemap.layers[0]?.type).toBe('background');
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
