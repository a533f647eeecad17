import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { BasemapKind } from '../domain/map-props';
import { buildBasemapStyle } from './style';

/** What each basemap credits, shown under the map. */
export const BASEMAP_ATTRIBUTION: Record<BasemapKind, string> = {
  'hors-ligne': '© IGN Admin Express (Licence Ouverte) · Natural Earth',
  'plan-ign': '© IGN – Plan IGN (Géoplateforme, Licence Ouverte)',
  osm: '© les contributeurs d’OpenStreetMap (ODbL)',
};

/** The hosts a basemap asks, for the Content-Security-Policy and the privacy notice. */
export const BASEMAP_HOSTS: Record<BasemapKind, readonly string[]> = {
  'hors-ligne': [],
  'plan-ign': ['https://data.geopf.fr'],
  osm: ['https://tile.openstreetmap.org'],
};

/**
 * The style of each basemap: the embedded one (default, offline), Plan IGN (the Géoplateforme's tokenless vector
 * style) and OpenStreetMap's raster tiles. The online ones are only ever loaded once the user picked them.
 */
export function basemapStyle(kind: BasemapKind, offlineUrl: string): StyleSpecification | string {
  if (kind === 'plan-ign')
    return 'https://data.geopf.fr/annexes/ressources/vectorTiles/styles/PLAN.IGN/standard.json';
  if (kind === 'osm')
    return {
      version: 8,
      name: 'OpenStreetMap',
      sources: {
        osm: {
          type: 'raster',
          tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
          tileSize: 256,
          maxzoom: 19,
        },
      },
      layers: [{ id: 'osm', type: 'raster', source: 'osm' }],
    };
  return buildBasemapStyle(offlineUrl);
}
