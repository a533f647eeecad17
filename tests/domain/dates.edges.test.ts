import { describe, expect, it } from 'vitest';
import { formatPartialDate, isOlderThan, mailtoLink, splitSources } from '../../src/domain/dates';

describe('formatPartialDate on inputs that are not a plain ISO date', () => {
  it('returns text around a date as is instead of formatting the date inside it', () => {
    expect(formatPartialDate('vers 2020', 'fr')).toBe('vers 2020');
    expect(formatPartialDate('2020-03-17 (archive)', 'fr')).toBe('2020-03-17 (archive)');
    expect(formatPartialDate('2020-03-17T10:00', 'en')).toBe('2020-03-17T10:00');
  });

  it('does not take a year followed by a bare dash as a month', () => {
    expect(formatPartialDate('2020-', 'fr')).toBe('2020-');
    expect(formatPartialDate('2020-03-', 'fr')).toBe('2020-03-');
  });
});

describe('splitSources on untidy cells', () => {
  it('drops empty references and the spaces around each one', () => {
    expect(splitSources('  CGET 2019  |  | https://a.example.org/x ')).toEqual([
      { text: 'CGET 2019', url: null, note: '' },
      { text: 'https://a.example.org/x', url: 'https://a.example.org/x', note: '' },
    ]);
    expect(splitSources('')).toEqual([]);
    expect(splitSources('   ')).toEqual([]);
  });

  it('separates a URL from its note however many spaces lie between them', () => {
    expect(splitSources('https://a.example.org/x   (README,  CC0)')).toEqual([
      {
        text: 'https://a.example.org/x   (README,  CC0)',
        url: 'https://a.example.org/x',
        note: '(README, CC0)',
      },
    ]);
  });
});

describe('isOlderThan', () => {
  const today = new Date(Date.UTC(2024, 5, 15)); // 15 June 2024

  it('compares a day-precision date with the day the given number of months ago', () => {
    expect(isOlderThan('2023-06-14', 12, today)).toBe(true);
    expect(isOlderThan('2023-06-15', 12, today)).toBe(false);
    expect(isOlderThan('2023-06-16', 12, today)).toBe(false);
    expect(isOlderThan('2024-06-15', 0, today)).toBe(false);
    expect(isOlderThan('2024-06-14', 0, today)).toBe(true);
  });

  it('counts months back from today, not forward', () => {
    expect(isOlderThan('2024-01-01', 3, today)).toBe(true);
    expect(isOlderThan('2024-05-01', 3, today)).toBe(false);
  });

  it('reads the month of the date as written (1 = January)', () => {
    expect(isOlderThan('2023-12-20', 6, today)).toBe(false);
    expect(isOlderThan('2023-12-10', 6, today)).toBe(true);
  });

  it('counts a partial date from its first day', () => {
    // "2023-06" is 1 June 2023: older than a year on 15 June 2024, while "2023-06-15" is not.
    expect(isOlderThan('2023-06', 12, today)).toBe(true);
    expect(isOlderThan('2023-07', 12, today)).toBe(false);
    expect(isOlderThan('2023', 12, new Date(Date.UTC(2024, 0, 1)))).toBe(false);
    expect(isOlderThan('2023', 12, new Date(Date.UTC(2024, 0, 2)))).toBe(true);
  });

  it('counts unreadable dates, and dates with anything around them, as old', () => {
    // 1500 months back is 1899: any date the function could read would be recent enough.
    const unreadable = ['', 'inconnue', '5', '5-06-15', '24-06-15', '2024/06/15', '2024-6-15', '2024-06-1'];
    const decorated = [
      'le 2024-06-15',
      '2024-06-15 ',
      '2024-06-15x',
      '2024-',
      'aaaa',
      '2024-bb',
      '2024-06-cc',
    ];
    for (const date of [...unreadable, ...decorated]) expect(isOlderThan(date, 1500, today), date).toBe(true);
    expect(isOlderThan('2024-06-15', 1500, today)).toBe(false);
    expect(isOlderThan('1905', 1500, today)).toBe(false);
  });
});

describe('mailtoLink', () => {
  it('writes the address, subject and body, each encoded', () => {
    expect(mailtoLink('contact@example.org', 'Erreur : fiche', 'Bonjour,\nla fiche & le lien')).toBe(
      'mailto:contact@example.org?subject=Erreur%20%3A%20fiche&body=Bonjour%2C%0Ala%20fiche%20%26%20le%20lien',
    );
  });

  it('keeps every @ of the address readable and encodes header separators in it', () => {
    expect(mailtoLink('a@b@c', '', '')).toBe('mailto:a@b@c?subject=&body=');
    expect(mailtoLink('a@b.org?cc=x@y.org', 's', 'b')).toBe('mailto:a@b.org%3Fcc%3Dx@y.org?subject=s&body=b');
  });
});
