import { z } from 'zod';
import {
  cell,
  checkField,
  httpUrlSchema,
  INSEE_CODE_PATTERN,
  isoDateSchema,
  type RawRow,
  SLUG_PATTERN,
  sourceSchema,
  splitList,
} from './fields';
import { fail, type Issue, ok, type Result } from './result';
import type { InitiativeInput } from './types';

export { INITIATIVE_COLUMNS } from './columns';

export const REQUIRED_INITIATIVE_COLUMNS = [
  'id',
  'nom',
  'structure_ids',
  'categorie',
  'source',
  'date_verification',
] as const;

const requiredText = z.string().min(1, 'required');
const idSchema = requiredText.regex(
  SLUG_PATTERN,
  'expected a slug of lowercase letters, digits and single hyphens',
);
const inseeSchema = z
  .string()
  .regex(INSEE_CODE_PATTERN, 'expected 5 characters (digits, or 2A/2B + 3 digits)');

/**
 * Validates one row of `data/initiatives.csv`. Structure ids are checked for form here and for existence by the
 * build, which knows every structure.
 */
export function parseInitiativeRow(
  raw: RawRow,
  line: number,
  categories: ReadonlySet<string>,
): Result<InitiativeInput> {
  const issues: Issue[] = [];
  const value = (column: string) => cell(raw, column);
  checkField(issues, idSchema, value('id'), line, 'id');
  checkField(issues, requiredText, value('nom'), line, 'nom');
  const structureIds = splitList(value('structure_ids'));
  for (const id of structureIds) {
    if (!SLUG_PATTERN.test(id))
      issues.push({ line, field: 'structure_ids', message: `"${id}" is not a valid structure id` });
  }
  const categorie = value('categorie');
  if (!categories.has(categorie)) {
    issues.push({
      line,
      field: 'categorie',
      message:
        categorie === '' ? 'required' : `unknown code "${categorie}" (not in initiative-categories.csv)`,
    });
  }
  const codeInsee = value('code_insee').toUpperCase();
  if (codeInsee !== '') checkField(issues, inseeSchema, codeInsee, line, 'code_insee');
  const dateDebut = value('date_debut');
  const dateFin = value('date_fin');
  if (dateDebut !== '') checkField(issues, isoDateSchema, dateDebut, line, 'date_debut');
  if (dateFin !== '') checkField(issues, isoDateSchema, dateFin, line, 'date_fin');
  // ISO dates compare as text; an empty date_debut is before every date_fin, so it never trips this check.
  if (dateFin !== '' && dateFin < dateDebut) {
    issues.push({ line, field: 'date_fin', message: `ends (${dateFin}) before it starts (${dateDebut})` });
  }
  const siteWeb = value('site_web');
  if (siteWeb !== '') checkField(issues, httpUrlSchema, siteWeb, line, 'site_web');
  checkField(issues, sourceSchema, value('source'), line, 'source');
  checkField(issues, isoDateSchema, value('date_verification'), line, 'date_verification');
  if (issues.length > 0) return fail(issues);
  return ok({
    id: value('id'),
    nom: value('nom'),
    structureIds,
    categorie,
    description: value('description'),
    commune: value('commune'),
    codeInsee,
    dateDebut,
    dateFin,
    siteWeb,
    source: value('source'),
    dateVerification: value('date_verification'),
  });
}
