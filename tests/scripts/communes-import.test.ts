import { describe, expect, it } from 'vitest';
import { buildCommuneTables, type PackageCommune } from '../../scripts/lib/communes-import';
import { readCsv } from '../../scripts/lib/read-csv';

const communes: PackageCommune[] = [
  {
    code: '01033',
    nom: 'Valserhône',
    type: 'commune-actuelle',
    zone: 'metro',
    departement: '01',
    region: '84',
    codesPostaux: ['01200'],
    population: 16712,
  },
  {
    code: '01033',
    nom: 'Bellegarde-sur-Valserine',
    type: 'commune-deleguee',
    zone: 'metro',
    departement: '01',
    region: '84',
    chefLieu: '01033',
  },
  {
    code: '01091',
    nom: 'Châtillon-en-Michaille',
    type: 'commune-deleguee',
    zone: 'metro',
    departement: '01',
    region: '84',
    chefLieu: '01033',
  },
  {
    code: '75056',
    nom: 'Paris',
    type: 'commune-actuelle',
    zone: 'metro',
    departement: '75',
    region: '11',
    codesPostaux: ['75001'],
    population: 2100000,
  },
  {
    code: '75101',
    nom: 'Paris 1er Arrondissement',
    type: 'arrondissement-municipal',
    zone: 'metro',
    departement: '75',
    region: '11',
    commune: '75056',
    codesPostaux: ['75001'],
  },
  {
    code: '97701',
    nom: 'Saint-Barthélemy',
    type: 'commune-actuelle',
    zone: 'com',
    departement: '977',
    region: '',
    codesPostaux: ['97133'],
  },
  {
    code: '01999',
    nom: 'Sans-Centre',
    type: 'commune-actuelle',
    zone: 'metro',
    departement: '01',
    region: '84',
    codesPostaux: ['01999'],
  },
];
const centres = readCsv(
  'REF_INSEE,NAME,ZIP_CODES,LATITUDE,LONGITUDE\n' +
    '01033,Valserhône,01200,46.1067912,5.8320345\n' +
    '01091,Châtillon-en-Michaille,01200,46.14,5.80\n' +
    '75056,Paris,"75001,75002",48.8566,2.3522\n' +
    '75101,Paris 1er Arrondissement,75001,48.8625,2.3364\n' +
    '02077,Disparue,02000,49.5,3.5\n',
  'centres.csv',
);

describe('buildCommuneTables', () => {
  const tables = buildCommuneTables({
    communes,
    epci: [{ code: '240100891', nom: 'CC du Pays Bellegardien', type: 'CC', membres: [{ code: '01033' }] }],
    regions: [
      { code: '84', nom: 'Auvergne-Rhône-Alpes', zone: 'metro' },
      { code: '11', nom: 'Île-de-France', zone: 'metro' },
    ],
    departements: [{ code: '01', nom: 'Ain', region: '84', zone: 'metro' }],
    centres,
  });
  const rows = readCsv(tables.files['communes.csv'] ?? '', 'communes.csv').rows.map((row) => row.values);

  it('keeps current communes with their EPCI and centre, arrondissements with their commune, and former communes', () => {
    expect(rows.find((row) => row.code_insee === '01033' && row.type === 'commune')).toMatchObject({
      nom: 'Valserhône',
      epci: '240100891',
      latitude: '46.10679',
      longitude: '5.83203',
    });
    expect(rows.find((row) => row.code_insee === '75101')).toMatchObject({
      type: 'arrondissement',
      parent: '75056',
    });
    expect(rows.find((row) => row.code_insee === '01091')).toMatchObject({
      type: 'ancienne',
      parent: '01033',
      codes_postaux: '01200',
    });
  });

  it('leaves out collectivities outside the 18 regions and accounts for every input row', () => {
    expect(rows.some((row) => row.code_insee === '97701')).toBe(false);
    expect(tables.issues.map((issue) => issue.message)).toEqual([
      '01999 Sans-Centre: no centre coordinates in the 2022 table',
      '02077 Disparue: code absent from the current COG and not a delegated commune; left out',
    ]);
    expect(tables.report[0]).toBe(
      'centres table: 5 rows; 4 matched a current or delegated code, 1 left out (absent from the COG)',
    );
  });
});
