import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { FeatureCollection } from 'geojson';
import { zxyToTileId } from 'pmtiles';

/** One layer of the vector basemap: its features (their properties are dropped) and the first zoom it appears at. */
export type TileLayer = { name: string; features: FeatureCollection; minzoom: number };

/** A tile set's extent: zoom range and the `[west, south, east, north]` bounds the tiles are cut in. */
export type TileRange = {
  minzoom: number;
  maxzoom: number;
  bounds: readonly [number, number, number, number];
};

/** One encoded vector tile (Mapbox Vector Tile 2, uncompressed). */
export type EncodedTile = { z: number; x: number; y: number; data: Uint8Array };

const EXTENT = 4096;

function tileX(lng: number, z: number): number {
  return Math.floor(((lng + 180) / 360) * 2 ** z);
}

function tileY(lat: number, z: number): number {
  const sin = Math.sin((lat * Math.PI) / 180);
  const y = 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
  return Math.floor(Math.min(Math.max(y, 0), 1 - 1e-12) * 2 ** z);
}

/**
 * Cuts the layers into vector tiles with geojson-vt (the same tiler MapLibre runs in its worker for a GeoJSON
 * source, so the tiles match what the GeoJSON sources drew) and encodes them with vt-pbf. Tiles with no feature
 * are left out; a layer is only written from its `minzoom` on. Properties are dropped: the basemap's layers
 * only draw geometry.
 */
export function buildVectorTiles(layers: readonly TileLayer[], range: TileRange): EncodedTile[] {
  const indexes = layers.map((layer) => ({
    layer,
    index: new GeoJSONVT(
      {
        type: 'FeatureCollection',
        features: layer.features.features.map((feature) => ({ ...feature, properties: {} })),
      },
      { maxZoom: range.maxzoom, indexMaxZoom: range.maxzoom, indexMaxPoints: 0, extent: EXTENT, buffer: 64 },
    ),
  }));
  const [west, south, east, north] = range.bounds;
  const tiles: EncodedTile[] = [];
  for (let z = range.minzoom; z <= range.maxzoom; z += 1) {
    for (let x = tileX(west, z); x <= tileX(east, z); x += 1) {
      for (let y = tileY(north, z); y <= tileY(south, z); y += 1) {
        const content: Parameters<typeof fromGeojsonVt>[0] = {};
        for (const { layer, index } of indexes) {
          if (z < layer.minzoom) continue;
          const tile = index.getTile(z, x, y);
          if (tile !== null && tile.features.length > 0) content[layer.name] = tile;
        }
        if (Object.keys(content).length === 0) continue;
        tiles.push({ z, x, y, data: fromGeojsonVt(content, { version: 2, extent: EXTENT }) });
      }
    }
  }
  return tiles;
}

function writeVarint(bytes: number[], value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
}

type DirectoryEntry = { tileId: number; offset: number; length: number; runLength: number };

/** A PMTiles v3 directory: entry count, then tile id deltas, run lengths, lengths and offsets, column by column. */
function encodeDirectory(entries: readonly DirectoryEntry[]): Uint8Array {
  const bytes: number[] = [];
  writeVarint(bytes, entries.length);
  let lastId = 0;
  for (const entry of entries) {
    writeVarint(bytes, entry.tileId - lastId);
    lastId = entry.tileId;
  }
  for (const entry of entries) writeVarint(bytes, entry.runLength);
  for (const entry of entries) writeVarint(bytes, entry.length);
  entries.forEach((entry, position) => {
    const previous = entries[position - 1];
    const follows = previous !== undefined && entry.offset === previous.offset + previous.length;
    writeVarint(bytes, follows ? 0 : entry.offset + 1);
  });
  return Uint8Array.from(bytes);
}

const HEADER_LENGTH = 127;
const COMPRESSION_NONE = 1;
const ROOT_DIRECTORY_LIMIT = 16_384 - HEADER_LENGTH;

/**
 * Writes a PMTiles v3 archive (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md) of MVT tiles
 * with a single root directory (no leaf directories: the whole directory must fit in the 16 KiB a reader fetches
 * first, else this throws). Identical tiles are stored once and consecutive ones share a directory entry.
 * Nothing is compressed: small vector tiles barely shrink (gzip saves 3 % on this basemap), a static host does
 * not compress byte-range responses anyway, and the reader then never has to decompress anything.
 * Deterministic: the same tiles give the same bytes.
 */
