import { describe, expect, it } from 'vitest';
import { evidenceAge } from '../../src/domain/evidence-age';

const today = new Date(Date.UTC(2026, 10, 30));

describe('evidenceAge', () => {
  it.each([
    ['2019', { year: 2019, years: 7 }],
    ['2019-11-30', { year: 2019, years: 7 }],
    ['2019-12-01', { year: 2019, years: 6 }],
    ['2019-12', { year: 2019, years: 6 }],
    ['2026-03', { year: 2026, years: 0 }],
    ['2027', { year: 2027, years: 0 }],
  ])('%s is %o old on 2026-11-30', (date, expected) => {
    expect(evidenceAge(date, today)).toEqual(expected);
  });

  it('is null for an unreadable date', () => {
    expect(evidenceAge('hier', today)).toBeNull();
  });
});
