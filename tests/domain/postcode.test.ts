import { describe, expect, it } from 'vitest';
import { createGazetteer } from '../../src/domain/commune';
import { departementsOfPostcode, indexPostcodes, postcodeMismatch } from '../../src/domain/postcode';
import { commune } from '../fixtures/commune-record';

const records = [
  commune({}),
  commune({ code: '34172', nom: 'Montpellier', codesPostaux: ['34000', '34070', '34080', '34090'] }),
  commune({ code: '75056', nom: 'Paris', codesPostaux: [], departement: '75' }),
  commune({
    code: '75110',
    nom: 'Paris 10e Arrondissement',
    kind: 'arrondissement',
    parent: '75056',
    codesPostaux: ['75010'],
    departement: '75',
  }),
  commune({
    code: '75116',
    nom: 'Paris 16e Arrondissement',
    kind: 'arrondissement',
    parent: '75056',
    codesPostaux: ['75016', '75116'],
    departement: '75',
  }),
  commune({ code: '01033', nom: 'Valserhône', codesPostaux: ['01200'], departement: '01' }),
  commune({
    code: '01390',
    nom: 'Lancrans',
    kind: 'ancienne',
    parent: '01033',
    codesPostaux: ['01201'],
    departement: '01',
  }),
  commune({ code: '2A004', nom: 'Ajaccio', codesPostaux: ['20000', '20090'], departement: '2A' }),
];
/** Builds the gazetteer and its index inside each test, so that mutation testing sees which test runs them. */
const check = (codePostal: string, codeInsee: string) => {
  const gazetteer = createGazetteer(records);
  return postcodeMismatch(gazetteer, indexPostcodes(gazetteer), codePostal, codeInsee);
};

describe('postcodeMismatch', () => {
  it('accepts one of the commune’s postcodes and an empty postcode', () => {
    expect(check('34830', '34077')).toBeNull();
    expect(check('34090', '34172')).toBeNull();
    expect(check('', '34077')).toBeNull();
  });

  it('rejects another commune’s postcode, naming the commune and its postcodes', () => {
    expect(check('34000', '34077')).toBe('34000 is not a postcode of Clapiers (34077); its postcodes: 34830');
  });

  it('gives a city with arrondissements the postcodes of all of them, an arrondissement only its own', () => {
    expect(check('75016', '75056')).toBeNull();
    expect(check('75116', '75116')).toBeNull();
    expect(check('75010', '75116')).toBe(
      '75010 is not a postcode of Paris 16e Arrondissement (75116); its postcodes: 75016 75116',
    );
  });

  it('accepts the postcode of a former commune absorbed by the commune', () => {
    expect(check('01201', '01033')).toBeNull();
  });

  it('accepts a Cedex code (no commune’s postcode) only in the commune’s department', () => {
    expect(check('34093', '34172')).toBeNull();
    expect(check('20187', '2A004')).toBeNull();
    expect(check('31035', '34172')).toBe(
      "31035 is not a postcode of Montpellier (34172); its postcodes: 34000 34070 34080 34090 (31035 is no commune's postcode: a Cedex code must be in the commune's department, 34)",
    );
  });

  it('reads the department of a postcode, Corsica and overseas included', () => {
    expect(departementsOfPostcode('34830')).toEqual(['34']);
    expect(departementsOfPostcode('20000')).toEqual(['2A', '2B']);
    expect(departementsOfPostcode('97400')).toEqual(['974']);
  });
});
