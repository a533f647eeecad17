import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTER } from '../../src/domain/filter';
import {
  DEFAULT_URL_STATE,
  parseCamera,
  parseUrlState,
  serializeCamera,
  serializeUrlState,
  type UrlState,
} from '../../src/state/url';

const full: UrlState = {
  filter: {
    ...DEFAULT_FILTER,
    type: ['fablab', 'incubateur'],
    theme: ['mobilite'],
    network: ['french-tech'],
    status: ['ferme'],
    initiative: ['sante'],
    region: ['53'],
    departement: ['29', '2A', '974'],
    epci: ['242900314'],
    query: 'école du numérique',
    territory: { level: 'epci', code: '242900314' },
  },
  selectedId: 'pole-emc2',
  camera: { zoom: 7.25, lat: 48.1173, lng: -1.6778 },
  language: 'en',
  sort: 'distance',
  onlyInView: true,
  mobileView: 'liste',
  initiativesLayer: true,
  place: { label: 'Brest (29)', lngLat: [-4.4861, 48.3904] },
  radiusKm: 50,
  choropleth: 'departement',
  choroplethMeasure: 'rate',
  embed: true,
  selection: ['pole-emc2', 'fablab-lannion'],
};

describe('URL state', () => {
  it('round-trips every field', () => {
    expect(parseUrlState(serializeUrlState(full))).toEqual(full);
  });

  it('is short, readable and canonical: defaults omitted, values sorted', () => {
    expect(serializeUrlState(DEFAULT_URL_STATE)).toBe('');
    expect(
      serializeUrlState({
        ...DEFAULT_URL_STATE,
        filter: { ...DEFAULT_FILTER, type: ['incubateur', 'fablab'] },
      }),
    ).toBe('?type=fablab,incubateur');
    expect(serializeUrlState(full)).toBe(
      '?type=fablab,incubateur&theme=mobilite&reseau=french-tech&statut=ferme&covid=sante&region=53&dep=29,2A,974&epci=242900314&territoire=epci:242900314&q=%C3%A9cole+du+num%C3%A9rique&id=pole-emc2&carte=7.25/48.1173/-1.6778&lang=en&tri=distance&visibles=1&vue=liste&initiatives=1&pres=48.3904,-4.4861&lieu=Brest+%2829%29&rayon=50&aplat=departement&mesure=habitants&selection=pole-emc2,fablab-lannion&embed=1',
    );
    const text = serializeUrlState(full);
    expect(serializeUrlState(parseUrlState(text))).toBe(text);
  });

  it.each([
    '?type=<script>&theme=,,,&carte=abc&id=../../etc&lang=de&tri=hack&vue=42',
    '?carte=99/0/0',
    '?carte=5/91/0',
    '?carte=5/45',
    '?q=%E0%A4%A',
    '%%%',
    `?type=${'a'.repeat(5000)}`,
  ])('falls back to defaults on garbage: %s', (search) => {
    const state = parseUrlState(search);
    expect(state.camera).toBeNull();
    expect(state.selectedId).toBeNull();
    expect(state.language).toBe('fr');
    expect(state.sort).toBe('nom');
    expect(state.filter.type).toEqual([]);
  });

  it.each([
    ['?pres=48.39,-4.48&lieu=Brest&rayon=7', { label: 'Brest', lngLat: [-4.48, 48.39] }, 20],
    ['?pres=91,0&lieu=Nowhere&rayon=50', null, 50],
    ['?pres=abc&rayon=50', null, 50],
    ['?pres=48.39,-4.48', { label: '48.39, -4.48', lngLat: [-4.48, 48.39] }, 20],
    [`?pres=48.39,-4.48&lieu=${'x'.repeat(300)}%00`, { label: 'x'.repeat(80), lngLat: [-4.48, 48.39] }, 20],
  ])('validates the place and the radius: %s', (search, place, radius) => {
    const state = parseUrlState(search);
    expect(state.place).toEqual(place);
    expect(state.radiusKm).toBe(radius);
  });

  it('drops the distance order without a place', () => {
    expect(parseUrlState('?tri=distance').sort).toBe('nom');
    expect(serializeUrlState({ ...DEFAULT_URL_STATE, sort: 'distance' })).toBe('');
  });

  it('keeps the valid part of a partly valid list and caps the query', () => {
    const state = parseUrlState(`?type=fablab,<b>,incubateur&q=${'x'.repeat(500)}`);
    expect(state.filter.type).toEqual(['fablab', 'incubateur']);
    expect(state.filter.query).toHaveLength(120);
  });
});

describe('camera parameter', () => {
  it('parses zoom/lat/lng in range and rounds when writing', () => {
    expect(parseCamera('6/46.5/2.3')).toEqual({ zoom: 6, lat: 46.5, lng: 2.3 });
    expect(parseCamera('6/-21.1/55.5')).toEqual({ zoom: 6, lat: -21.1, lng: 55.5 });
    expect(parseCamera('6/46.5/2.3/1')).toBeNull();
    expect(parseCamera('-1/46.5/2.3')).toBeNull();
    expect(serializeCamera({ zoom: 6.123456, lat: 46.123456789, lng: 2.98765432 })).toBe(
      '6.12/46.1235/2.9877',
    );
  });
});
