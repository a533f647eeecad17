import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADDRESS_API_URL } from '../src/config';
import { BASEMAP_HOSTS } from '../src/map/basemaps';

const html = readFileSync('src/index.html', 'utf8');
const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
const directives = new Map(
  policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .map(([name = '', ...values]) => [name, values]),
);

describe('the Content-Security-Policy of index.html', () => {
  it('allows scripts from the site only: no inline script, no eval', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
  });

  it('lets the page reach only itself and the hosts a user opts into (basemaps, address search)', () => {
    const optIn = new Set([...Object.values(BASEMAP_HOSTS).flat(), new URL(ADDRESS_API_URL).origin]);
    expect(directives.get('connect-src')).toEqual(["'self'", ...[...optIn].sort()]);
  });

  it('is the policy docs/security.md gives as the server header', () => {
    const documented = readFileSync('docs/security.md', 'utf8');
    expect(documented).toContain(policy);
  });
});
