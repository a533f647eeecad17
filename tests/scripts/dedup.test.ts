import { describe, expect, it } from 'vitest';
import {
  absorb,
  applyFusions,
  type DuplicateDecision,
  duplicateCounts,
  readDuplicateDecisions,
  renderDuplicatesSection,
  resolveDuplicates,
  resolvePairs,
} from '../../scripts/lib/dedup';
import { readCsv } from '../../scripts/lib/read-csv';
import { structure } from '../helpers';

const HEADER = 'id_a,id_b,decision,raison,source,date_verification';
const ORIGINS = new Map([
  ['curated-a', 'curated'],
  ['curated-b', 'curated'],
  ['tl-cget-1', 'cget-2019'],
  ['tl-cget-2', 'cget-2019'],
]);

function decisionsFile(...lines: string[]) {
  const file = 'data/duplicates.csv';
  return { file, csv: readCsv([HEADER, ...lines].join('\n'), file) };
}

function decision(overrides: Partial<DuplicateDecision>): DuplicateDecision {
  return {
    idA: 'curated-a',
    idB: 'tl-cget-1',
    decision: 'fusion',
    raison: 'Même site web et même commune.',
    source: 'https://example.org/page',
    dateVerification: '2019',
    line: 2,
    ...overrides,
  };
}

describe('readDuplicateDecisions', () => {
  it('reads valid decisions', () => {
    const { decisions, issues } = readDuplicateDecisions(
      decisionsFile(
        'curated-a,tl-cget-1,fusion,Même site et même adresse.,https://example.org/a,2019',
        'tl-cget-1,tl-cget-2,distinct,Deux adresses.,https://example.org/b,2019-05',
      ),
      ORIGINS,
    );
    expect(issues).toEqual([]);
    expect(decisions.map((entry) => [entry.idA, entry.idB, entry.decision, entry.line])).toEqual([
      ['curated-a', 'tl-cget-1', 'fusion', 2],
      ['tl-cget-1', 'tl-cget-2', 'distinct', 3],
    ]);
  });

  it('reports an unknown id, a pair listed twice and a curated row absorbed into an imported one, with line and field', () => {
    const { issues } = readDuplicateDecisions(
      decisionsFile(
        'curated-a,nowhere,distinct,Noms différents.,https://example.org/a,2019',
        'curated-a,tl-cget-1,distinct,Deux lieux.,https://example.org/a,2019',
        'tl-cget-1,curated-a,distinct,Deux lieux.,https://example.org/a,2019',
        'tl-cget-2,curated-b,fusion,Même lieu.,https://example.org/a,2019',
      ),
      ORIGINS,
    );
    expect(issues).toEqual([
      { file: 'data/duplicates.csv', line: 2, field: 'id_b', message: 'no structure has id "nowhere"' },
      {
        file: 'data/duplicates.csv',
        line: 4,
        field: 'id_b',
        message: 'pair tl-cget-1 / curated-a is already decided at line 3',
      },
      {
        file: 'data/duplicates.csv',
        line: 5,
        field: 'id_b',
        message:
          '"curated-b" is curated and "tl-cget-2" imported: the curated row must be the kept one (id_a)',
      },
    ]);
  });

  it('reports a bad decision, a missing reason, a bad source or date, and fusion chains', () => {
    const { issues } = readDuplicateDecisions(
      decisionsFile(
        'curated-a,tl-cget-1,maybe,,not a source http://x,2019-13',
        'curated-b,curated-a,fusion,Même lieu.,https://example.org/a,2019',
        'curated-a,tl-cget-2,fusion,Même lieu.,https://example.org/a,2019',
      ),
      ORIGINS,
    );
    expect(issues.map((issue) => `${issue.line} ${issue.field}`)).toEqual([
      '2 decision',
      '2 raison',
      '2 date_verification',
      '4 id_a',
    ]);
  });
});

