import { z } from 'zod';
import { cell, checkField, type RawRow, SLUG_PATTERN } from './fields';
import { fail, type Issue, ok, type Result } from './result';
import type { Taxonomies, TaxonomyEntry } from './types';

export { labelOf } from './labels';

const codeSchema = z
  .string()
  .min(1, 'required')
  .regex(SLUG_PATTERN, 'expected a slug of lowercase letters, digits and hyphens');
const labelSchema = z.string().min(1, 'required');
const colorSchema = z.string().regex(/^#[0-9a-f]{6}$/i, 'expected a colour like #1f77b4');

/** Validates one row of a taxonomy file (`types.csv`, `themes.csv`, `networks.csv`, `initiative-categories.csv`). */
export function parseTaxonomyRow(
  raw: RawRow,
  line: number,
  options: { withColor?: boolean } = {},
): Result<TaxonomyEntry> {
  const issues: Issue[] = [];
  checkField(issues, codeSchema, cell(raw, 'code'), line, 'code');
  checkField(issues, labelSchema, cell(raw, 'label_fr'), line, 'label_fr');
  checkField(issues, labelSchema, cell(raw, 'label_en'), line, 'label_en');
  if (options.withColor) checkField(issues, colorSchema, cell(raw, 'color'), line, 'color');
  const kindText = cell(raw, 'kind');
  const kind = kindText === 'territorial' || kindText === 'sector' ? kindText : undefined;
  if (kindText !== '' && kind === undefined)
    issues.push({ line, field: 'kind', message: 'expected territorial or sector' });
  if (issues.length > 0) return fail(issues);
  return ok({
    code: cell(raw, 'code'),
    labelFr: cell(raw, 'label_fr'),
    labelEn: cell(raw, 'label_en'),
    descriptionFr: cell(raw, 'description_fr'),
    ...(options.withColor ? { color: cell(raw, 'color').toLowerCase(), icon: cell(raw, 'icon') } : {}),
    ...(kind === undefined ? {} : { kind }),
  });
}

export function codeSetsOf(taxonomies: Taxonomies) {
  const codes = (entries: readonly TaxonomyEntry[]) => new Set(entries.map((entry) => entry.code));
  return {
    types: codes(taxonomies.types),
    themes: codes(taxonomies.themes),
    networks: codes(taxonomies.networks),
    initiativeCategories: codes(taxonomies.initiativeCategories),
  };
}
