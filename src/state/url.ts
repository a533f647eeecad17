import { CHOROPLETH_LEVELS, type ChoroplethLevel, type ChoroplethMeasure } from '../domain/choropleth-levels';
import { DEFAULT_FILTER, FACETS, type Facet, type FilterState } from '../domain/filter';
import { type ChosenPlace, DEFAULT_RADIUS_KM, RADIUS_CHOICES_KM } from '../domain/proximity';
import { isShortlistId, MAX_SHORTLIST } from '../domain/shortlist';
import { formatTerritory, parseTerritory } from '../domain/territory';
import type { Language } from '../i18n/messages';

export type Camera = { readonly zoom: number; readonly lat: number; readonly lng: number };
export type ListSort = 'nom' | 'commune' | 'type' | 'distance';
export type MobileView = 'carte' | 'liste';

/** Everything a shared link restores. */
export type UrlState = {
  readonly filter: FilterState;
  readonly selectedId: string | null;
  readonly camera: Camera | null;
  readonly language: Language;
  readonly sort: ListSort;
  readonly onlyInView: boolean;
  readonly mobileView: MobileView;
  readonly initiativesLayer: boolean;
  /** The place the list measures distances from, and the radius around it. */
  readonly place: ChosenPlace | null;
  readonly radiusKm: number;
  /** The level the map colours by structures (choropleth), or null for points only; and what it measures. */
  readonly choropleth: ChoroplethLevel | null;
  readonly choroplethMeasure: ChoroplethMeasure;
  /** The compact layout for iframes (`embed=1`). */
  readonly embed: boolean;
  /** "Ma sélection" shown alone: the starred ids travel in the link (`selection=`), so it opens elsewhere. */
  readonly selection: readonly string[] | null;
};

export const DEFAULT_URL_STATE: UrlState = {
  filter: DEFAULT_FILTER,
  selectedId: null,
  camera: null,
  language: 'fr',
  sort: 'nom',
  onlyInView: false,
  mobileView: 'carte',
  initiativesLayer: false,
  place: null,
  radiusKm: DEFAULT_RADIUS_KM,
  choropleth: null,
  choroplethMeasure: 'count',
  embed: false,
  selection: null,
};

/** Short French parameter names, in the canonical order of serialisation. */
const FACET_PARAMS: Record<Facet, string> = {
  type: 'type',
  theme: 'theme',
  network: 'reseau',
  status: 'statut',
  initiative: 'covid',
  region: 'region',
  departement: 'dep',
  epci: 'epci',
};

const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$|^\d[0-9AB]\d*$/;
const MAX_QUERY = 120;
const MAX_PLACE_LABEL = 80;

/** Reads `lat,lng` (France and its overseas regions fit in these ranges); null on anything else. */
export function parsePlace(position: string | null, label: string | null): ChosenPlace | null {
  if (position === null) return null;
  const parts = position.split(',');
  if (parts.length !== 2 || parts.some((part) => !/^-?\d+(\.\d+)?$/.test(part))) return null;
  const [lat, lng] = parts.map(Number) as [number, number];
  if (lat < -85 || lat > 85 || lng < -180 || lng > 180) return null;
  const printable = Array.from(label ?? '').filter((character) => {
    const code = character.charCodeAt(0);
    return code >= 32 && code !== 127;
  });
  const text = printable.join('').trim().slice(0, MAX_PLACE_LABEL);
  return { label: text === '' ? `${lat}, ${lng}` : text, lngLat: [lng, lat] };
}

function parseRadius(value: string | null): number {
  const radius = Number(value);
  return (RADIUS_CHOICES_KM as readonly number[]).includes(radius) ? radius : DEFAULT_RADIUS_KM;
}

/**
 * Reads `zoom/lat/lng` (as geojson.io's `map` parameter): range-checked numbers, null on anything else.
 */
export function parseCamera(value: string | null): Camera | null {
  if (value === null) return null;
  const parts = value.split('/');
  if (parts.length !== 3 || parts.some((part) => !/^-?\d+(\.\d+)?$/.test(part))) return null;
  const [zoom, lat, lng] = parts.map(Number) as [number, number, number];
  if (zoom < 0 || zoom > 22 || lat < -85 || lat > 85 || lng < -180 || lng > 180) return null;
  return { zoom, lat, lng };
}