export function writePmtiles(
  tiles: readonly EncodedTile[],
  range: TileRange,
  metadata: Record<string, unknown>,
): Uint8Array {
  const sorted = tiles
    .map((tile) => ({ tileId: zxyToTileId(tile.z, tile.x, tile.y), data: tile.data }))
    .sort((left, right) => left.tileId - right.tileId);
  const entries: DirectoryEntry[] = [];
  const offsets = new Map<string, number>();
  const contents: Uint8Array[] = [];
  let dataLength = 0;
  for (const { tileId, data } of sorted) {
    const key = Buffer.from(data).toString('base64');
    let offset = offsets.get(key);
    if (offset === undefined) {
      offset = dataLength;
      offsets.set(key, offset);
      contents.push(data);
      dataLength += data.length;
    }
    const last = entries.at(-1);
    if (last !== undefined && last.offset === offset && last.tileId + last.runLength === tileId)
      last.runLength += 1;
    else entries.push({ tileId, offset, length: data.length, runLength: 1 });
  }
  const root = encodeDirectory(entries);
  if (root.length > ROOT_DIRECTORY_LIMIT)
    throw new Error(
      `PMTiles root directory is ${root.length} bytes, over ${ROOT_DIRECTORY_LIMIT}: fewer tiles needed`,
    );
  const meta = new TextEncoder().encode(JSON.stringify(metadata));

  const header = new DataView(new ArrayBuffer(HEADER_LENGTH));
  const bytes = new Uint8Array(header.buffer);
  bytes.set(new TextEncoder().encode('PMTiles'), 0);
  header.setUint8(7, 3);
  const metadataOffset = HEADER_LENGTH + root.length;
  const dataOffset = metadataOffset + meta.length;
  const numbers: [number, number][] = [
    [8, HEADER_LENGTH],
    [16, root.length],
    [24, metadataOffset],
    [32, meta.length],
    [40, dataOffset],
    [48, 0],
    [56, dataOffset],
    [64, dataLength],
    [72, sorted.length],
    [80, entries.length],
    [88, contents.length],
  ];
  for (const [position, value] of numbers) header.setBigUint64(position, BigInt(value), true);
  header.setUint8(96, 1);
  header.setUint8(97, COMPRESSION_NONE);
  header.setUint8(98, COMPRESSION_NONE);
  header.setUint8(99, 1);
  header.setUint8(100, range.minzoom);
  header.setUint8(101, range.maxzoom);
  const [west, south, east, north] = range.bounds;
  const e7 = (degrees: number) => Math.round(degrees * 1e7);
  header.setInt32(102, e7(west), true);
  header.setInt32(106, e7(south), true);
  header.setInt32(110, e7(east), true);
  header.setInt32(114, e7(north), true);
  header.setUint8(118, range.minzoom);
  header.setInt32(119, e7((west + east) / 2), true);
  header.setInt32(123, e7((south + north) / 2), true);

  const archive = new Uint8Array(dataOffset + dataLength);
  archive.set(bytes, 0);
  archive.set(root, HEADER_LENGTH);
  archive.set(meta, metadataOffset);
  let position = dataOffset;
  for (const content of contents) {
    archive.set(content, position);
    position += content.length;
  }
  return archive;
}

/** The tiled basemap's file name in `public/basemap/`. */
export const BASEMAP_TILES = 'basemap.pmtiles';

/**
 * The zooms and area of the tiled basemap: z0–8 (MapLibre overzooms the z8 tiles beyond, which stays sharp at a
 * department's zoom) over the countries' clip box of `import-basemap.ts`.
 */
export const BASEMAP_RANGE: TileRange = { minzoom: 0, maxzoom: 8, bounds: [-30, -30, 60, 62] };

/**
 * The offline basemap as one PMTiles archive, with the layer names and zooms `src/map/style.ts` draws: countries
 * and regions from z0, departments from z5 (their lines are hidden below).
 */
export function basemapTiles(input: {
  countries: FeatureCollection;
  regions: FeatureCollection;
  departements: FeatureCollection;
}): Uint8Array {
  const layers: TileLayer[] = [
    { name: 'countries', features: input.countries, minzoom: 0 },
    { name: 'regions', features: input.regions, minzoom: 0 },
    { name: 'departements', features: input.departements, minzoom: 5 },
  ];
  return writePmtiles(buildVectorTiles(layers, BASEMAP_RANGE), BASEMAP_RANGE, {
    name: 'Atlas — fond de carte hors ligne',
    attribution: '© IGN Admin Express (Licence Ouverte) · Natural Earth',
    vector_layers: layers.map((layer) => ({
      id: layer.name,
      fields: {},
      minzoom: layer.minzoom,
      maxzoom: BASEMAP_RANGE.maxzoom,
    })),
  });
}
