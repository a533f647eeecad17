import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../scripts/lib/gazetteer';
import { readCsv } from '../../scripts/lib/read-csv';
import {
  communeNameVariants,
  type FablabRecord,
  importTiersLieux,
  namesDesignateSamePlace,
  normalizeWebsite,
} from '../../scripts/lib/tiers-lieux-import';

const fixture = (path: string) => readFileSync(`tests/fixtures/${path}`, 'utf8');
const empty = readCsv('code,nom\n', 'empty.csv');
const { gazetteer } = loadGazetteer({
  communes: readCsv(fixture('data/communes.csv'), 'communes.csv'),
  epci: empty,
  regions: empty,
  departements: empty,
});
const cget = readCsv(fixture('imports/cget-sample.csv'), 'cget-sample.csv');
const labs = JSON.parse(fixture('imports/fablabs-sample.json')) as FablabRecord[];
const { rows, outcomes } = importTiersLieux(cget.rows, labs, gazetteer);
const outcomeOf = (source: string, sourceId: string) =>
  outcomes.find((entry) => entry.source === source && entry.sourceId === sourceId);
const rowOf = (id: string) => rows.find((row) => row.id === id);

describe('importTiersLieux', () => {
  it('accounts for every input row exactly once', () => {
    expect(outcomes.filter((entry) => entry.source === 'cget-2019')).toHaveLength(cget.rows.length);
    expect(outcomes.filter((entry) => entry.source === 'fablabs-io-2017')).toHaveLength(labs.length);
    const written = new Set(rows.map((row) => row.id));
    for (const entry of outcomes) {
      if (entry.outcome === 'rejected') expect(entry.id).toBe('');
      else expect(written.has(entry.id)).toBe(true);
    }
    expect(rows).toHaveLength(outcomes.filter((entry) => entry.outcome === 'imported').length);
  });

  it('derives stable ids from the sources and keeps their facts', () => {
    expect(rowOf('tl-cget-1')).toMatchObject({
      nom: 'Cowork Test Nantes',
      type: 'tiers-lieu',
      code_insee: '44109',
      latitude: '47.245935',
      longitude: '-1.505602',
      site_web: 'http://www.cowork-test.example',
      date_verification: '2019',
      statut: 'inconnu',
    });
    expect(rowOf('fablab-io-labnantais')).toMatchObject({
      code_insee: '44109',
      reseaux: 'fablabs-io',
      date_verification: '2017-04',
      site_web: 'http://labnantais.example',
    });
  });

  it('merges a lab present in both datasets into the CGET row, with both sources', () => {
    expect(outcomeOf('fablabs-io-2017', 'atelierrennais')).toMatchObject({
      outcome: 'merged',
      id: 'tl-cget-2',
      detail: expect.stringContaining('website atelier-rennais.example'),
    });
    expect(rowOf('fablab-io-atelierrennais')).toBeUndefined();
    const merged = rowOf('tl-cget-2');
    expect(merged?.source).toContain('CGET_TiersLieux_2019.csv ID 2');
    expect(merged?.source).toContain('https://www.fablabs.io/labs/atelierrennais');
    expect(merged?.reseaux).toBe('fablabs-io');
    expect(outcomeOf('cget-2019', '2')?.detail).toContain('merged with fablab-io-atelierrennais');
  });

  it('resolves communes from names, departments and postcodes, and rejects what it cannot place', () => {
    expect(rowOf('tl-cget-7')?.code_insee).toBe('69123');
    expect(rowOf('tl-cget-3')?.code_insee).toBe('75056');
    expect(outcomeOf('cget-2019', '8')).toMatchObject({
      outcome: 'rejected',
      detail: expect.stringContaining('no commune given'),
    });
    expect(outcomeOf('cget-2019', '4')).toMatchObject({
      outcome: 'rejected',
      detail: expect.stringContaining('"Tournai"'),
    });
    expect(outcomeOf('fablabs-io-2017', 'fablabcorti')).toMatchObject({ outcome: 'rejected' });
    expect(rowOf('fablab-io-havrelab')?.code_insee).toBe('75110');
  });

  it('drops implausible or poorly geocoded coordinates and says why', () => {
    expect(rowOf('tl-cget-5')).toMatchObject({ latitude: '', longitude: '', code_insee: '59350' });
    expect(outcomeOf('cget-2019', '5')?.detail).toMatch(/km from the commune dropped/);
    expect(rowOf('tl-cget-6')).toMatchObject({ latitude: '', longitude: '' });
    expect(outcomeOf('cget-2019', '6')?.detail).toMatch(/geocoding score 0.31 too low/);
  });
});

describe('importTiersLieux and postcodes', () => {
  it('blanks a postcode that is not one of the resolved commune’s and records why in the report', () => {
    const header =
      'ID,NOM_TL,ADRESSE,CP,COMINIT,INSEECOM,NOMCOM,WEB,TWITTER,FACEBOOK,TYPO,LAT,LONG,GEOCOD,PRECISION,INSEEDEP';
    const input = readCsv(
      `${header}\n90,Cowork Faux CP,1 rue X,35000,Nantes,44109,Nantes,,,,,47.2,-1.55,,0.9,44\n91,Cowork Bon CP,1 rue Y,44000,Nantes,44109,Nantes,,,,,47.2,-1.55,,0.9,44\n`,
      'cget.csv',
    );
    const lab: FablabRecord = {
      name: 'Lab Faux CP',
      url: 'https://www.fablabs.io/labs/fauxcp',
      city: 'Lille',
      postal_code: '35000',
    };
    const result = importTiersLieux(input.rows, [lab], gazetteer);
    const row = (id: string) => result.rows.find((candidate) => candidate.id === id);
    const detail = (sourceId: string) =>
      result.outcomes.find((outcome) => outcome.sourceId === sourceId)?.detail;
    expect(row('tl-cget-90')).toMatchObject({ code_postal: '', code_insee: '44109' });
    expect(detail('90')).toBe(
      'postcode blanked: 35000 is not a postcode of Nantes (44109); its postcodes: 44000 44100 44200 44300',
    );
    expect(row('tl-cget-91')?.code_postal).toBe('44000');
    expect(detail('91')).toBe('');
    expect(row('fablab-io-fauxcp')).toMatchObject({ code_postal: '', code_insee: '59350' });
    expect(detail('fauxcp')).toMatch(/^postcode blanked: 35000 is not a postcode of Lille \(59350\)/);
  });
});

describe('matching helpers', () => {
  it('compares names on their distinctive words', () => {
    expect(namesDesignateSamePlace('Eco FabLab MDesign', 'MDesign', 'Mulhouse')).toBe(true);
    expect(namesDesignateSamePlace('FabLab INSA Strasbourg', 'CREACITE STRASBOURG', 'Strasbourg')).toBe(
      false,
    );
    expect(namesDesignateSamePlace('Le Petit FabLab de Paris', 'Le Petit Musc', 'Paris')).toBe(false);
    expect(
      namesDesignateSamePlace('La Fabrique Numerique de Gonesse', 'La Fabrique numérique', 'Gonesse'),
    ).toBe(true);
  });
  it('normalises websites and commune spellings', () => {
    expect(normalizeWebsite('www.x.fr')).toBe('http://www.x.fr');
    expect(normalizeWebsite('pas un site')).toBe('');
    expect(communeNameVariants('Havre (Le)')).toContain('Le Havre');
    expect(communeNameVariants('ST GEORGES DE MONTAIGU')).toContain('Saint GEORGES DE MONTAIGU');
    expect(communeNameVariants('75005')).toEqual([]);
  });
});
