import { describe, expect, it } from 'vitest';
import {
  addressKey,
  type DuplicateCandidate,
  findSuspectedDuplicates,
  isSameAddress,
  isSameSite,
  NAME_MAX_KM,
  nameSimilarity,
  nameTokens,
  SITE_MAX_KM,
  siteKey,
} from '../../src/domain/duplicates';
import { distanceKm } from '../../src/domain/geo';

/** Latitudes that put a point exactly `SITE_MAX_KM` and `NAME_MAX_KM` north of [4, 0] (found by bisection). */
const TEN_KM_NORTH = 0.0899320363724538;
const FIVE_KM_NORTH = 0.04496601818622689;

/** A row with nothing in common with another unless the test gives it. */
function row(id: string, fields: Partial<DuplicateCandidate> = {}): DuplicateCandidate {
  return {
    id,
    nom: '',
    siteWeb: '',
    adresse: '',
    commune: 'Ailleurs',
    codeInsee: '00000',
    coordinates: [4, 45],
    origin: id,
    ...fields,
  };
}

describe('siteKey, edge inputs', () => {
  it('reads a URL pasted with non-breaking spaces around it', () => {
    expect(siteKey('\u00a0https://www.labfab.fr/utice\u00a0')).toBe('labfab.fr/utice');
  });

  it('drops "www." only at the start of the host', () => {
    expect(siteKey('https://mywww.example.org/')).toBe('mywww.example.org');
    expect(siteKey('https://www.www.example.org/')).toBe('www.example.org');
  });

  it('is empty for a URL without a host (mail address, file)', () => {
    expect(siteKey('mailto:contact@labfab.fr')).toBe('');
    expect(siteKey('file:///home/labfab/index.html')).toBe('');
  });
});

describe('isSameSite, edge inputs', () => {
  it('is false when either key is empty, whatever the other', () => {
    expect(isSameSite('', '/fablab')).toBe(false);
    expect(isSameSite('/fablab', '')).toBe(false);
    expect(isSameSite('', 'labfab.fr')).toBe(false);
  });

  it('matches a page and its site in either order', () => {
    expect(isSameSite('labfab.fr/utice', 'labfab.fr')).toBe(true);
    expect(isSameSite('labfab.fr/utice/atelier', 'labfab.fr/utice')).toBe(true);
    expect(isSameSite('labfab.fr/utice', 'labfab.fr/uticex')).toBe(false);
  });
});

describe('addressKey, edge inputs', () => {
  it('takes the first part with a number and a word, skipping a building name before it', () => {
    expect(addressKey('Bâtiment B, 12 bd de la Paix')).toBe('12 paix');
    expect(addressKey('Bâtiment B - 12 rue de la Paix')).toBe('12 paix');
    expect(addressKey('Lot B12, 4 rue Jacquot')).toBe('4 jacquot');
    expect(addressKey('2eme étage ; 4 rue Jacquot')).toBe('4 jacquot');
    expect(addressKey('12, rue de la Paix')).toBe('');
  });

  it('reads a range of numbers as its first, however it is spaced', () => {
    expect(addressKey('181 - 183 rue du Chevaleret')).toBe('181 chevaleret');
    expect(addressKey('181-183 rue du Chevaleret')).toBe('181 chevaleret');
    expect(addressKey('181  - 183 rue du Chevaleret')).toBe('181 chevaleret');
    expect(addressKey('181 -  183 rue du Chevaleret')).toBe('181 chevaleret');
  });

  it('keeps a number with a letter suffix, puts the number first even when it comes last', () => {
    expect(addressKey('7b rue de la Paix')).toBe('7 paix');
    expect(addressKey('7ter rue de la Paix')).toBe('7 paix');
    expect(addressKey('Espace Mendès France 12')).toBe('12 espace france mendes');
    expect(addressKey('Place du 8 Mai 1945')).toBe('8 mai');
  });

  it('is empty for a number alone or words alone', () => {
    expect(addressKey('12')).toBe('');
    expect(addressKey('Lot B12')).toBe('');
  });
});

describe('isSameAddress, edge inputs', () => {
  it('needs every street word of the shorter address in the longer one, in either order', () => {
    expect(isSameAddress('4 jacquot paix', '4 daguerre jacquot')).toBe(false);
    expect(isSameAddress('4 etang jacquot', '4 jacquot')).toBe(true);
  });
});

