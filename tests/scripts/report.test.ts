import { describe, expect, it } from 'vitest';
import { renderReport, sourceKind } from '../../scripts/lib/report';
import { createGazetteer } from '../../src/domain/commune';
import { structure, TAXONOMIES } from '../helpers';

describe('renderReport', () => {
  it('counts by type, precision and source, lists missing fields and the oldest dates', () => {
    const report = renderReport({
      structures: [
        structure({
          id: 'a',
          source: 'https://github.com/anct-carto/mission_coworking | CGET_TiersLieux_2019.csv ID 1',
          dateVerification: '2019',
          siteWeb: '',
        }),
        structure({ id: 'b', type: 'fablab', precision: 'source', dateVerification: '2017-04' }),
      ],
      initiatives: [],
      taxonomies: TAXONOMIES,
      gazetteer: createGazetteer([]),
    });
    expect(report).toContain('**2 structures**');
    expect(report).toContain('| Fablab (`fablab`) | 1 | 50.0 % |');
    expect(report).toContain('| CGET tiers-lieux 2019 | 1 | 50.0 % |');
    expect(report).toContain('| site_web | 1 | 50.0 % |');
    expect(report.indexOf('| `b` |')).toBeLessThan(report.indexOf('| `a` |'));
  });

  it('tells imported from curated sources', () => {
    expect(
      sourceKind(
        structure({ source: 'https://www.fablabs.io/labs/x | https://github.com/python-bonobo/bonobo' }),
      ),
    ).toBe('fablabs.io 2017');
    expect(sourceKind(structure({ source: 'https://press.example/article' }))).toBe(
      'curated (press, official pages)',
    );
  });
});
