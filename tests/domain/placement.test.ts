import { describe, expect, it } from 'vitest';
import { choosePlacement, geocodeQuery } from '../../src/domain/placement';

const explicit = [-1.5536, 47.2184] as const;
const street = { coordinates: [-1.56, 47.21] as const, precision: 'adresse' as const, provider: 'ban' };
const centre = [-1.55, 47.23] as const;

describe('choosePlacement', () => {
  it('prefers coordinates given by the source row', () => {
    expect(choosePlacement({ explicit, cached: street, communeCentre: centre })).toEqual({
      coordinates: explicit,
      precision: 'source',
      provider: 'source',
    });
  });
  it('then a street-level hit of the geocode cache', () => {
    expect(choosePlacement({ explicit: null, cached: street, communeCentre: centre })).toEqual({
      coordinates: street.coordinates,
      precision: 'adresse',
      provider: 'ban',
    });
  });
  it('then the centre of the commune', () => {
    expect(choosePlacement({ explicit: null, cached: undefined, communeCentre: centre })).toEqual({
      coordinates: centre,
      precision: 'commune',
      provider: 'gazetteer',
    });
    const communeHit = { ...street, precision: 'commune' as const };
    expect(choosePlacement({ explicit: null, cached: communeHit, communeCentre: centre })?.precision).toBe(
      'commune',
    );
  });
  it('gives up when nothing is known', () => {
    expect(choosePlacement({ explicit: null, cached: undefined, communeCentre: null })).toBeNull();
  });
});

describe('geocodeQuery', () => {
  it('normalises the address so the cache key is stable', () => {
    expect(
      geocodeQuery({ adresse: '9, Rue du Petit-Châtelier ', codePostal: '44300', codeInsee: '44109' }),
    ).toBe('9 rue du petit chatelier, 44300, 44109');
    expect(geocodeQuery({ adresse: '', codePostal: '44300', codeInsee: '44109' })).toBeNull();
  });
});
