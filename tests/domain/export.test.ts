import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  EXPORT_COLUMNS,
  exportFileName,
  exportRows,
  neutralizeFormula,
  provenanceText,
  toCsv,
  toGeoJson,
} from '../../src/domain/export';
import { structure } from '../helpers';

const context = {
  departementNames: new Map([['44', 'Loire-Atlantique']]),
  regionNames: new Map([['52', 'Pays de la Loire']]),
  distanceOf: (id: string) => (id === 'pole-emc2' ? 3.1372 : null),
};
const poisoned = [
  structure(),
  structure({
    id: 'poison',
    nom: '=HYPERLINK("http://evil.example","clic")',
    description: "+cmd|' /C calc'!A0",
    adresse: '-2+3',
    commune: '@SUM(A1:A2)',
    source: '\tTAB; "quoted", comma',
    siteWeb: '\rCR',
    coordinates: [-4.48, 48.39],
  }),
];

describe('export', () => {
  it('writes every contract field and the derived ones, as text', () => {
    const [row] = exportRows([structure({ departement: '44', region: '52' })], context);
    expect(Object.keys(row ?? {})).toEqual([...EXPORT_COLUMNS]);
    expect(row).toMatchObject({
      id: 'pole-emc2',
      themes: 'industrie',
      departement_nom: 'Loire-Atlantique',
      region_nom: 'Pays de la Loire',
      epci: '244400404',
      distance_km: '3.14',
    });
  });

  it('CSV: BOM, both separators, CRLF, round trip through PapaParse with accents, quotes and empty fields', () => {
    const rows = exportRows(poisoned, context);
    for (const delimiter of [';', ','] as const) {
      const csv = toCsv(rows, delimiter);
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      expect(csv).toContain('\r\n');
      const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter, skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      expect(parsed.data[0]).toEqual([...EXPORT_COLUMNS]);
      expect(parsed.data).toHaveLength(3);
      const emc2 = parsed.data[1] ?? [];
      expect(emc2[EXPORT_COLUMNS.indexOf('nom')]).toBe('EMC2');
      expect(emc2[EXPORT_COLUMNS.indexOf('description')]).toBe(
        'Pôle des technologies avancées de production.',
      );
      expect(emc2[EXPORT_COLUMNS.indexOf('adresse')]).toBe('');
    }
  });

  it('neutralises formula injection in text cells, never in coordinates', () => {
    const csv = toCsv(exportRows(poisoned, context), ';');
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true });
    const poison = parsed.data[2] ?? [];
    const cell = (column: (typeof EXPORT_COLUMNS)[number]) => poison[EXPORT_COLUMNS.indexOf(column)] ?? '';
    expect(cell('nom')).toBe('\'=HYPERLINK("http://evil.example","clic")');
    expect(cell('description')).toBe("'+cmd|' /C calc'!A0");
    expect(cell('adresse')).toBe("'-2+3");
    expect(cell('commune')).toBe("'@SUM(A1:A2)");
    expect(cell('source')).toBe('\'\tTAB; "quoted", comma');
    expect(cell('site_web')).toBe("'\rCR");
    expect(cell('longitude')).toBe('-4.48000');
    for (const value of poison.filter(
      (_, index) => !['latitude', 'longitude'].includes(EXPORT_COLUMNS[index] ?? ''),
    ))
      expect(value).not.toMatch(/^[=+\-@\t\r]/);
    expect(neutralizeFormula('Lab =')).toBe('Lab =');
  });

  it('GeoJSON keeps numbers as numbers and carries the provenance', () => {
    const text = toGeoJson(exportRows(poisoned, context), { licence: 'Licence Ouverte 2.0', count: 2 });
    const parsed = JSON.parse(text) as {
      metadata: { licence: string };
      features: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }[];
    };
    expect(parsed.metadata.licence).toBe('Licence Ouverte 2.0');
    expect(parsed.features[1]?.geometry.coordinates).toEqual([-4.48, 48.39]);
    expect(parsed.features[0]?.properties.distance_km).toBe(3.14);
    expect(parsed.features[1]?.properties.distance_km).toBeNull();
  });

  it('says where the file comes from and names it after what it holds', () => {
    const text = provenanceText({
      title: 'Atlas de l’innovation ouverte — export',
      datasetVersion: 2,
      sourceHash: 'abc123',
      exportedOn: '2026-11-30',
      filters: ['Type : Fablab', 'Département : Finistère (29)'],
      shareUrl: 'https://atlas.example/?type=fablab&dep=29',
      count: 42,
      files: ['structures_fablab_finistere_2026-11-30.csv'],
    });
    expect(text).toContain('42 structure(s)');
    expect(text).toContain('- Type : Fablab');
    expect(text).toContain('https://atlas.example/?type=fablab&dep=29');
    expect(text).toContain('Licence Ouverte / Open Licence 2.0');
    expect(text).toContain('version 2, empreinte des sources abc123');
    expect(exportFileName(['Fablab', 'Finistère'], '2026-11-30')).toBe(
      'structures_fablab_finistere_2026-11-30',
    );
    expect(exportFileName([], '2026-11-30')).toBe('structures_2026-11-30');
  });
});

describe('XLSX export', () => {
  it('writes the header and typed cells: numbers for coordinates and distance, exact text elsewhere', async () => {
    const { toSheetRows } = await import('../../src/domain/export');
    const rows = toSheetRows(exportRows(poisoned, context));
    expect(rows[0]).toEqual([...EXPORT_COLUMNS]);
    const poison = rows.find((row) => row[0] === 'poison') ?? [];
    expect(poison[EXPORT_COLUMNS.indexOf('nom')]).toBe('=HYPERLINK("http://evil.example","clic")');
    expect(poison[EXPORT_COLUMNS.indexOf('longitude')]).toBe(-4.48);
    expect(poison[EXPORT_COLUMNS.indexOf('distance_km')]).toBeNull();
    const emc2 = rows.find((row) => row[0] === 'pole-emc2') ?? [];
    expect(typeof emc2[EXPORT_COLUMNS.indexOf('distance_km')]).toBe('number');
  });

  it('makes a workbook whose sheet holds the rows as strings and numbers, never as formulas', async () => {
    const { toSheetRows } = await import('../../src/domain/export');
    const { default: writeXlsxFile } = await import('write-excel-file/universal');
    const { unzipSync, strFromU8 } = await import('fflate');
    const blob = await writeXlsxFile(toSheetRows(exportRows(poisoned, context)), {
      sheet: 'structures',
    }).toBlob();
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    const strings = strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array()) + sheet;
    expect(sheet).not.toContain('<f>');
    expect(strings).toContain('<t>=HYPERLINK("http://evil.example","clic")</t>');
    expect(sheet).toContain('<v>-4.48</v>');
  });
});
