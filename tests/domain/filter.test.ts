import { describe, expect, it } from 'vitest';
import { fullBitset, positionsOf } from '../../src/domain/bitset';
import {
  buildFacetIndex,
  DEFAULT_FILTER,
  type FilterState,
  filterStructures,
  isFilterActive,
  toggleValue,
} from '../../src/domain/filter';

const structures = [
  {
    id: 'a',
    type: 'fablab',
    themes: ['numerique', 'industrie'],
    reseaux: ['rfflabs'],
    statut: 'actif',
    region: '53',
    departement: '35',
  },
  {
    id: 'b',
    type: 'fablab',
    themes: ['numerique'],
    reseaux: [],
    statut: 'inconnu',
    region: '53',
    departement: '29',
  },
  {
    id: 'c',
    type: 'incubateur',
    themes: ['sante'],
    reseaux: ['french-tech'],
    statut: 'actif',
    region: '11',
    departement: '75',
  },
  {
    id: 'd',
    type: 'tiers-lieu',
    themes: ['numerique', 'citoyennete'],
    reseaux: [],
    statut: 'ferme',
    region: '11',
    departement: '93',
  },
  {
    id: 'e',
    type: 'tiers-lieu',
    themes: ['seniors'],
    reseaux: [],
    statut: 'inconnu',
    region: '04',
    departement: '974',
  },
];
const index = buildFacetIndex(
  structures,
  new Map([
    ['a', ['equipement-protection']],
    ['c', ['sante', 'equipement-protection']],
  ]),
);
const ids = (filter: FilterState, search: Parameters<typeof filterStructures>[2] = null) =>
  positionsOf(filterStructures(index, filter, search).mask).map((position) => index.ids[position]);
const withValues = (values: Partial<FilterState>): FilterState => ({ ...DEFAULT_FILTER, ...values });

describe('filterStructures', () => {
  it('shows everything but closed structures by default', () => {
    expect(ids(DEFAULT_FILTER)).toEqual(['a', 'b', 'c', 'e']);
    expect(filterStructures(index, DEFAULT_FILTER).count).toBe(4);
  });

  it('shows closed structures when statuses are picked', () => {
    expect(ids(withValues({ status: ['ferme'] }))).toEqual(['d']);
    expect(ids(withValues({ status: ['actif', 'ferme', 'inconnu'] }))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('ORs values inside a facet and ANDs facets', () => {
    expect(ids(withValues({ type: ['fablab', 'incubateur'] }))).toEqual(['a', 'b', 'c']);
    expect(ids(withValues({ type: ['fablab', 'incubateur'], theme: ['sante', 'industrie'] }))).toEqual([
      'a',
      'c',
    ]);
    expect(ids(withValues({ type: ['fablab'], region: ['11'] }))).toEqual([]);
  });

  it('filters on every facet', () => {
    expect(ids(withValues({ network: ['french-tech'] }))).toEqual(['c']);
    expect(ids(withValues({ initiative: ['equipement-protection'] }))).toEqual(['a', 'c']);
    expect(ids(withValues({ initiative: ['sante'] }))).toEqual(['c']);
    expect(ids(withValues({ region: ['04'] }))).toEqual(['e']);
    expect(ids(withValues({ departement: ['35', '29'] }))).toEqual(['a', 'b']);
    expect(ids(withValues({ theme: ['unknown-code'] }))).toEqual([]);
  });

  it('intersects with the search result', () => {
    const search = fullBitset(structures.length);
    search[0] = 0b00101;
    expect(ids(DEFAULT_FILTER, search)).toEqual(['a', 'c']);
    expect(ids(withValues({ type: ['fablab'] }), search)).toEqual(['a']);
  });

  it('counts each value as if it were chosen, leaving its own facet out', () => {
    const result = filterStructures(index, withValues({ type: ['fablab'], theme: ['numerique'] }));
    expect(result.count).toBe(2);
    expect(result.counts.type.get('fablab')).toBe(2);
    expect(result.counts.type.get('tiers-lieu')).toBe(0);
    expect(result.counts.type.get('incubateur')).toBe(0);
    expect(result.counts.theme.get('industrie')).toBe(1);
    expect(result.counts.theme.get('sante')).toBe(0);
    expect(result.counts.status.get('ferme')).toBe(0);
    expect(result.counts.status.get('actif')).toBe(1);
    expect(result.counts.region.get('53')).toBe(2);
  });

  it('handles the empty dataset and a dataset larger than one word', () => {
    const empty = buildFacetIndex([]);
    expect(filterStructures(empty, DEFAULT_FILTER).count).toBe(0);
    const many = buildFacetIndex(
      Array.from({ length: 70 }, (_, position) => ({
        ...structures[0],
        id: `s${position}`,
        statut: position % 7 === 0 ? 'ferme' : 'actif',
      })) as typeof structures,
    );
    expect(filterStructures(many, DEFAULT_FILTER).count).toBe(60);
    expect(filterStructures(many, withValues({ status: ['ferme'] })).count).toBe(10);
  });
});

describe('filter helpers', () => {
  it('toggles values in sorted order and tells whether a filter is active', () => {
    const once = toggleValue(DEFAULT_FILTER, 'type', 'incubateur');
    const twice = toggleValue(once, 'type', 'fablab');
    expect(twice.type).toEqual(['fablab', 'incubateur']);
    expect(toggleValue(twice, 'type', 'fablab').type).toEqual(['incubateur']);
    expect(isFilterActive(DEFAULT_FILTER)).toBe(false);
    expect(isFilterActive(once)).toBe(true);
    expect(isFilterActive({ ...DEFAULT_FILTER, query: ' ' })).toBe(false);
  });
});

describe('the intercommunality facet', () => {
  it('filters by EPCI but lists no per-value counts', () => {
    const index = buildFacetIndex([
      {
        id: 'a',
        type: 'fablab',
        themes: [],
        reseaux: [],
        statut: 'actif',
        region: '53',
        departement: '29',
        epci: '242900314',
      },
      {
        id: 'b',
        type: 'fablab',
        themes: [],
        reseaux: [],
        statut: 'actif',
        region: '53',
        departement: '29',
        epci: '242900702',
      },
      {
        id: 'c',
        type: 'hub',
        themes: [],
        reseaux: [],
        statut: 'actif',
        region: '53',
        departement: '29',
        epci: null,
      },
    ]);
    const result = filterStructures(index, { ...DEFAULT_FILTER, epci: ['242900314'] });
    expect(result.count).toBe(1);
    expect(result.counts.epci.size).toBe(0);
    expect(result.counts.type.get('fablab')).toBe(1);
  });
});