export function serializeCamera(camera: Camera): string {
  const trim = (value: number, decimals: number) => String(Number(value.toFixed(decimals)));
  return `${trim(camera.zoom, 2)}/${trim(camera.lat, 4)}/${trim(camera.lng, 4)}`;
}

function parseCodes(value: string | null): string[] {
  if (value === null) return [];
  return [
    ...new Set(
      value
        .split(',')
        .map((code) => code.trim())
        .filter((code) => code.length <= 40 && CODE.test(code)),
    ),
  ].sort();
}

/** Reads the starred ids of a shared selection: valid ids only, in their order, at most `MAX_SHORTLIST`. */
function parseSelection(value: string | null): string[] | null {
  if (value === null) return null;
  return [...new Set(value.split(',').filter(isShortlistId))].slice(0, MAX_SHORTLIST);
}

/**
 * Parses a query string into a view state. Tolerant: anything malformed falls back to its default, never throws.
 */
export function parseUrlState(search: string): UrlState {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return DEFAULT_URL_STATE;
  }
  const filter = Object.fromEntries(
    FACETS.map((facet) => [facet, parseCodes(params.get(FACET_PARAMS[facet]))]),
  ) as Record<Facet, string[]>;
  const query = (params.get('q') ?? '').slice(0, MAX_QUERY);
  const id = params.get('id');
  const sort = params.get('tri');
  const place = parsePlace(params.get('pres'), params.get('lieu'));
  return {
    filter: { ...filter, query, territory: parseTerritory(params.get('territoire')) },
    selectedId: id !== null && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) && id.length <= 120 ? id : null,
    camera: parseCamera(params.get('carte')),
    language: params.get('lang') === 'en' ? 'en' : 'fr',
    sort: sort === 'commune' || sort === 'type' || (sort === 'distance' && place !== null) ? sort : 'nom',
    onlyInView: params.get('visibles') === '1',
    mobileView: params.get('vue') === 'liste' ? 'liste' : 'carte',
    initiativesLayer: params.get('initiatives') === '1',
    place,
    radiusKm: parseRadius(params.get('rayon')),
    choropleth: (CHOROPLETH_LEVELS as readonly string[]).includes(params.get('aplat') ?? '')
      ? (params.get('aplat') as ChoroplethLevel)
      : null,
    choroplethMeasure: params.get('mesure') === 'habitants' ? 'rate' : 'count',
    embed: params.get('embed') === '1',
    selection: parseSelection(params.get('selection')),
  };
}

/** Writes a view state as a canonical query string: fixed order, defaults omitted, "" when everything is default. */
export function serializeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  for (const facet of FACETS) {
    const values = [...state.filter[facet]].sort();
    if (values.length > 0) params.set(FACET_PARAMS[facet], values.join(','));
  }
  if (state.filter.territory) params.set('territoire', formatTerritory(state.filter.territory));
  const query = state.filter.query.trim().slice(0, MAX_QUERY);
  if (query !== '') params.set('q', query);
  if (state.selectedId !== null) params.set('id', state.selectedId);
  if (state.camera !== null) params.set('carte', serializeCamera(state.camera));
  if (state.language !== 'fr') params.set('lang', state.language);
  if (state.sort !== 'nom' && (state.sort !== 'distance' || state.place !== null))
    params.set('tri', state.sort);
  if (state.onlyInView) params.set('visibles', '1');
  if (state.mobileView !== 'carte') params.set('vue', state.mobileView);
  if (state.initiativesLayer) params.set('initiatives', '1');
  if (state.place !== null) {
    const [lng, lat] = state.place.lngLat;
    params.set('pres', `${Number(lat.toFixed(4))},${Number(lng.toFixed(4))}`);
    params.set('lieu', state.place.label.slice(0, MAX_PLACE_LABEL));
    if (state.radiusKm !== DEFAULT_RADIUS_KM) params.set('rayon', String(state.radiusKm));
  }
  if (state.choropleth !== null) {
    params.set('aplat', state.choropleth);
    if (state.choroplethMeasure === 'rate') params.set('mesure', 'habitants');
  }
  if (state.selection !== null) params.set('selection', state.selection.join(','));
  if (state.embed) params.set('embed', '1');
  const text = params.toString().replace(/%2C/g, ',').replace(/%2F/g, '/').replace(/%3A/g, ':');
  return text === '' ? '' : `?${text}`;
}
