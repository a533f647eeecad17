import { describe, expect, it } from 'vitest';
import {
  addressKey,
  communeKey,
  type DuplicateCandidate,
  findSuspectedDuplicates,
  isSameAddress,
  isSameSite,
  nameSimilarity,
  nameTokens,
  siteKey,
} from '../../src/domain/duplicates';
import { DUPLICATE_CANDIDATES, TRUE_PAIRS } from '../fixtures/duplicate-candidates';

describe('findSuspectedDuplicates', () => {
  it('finds every true pair of the fixture and none of its look-alikes', () => {
    const pairs = findSuspectedDuplicates(DUPLICATE_CANDIDATES);
    expect(pairs.map((pair) => `${pair.idA} ${pair.idB}`)).toEqual(TRUE_PAIRS);
  });

  it('gives each pair all its reasons and the distance between its points', () => {
    const pairs = findSuspectedDuplicates(DUPLICATE_CANDIDATES);
    const byIds = (idA: string) => pairs.find((pair) => pair.idA === idA);
    expect(byIds('fablab-okartie')).toEqual({
      idA: 'fablab-okartie',
      idB: 'tl-cget-1294',
      distanceKm: 0.1,
      reasons: [
        { kind: 'site', site: 'sciences-reunion.net/fablab-okartie' },
        { kind: 'adresse', adresse: '4 jacquot' },
      ],
    });
    expect(byIds('tl-cget-488')?.reasons.map((reason) => reason.kind)).toEqual(['site', 'adresse', 'nom']);
    expect(byIds('fablab-io-techfactory')?.reasons).toEqual([{ kind: 'adresse', adresse: '20 martyrs' }]);
    expect(byIds('incubateur-usine-io')?.reasons).toEqual([{ kind: 'nom', similarity: 1 }]);
  });

  it('does not pair homonyms more than 5 km apart', () => {
    const far = (id: string, lng: number): DuplicateCandidate => ({
      id,
      nom: 'Le Dojo',
      siteWeb: '',
      adresse: '',
      commune: 'Ailleurs',
      codeInsee: '00000',
      coordinates: [lng, 45],
      origin: 'curated',
    });
    expect(findSuspectedDuplicates([far('a', 4), far('b', 4.05)])).toHaveLength(1);
    expect(findSuspectedDuplicates([far('a', 4), far('b', 4.1)])).toEqual([]);
  });

  it('keeps two doors of one brand when they come from two datasets (a move), not from one', () => {
    const site = (id: string, origin: string, adresse: string): DuplicateCandidate => ({
      id,
      nom: 'FabLab Lille',
      siteWeb: 'http://www.fablablille.fr',
      adresse,
      commune: 'Roubaix',
      codeInsee: '59512',
      coordinates: [3.17, 50.69],
      origin,
    });
    const moved = [
      site('a', 'fablabs-io-2017', '2 Allée Lakanal'),
      site('b', 'cget-2019', '139 rue des Arts'),
    ];
    expect(findSuspectedDuplicates(moved)).toHaveLength(1);
    const branches = [site('a', 'cget-2019', '2 Allée Lakanal'), site('b', 'cget-2019', '139 rue des Arts')];
    expect(findSuspectedDuplicates(branches)).toEqual([]);
  });

  it('pairs two nearby rows that alone in the dataset share a distinctive word', () => {
    const row = (id: string, nom: string, commune: string, lng: number, lat: number): DuplicateCandidate => ({
      id,
      nom,
      siteWeb: '',
      adresse: '',
      commune,
      codeInsee: id,
      coordinates: [lng, lat],
      origin: id,
    });
    const erasme = row(
      'a',
      "Erasme – laboratoire d'innovation ouverte de la Métropole de Lyon",
      'Villeurbanne',
      4.88,
      45.77,
    );
    const urbanLab = row('b', 'urbanLAB ERASME', 'Villeurbanne', 4.9, 45.758);
    expect(findSuspectedDuplicates([erasme, urbanLab])).toEqual([
      { idA: 'a', idB: 'b', distanceKm: 2, reasons: [{ kind: 'nom', similarity: 0.2, rareWord: 'erasme' }] },
    ]);
    const third = row('c', 'Erasme Studio', 'Paris', 2.35, 48.85);
    expect(findSuspectedDuplicates([erasme, urbanLab, third])).toEqual([]);
  });

  it('treats the arrondissements of Paris, Lyon and Marseille as their city', () => {
    const row = (id: string, codeInsee: string, lng: number): DuplicateCandidate => ({
      id,
      nom: id === 'a' ? 'Hôtel71' : 'Hotel 71',
      siteWeb: '',
      adresse: '71 quai Perrache',
      commune: 'Lyon',
      codeInsee,
      coordinates: [lng, 45.74],
      origin: id === 'a' ? 'curated' : 'cget-2019',
    });
    expect(findSuspectedDuplicates([row('a', '69123', 4.835), row('b', '69382', 4.82)])).toEqual([
      { idA: 'a', idB: 'b', distanceKm: 1.2, reasons: [{ kind: 'adresse', adresse: '71 perrache' }] },
    ]);
    expect(communeKey('75113')).toBe('75056');
    expect(communeKey('13201')).toBe('13055');
    expect(communeKey('44109')).toBe('44109');
  });

  it('handles 2,500 rows across France with the same output whatever their order', () => {
    // StrykerJS runs this for every mutant: there 2,500 rows only slow the run down, and the output on fewer rows
    // still says whether the mutant changed it. How fast it is belongs to the benchmark, not to a test.
    const underStryker = process.env.STRYKER_MUTATOR_WORKER !== undefined;
    const rows: DuplicateCandidate[] = Array.from({ length: underStryker ? 300 : 2500 }, (_, index) => ({
      id: `row-${String(index).padStart(4, '0')}`,
      nom: `Atelier ${['Alpha', 'Beta', 'Gamma', 'Delta'][index % 4]} ${index % 97}`,
      siteWeb: `https://site-${index % 800}.example/`,
      adresse: `${index % 50} rue de la Paix`,
      commune: 'Commune',
      codeInsee: String(10000 + (index % 300)),
      coordinates: [-4 + ((index * 7) % 120) / 10, 42 + ((index * 13) % 90) / 10],
      origin: 'curated',
    }));
    const first = findSuspectedDuplicates(rows);
    expect(findSuspectedDuplicates([...rows].reverse())).toEqual(first);
  });
});

