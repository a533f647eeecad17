import { describe, expect, it } from 'vitest';
import { type CommuneRecord, createGazetteer, resolveCommune } from '../../src/domain/commune';
import { commune } from '../fixtures/commune-record';

/** Former commune `code` absorbed by `parent`. */
const former = (code: string, nom: string, parent: string | null, codesPostaux: string[] = []) =>
  commune({ code, nom, kind: 'ancienne', parent, codesPostaux });

const resolve = (
  records: readonly CommuneRecord[],
  input: { commune?: string; codePostal?: string; codeInsee?: string },
  names?: Parameters<typeof createGazetteer>[1],
) =>
  resolveCommune(
    createGazetteer(records, names),
    { commune: '', codePostal: '', codeInsee: '', ...input },
    4,
  );

const resolvedName = (result: ReturnType<typeof resolve>) =>
  result.ok
    ? `${result.value.codeInsee} ${result.value.commune}`
    : result.issues.map((issue) => issue.message).join();

describe('createGazetteer', () => {
  it('has empty name tables when none are given, and keeps those given', () => {
    const bare = createGazetteer([commune({})]);
    expect(bare.epciNames.size).toBe(0);
    expect(bare.regionNames.size).toBe(0);
    expect(bare.departementNames.size).toBe(0);
    const named = createGazetteer([commune({})], {
      epci: new Map([['243400017', 'Montpellier Méditerranée Métropole']]),
      regions: new Map([['76', 'Occitanie']]),
      departements: new Map([['34', 'Hérault']]),
    });
    expect(named.epciNames.get('243400017')).toBe('Montpellier Méditerranée Métropole');
    expect(named.regionNames.get('76')).toBe('Occitanie');
    expect(named.departementNames.get('34')).toBe('Hérault');
  });
});

describe('resolveCommune: the intercommunality name', () => {
  const records = [
    commune({ epci: '243400017' }),
    commune({ code: '34172', nom: 'Montpellier', epci: '200000000' }),
  ];
  const epci = new Map([['243400017', 'Montpellier Méditerranée Métropole']]);

  it('names the commune’s intercommunality when the gazetteer knows its name, else null', () => {
    const named = resolve(records, { codeInsee: '34077' }, { epci });
    expect(named).toMatchObject({
      ok: true,
      value: { epci: '243400017', epciNom: 'Montpellier Méditerranée Métropole' },
    });
    const unnamed = resolve(records, { codeInsee: '34172' }, { epci });
    expect(unnamed.ok && unnamed.value.epciNom).toBeNull();
    const withoutNames = resolve(records, { codeInsee: '34077' });
    expect(withoutNames.ok && withoutNames.value.epciNom).toBeNull();
    const noEpci = resolve([commune({})], { codeInsee: '34077' }, { epci });
    expect(noEpci.ok && noEpci.value.epciNom).toBeNull();
  });
});

describe('resolveCommune: former communes', () => {
  const valserhone = commune({
    code: '01033',
    nom: 'Valserhône',
    codesPostaux: ['01200'],
    departement: '01',
  });

  it('maps a former commune found by name to the commune that absorbed it, with that commune’s name', () => {
    const records = [valserhone, former('01390', 'Lancrans', '01033', ['01200'])];
    expect(resolvedName(resolve(records, { commune: 'Lancrans', codePostal: '01200' }))).toBe(
      '01033 Valserhône',
    );
    expect(resolvedName(resolve(records, { codeInsee: '01390' }))).toBe('01033 Valserhône');
  });

  it('accepts the code of the current commune with the name of a former commune it absorbed', () => {
    const records = [valserhone, former('01390', 'Lancrans', '01033')];
    expect(resolvedName(resolve(records, { codeInsee: '01033', commune: 'Lancrans' }))).toBe(
      '01033 Valserhône',
    );
  });

  it('accepts a former name that another, unrelated commune also bears', () => {
    const records = [
      valserhone,
      former('01390', 'Lancrans', '01033'),
      commune({ code: '74140', nom: 'Lancrans', codesPostaux: ['74000'], departement: '74' }),
    ];
    expect(resolvedName(resolve(records, { codeInsee: '01033', commune: 'Lancrans' }))).toBe(
      '01033 Valserhône',
    );
    expect(resolve(records, { codeInsee: '74140', commune: 'Valserhône' })).toEqual({
      ok: false,
      issues: [
        { line: 4, field: 'commune', message: '"Valserhône" does not match code_insee 74140 (Lancrans)' },
      ],
    });
  });

  it('keeps the current commune under a code it shares with a delegated commune, whichever comes first', () => {
    const delegated = former('01033', 'Bellegarde-sur-Valserine', '01033', ['01200']);
    expect(resolvedName(resolve([delegated, valserhone], { codeInsee: '01033' }))).toBe('01033 Valserhône');
    expect(resolvedName(resolve([valserhone, delegated], { codeInsee: '01033' }))).toBe('01033 Valserhône');
  });

  it('stops at the arrondissement that absorbed a former commune', () => {
    const records = [
      commune({ code: '69123', nom: 'Lyon', codesPostaux: ['69009'], departement: '69' }),
      commune({
        code: '69389',
        nom: 'Lyon 9e Arrondissement',
        kind: 'arrondissement',
        parent: '69123',
        codesPostaux: ['69009'],
      }),
      former('69232', 'Saint-Rambert-l’Île-Barbe', '69389', ['69009']),
    ];
    expect(resolve(records, { codeInsee: '69232' })).toMatchObject({
      ok: true,
      value: { codeInsee: '69389', commune: 'Lyon' },
    });
  });

  it('follows successive mergers up to five links', () => {
    const records = [
      commune({ code: '10000', nom: 'Today' }),
      former('10001', 'One', '10000'),
      former('10002', 'Two', '10001'),
      former('10003', 'Three', '10002'),
      former('10004', 'Four', '10003'),
      former('10005', 'Five', '10004'),
      former('10006', 'Six', '10005'),
    ];
    expect(resolvedName(resolve(records, { codeInsee: '10002' }))).toBe('10000 Today');
    expect(resolvedName(resolve(records, { codeInsee: '10005' }))).toBe('10000 Today');
    // Six links away, the fifth former commune is where it stops (the bound guards against a loop in the data).
    expect(resolvedName(resolve(records, { codeInsee: '10006' }))).toBe('10001 One');
  });

  it('ends on a loop of former communes instead of hanging', () => {
    const records = [former('10001', 'One', '10002'), former('10002', 'Two', '10001')];
    expect(resolvedName(resolve(records, { codeInsee: '10001' }))).toBe('10002 Two');
  });

  it('keeps a former commune whose successor is missing from the gazetteer', () => {
    const records = [former('10001', 'One', '99999', ['10100']), former('10002', 'Two', null, ['10200'])];
    expect(resolvedName(resolve(records, { codeInsee: '10001' }))).toBe('10001 One');
    expect(resolvedName(resolve(records, { commune: 'Two', codePostal: '10200' }))).toBe('10002 Two');
  });
});

