// @vitest-environment node
import { VectorTile } from '@mapbox/vector-tile';
import type { FeatureCollection } from 'geojson';
import { PbfReader } from 'pbf';
import { Compression, PMTiles, type Source, TileType } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import {
  buildVectorTiles,
  type EncodedTile,
  type TileLayer,
  type TileRange,
  writePmtiles,
} from '../../scripts/lib/basemap-tiles';

/** The archive as a pmtiles `Source`, so the tests read it back with the same reader the app uses. */
function memorySource(archive: Uint8Array): Source {
  return {
    getKey: () => 'memory',
    getBytes: async (offset, length) => ({ data: archive.slice(offset, offset + length).buffer }),
  };
}

function square(west: number, south: number, size: number): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { code: '75', nom: 'Paris' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [west, south],
              [west + size, south],
              [west + size, south + size],
              [west, south + size],
              [west, south],
            ],
          ],
        },
      },
    ],
  };
}

const RANGE: TileRange = { minzoom: 0, maxzoom: 3, bounds: [-10, 40, 10, 55] };
const LAYERS: TileLayer[] = [
  { name: 'land', features: square(-5, 42, 12), minzoom: 0 },
  { name: 'detail', features: square(1, 45, 2), minzoom: 2 },
];

describe('buildVectorTiles', () => {
  const tiles = buildVectorTiles(LAYERS, RANGE);
  const layersOf = (z: number, x: number, y: number) => {
    const tile = tiles.find((candidate) => candidate.z === z && candidate.x === x && candidate.y === y);
    return tile === undefined ? undefined : new VectorTile(new PbfReader(tile.data)).layers;
  };

  it('writes each layer from its own minzoom, without properties', () => {
    expect(Object.keys(layersOf(0, 0, 0) ?? {})).toEqual(['land']);
    expect(Object.keys(layersOf(2, 2, 1) ?? {}).sort()).toEqual(['detail', 'land']);
    const land = layersOf(0, 0, 0)?.land;
    expect(land?.length).toBe(1);
    expect(land?.feature(0).properties).toEqual({});
    expect(land?.feature(0).type).toBe(3);
  });

  it('leaves out the tiles no feature touches', () => {
    expect(tiles.filter((tile) => tile.z === 3).map(({ x, y }) => [x, y])).toEqual([
      [3, 2],
      [4, 2],
    ]);
  });
});

describe('writePmtiles', () => {
  const tiles = buildVectorTiles(LAYERS, RANGE);
  const archive = writePmtiles(tiles, RANGE, { name: 'test' });
  const reader = new PMTiles(memorySource(archive));

  it('writes a PMTiles v3 header the reader accepts: uncompressed MVT, zooms, bounds', async () => {
    const header = await reader.getHeader();
    expect(header).toMatchObject({
      specVersion: 3,
      tileType: TileType.Mvt,
      tileCompression: Compression.None,
      internalCompression: Compression.None,
      minZoom: 0,
      maxZoom: 3,
      minLon: -10,
      minLat: 40,
      maxLon: 10,
      maxLat: 55,
      numAddressedTiles: tiles.length,
      clustered: true,
    });
    expect(await reader.getMetadata()).toEqual({ name: 'test' });
  });

  it('serves every tile with its bytes, and nothing where there is no tile', async () => {
    for (const tile of tiles) {
      const found = await reader.getZxy(tile.z, tile.x, tile.y);
      expect(new Uint8Array(found?.data ?? new ArrayBuffer(0))).toEqual(tile.data);
    }
    expect(await reader.getZxy(3, 0, 0)).toBeUndefined();
  });

  it('stores identical tiles once, and gives the same bytes for the same tiles', async () => {
    const same = Uint8Array.of(1, 2, 3);
    const repeated: EncodedTile[] = [
      { z: 1, x: 0, y: 0, data: same },
      { z: 1, x: 0, y: 1, data: same },
      { z: 1, x: 1, y: 1, data: same },
      { z: 0, x: 0, y: 0, data: Uint8Array.of(9) },
    ];
    const deduplicated = new PMTiles(memorySource(writePmtiles(repeated, RANGE, {})));
    expect(await deduplicated.getHeader()).toMatchObject({
      numAddressedTiles: 4,
      numTileEntries: 2,
      numTileContents: 2,
    });
    expect(new Uint8Array((await deduplicated.getZxy(1, 1, 1))?.data ?? new ArrayBuffer(0))).toEqual(same);
    expect(writePmtiles(tiles, RANGE, { name: 'test' })).toEqual(archive);
  });

  it('refuses a directory too large for the reader’s first 16 KiB', () => {
    const many: EncodedTile[] = Array.from({ length: 6000 }, (_, index) => ({
      z: 8,
      x: (index * 7) % 256,
      y: Math.floor(index / 37),
      data: Uint8Array.of(index % 251, Math.floor(index / 251)),
    }));
    expect(() => writePmtiles(many, RANGE, {})).toThrow(/root directory/);
  });
});
