import { describe, expect, it } from 'vitest';
import {
  areaFigures,
  CHOROPLETH_PALETTE,
  classBreaks,
  classColours,
  classOf,
  measureOf,
} from '../../src/domain/choropleth';
import { buildFacetIndex, DEFAULT_FILTER, filterStructures } from '../../src/domain/filter';

const structure = (id: string, type: string, departement: string) => ({
  id,
  type,
  themes: [],
  reseaux: [],
  statut: 'actif',
  region: '53',
  departement,
  epci: null,
});
const index = buildFacetIndex([
  structure('a', 'fablab', '29'),
  structure('b', 'fablab', '29'),
  structure('c', 'incubateur', '29'),
  structure('d', 'fablab', '22'),
]);
const departements = [
  { code: '22', name: "Côtes-d'Armor", population: 400_000 },
  { code: '29', name: 'Finistère', population: 600_000 },
  { code: '56', name: 'Morbihan', population: 0 },
];

describe('choropleth', () => {
  it('counts the matching structures of every area, and per 100,000 inhabitants', () => {
    const all = areaFigures(index, filterStructures(index, DEFAULT_FILTER).mask, 'departement', departements);
    expect(all.map((area) => [area.code, area.count, area.rate])).toEqual([
      ['22', 1, 0.3],
      ['29', 3, 0.5],
      ['56', 0, null],
    ]);
    const fablabs = filterStructures(index, { ...DEFAULT_FILTER, type: ['fablab'] }).mask;
    const [cotes, finistere] = areaFigures(index, fablabs, 'departement', departements);
    expect(finistere?.count).toBe(2);
    expect(cotes && measureOf(cotes, 'rate')).toBe(0.3);
    expect(finistere && measureOf(finistere, 'count')).toBe(2);
  });

  it('puts the class breaks between natural groups (Jenks-style), never more classes than distinct values', () => {
    expect(classBreaks([1, 1, 2, 20, 21, 22, 100], 3)).toEqual([2, 22, 100]);
    expect(classBreaks([4, 4, 4])).toEqual([4]);
    expect(classBreaks([])).toEqual([]);
    expect(classBreaks([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]).length).toBe(5);
  });

  it('finds the class of a value and spreads fewer classes over the whole palette', () => {
    expect(classOf(21, [2, 22, 100])).toBe(1);
    expect(classOf(2, [2, 22, 100])).toBe(0);
    expect(classOf(150, [2, 22, 100])).toBe(2);
    expect(classColours(3)).toEqual([CHOROPLETH_PALETTE[0], CHOROPLETH_PALETTE[2], CHOROPLETH_PALETTE[4]]);
    expect(classColours(5)).toEqual([...CHOROPLETH_PALETTE]);
    expect(classColours(1)).toEqual([CHOROPLETH_PALETTE[2]]);
  });
});
