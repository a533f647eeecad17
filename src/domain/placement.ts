import { normalizeText } from './text';
import type { LngLat, Precision } from './types';

/** A resolved position from the geocode cache or a geocoder. */
export type GeocodeHit = {
  readonly coordinates: LngLat;
  readonly precision: 'adresse' | 'commune';
  readonly provider: string;
};

/** The key of a street address in the geocode cache: normalised "number street, postcode, commune code". */
export function geocodeQuery(input: {
  adresse: string;
  codePostal: string;
  codeInsee: string;
}): string | null {
  if (input.adresse.trim() === '') return null;
  return [normalizeText(input.adresse), input.codePostal, input.codeInsee].join(', ');
}

export type Placement = {
  readonly coordinates: LngLat;
  readonly precision: Precision;
  readonly provider: string;
};

/**
 * Chooses a structure's point, most trustworthy first: coordinates given by its source row, then a street-level
 * hit from the geocode cache, then the centre of its commune. Returns null when none is known (an error upstream).
 */
export function choosePlacement(options: {
  explicit: LngLat | null;
  cached: GeocodeHit | undefined;
  communeCentre: LngLat | null;
}): Placement | null {
  if (options.explicit !== null)
    return { coordinates: options.explicit, precision: 'source', provider: 'source' };
  if (options.cached !== undefined && options.cached.precision === 'adresse') {
    return {
      coordinates: options.cached.coordinates,
      precision: 'adresse',
      provider: options.cached.provider,
    };
  }
  if (options.communeCentre !== null) {
    return { coordinates: options.communeCentre, precision: 'commune', provider: 'gazetteer' };
  }
  return null;
}

/** Rounds to 5 decimals (about 1 m), the precision every published coordinate is written with. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}