describe('nameTokens and nameSimilarity, edge inputs', () => {
  it('drops words of two characters even when they hold a digit', () => {
    expect(nameTokens('Coworking K2', 'Lyon')).toEqual([]);
    expect(nameTokens('Atelier 42', 'Lyon')).toEqual(['42']);
  });

  it('drops a final s only from words of more than three letters', () => {
    expect(nameTokens('Bus des Arts', 'Lyon')).toEqual(['bus', 'art']);
    expect(nameTokens('Usine Volta', 'Lyon')).toEqual(['usine', 'volta']);
  });

  it('is 0 when either side has no distinctive word', () => {
    expect(nameSimilarity(['volta'], [])).toBe(0);
  });

  it('does not match by prefix a word that starts with a digit', () => {
    expect(nameSimilarity(['2000'], ['20001'])).toBe(0);
    expect(nameSimilarity(['3dlab'], ['3dlabo'])).toBe(0);
    expect(nameSimilarity(['dlab'], ['dlabo'])).toBe(1);
  });
});

describe('findSuspectedDuplicates, the website rule', () => {
  const site = (id: string, fields: Partial<DuplicateCandidate>) =>
    row(id, { siteWeb: 'https://labfab.fr', coordinates: [4, 0], ...fields });

  it('pairs rows of one website within 10 km, boundary included, and not beyond unless in one commune', () => {
    const here = site('a', { codeInsee: '11111' });
    const at10 = site('b', { codeInsee: '22222', coordinates: [4, TEN_KM_NORTH] });
    expect(distanceKm(here.coordinates, at10.coordinates)).toBe(SITE_MAX_KM);
    expect(findSuspectedDuplicates([here, at10])).toEqual([
      { idA: 'a', idB: 'b', distanceKm: 10, reasons: [{ kind: 'site', site: 'labfab.fr' }] },
    ]);
    const beyond = site('b', { codeInsee: '22222', coordinates: [4, 0.1] });
    expect(findSuspectedDuplicates([here, beyond])).toEqual([]);
    const sameCommune = site('b', { codeInsee: '11111', coordinates: [4, 0.5] });
    expect(findSuspectedDuplicates([here, sameCommune])).toHaveLength(1);
    const nearby = site('b', { codeInsee: '22222', coordinates: [4, 0.01] });
    expect(findSuspectedDuplicates([here, nearby])).toHaveLength(1);
  });

  it('gives the shorter of the two site keys as the reason, whichever row comes first', () => {
    const home = site('a', { siteWeb: 'https://labfab.fr/' });
    const page = site('b', { siteWeb: 'https://labfab.fr/utice' });
    const reasons = (rows: DuplicateCandidate[]) => findSuspectedDuplicates(rows)[0]?.reasons;
    expect(reasons([home, page])).toEqual([{ kind: 'site', site: 'labfab.fr' }]);
    expect(reasons([page, home])).toEqual([{ kind: 'site', site: 'labfab.fr' }]);
  });

  it('keeps a pair of one dataset when one of the two rows has no street address', () => {
    const withDoor = site('a', { origin: 'cget-2019', adresse: '4 rue Jacquot' });
    const without = site('b', { origin: 'cget-2019', adresse: 'Centre-ville' });
    expect(findSuspectedDuplicates([withDoor, without])).toHaveLength(1);
    expect(findSuspectedDuplicates([without, withDoor])).toHaveLength(1);
  });

  it('never pairs a row with another row of the same id', () => {
    expect(findSuspectedDuplicates([site('a', {}), site('a', { origin: 'other' })])).toEqual([]);
  });
});

describe('findSuspectedDuplicates, the address rule', () => {
  it('does not pair two streets of one commune that share a door number', () => {
    const paix = row('a', { adresse: '12 rue de la Paix' });
    const gare = row('b', { adresse: '12 rue de la Gare' });
    expect(findSuspectedDuplicates([paix, gare])).toEqual([]);
  });

  it('gives the shorter of the two address keys as the reason, whichever row comes first', () => {
    const long = row('a', { adresse: "4 Rue Jacquot L'Etang" });
    const short = row('b', { adresse: '4 rue Jacquot' });
    expect(findSuspectedDuplicates([long, short])[0]?.reasons).toEqual([
      { kind: 'adresse', adresse: '4 jacquot' },
    ]);
  });
});

