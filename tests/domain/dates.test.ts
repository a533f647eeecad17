import { describe, expect, it } from 'vitest';
import { formatPartialDate, splitSources } from '../../src/domain/dates';

describe('formatPartialDate', () => {
  it('keeps the precision of the source', () => {
    expect(formatPartialDate('2020-03-17', 'fr')).toBe('17 mars 2020');
    expect(formatPartialDate('2020-03', 'fr')).toBe('mars 2020');
    expect(formatPartialDate('2019', 'en')).toBe('2019');
    expect(formatPartialDate('2020-03-17', 'en')).toBe('17 March 2020');
    expect(formatPartialDate('bientôt', 'fr')).toBe('bientôt');
  });
});

describe('splitSources', () => {
  it('links URLs and keeps document references as text', () => {
    expect(
      splitSources('https://a.example.org/x | CGET 2019 (ID 4) | https://b.example.org/y (README, CC0)'),
    ).toEqual([
      { text: 'https://a.example.org/x', url: 'https://a.example.org/x', note: '' },
      { text: 'CGET 2019 (ID 4)', url: null, note: '' },
      {
        text: 'https://b.example.org/y (README, CC0)',
        url: 'https://b.example.org/y',
        note: '(README, CC0)',
      },
    ]);
  });
});