describe('resolveCommune: arrondissements', () => {
  const records = [
    commune({ code: '69123', nom: 'Lyon', codesPostaux: ['69001', '69009'], departement: '69' }),
    commune({
      code: '69381',
      nom: 'Lyon 1er Arrondissement',
      kind: 'arrondissement',
      parent: '69123',
      codesPostaux: ['69001'],
    }),
    commune({
      code: '69389',
      nom: 'Lyon 9e Arrondissement',
      kind: 'arrondissement',
      parent: '69123',
      codesPostaux: ['69009'],
    }),
    commune({
      code: '69385',
      nom: 'Lyon 5e Arrondissement',
      kind: 'arrondissement',
      parent: '69123',
      codesPostaux: ['69009'],
    }),
  ];

  it('keeps the city when its postcode is shared by several arrondissements', () => {
    expect(resolvedName(resolve(records, { codeInsee: '69123', codePostal: '69009' }))).toBe('69123 Lyon');
    expect(resolvedName(resolve(records, { codeInsee: '69123', codePostal: '69001' }))).toBe('69381 Lyon');
  });

  it('names an arrondissement after its city', () => {
    expect(resolvedName(resolve(records, { codeInsee: '69385' }))).toBe('69385 Lyon');
  });
});

describe('resolveCommune: a name without a code', () => {
  const records = [
    commune({ code: '35294', nom: 'Sainte-Marie', codesPostaux: ['35600'], departement: '35' }),
    commune({ code: '32388', nom: 'Sainte-Marie', codesPostaux: ['32200'], departement: '32' }),
    commune({ code: '97228', nom: 'Sainte-Marie', codesPostaux: ['97230'], departement: '972' }),
    commune({ code: '2A004', nom: 'Ajaccio', codesPostaux: ['20000'], departement: '2A' }),
    commune({ code: '2B033', nom: 'Bastia', codesPostaux: ['20200'], departement: '2B' }),
  ];

  it('falls back on the department of a postcode the gazetteer does not list', () => {
    expect(resolvedName(resolve(records, { commune: 'Sainte-Marie', codePostal: '35601' }))).toBe(
      '35294 Sainte-Marie',
    );
    expect(resolvedName(resolve(records, { commune: 'Sainte-Marie', codePostal: '97231' }))).toBe(
      '97228 Sainte-Marie',
    );
    expect(resolvedName(resolve(records, { commune: 'Ajaccio', codePostal: '20090' }))).toBe('2A004 Ajaccio');
    expect(resolvedName(resolve(records, { commune: 'Bastia', codePostal: '20600' }))).toBe('2B033 Bastia');
  });

  it('names the candidates of an ambiguous name, under their current code', () => {
    const homonyms = [
      ...records,
      commune({ code: '35295', nom: 'Sainte-Marie', codesPostaux: ['35600'], departement: '35' }),
      commune({ code: '35001', nom: 'Nouvelle', codesPostaux: ['35600'], departement: '35' }),
      former('35296', 'Sainte-Marie', '35001', ['35600']),
    ];
    expect(resolve(homonyms, { commune: 'Sainte-Marie', codePostal: '35600' })).toEqual({
      ok: false,
      issues: [
        {
          line: 4,
          field: 'commune',
          message:
            '"Sainte-Marie" 35600 is ambiguous (35294 Sainte-Marie, 35295 Sainte-Marie, 35001 Sainte-Marie): add code_insee',
        },
      ],
    });
  });

  it('reports an unknown name and a postcode none of the homonyms can have', () => {
    expect(resolve(records, { commune: 'Atlantis', codePostal: '35600' })).toEqual({
      ok: false,
      issues: [{ line: 4, field: 'commune', message: 'no commune named "Atlantis" in the gazetteer' }],
    });
    expect(resolve(records, { commune: 'Sainte-Marie', codePostal: '44000' })).toEqual({
      ok: false,
      issues: [
        { line: 4, field: 'code_postal', message: 'no commune named "Sainte-Marie" has postcode 44000' },
      ],
    });
  });
});
