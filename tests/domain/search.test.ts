import { describe, expect, it } from 'vitest';
import { positionsOf } from '../../src/domain/bitset';
import { highlightSegments } from '../../src/domain/highlight';
import { searchStructures } from '../../src/domain/search';
import { createSearchIndex } from '../../src/domain/search-index';

const structures = [
  {
    id: 'a',
    nom: 'École du numérique',
    description: 'Formation aux métiers du web.',
    commune: 'Saint-Étienne',
    labels: 'Éducation et formation',
  },
  {
    id: 'b',
    nom: 'Technopole Brest-Iroise',
    description: 'Sciences de la mer.',
    commune: 'Plouzané',
    labels: 'Mer et littoral French Tech',
  },
  {
    id: 'c',
    nom: 'Silver Valley',
    description: 'Bien vieillir et maintien à domicile.',
    commune: 'Ivry-sur-Seine',
    labels: 'Services aux seniors',
  },
  { id: 'd', nom: 'Cowork Lyon', description: '', commune: 'Lyon', labels: 'Numérique' },
];
const index = createSearchIndex(structures);
const find = (query: string) => {
  const result = searchStructures(index, query);
  return result === null ? null : positionsOf(result.mask).map((position) => structures[position]?.id);
};

describe('searchStructures', () => {
  it('ignores case and accents', () => {
    expect(find('ecole')).toEqual(['a']);
    expect(find('ÉCOLE')).toEqual(['a']);
    expect(find('saint etienne')).toEqual(['a']);
  });
  it('matches prefixes and tolerates small typos', () => {
    expect(find('techno')).toEqual(['b']);
    expect(find('technopol')).toEqual(['b']);
    expect(find('tecnopole')).toEqual(['b']);
    expect(find('vieilir')).toEqual(['c']);
  });
  it('searches names, descriptions, communes and labels, all words required', () => {
    expect(find('plouzane')).toEqual(['b']);
    expect(find('french tech')).toEqual(['b']);
    expect(find('seniors')).toEqual(['c']);
    expect(find('numerique')?.sort()).toEqual(['a', 'd']);
    expect(find('numerique lyon')).toEqual(['d']);
    expect(find('zzzz')).toEqual([]);
  });
  it('treats an empty query as no search', () => {
    expect(find('  ')).toBeNull();
    expect(find("'-")).toBeNull();
  });
});

describe('highlightSegments', () => {
  it('marks the matched words, whatever their accents', () => {
    const terms = searchStructures(index, 'ecole numerique')?.terms ?? [];
    expect(highlightSegments('École du numérique', terms)).toEqual([
      { text: 'École', match: true },
      { text: ' du ', match: false },
      { text: 'numérique', match: true },
    ]);
    expect(highlightSegments('Silver Valley', [])).toEqual([{ text: 'Silver Valley', match: false }]);
  });
});

describe('searchStructures at the limits of its tolerance', () => {
  // The index is built inside each test (not when the file loads), so mutation testing can see which test uses it.
  const find = (query: string) => {
    const result = searchStructures(createSearchIndex(structures), query);
    return result === null ? null : positionsOf(result.mask).map((position) => structures[position]?.id);
  };
  const terms = (query: string) => searchStructures(createSearchIndex(structures), query)?.terms;

  it('searches every field: name, description, commune and theme labels', () => {
    expect(find('silver')).toEqual(['c']);
    expect(find('vieillir')).toEqual(['c']);
    expect(find('ivry')).toEqual(['c']);
    expect(find('seniors')).toEqual(['c']);
  });

  it('completes words from two letters on, not from one', () => {
    expect(find('b')).toEqual([]);
    expect(find('br')).toEqual(['b']);
  });

  it('allows no typo below four letters, one from four, two from eight', () => {
    expect(find('lyn')).toEqual([]); // 3 letters, one edit from "lyon"
    expect(find('lyom')).toEqual(['d']); // 4 letters, one edit
    expect(find('sanisrs')).toEqual([]); // 7 letters, two edits from "seniors"
    expect(find('sanisrs'.replace('a', 'e'))).toEqual(['c']); // one edit
    expect(find('plouzabi')).toEqual(['b']); // 8 letters, two edits from "plouzane"
  });

  it('lists the matched words once each, in alphabetical order', () => {
    expect(terms('web formation')).toEqual(['formation', 'web']);
  });
});