describe('absorb and applyFusions', () => {
  const kept = structure({
    id: 'curated-a',
    nom: 'Usine IO',
    codeInsee: '75056',
    adresse: '',
    siteWeb: '',
    reseaux: ['french-tech'],
    source: 'https://press.example/usine-io',
    precision: 'commune',
    coordinates: [2.35, 48.85],
  });
  const absorbed = structure({
    id: 'tl-cget-1',
    nom: 'Usine IO (tiers-lieu)',
    codeInsee: '75056',
    adresse: '181 rue du Chevaleret',
    codePostal: '75013',
    siteWeb: 'http://usine.io/',
    reseaux: ['fablabs-io'],
    source: 'https://github.com/anct-carto/mission_coworking | CGET_TiersLieux_2019.csv ID 1',
    precision: 'source',
    coordinates: [2.3726, 48.8292],
    description: 'Autre description.',
  });

  it('keeps both sources and fills only the fields the kept row lacks', () => {
    expect(absorb(kept, absorbed)).toEqual({
      ...kept,
      siteWeb: 'http://usine.io/',
      reseaux: ['french-tech', 'fablabs-io'],
      adresse: '181 rue du Chevaleret',
      codePostal: '75013',
      coordinates: [2.3726, 48.8292],
      precision: 'source',
      source:
        'https://press.example/usine-io | https://github.com/anct-carto/mission_coworking | CGET_TiersLieux_2019.csv ID 1',
    });
  });

  it('takes no address or point from a row in another commune', () => {
    const merged = absorb(kept, { ...absorbed, codeInsee: '93055' });
    expect(merged).toMatchObject({
      adresse: '',
      codePostal: '',
      precision: 'commune',
      coordinates: [2.35, 48.85],
    });
    expect(merged.siteWeb).toBe('http://usine.io/');
  });

  it('takes the more precise point of the same door, whatever the dates', () => {
    const merged = absorb(
      { ...kept, adresse: '181-183 rue du Chevaleret', dateVerification: '2024' },
      { ...absorbed, codeInsee: '75113', adresse: '181 - 183 rue du Chevaleret -', dateVerification: '2019' },
    );
    expect(merged).toMatchObject({
      adresse: '181-183 rue du Chevaleret',
      precision: 'source',
      coordinates: [2.3726, 48.8292],
    });
  });

  it('takes no address from a source older than the kept row (it may predate a move)', () => {
    const merged = absorb(
      { ...kept, dateVerification: '2024-05' },
      { ...absorbed, dateVerification: '2019' },
    );
    expect(merged).toMatchObject({ adresse: '', precision: 'commune', siteWeb: 'http://usine.io/' });
  });

  it('drops absorbed rows and publishes their ids as aliases, sorted', () => {
    const other = structure({ id: 'z-other' });
    const result = applyFusions(
      [kept, absorbed, other],
      [decision({}), decision({ idA: 'z-other', idB: 'curated-a', decision: 'distinct' })],
    );
    expect(result.structures.map((entry) => entry.id)).toEqual(['curated-a', 'z-other']);
    expect(result.aliases).toEqual({ 'tl-cget-1': 'curated-a' });
  });
});

describe('resolvePairs and duplicateCounts', () => {
  const pair = (idA: string, idB: string) => ({
    idA,
    idB,
    distanceKm: 0,
    reasons: [{ kind: 'nom' as const, similarity: 1 }],
  });

  it('matches decisions in either order, resolves pairs absorbed into one row, and counts the rest', () => {
    const resolved = resolvePairs(
      [pair('a', 'b'), pair('a', 'c'), pair('b', 'c'), pair('d', 'e'), pair('f', 'g')],
      [
        decision({ idA: 'a', idB: 'b' }),
        decision({ idA: 'a', idB: 'c' }),
        decision({ idA: 'e', idB: 'd', decision: 'distinct', raison: 'Deux lieux.' }),
      ],
    );
    expect(resolved.map((entry) => entry.decision)).toEqual(['fusion', 'fusion', 'fusion', 'distinct', null]);
    expect(resolved[2]?.raison).toBe('les deux sont fusionnées dans a');
    expect(duplicateCounts(resolved)).toEqual({ suspected: 5, merged: 3, distinct: 1, unresolved: 1 });
  });

  it('renders counts, reasons and decisions, flagging what is left to decide', () => {
    const section = renderDuplicatesSection({
      pairs: resolvePairs([pair('a', 'b'), pair('f', 'g')], [decision({ idA: 'a', idB: 'b' })]),
      decisions: [],
      aliases: { b: 'a' },
    });
    expect(section).toContain('| 2 | 1 | 0 | 1 |');
    expect(section).toContain('**Unresolved pairs: 1**');
    expect(section).toContain(
      '| `a` | `b` | 0 | similar names (1.00) | fusion into `a` | Même site web et même commune. |',
    );
    expect(section).toContain('| `f` | `g` | 0 | similar names (1.00) | **to decide** |  |');
  });
});

describe('resolveDuplicates', () => {
  it('detects pairs across files before applying fusions and reports decision issues', () => {
    const rows = [
      structure({ id: 'curated-a', nom: 'Usine IO', siteWeb: '' }),
      structure({ id: 'tl-cget-1', nom: 'Usine IO', siteWeb: 'http://usine.io/' }),
    ];
    const result = resolveDuplicates({
      structures: rows,
      origins: [
        { id: 'curated-a', file: 'data/structures.csv' },
        { id: 'tl-cget-1', file: 'data/imported/x.csv' },
      ],
      curatedFile: 'data/structures.csv',
      decisionsCsv: decisionsFile(
        'curated-a,tl-cget-1,fusion,Même nom au même endroit.,https://example.org,2019',
      ),
    });
    expect(result.issues).toEqual([]);
    expect(result.structures.map((entry) => entry.id)).toEqual(['curated-a']);
    expect(result.report.pairs.map((entry) => [entry.idA, entry.idB, entry.decision])).toEqual([
      ['curated-a', 'tl-cget-1', 'fusion'],
    ]);
    expect(result.report.aliases).toEqual({ 'tl-cget-1': 'curated-a' });
  });
});
