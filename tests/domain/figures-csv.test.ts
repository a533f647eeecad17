import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { FIGURE_COLUMNS, figuresCsv } from '../../src/domain/export';
import type { TerritoryPanel } from '../../src/state/territory-selectors';
import { territoryFigureRows } from '../../src/views/territory/figures-download';

const BREST = { level: 'epci', code: '242900314' } as const;
const panel: TerritoryPanel = {
  info: { ref: BREST, name: '=Brest Métropole', population: 200_000, parents: [] },
  columns: [
    { ref: { level: 'departement', code: '29' }, population: 600_000, name: 'Finistère' },
    { ref: null, population: 4_000_000, name: 'France' },
  ],
  rows: [
    {
      code: null,
      territory: { count: 3, perCapita: 1.5 },
      parents: [
        { count: 4, perCapita: 0.7 },
        { count: 7, perCapita: 0.2 },
      ],
    },
    {
      code: 'fablab',
      territory: { count: 2, perCapita: 1 },
      parents: [
        { count: 3, perCapita: 0.5 },
        { count: 5, perCapita: 0.1 },
      ],
    },
  ],
  themes: [],
  initiatives: [],
  peers: [
    {
      ref: BREST,
      name: '=Brest Métropole',
      population: 200_000,
      parents: [],
      count: 3,
      perCapita: 1.5,
      rank: 1,
    },
    {
      ref: { level: 'epci', code: '242900693' },
      name: 'Quimper',
      population: 0,
      parents: [],
      count: 1,
      perCapita: null,
      rank: 2,
    },
  ],
  peersParent: null,
};

describe('figures CSV (territory panel, choropleth)', () => {
  it('writes the panel in long format: territory, parents and France per type, then the peers', () => {
    const rows = territoryFigureRows(panel, []);
    expect(rows.map((row) => [row.niveau, row.code, row.type, row.structures, row.pour_100000_hab])).toEqual([
      ['epci', '242900314', 'tous', 3, 1.5],
      ['departement', '29', 'tous', 4, 0.7],
      ['france', 'FR', 'tous', 7, 0.2],
      ['epci', '242900314', 'fablab', 2, 1],
      ['departement', '29', 'fablab', 3, 0.5],
      ['france', 'FR', 'fablab', 5, 0.1],
      ['epci', '242900693', 'tous', 1, null],
    ]);
    expect(territoryFigureRows(panel, ['fablab', 'satt'])[0]?.type).toBe('total (fablab|satt)');
  });

  it('round-trips through PapaParse with a BOM, both separators, neutralised formulas and empty unknown rates', () => {
    const rows = territoryFigureRows(panel, []);
    for (const delimiter of [';', ','] as const) {
      const text = figuresCsv(rows, delimiter);
      expect(text.startsWith('\uFEFF')).toBe(true);
      const parsed = Papa.parse<string[]>(text.slice(1), { delimiter, skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      expect(parsed.data[0]).toEqual([...FIGURE_COLUMNS]);
      expect(parsed.data[1]).toEqual([
        'epci',
        '242900314',
        "'=Brest Métropole",
        '200000',
        'tous',
        '3',
        '1.5',
      ]);
      expect(parsed.data.at(-1)).toEqual(['epci', '242900693', 'Quimper', '0', 'tous', '1', '']);
    }
  });
});
