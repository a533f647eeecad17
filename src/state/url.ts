import { DEFAULT_FILTER, FACETS, type Facet, type FilterState } from '../domain/filter';
import type { Language } from '../i18n/messages';

export type Camera = { readonly zoom: number; readonly lat: number; readonly lng: number };
export type ListSort = 'nom' | 'commune' | 'type';
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
};

const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$|^\d[0-9AB]\d*$/;
const MAX_QUERY = 120;

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
  return {
    filter: { ...filter, query },
    selectedId: id !== null && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) && id.length <= 120 ? id : null,
    camera: parseCamera(params.get('carte')),
    language: params.get('lang') === 'en' ? 'en' : 'fr',
    sort: sort === 'commune' || sort === 'type' ? sort : 'nom',
    onlyInView: params.get('visibles') === '1',
    mobileView: params.get('vue') === 'liste' ? 'liste' : 'carte',
    initiativesLayer: params.get('initiatives') === '1',
  };
}

/** Writes a view state as a canonical query string: fixed order, defaults omitted, "" when everything is default. */
export function serializeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  for (const facet of FACETS) {
    const values = [...state.filter[facet]].sort();
    if (values.length > 0) params.set(FACET_PARAMS[facet], values.join(','));
  }
  const query = state.filter.query.trim().slice(0, MAX_QUERY);
  if (query !== '') params.set('q', query);
  if (state.selectedId !== null) params.set('id', state.selectedId);
  if (state.camera !== null) params.set('carte', serializeCamera(state.camera));
  if (state.language !== 'fr') params.set('lang', state.language);
  if (state.sort !== 'nom') params.set('tri', state.sort);
  if (state.onlyInView) params.set('visibles', '1');
  if (state.mobileView !== 'carte') params.set('vue', state.mobileView);
  if (state.initiativesLayer) params.set('initiatives', '1');
  const text = params.toString().replace(/%2C/g, ',').replace(/%2F/g, '/');
  return text === '' ? '' : `?${text}`;
}