describe('siteKey and isSameSite', () => {
  it('keeps host and path, without www, language prefix, index page, query or fragment', () => {
    expect(siteKey('https://www.Example.org/fr/Fablab/?page=2#top')).toBe('example.org/fablab');
    expect(siteKey('http://example.org/index.php')).toBe('example.org');
    expect(siteKey('not a url')).toBe('');
  });

  it('ignores shared hosts: social networks, site builders, portals', () => {
    expect(siteKey('https://www.facebook.com/monlab')).toBe('');
    expect(siteKey('https://sites.google.com/view/monlab')).toBe('');
    expect(siteKey('https://monlab.wixsite.com/accueil')).toBe('monlab.wixsite.com');
  });

  it('matches a site and one of its pages, not two sibling pages', () => {
    expect(isSameSite('labfab.fr', 'labfab.fr/utice')).toBe(true);
    expect(isSameSite('be-coworking.fr/espace/a', 'be-coworking.fr/espace/b')).toBe(false);
    expect(isSameSite('labfab.fr', 'labfab.fr.example')).toBe(false);
    expect(isSameSite('', '')).toBe(false);
  });
});

describe('addressKey', () => {
  it('folds abbreviations, street types, articles, accents and the part before the number', () => {
    expect(addressKey('20 bd des Martyrs')).toBe(addressKey('20 boulevard des Martyrs'));
    expect(addressKey('280 James WATT - TECNOSUD')).toBe(addressKey('280 Rue James Watt'));
    expect(addressKey("Hôtel d'entreprises Innov'Alès, 14 bd Charles Péguy")).toBe('14 charles peguy');
    expect(addressKey('7bis Avenue Saint-Jérôme')).toBe('7 jerome saint');
    expect(addressKey('181 - 183 rue du Chevaleret -')).toBe(addressKey('181-183 rue du Chevaleret'));
  });

  it('matches the same door when one source adds words to the street', () => {
    expect(isSameAddress(addressKey('4 rue Jacquot'), addressKey("4 Rue Jacquot L'Etang"))).toBe(true);
    expect(isSameAddress(addressKey('4 rue Jacquot'), addressKey('6 rue Jacquot'))).toBe(false);
    expect(isSameAddress(addressKey('4 rue Jacquot'), addressKey('4 rue Daguerre'))).toBe(false);
    expect(isSameAddress('', '')).toBe(false);
  });

  it('is empty for an area rather than a door', () => {
    expect(addressKey('Centre-ville')).toBe('');
    expect(addressKey("Zone d'activités")).toBe('');
    expect(addressKey('')).toBe('');
  });
});

describe('nameTokens and nameSimilarity', () => {
  it('keeps the distinctive words only', () => {
    expect(nameTokens('Le FabLab de Lannion', 'Lannion')).toEqual([]);
    expect(nameTokens("L'Atelier des Machines", 'Rennes')).toEqual(['machine']);
    expect(nameTokens('Paris&Co', 'Paris')).toEqual([]);
    expect(nameTokens('50 Partners', 'Paris')).toEqual(['50', 'partner']);
  });

  it('is the Jaccard index, or 1 when one name holds all the words of the other', () => {
    expect(nameSimilarity(['loft', '50', 'partner'], ['50', 'partner'])).toBe(1);
    expect(nameSimilarity(['blue', 'factory'], ['factory', 'chemin'])).toBeCloseTo(1 / 3);
    expect(nameSimilarity([], ['x'])).toBe(0);
  });

  it('matches a word and its longer form from four letters on', () => {
    expect(nameSimilarity(['labo', 'perimentation'], ['laboratoire', 'perimentation', 'bidouille'])).toBe(1);
    expect(nameSimilarity(['lab', 'nord'], ['labo', 'sud'])).toBe(0);
  });
});
