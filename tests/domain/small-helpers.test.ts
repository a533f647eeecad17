import { describe, expect, it } from 'vitest';
import { evidenceAge } from '../../src/domain/evidence-age';
import { bboxOf } from '../../src/domain/geo';
import { highlightSegments } from '../../src/domain/highlight';
import { labelOf, taxonomiesFromCodes } from '../../src/domain/labels';
import { formatDistance, nearest } from '../../src/domain/proximity';
import { formatIssue } from '../../src/domain/result';
import { parseTaxonomyRow } from '../../src/domain/taxonomy';
import { normalizeText } from '../../src/domain/text';

const on = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('evidenceAge around the anniversary', () => {
  it('adds a year on the anniversary day, not the day before, whatever the month', () => {
    expect(evidenceAge('2019-06-15', on('2025-06-14'))?.years).toBe(5);
    expect(evidenceAge('2019-06-15', on('2025-06-15'))?.years).toBe(6);
    expect(evidenceAge('2019-06-15', on('2025-05-20'))?.years).toBe(5);
    expect(evidenceAge('2019-06-15', on('2025-07-01'))?.years).toBe(6);
    expect(evidenceAge('2019-06', on('2025-05-31'))?.years).toBe(5);
    expect(evidenceAge('2019-06', on('2025-06-01'))?.years).toBe(6);
    expect(evidenceAge('2019', on('2025-01-01'))).toEqual({ year: 2019, years: 6 });
  });

  it('reads only a whole ISO date', () => {
    for (const bad of ['x2019', '2019-06-15x', ' 2019', '2019-6', '15/06/2019', ''])
      expect(evidenceAge(bad, on('2025-01-01')), bad).toBeNull();
  });
});

describe('highlightSegments', () => {
  it('keeps the text after the last match, and gives back empty or unsearched text whole', () => {
    expect(highlightSegments('École du web', ['ecole'])).toEqual([
      { text: 'École', match: true },
      { text: ' du web', match: false },
    ]);
    expect(highlightSegments('', ['ecole'])).toEqual([{ text: '', match: false }]);
    expect(highlightSegments('École', [])).toEqual([{ text: 'École', match: false }]);
  });
});

describe('formatIssue', () => {
  it('writes file:line field: message with the parts it has', () => {
    expect(formatIssue({ file: 'data/a.csv', line: 3, field: 'nom', message: 'vide' })).toBe(
      'data/a.csv:3 nom: vide',
    );
    expect(formatIssue({ file: 'data/a.csv', message: 'vide' })).toBe('data/a.csv: vide');
    expect(formatIssue({ line: 3, message: 'vide' })).toBe('3: vide');
    expect(formatIssue({ field: 'nom', message: 'vide' })).toBe('nom: vide');
    expect(formatIssue({ file: 'data/a.csv', line: 3, field: '', message: 'vide' })).toBe(
      'data/a.csv:3: vide',
    );
    expect(formatIssue({ message: 'vide' })).toBe('vide');
  });
});

describe('labels', () => {
  const entries = [{ code: 'fablab', labelFr: 'Fablab (FR)', labelEn: 'Fablab (EN)', descriptionFr: '' }];

  it('labels a code in the chosen language, an unknown code by itself', () => {
    expect(labelOf(entries, 'fablab', 'fr')).toBe('Fablab (FR)');
    expect(labelOf(entries, 'fablab', 'en')).toBe('Fablab (EN)');
    expect(labelOf(entries, 'inconnu', 'fr')).toBe('inconnu');
  });

  it('makes sorted, de-duplicated taxonomies of the codes the data uses', () => {
    const taxonomies = taxonomiesFromCodes(
      [
        { type: 'tiers-lieu', themes: ['sante', 'energie'], reseaux: ['rfflabs'] },
        { type: 'fablab', themes: ['energie'], reseaux: [] },
      ],
      [{ categorie: 'masques' }],
    );
    expect(taxonomies.types.map((entry) => entry.code)).toEqual(['fablab', 'tiers-lieu']);
    expect(taxonomies.themes.map((entry) => entry.code)).toEqual(['energie', 'sante']);
    expect(taxonomies.networks).toEqual([
      { code: 'rfflabs', labelFr: 'rfflabs', labelEn: 'rfflabs', descriptionFr: '' },
    ]);
    expect(taxonomies.initiativeCategories.map((entry) => entry.labelEn)).toEqual(['masques']);
  });
});

describe('taxonomy rows', () => {
  const row = (kind: string) => ({
    code: 'energie',
    label_fr: 'Énergie',
    label_en: 'Energy',
    description_fr: '',
    kind,
  });

  it('reads the kind of a theme, and says where an unknown kind is', () => {
    expect(parseTaxonomyRow(row('sector'), 4)).toMatchObject({
      ok: true,
      value: { code: 'energie', kind: 'sector' },
    });
    const none = parseTaxonomyRow(row(''), 4);
    expect(none.ok && !('kind' in none.value)).toBe(true);
    expect(parseTaxonomyRow(row('other'), 4)).toEqual({
      ok: false,
      issues: [{ line: 4, field: 'kind', message: 'expected territorial or sector' }],
    });
  });
});

describe('text and distances at their edges', () => {
  it('spells out ligatures when normalising', () => {
    expect(normalizeText('Œuvre Cæsar')).toBe('oeuvre caesar');
  });

  it('shows one decimal under 10 km only, and orders equal distances by position', () => {
    expect(formatDistance(9.96, 'en')).toBe('10.0 km');
    expect(formatDistance(10, 'en')).toBe('10 km');
    expect(nearest(Float64Array.from([5, 2, 5, 2]), null, 4)).toEqual([1, 3, 0, 2]);
  });

  it('gives the bounding box of a shape as west, south, east, north', () => {
    expect(
      bboxOf({
        type: 'LineString',
        coordinates: [
          [2, 48],
          [-1, 50],
        ],
      }),
    ).toEqual([-1, 48, 2, 50]);
  });
});
