import { describe, expect, it } from 'vitest';
import { checkCells, linkProblem } from '../../scripts/lib/cell-rules';
import { readCsv } from '../../scripts/lib/read-csv';

describe('linkProblem', () => {
  it('accepts http(s) links and plain document references', () => {
    for (const reference of [
      'https://example.org/a?b=c',
      'http://example.org',
      ' https://example.org (README.md, CC0) ',
      'CGET_TiersLieux_2019.csv ID 12',
      'raw/cget-tiers-lieux-2019.csv (ID 1)',
      'Rapport annuel : 2020',
    ])
      expect(linkProblem(reference), reference).toBeNull();
  });

  it('rejects script, data and other schemes, and protocol-relative links', () => {
    expect(linkProblem('javascript:alert(1)')).toBe(
      '"javascript:" link: only http:// and https:// links are allowed',
    );
    for (const reference of [
      'JavaScript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox',
      'file:///etc/passwd',
      '//evil.example/x',
      'voir (javascript:alert(1))',
    ])
      expect(linkProblem(reference), reference).not.toBeNull();
  });
});

describe('checkCells', () => {
  it('reports names and descriptions over their limit and non-http links in source and site_web, each with line and field', () => {
    const csv = readCsv(
      [
        'id,nom,description,site_web,source',
        `a,${'N'.repeat(300)},${'d'.repeat(2000)},https://a.example,https://a.example`,
        `b,${'N'.repeat(301)},${'d'.repeat(2001)},,https://b.example | javascript:alert(1)`,
        'c,C,,//c.example,"data:text/html,x"',
      ].join('\n'),
      'f.csv',
    );
    expect(checkCells(csv, 'f.csv')).toEqual([
      { file: 'f.csv', line: 3, field: 'nom', message: '301 characters, over the limit of 300' },
      { file: 'f.csv', line: 3, field: 'description', message: '2,001 characters, over the limit of 2,000' },
      {
        file: 'f.csv',
        line: 3,
        field: 'source',
        message: '"javascript:" link: only http:// and https:// links are allowed',
      },
      {
        file: 'f.csv',
        line: 4,
        field: 'source',
        message: '"data:" link: only http:// and https:// links are allowed',
      },
      {
        file: 'f.csv',
        line: 4,
        field: 'site_web',
        message: 'protocol-relative link "//c.example": write the full address with https://',
      },
    ]);
  });

  it('counts characters, not UTF-16 units, against the limit', () => {
    const csv = readCsv(`nom\n${'é'.repeat(150)}${'😀'.repeat(150)}\n`, 'f.csv');
    expect(checkCells(csv, 'f.csv')).toEqual([]);
  });
});
