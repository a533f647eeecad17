import { describe, expect, it } from 'vitest';
import {
  EXPORT_COLUMNS,
  exportFileName,
  exportRows,
  figuresCsv,
  provenanceText,
  toCsv,
  toGeoJson,
} from '../../src/domain/export';
import { structure } from '../helpers';

const context = {
  departementNames: new Map([['44', 'Loire-Atlantique']]),
  regionNames: new Map([['52', 'Pays de la Loire']]),
  distanceOf: () => null,
};

describe('exportRows: edge values', () => {
  it('joins list cells with "|" and keeps the EPCI name', () => {
    const [row] = exportRows(
      [structure({ themes: ['industrie', 'mer'], reseaux: ['french-tech', 'retis'] })],
      context,
    );
    expect(row).toMatchObject({
      themes: 'industrie|mer',
      reseaux: 'french-tech|retis',
      epci: '244400404',
      epci_nom: 'Nantes Métropole',
    });
  });

  it('writes empty cells for a structure outside any EPCI and for unknown department and region names', () => {
    const [row] = exportRows(
      [structure({ epci: null, epciNom: null, departement: '975', region: '975' })],
      context,
    );
    expect(row).toMatchObject({
      epci: '',
      epci_nom: '',
      departement: '975',
      departement_nom: '',
      region: '975',
      region_nom: '',
      distance_km: '',
    });
  });
});

describe('toCsv: exact bytes', () => {
  const columns = ['id', 'nom', 'themes', 'latitude', 'distance_km'] as const;
  const rows = exportRows([structure({ nom: 'EMC2; "pôle"', themes: ['industrie', 'mer'] })], {
    ...context,
    distanceOf: () => 3.456,
  });

  it('writes a BOM, ";" by default, quotes only where needed and CRLF line ends', () => {
    expect(toCsv(rows, undefined, { columns })).toBe(
      '\uFEFFid;nom;themes;latitude;distance_km\r\npole-emc2;"EMC2; ""pôle""";industrie|mer;47.22000;3.46\r\n',
    );
    expect(toCsv(rows, ',', { columns })).toBe(
      '\uFEFFid,nom,themes,latitude,distance_km\r\npole-emc2,"EMC2; ""pôle""",industrie|mer,47.22000,3.46\r\n',
    );
  });

  it('leaves the BOM out on request, and writes every export column by default', () => {
    const text = toCsv(rows, ';', { bom: false, columns });
    expect(text.startsWith('id;nom;')).toBe(true);
    expect(toCsv(rows, ';', { bom: true, columns }).startsWith('\uFEFFid;')).toBe(true);
    expect(toCsv(rows).split('\r\n')[0]).toBe(`\uFEFF${EXPORT_COLUMNS.join(';')}`);
  });
});

describe('toGeoJson: structure', () => {
  it('writes a FeatureCollection of Point features ending with a newline', () => {
    const text = toGeoJson(exportRows([structure()], context), { count: 1 });
    expect(text.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(text);
    expect(parsed.type).toBe('FeatureCollection');
    expect(parsed.metadata).toEqual({ count: 1 });
    expect(parsed.features).toHaveLength(1);
    expect(parsed.features[0]).toMatchObject({
      type: 'Feature',
      id: 'pole-emc2',
      geometry: { type: 'Point', coordinates: [-1.55, 47.22] },
      properties: { id: 'pole-emc2', nom: 'EMC2', distance_km: null },
    });
    expect(parsed.features[0].properties).not.toHaveProperty('latitude');
    expect(parsed.features[0].properties).not.toHaveProperty('longitude');
  });
});

describe('provenanceText', () => {
  const provenance = {
    title: 'Atlas — export',
    datasetVersion: 2,
    sourceHash: 'abc123',
    exportedOn: '2026-11-30',
    filters: ['Type : Fablab', 'Département : Finistère (29)'],
    shareUrl: 'https://atlas.example/?type=fablab',
    count: 42,
    files: ['a.csv', 'a.geojson'],
  };

  it('is the whole sidecar text, CRLF line ends, one line per filter', () => {
    expect(provenanceText(provenance).split('\r\n')).toEqual([
      'Atlas — export',
      '',
      'Exporté le 2026-11-30 — 42 structure(s).',
      'Fichiers : a.csv, a.geojson.',
      '',
      'Sélection :',
      '- Type : Fablab',
      '- Département : Finistère (29)',
      'Lien pour retrouver cette vue : https://atlas.example/?type=fablab',
      '',
      'Jeu de données : version 2, empreinte des sources abc123.',
      'Licence : Licence Ouverte / Open Licence 2.0 (Etalab). Citer « Atlas de l’innovation ouverte » et les sources',
      'de chaque ligne (colonne source) : base des tiers-lieux CGET / ANCT, Mission Coworking 2019 ; export fablabs.io 2017 ;',
      'IGN Admin Express et code officiel géographique de l’INSEE ; pages publiques citées ligne par ligne.',
      '',
      'Colonnes : celles de data/structures.csv (voir DATA.md), puis epci, epci_nom, departement, departement_nom,',
      'region, region_nom (codes et noms INSEE / SIREN), precision (source, adresse ou commune) et distance_km (à vol',
      'd’oiseau depuis le lieu choisi, vide sans lieu). Les cellules de texte commençant par =, +, -, @ sont préfixées',
      'd’une apostrophe pour qu’un tableur ne les évalue pas.',
      '',
    ]);
  });

  it('says when no filter narrows the selection', () => {
    const lines = provenanceText({ ...provenance, filters: [] }).split('\r\n');
    expect(lines.slice(5, 8)).toEqual([
      'Sélection :',
      '- aucun filtre (tout le jeu de données)',
      'Lien pour retrouver cette vue : https://atlas.example/?type=fablab',
    ]);
  });
});

describe('figuresCsv: exact bytes', () => {
  it('writes ";" by default, no needless quotes, and an empty cell for an unknown rate', () => {
    const rows = [
      {
        niveau: 'epci',
        code: '242900314',
        nom: 'Brest',
        population: 200000,
        type: 'tous',
        structures: 3,
        pour_100000_hab: 1.5,
      },
      {
        niveau: 'epci',
        code: '242900693',
        nom: 'Quimper',
        population: 0,
        type: 'tous',
        structures: 1,
        pour_100000_hab: null,
      },
    ];
    expect(figuresCsv(rows)).toBe(
      '\uFEFFniveau;code;nom;population;type;structures;pour_100000_hab\r\n' +
        'epci;242900314;Brest;200000;tous;3;1.5\r\n' +
        'epci;242900693;Quimper;0;tous;1;\r\n',
    );
  });
});

describe('exportFileName', () => {
  it('turns each part into a lowercase, accent-free, hyphenated word', () => {
    expect(exportFileName(['Côtes d’Armor', 'Tiers lieu'], '2026-11-30')).toBe(
      'structures_cotes-d-armor_tiers-lieu_2026-11-30',
    );
  });

  it('skips empty parts and keeps at most four', () => {
    expect(exportFileName(['', 'a', '  ', 'b', 'c', 'd', 'e'], '2026-11-30', 'initiatives')).toBe(
      'initiatives_a_b_c_d_2026-11-30',
    );
  });
});
