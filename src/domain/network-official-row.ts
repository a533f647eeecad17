import { z } from 'zod';
import {
  cell,
  checkField,
  INSEE_CODE_PATTERN,
  isoDateSchema,
  type RawRow,
  SLUG_PATTERN,
  sourceSchema,
} from './fields';
import { fail, type Issue, ok, type Result } from './result';

/** The columns of `data/networks-official.csv`, in their order: one row per member of an official list. */
export const NETWORK_OFFICIAL_COLUMNS = [
  'reseau',
  'nom_officiel',
  'commune_siege',
  'code_insee_siege',
  'periode_label',
  'structure_id',
  'raison_absence',
  'source',
  'date_verification',
] as const;

/**
 * A member of an official programme list (pôles de compétitivité, SATT, French Tech, Retis…) and where it is in
 * our dataset: `structureId` when it is placed, otherwise `raisonAbsence` says why not. Exactly one is set.
 */
export type OfficialMember = {
  readonly line: number;
  readonly reseau: string;
  readonly nomOfficiel: string;
  readonly communeSiege: string;
  readonly codeInseeSiege: string;
  readonly periodeLabel: string;
  readonly structureId: string;
  readonly raisonAbsence: string;
  readonly source: string;
  readonly dateVerification: string;
};

const requiredText = z.string().min(1, 'required');
const idSchema = z
  .string()
  .regex(SLUG_PATTERN, 'expected a structure id (lowercase letters, digits, hyphens)');
const inseeSchema = z
  .string()
  .regex(INSEE_CODE_PATTERN, 'expected 5 characters (digits, or 2A/2B + 3 digits)');
const periodSchema = z
  .string()
  .regex(/^\d{4}-(?:\d{4})?$/, 'expected a period like 2023-2026 or 2023- (open-ended)')
  .refine((value) => {
    const [start = '', end = ''] = value.split('-');
    return end === '' || Number(end) >= Number(start);
  }, 'the period ends before it starts');

/**
 * Validates one row of `data/networks-official.csv` against the programme codes of
 * `data/networks-official-programmes.csv`. Returns every problem of the row, each with its line and column.
 * Checks that need other rows or files (duplicates, existing structure ids, known communes) happen in the build.
 */
export function parseNetworkOfficialRow(
  raw: RawRow,
  line: number,
  programmes: ReadonlySet<string>,
): Result<OfficialMember> {
  const issues: Issue[] = [];
  const value = (column: string) => cell(raw, column);
  const reseau = value('reseau');
  if (reseau === '') issues.push({ line, field: 'reseau', message: 'required' });
  else if (!programmes.has(reseau))
    issues.push({
      line,
      field: 'reseau',
      message: `unknown programme "${reseau}" (not in networks-official-programmes.csv)`,
    });
  checkField(issues, requiredText, value('nom_officiel'), line, 'nom_officiel');
  const codeInseeSiege = value('code_insee_siege').toUpperCase();
  if (codeInseeSiege !== '') checkField(issues, inseeSchema, codeInseeSiege, line, 'code_insee_siege');
  const periodeLabel = value('periode_label');
  if (periodeLabel !== '') checkField(issues, periodSchema, periodeLabel, line, 'periode_label');
  const structureId = value('structure_id');
  const raisonAbsence = value('raison_absence');
  if (structureId !== '') checkField(issues, idSchema, structureId, line, 'structure_id');
  if (structureId === '' && raisonAbsence === '')
    issues.push({
      line,
      field: 'structure_id',
      message: 'give structure_id (the member is in the dataset) or raison_absence (why it is not)',
    });
  if (structureId !== '' && raisonAbsence !== '')
    issues.push({
      line,
      field: 'raison_absence',
      message: 'give structure_id or raison_absence, not both',
    });
  checkField(issues, sourceSchema, value('source'), line, 'source');
  checkField(issues, isoDateSchema, value('date_verification'), line, 'date_verification');
  if (issues.length > 0) return fail(issues);
  return ok({
    line,
    reseau,
    nomOfficiel: value('nom_officiel'),
    communeSiege: value('commune_siege'),
    codeInseeSiege,
    periodeLabel,
    structureId,
    raisonAbsence,
    source: value('source'),
    dateVerification: value('date_verification'),
  });
}
