import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { isoDateSchema, siretSchema, sourceSchema } from '../../src/domain/fields';

const messagesOf = (schema: z.ZodType, value: string) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('isoDateSchema', () => {
  it('accepts years from 1900 to 2100, at year, month or day precision', () => {
    for (const date of ['1900', '2100', '1900-01', '2100-12', '2020-01-01', '2020-12-31', '2020-02-29'])
      expect(messagesOf(isoDateSchema, date), date).toEqual([]);
  });

  it('refuses a year before 1900 or after 2100', () => {
    for (const date of ['1899', '2101', '1899-06', '2101-06-15'])
      expect(messagesOf(isoDateSchema, date), date).toEqual(['not a real calendar date']);
  });

  it('refuses month 00 and months after 12', () => {
    for (const date of ['2020-00', '2020-13', '2020-00-10', '2020-13-10'])
      expect(messagesOf(isoDateSchema, date), date).toEqual(['not a real calendar date']);
  });

  it('refuses days that do not exist in their month', () => {
    for (const date of ['2021-02-29', '2020-04-31', '2020-01-32', '2020-03-00'])
      expect(messagesOf(isoDateSchema, date), date).toEqual(['not a real calendar date']);
  });

  it('refuses what is not written YYYY, YYYY-MM or YYYY-MM-DD', () => {
    for (const date of ['20', '2020-3', '2020-03-1', '17/03/2020', ''])
      expect(messagesOf(isoDateSchema, date)[0], date).toBe(
        'expected an ISO date YYYY-MM-DD (or YYYY-MM, YYYY)',
      );
  });
});

describe('sourceSchema', () => {
  it('accepts URLs, URLs with a note in parentheses and document references', () => {
    for (const source of [
      'https://example.org/a',
      'http://example.org/a (README.md, CC0)',
      'https://example.org/a   (two spaces before the note)',
      'CGET_TiersLieux_2019.csv ID 12 | https://example.org/b',
      'abc',
      'Rapport (p. 3)',
    ])
      expect(messagesOf(sourceSchema, source), source).toEqual([]);
  });

  it('reports each reference that is too short, quoted', () => {
    expect(messagesOf(sourceSchema, 'ab | https://example.org | x')).toEqual([
      'empty or too short reference "ab"',
      'empty or too short reference "x"',
    ]);
    expect(messagesOf(sourceSchema, '')[0]).toBe('required');
  });

  it('trims each reference before checking it', () => {
    expect(messagesOf(sourceSchema, 'CGET_TiersLieux_2019.csv |  http//broken')).toEqual([
      'malformed URL "http//broken" (a note after a URL goes in parentheses)',
    ]);
    expect(messagesOf(sourceSchema, 'abc |  ab')).toEqual(['empty or too short reference "ab"']);
  });

  it('wants the whole note after a URL in parentheses', () => {
    for (const source of [
      'https://example.org/a see (README.md)',
      'https://example.org/a (README.md) and more',
      'https://example.org/a note',
      'www.example.org',
      'https://localhost/a',
    ])
      expect(messagesOf(sourceSchema, source), source).toEqual([
        `malformed URL "${source}" (a note after a URL goes in parentheses)`,
      ]);
  });
});

describe('siretSchema', () => {
  it('accepts a number whose Luhn checksum matches, and refuses one digit off', () => {
    expect(messagesOf(siretSchema, '73282932000074')).toEqual([]);
    expect(messagesOf(siretSchema, '73282932000075')).toEqual(['checksum does not match: a digit is wrong']);
    // A doubled digit above 9 (here 8 × 2 = 16 → 7) is folded back: 0 is right only with the fold.
    expect(messagesOf(siretSchema, '00000000000083')).toEqual([]);
  });

  it('checks La Poste establishments (SIREN 356000000) by the sum of their digits instead', () => {
    // digit sum 15: a multiple of 5, although the Luhn checksum does not match
    expect(messagesOf(siretSchema, '35600000000001')).toEqual([]);
    // Luhn checksum matches, but digit sum 19
    expect(messagesOf(siretSchema, '35600000000014')).toEqual(['checksum does not match: a digit is wrong']);
    // only the first nine digits make a La Poste number
    expect(messagesOf(siretSchema, '00001356000000')).toEqual(['checksum does not match: a digit is wrong']);
  });

  it('wants exactly 14 digits', () => {
    expect(messagesOf(siretSchema, '7328293200007')[0]).toBe('expected 14 digits');
    expect(messagesOf(siretSchema, '7328293200007A')[0]).toBe('expected 14 digits');
  });
});
