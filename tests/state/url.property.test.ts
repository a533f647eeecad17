import { describe, expect, it } from 'vitest';
import { CHOROPLETH_LEVELS } from '../../src/domain/choropleth';
import { FACETS } from '../../src/domain/filter';
import { RADIUS_CHOICES_KM } from '../../src/domain/proximity';
import { isShortlistId, MAX_SHORTLIST } from '../../src/domain/shortlist';
import { TERRITORY_LEVELS } from '../../src/domain/territory';
import { parseUrlState, serializeUrlState, type UrlState } from '../../src/state/url';
import { garbageQueries } from '../fixtures/garbage-urls';

const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$|^\d[0-9AB]\d*$/;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TERRITORY_CODE = {
  region: /^\d{2}$/,
  departement: /^(\d{2}|2[AB]|97\d)$/,
  epci: /^\d{9}$/,
  commune: /^(\d{5}|2[AB]\d{3})$/,
} as const;

/** A query string short enough for a failure message. */
const shown = (query: string) => JSON.stringify(query.length > 160 ? `${query.slice(0, 160)}…` : query);

const inRange = (value: number, low: number, high: number) =>
  Number.isFinite(value) && value >= low && value <= high;

/** What is wrong with a parsed state, field by field (empty when it holds only values the app can use). */
function problemsOf(state: UrlState): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  for (const facet of FACETS) {
    const values = state.filter[facet];
    check(Array.isArray(values), `${facet} is not an array`);
    check(
      values.every((value) => value.length <= 40 && CODE.test(value)),
      `${facet} holds a malformed code`,
    );
    check(new Set(values).size === values.length, `${facet} holds a code twice`);
    check(values.join('\u0000') === [...values].sort().join('\u0000'), `${facet} is not sorted`);
  }
  check(typeof state.filter.query === 'string' && state.filter.query.length <= 120, 'query too long');
  const territory = state.filter.territory;
  check(
    !territory ||
      (TERRITORY_LEVELS.includes(territory.level) && TERRITORY_CODE[territory.level].test(territory.code)),
    'malformed territory',
  );
  check(
    state.selectedId === null || (state.selectedId.length <= 120 && ID.test(state.selectedId)),
    'malformed id',
  );
  const camera = state.camera;
  check(
    camera === null ||
      (inRange(camera.zoom, 0, 22) && inRange(camera.lat, -85, 85) && inRange(camera.lng, -180, 180)),
    'camera out of range',
  );
  check(state.language === 'fr' || state.language === 'en', 'unknown language');
  check(['nom', 'commune', 'type', 'distance'].includes(state.sort), 'unknown sort');
  check(state.sort !== 'distance' || state.place !== null, 'sorted by distance from no place');
  for (const key of ['onlyInView', 'initiativesLayer', 'embed'] as const)
    check(typeof state[key] === 'boolean', `${key} is not a boolean`);
  check(state.mobileView === 'carte' || state.mobileView === 'liste', 'unknown view');
  const place = state.place;
  check(
    place === null ||
      (inRange(place.lngLat[1], -85, 85) &&
        inRange(place.lngLat[0], -180, 180) &&
        place.label.length > 0 &&
        place.label.length <= 80 &&
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the label must hold none
        !/[\u0000-\u001f\u007f]/.test(place.label)),
    'malformed place',
  );
  check((RADIUS_CHOICES_KM as readonly number[]).includes(state.radiusKm), 'radius not offered');
  check(
    state.choropleth === null || (CHOROPLETH_LEVELS as readonly string[]).includes(state.choropleth),
    'unknown choropleth level',
  );
  check(state.choroplethMeasure === 'count' || state.choroplethMeasure === 'rate', 'unknown measure');
  const selection = state.selection;
  check(
    selection === null ||
      (selection.length <= MAX_SHORTLIST &&
        selection.every(isShortlistId) &&
        new Set(selection).size === selection.length),
    'malformed selection',
  );
  return problems;
}

/**
 * 10,000 generated query strings (seeded, so the same on every run: see tests/fixtures/garbage-urls.ts), with
 * random, overlong, percent-encoded, unicode and bidi values for every parameter the app reads and unknown ones.
 * The browser counterpart is tests/browser/garbage-urls.test.ts.
 */
/**
 * 10,000 in the unit tier; the mutation run (vitest.mutation.config.ts) asks for fewer, since it runs this file once
 * per mutant of src/state/url.ts.
 */
const COUNT = Number(process.env.GARBAGE_QUERY_COUNT ?? 10_000);

describe('parseUrlState on garbage', () => {
  const queries = garbageQueries(COUNT);

  it('generates varied strings: every parameter, long ones, encoded ones', () => {
    expect(new Set(queries).size).toBeGreaterThan(COUNT * 0.8);
    expect(queries.some((query) => query.length > 5_000)).toBe(true);
    expect(queries.filter((query) => /%[0-9A-F]{2}/.test(query)).length).toBeGreaterThan(COUNT * 0.1);
    expect(queries.filter((query) => query.includes('\u202e')).length).toBeGreaterThan(COUNT * 0.005);
    for (const name of ['territoire', 'carte', 'pres', 'selection', 'embed'])
      expect(queries.filter((query) => query.includes(`${name}=`)).length).toBeGreaterThan(COUNT * 0.03);
  });

  it('never throws and always returns values the app can use, with or without the leading "?"', () => {
    const failures: string[] = [];
    for (const query of queries) {
      for (const search of [query, `?${query}`]) {
        try {
          const problems = problemsOf(parseUrlState(search));
          if (problems.length > 0) failures.push(`${shown(search)}: ${problems.join(', ')}`);
        } catch (error) {
          failures.push(`${shown(search)}: threw ${String(error)}`);
        }
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it('serialises what it parsed to a canonical link, which parses back to the same link', () => {
    const failures: string[] = [];
    for (const query of queries) {
      const canonical = serializeUrlState(parseUrlState(query));
      const again = serializeUrlState(parseUrlState(canonical));
      if (again !== canonical) failures.push(`${shown(query)} → ${shown(canonical)} → ${shown(again)}`);
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });
});
