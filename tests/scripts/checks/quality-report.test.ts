import { describe, expect, it } from 'vitest';
import {
  renderCuratedVersusImported,
  renderOfficialNetworks,
  renderQualityJson,
} from '../../../scripts/lib/checks/quality-report';
import { computeQuality } from '../../../src/domain/quality';
import { structure } from '../../helpers';

const quality = computeQuality({
  structures: [
    structure({ id: 'a', statut: 'actif', siteWeb: 'https://a.example' }),
    structure({ id: 'b', statut: 'inconnu', siteWeb: '' }),
  ],
  curatedIds: new Set(['a']),
  programmes: [{ code: 'satt', labelFr: 'SATT', labelEn: 'SATT', descriptionFr: '' }],
  members: [],
});

describe('quality renderers', () => {
  it('renders a programme without official members with no share', () => {
    expect(renderOfficialNetworks(quality)).toContain('| SATT (`satt`) | 0 | 0 | 0 | – |');
  });

  it('splits statuses and fields between curated and imported rows, and adds duplicates when given', () => {
    const text = renderCuratedVersusImported(quality);
    expect(text).toContain('| actif | 1 | 100.0 % | 0 | 0.0 % |');
    expect(text).toContain('| site_web | 1 | 100.0 % | 0 | 0.0 % |');
    expect(text).not.toContain('Duplicates:');
    expect(
      renderCuratedVersusImported({
        ...quality,
        duplicates: { suspected: 5, merged: 2, distinct: 1, unresolved: 2 },
      }),
    ).toContain('Duplicates: 5 suspected, 2 merged, 1 distinct after review, 2 to review.');
  });

  it('writes quality.json as one line of JSON with its generator', () => {
    const text = renderQualityJson(quality, 'test');
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual({ ...quality, generator: 'test' });
  });
});