describe('findSuspectedDuplicates, the name rule', () => {
  const named = (id: string, nom: string, latitude: number) =>
    row(id, { nom, coordinates: [4, latitude], codeInsee: id });

  it('pairs similar names within 5 km, boundary included', () => {
    const here = named('a', 'Usine Volta', 0);
    const at5 = named('b', 'Usine Volta', FIVE_KM_NORTH);
    expect(distanceKm(here.coordinates, at5.coordinates)).toBe(NAME_MAX_KM);
    expect(findSuspectedDuplicates([here, at5])).toEqual([
      { idA: 'a', idB: 'b', distanceKm: 5, reasons: [{ kind: 'nom', similarity: 1 }] },
    ]);
    expect(findSuspectedDuplicates([here, named('b', 'Usine Volta', 0.046)])).toEqual([]);
  });

  it('pairs names whose Jaccard index is exactly one half', () => {
    const left = named('a', 'Alto Beta Cima', 45);
    const right = named('b', 'Alto Beta Dune', 45.001);
    expect(findSuspectedDuplicates([left, right])[0]?.reasons).toEqual([{ kind: 'nom', similarity: 0.5 }]);
  });

  it('names no rare word when the names are similar enough without it', () => {
    const left = named('a', 'Abbaye Toto Tutu', 45);
    const right = named('b', 'Abbaye Toto Zulu', 45.001);
    expect(findSuspectedDuplicates([left, right])[0]?.reasons).toEqual([{ kind: 'nom', similarity: 0.5 }]);
  });

  it('counts a rare word from five letters on', () => {
    const left = named('a', 'Ozone Alto Beta', 45);
    const right = named('b', 'Ozone Cima Dune', 45.001);
    expect(findSuspectedDuplicates([left, right])[0]?.reasons).toEqual([
      { kind: 'nom', similarity: 0.2, rareWord: 'ozone' },
    ]);
    const short = [named('a', 'Ozon Alto Beta', 45), named('b', 'Ozon Cima Dune', 45.001)];
    expect(findSuspectedDuplicates(short)).toEqual([]);
  });

  it('names the alphabetically first of two rare words, whatever the order in the names', () => {
    const left = named('a', 'Zorglub Erasme Mokolo Alto Beta Cima', 45);
    const right = named('b', 'Mokolo Erasme Zorglub Dune Echo Fado', 45.001);
    expect(findSuspectedDuplicates([left, right])).toEqual([
      {
        idA: 'a',
        idB: 'b',
        distanceKm: 0.1,
        reasons: [{ kind: 'nom', similarity: 0.33, rareWord: 'erasme' }],
      },
    ]);
  });

  it('gives a pair one name reason even when the names share several words', () => {
    const left = named('a', 'Usine Volta Ampere', 45.001);
    const right = named('b', 'Usine Volta Ampere', 45);
    expect(findSuspectedDuplicates([left, right])).toEqual([
      { idA: 'a', idB: 'b', distanceKm: 0.1, reasons: [{ kind: 'nom', similarity: 1 }] },
    ]);
  });

  it('finds a close pair even when a far row of the same name lies between them in the input', () => {
    const rows = [
      named('a', 'Usine Volta', 45),
      named('far', 'Usine Volta', 46),
      named('b', 'Usine Volta', 45.01),
    ];
    expect(findSuspectedDuplicates(rows).map((pair) => `${pair.idA} ${pair.idB}`)).toEqual(['a b']);
    const southFirst = [
      named('b', 'Usine Volta', 45.01),
      named('far', 'Usine Volta', 44),
      named('a', 'Usine Volta', 45),
    ];
    expect(findSuspectedDuplicates(southFirst).map((pair) => `${pair.idA} ${pair.idB}`)).toEqual(['a b']);
  });

  it('finds every pair when the rows come north first', () => {
    const rows = [
      named('a2', 'Usine Volta', 45.01),
      named('a1', 'Usine Volta', 45),
      named('b2', 'Atelier Ampere', 47.01),
      named('b1', 'Atelier Ampere', 47),
    ];
    expect(findSuspectedDuplicates(rows).map((pair) => `${pair.idA} ${pair.idB}`)).toEqual([
      'a1 a2',
      'b1 b2',
    ]);
  });

  it('merges the website and name reasons of a pair met in both orders into one pair', () => {
    const north = row('b', { nom: 'Usine Volta', siteWeb: 'https://volta.fr', coordinates: [4, 45.01] });
    const south = row('a', { nom: 'Usine Volta', siteWeb: 'https://volta.fr', coordinates: [4, 45] });
    expect(findSuspectedDuplicates([north, south])).toEqual([
      {
        idA: 'a',
        idB: 'b',
        distanceKm: 1.1,
        reasons: [
          { kind: 'site', site: 'volta.fr' },
          { kind: 'nom', similarity: 1 },
        ],
      },
    ]);
  });
});
