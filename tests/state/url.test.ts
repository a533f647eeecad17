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
    query: 'école du numérique',
  },
  selectedId: 'pole-emc2',
  camera: { zoom: 7.25, lat: 48.1173, lng: -1.6778 },
  language: 'en',
  sort: 'commune',
  onlyInView: true,
  mobileView: 'liste',
  initiativesLayer: true,
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
      '?type=fablab,incubateur&theme=mobilite&reseau=french-tech&statut=ferme&covid=sante&region=53&dep=29,2A,974&q=%C3%A9cole+du+num%C3%A9rique&id=pole-emc2&carte=7.25/48.1173/-1.6778&lang=en&tri=commune&visibles=1&vue=liste&initiatives=1',
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
