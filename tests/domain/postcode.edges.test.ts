import { describe, expect, it } from 'vitest';
import { type CommuneRecord, createGazetteer } from '../../src/domain/commune';
import { departementsOfPostcode, indexPostcodes, postcodeMismatch } from '../../src/domain/postcode';

function commune(overrides: Partial<CommuneRecord>): CommuneRecord {
  return {
    code: '10000',
    nom: 'Today',
    kind: 'commune',
    parent: null,
    codesPostaux: ['10000'],
    departement: '10',
    region: '44',
    epci: null,
    population: null,
    centre: null,
    ...overrides,
  };
}
const former = (code: string, parent: string | null, codesPostaux: string[]) =>
  commune({ code, nom: `Former ${code}`, kind: 'ancienne', parent, codesPostaux });

const postcodesOf = (records: readonly CommuneRecord[], code: string) =>
  indexPostcodes(createGazetteer(records)).byCode.get(code);

describe('indexPostcodes', () => {
  it('lists each commune’s postcodes once, sorted', () => {
    const index = indexPostcodes(
      createGazetteer([
        commune({ codesPostaux: ['10300', '10100', '10200'] }),
        commune({ code: '10999', nom: 'Other', codesPostaux: ['10500'] }),
      ]),
    );
    expect(index.byCode.get('10000')).toEqual(['10100', '10200', '10300']);
    expect([...index.all].sort()).toEqual(['10100', '10200', '10300', '10500']);
  });

  it('gives a commune the postcodes of the former communes it absorbed, through successive mergers', () => {
    const records = [
      commune({}),
      former('10001', '10000', ['10001']),
      former('10002', '10001', ['10002']),
      former('10005', '10004', ['10005']),
      former('10004', '10003', ['10004']),
      former('10003', '10002', ['10003']),
    ];
    expect(postcodesOf(records, '10000')).toEqual(['10000', '10001', '10002', '10003', '10004', '10005']);
    // A former commune keeps its own postcodes; those of the communes it had absorbed go to today's commune.
    expect(postcodesOf(records, '10001')).toEqual(['10001']);
    expect(postcodesOf(records, '10003')).toEqual(['10003']);
  });

  it('follows at most five mergers, and ends on a loop of former communes', () => {
    const chain = [
      commune({}),
      former('10001', '10000', []),
      former('10002', '10001', []),
      former('10003', '10002', []),
      former('10004', '10003', []),
      former('10005', '10004', []),
      former('10006', '10005', ['10006']),
    ];
    expect(postcodesOf(chain, '10000')).toEqual(['10000']);
    expect(postcodesOf(chain, '10001')).toEqual(['10006']);
    const loop = [former('10001', '10002', ['10001']), former('10002', '10001', ['10002'])];
    // Five links around a loop of two lands on the other one: each ends up with both postcodes, and no hang.
    expect(postcodesOf(loop, '10001')).toEqual(['10001', '10002']);
    expect(postcodesOf(loop, '10002')).toEqual(['10001', '10002']);
  });

  it('gives a former commune’s postcodes to the arrondissement that absorbed it', () => {
    const records = [
      commune({ code: '69123', nom: 'Lyon', codesPostaux: [] }),
      commune({
        code: '69389',
        nom: 'Lyon 9e',
        kind: 'arrondissement',
        parent: '69123',
        codesPostaux: ['69009'],
      }),
      former('69232', '69389', ['69019']),
    ];
    expect(postcodesOf(records, '69389')).toEqual(['69009', '69019']);
    expect(postcodesOf(records, '69232')).toEqual(['69019']);
  });

  it('keeps a former commune’s postcodes on its own code when its successor is unknown', () => {
    const records = [commune({}), former('10001', '99999', ['10001']), former('10002', null, ['10002'])];
    expect(postcodesOf(records, '10001')).toEqual(['10001']);
    expect(postcodesOf(records, '10002')).toEqual(['10002']);
    expect(postcodesOf(records, '10000')).toEqual(['10000']);
  });

  it('gives a city its arrondissements’ postcodes, and an arrondissement only its own', () => {
    const records = [
      commune({ code: '69123', nom: 'Lyon', codesPostaux: [] }),
      commune({
        code: '69381',
        nom: 'Lyon 1er',
        kind: 'arrondissement',
        parent: '69123',
        codesPostaux: ['69001'],
      }),
      commune({
        code: '69382',
        nom: 'Lyon 2e',
        kind: 'arrondissement',
        parent: '69123',
        codesPostaux: ['69002'],
      }),
      commune({
        code: '69999',
        nom: 'Orphan',
        kind: 'arrondissement',
        parent: null,
        codesPostaux: ['69999'],
      }),
    ];
    expect(postcodesOf(records, '69123')).toEqual(['69001', '69002']);
    expect(postcodesOf(records, '69381')).toEqual(['69001']);
    expect(postcodesOf(records, '69999')).toEqual(['69999']);
  });
});

describe('postcodeMismatch', () => {
  it('has nothing to say about a code the gazetteer does not know', () => {
    const gazetteer = createGazetteer([commune({})]);
    expect(postcodeMismatch(gazetteer, indexPostcodes(gazetteer), '75001', '99999')).toBeNull();
  });

  it('says when the commune has no postcode at all', () => {
    const gazetteer = createGazetteer([
      commune({}),
      commune({ code: '10999', nom: 'Empty', codesPostaux: [] }),
    ]);
    const index = indexPostcodes(gazetteer);
    expect(postcodeMismatch(gazetteer, index, '10000', '10999')).toBe(
      '10000 is not a postcode of Empty (10999); its postcodes: none in the gazetteer',
    );
    expect(
      postcodeMismatch(gazetteer, { byCode: new Map(), all: new Set(['10000']) }, '10000', '10999'),
    ).toBe('10000 is not a postcode of Empty (10999); its postcodes: none in the gazetteer');
  });

  it('lists the commune’s postcodes in order', () => {
    const gazetteer = createGazetteer([
      commune({ codesPostaux: ['10300', '10100'] }),
      commune({ code: '10999', nom: 'Other', codesPostaux: ['10500'] }),
    ]);
    expect(postcodeMismatch(gazetteer, indexPostcodes(gazetteer), '10500', '10000')).toBe(
      '10500 is not a postcode of Today (10000); its postcodes: 10100 10300',
    );
  });
});

describe('departementsOfPostcode', () => {
  it('reads three digits overseas, in the Pacific too', () => {
    expect(departementsOfPostcode('98800')).toEqual(['988']);
    expect(departementsOfPostcode('97600')).toEqual(['976']);
    expect(departementsOfPostcode('09798')).toEqual(['09']);
    expect(departementsOfPostcode('12097')).toEqual(['12']);
  });

  it('reads Corsica only from the first two digits', () => {
    expect(departementsOfPostcode('20200')).toEqual(['2A', '2B']);
    expect(departementsOfPostcode('12020')).toEqual(['12']);
  });
});
