import { describe, expect, it } from 'vitest';
import {
  EMPTY_SHORTLIST,
  isShortlistId,
  MAX_NOTE_LENGTH,
  MAX_SHORTLIST,
  mergeShortlist,
  parseStoredShortlist,
  setNote,
  toggleShortlisted,
} from '../../src/domain/shortlist';
import { parseUrlState } from '../../src/state/url';

describe('Ma sélection', () => {
  it('stars and unstars in order, and forgets the note of a structure it drops', () => {
    let list = toggleShortlisted(EMPTY_SHORTLIST, 'fablab-b');
    list = toggleShortlisted(list, 'incubateur-a');
    list = setNote(list, 'fablab-b', 'Appeler en janvier');
    expect(list).toEqual({ ids: ['fablab-b', 'incubateur-a'], notes: { 'fablab-b': 'Appeler en janvier' } });
    list = toggleShortlisted(list, 'fablab-b');
    expect(list).toEqual({ ids: ['incubateur-a'], notes: {} });
    expect(setNote(list, 'absent', 'x')).toBe(list);
    expect(setNote(setNote(list, 'incubateur-a', 'x'), 'incubateur-a', '  ').notes).toEqual({});
    expect(setNote(list, 'incubateur-a', 'y'.repeat(5_000)).notes['incubateur-a']).toHaveLength(
      MAX_NOTE_LENGTH,
    );
  });

  it('refuses ids of the wrong shape and stops at the limit', () => {
    expect(toggleShortlisted(EMPTY_SHORTLIST, 'Bad Id')).toBe(EMPTY_SHORTLIST);
    const full = mergeShortlist(
      EMPTY_SHORTLIST,
      Array.from({ length: MAX_SHORTLIST + 5 }, (_, n) => `s-${n}`),
    );
    expect(full.ids).toHaveLength(MAX_SHORTLIST);
  });

  it('merges a shared selection after the local one, keeping local notes', () => {
    const local = setNote(toggleShortlisted(EMPTY_SHORTLIST, 'a'), 'a', 'mine');
    expect(mergeShortlist(local, ['b', 'a', 'c'], { a: 'theirs', b: 'note b' })).toEqual({
      ids: ['a', 'b', 'c'],
      notes: { a: 'mine', b: 'note b' },
    });
  });

  it('reads stored data defensively', () => {
    expect(parseStoredShortlist(null)).toEqual(EMPTY_SHORTLIST);
    expect(parseStoredShortlist('{oops')).toEqual(EMPTY_SHORTLIST);
    expect(parseStoredShortlist('[1,2]')).toEqual(EMPTY_SHORTLIST);
    expect(parseStoredShortlist('{"ids":["a","<b>",3,"c"],"notes":{"a":"ok","c":5}}')).toEqual({
      ids: ['a', 'c'],
      notes: { a: 'ok' },
    });
  });

  it('accepts ids up to 120 characters, and keeps only string notes of starred structures, cut to the limit', () => {
    const longest = 'a'.repeat(120);
    expect(isShortlistId(longest)).toBe(true);
    expect(isShortlistId(`${longest}b`)).toBe(false);
    expect(isShortlistId(5)).toBe(false);
    expect(
      mergeShortlist(EMPTY_SHORTLIST, ['a', 'b'], { a: 5 as unknown as string, b: 'kept', z: 'not starred' }),
    ).toEqual({ ids: ['a', 'b'], notes: { b: 'kept' } });
    const stored = parseStoredShortlist(
      JSON.stringify({ ids: ['a'], notes: { a: 'x'.repeat(MAX_NOTE_LENGTH + 10) } }),
    );
    expect(stored.notes.a).toHaveLength(MAX_NOTE_LENGTH);
    expect(parseStoredShortlist('{"ids":["a"],"notes":null}')).toEqual({ ids: ['a'], notes: {} });
    expect(parseStoredShortlist('{"ids":"a","notes":{"a":"n"}}')).toEqual(EMPTY_SHORTLIST);
  });

  it('travels in links as selection=, valid ids only', () => {
    expect(parseUrlState('?selection=b,a,b,<x>,c').selection).toEqual(['b', 'a', 'c']);
    expect(parseUrlState('?type=fablab').selection).toBeNull();
    expect(parseUrlState('?selection=').selection).toEqual([]);
  });
});
