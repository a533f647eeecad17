import { describe, expect, it } from 'vitest';
import { checkLinks, isHttpUrl } from '../../src/domain/links';

describe('links', () => {
  it('accepts one absolute http(s) URL with a dotted host, whatever the case of its scheme', () => {
    for (const url of ['https://example.org', 'http://example.org/a?b=c#d', 'HTTPS://EXAMPLE.ORG/x'])
      expect(isHttpUrl(url), url).toBe(true);
  });

  it('refuses other schemes, hosts without a dot, blanks and what is not a URL', () => {
    for (const value of [
      'ftp://example.org',
      'javascript:alert(1)',
      'https://localhost',
      'https://example.org/a b',
      ' https://example.org',
      'https://example.org\n',
      'example.org',
      'not a url',
      '',
    ])
      expect(isHttpUrl(value), JSON.stringify(value)).toBe(false);
  });

  it('keeps a valid or empty website and drops any other', () => {
    expect(checkLinks({ siteWeb: 'https://a.fr', source: 'https://b.fr' })).toEqual({
      siteWeb: 'https://a.fr',
      source: 'https://b.fr',
      dropped: [],
    });
    expect(checkLinks({ siteWeb: '', source: '' })).toEqual({ siteWeb: '', source: '', dropped: [] });
    expect(checkLinks({ siteWeb: 'javascript:alert(1)', source: 'Rapport annuel' })).toEqual({
      siteWeb: '',
      source: 'Rapport annuel',
      dropped: ['siteWeb'],
    });
  });

  it('drops each source reference written as a link of another scheme, and keeps http(s) links and plain text', () => {
    const checked = checkLinks({
      siteWeb: '',
      source: [
        'https://a.fr/p',
        'javascript:alert(1)',
        'Rapport : p. 3',
        '//evil.example/x',
        ' data:text/html,x',
        'http://b.fr',
        '(annexe:2)',
        'VBScript:msgbox',
        'HTTPS://c.fr',
      ].join(' | '),
    });
    expect(checked.source).toBe('https://a.fr/p | Rapport : p. 3 | http://b.fr | (annexe:2) | HTTPS://c.fr');
    expect(checked.dropped).toEqual(['source', 'source', 'source', 'source']);
  });
});
