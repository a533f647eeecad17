import { z } from 'zod';
import {
  cell,
  checkCodes,
  checkField,
  httpUrlSchema,
  INSEE_CODE_PATTERN,
  isoDateSchema,
  POSTCODE_PATTERN,
  type RawRow,
  SLUG_PATTERN,
  siretSchema,
  sourceSchema,
  splitList,
} from './fields';
import { isInFrance } from './geo-bounds';
import { fail, type Issue, ok, type Result } from './result';
import { type LngLat, STATUSES, type Status, type StructureInput, type StructureType } from './types';

export { STRUCTURE_COLUMNS } from './columns';

export const REQUIRED_STRUCTURE_COLUMNS = [
  'id',
  'nom',
  'type',
  'themes',
  'statut',
  'source',
  'date_verification',
] as const;

/** The codes a row may use, read from the taxonomy files. */
export type CodeSets = {
  readonly types: ReadonlySet<string>;
  readonly themes: ReadonlySet<string>;
  readonly networks: ReadonlySet<string>;
};

const requiredText = z.string().min(1, 'required');
const idSchema = requiredText.regex(
  SLUG_PATTERN,
  'expected a slug of lowercase letters, digits and single hyphens',
);
const postcodeSchema = z.string().regex(POSTCODE_PATTERN, 'expected 5 digits');
const inseeSchema = z
  .string()
  .regex(INSEE_CODE_PATTERN, 'expected 5 characters (digits, or 2A/2B + 3 digits)');
const successorSchema = z
  .string()
  .regex(SLUG_PATTERN, 'expected the id of the structure it became (lowercase letters, digits, hyphens)');
const statusSchema = z.enum(STATUSES, { error: `expected one of ${STATUSES.join(', ')}` });

function parseCoordinate(
  issues: Issue[],
  value: string,
  line: number,
  field: string,
  limit: number,
): number | null {
  if (!/^-?\d{1,3}(?:\.\d+)?$/.test(value)) {
    issues.push({
      line,
      field,
      message: `"${value}" is not a decimal number (use a dot as decimal separator)`,
    });
    return null;
  }
  const number = Number(value);
  if (Math.abs(number) > limit) {
    issues.push({ line, field, message: `${value} is outside ±${limit}` });
    return null;
  }
  return number;
}

function parseCoordinates(issues: Issue[], raw: RawRow, line: number): LngLat | null {
  const latitudeText = cell(raw, 'latitude');
  const longitudeText = cell(raw, 'longitude');
  if (latitudeText === '' && longitudeText === '') return null;
  if (latitudeText === '' || longitudeText === '') {
    issues.push({
      line,
      field: latitudeText === '' ? 'latitude' : 'longitude',
      message: 'latitude and longitude go together: give both or neither',
    });
    return null;
  }
  const latitude = parseCoordinate(issues, latitudeText, line, 'latitude', 90);
  const longitude = parseCoordinate(issues, longitudeText, line, 'longitude', 180);
  if (latitude === null || longitude === null) return null;
  const point: LngLat = [longitude, latitude];
  if (!isInFrance(point)) {
    const swapped = isInFrance([latitude, longitude]);
    issues.push({
      line,
      field: 'latitude',
      message: swapped
        ? `latitude ${latitude} and longitude ${longitude} look swapped`
        : `(${latitude}, ${longitude}) is outside France and its overseas regions`,
    });
    return null;
  }
  return point;
}

/**
 * Validates one row of `data/structures.csv` and normalises it. The optional last column `successeur` (not
 * written by the import scripts) names the structure a closed one merged into or was renamed as. `line` is the row's 1-based line in the file.
 * Returns every problem of the row at once, each with its line and column, so a curator fixes a file in one pass.
 * Checks that need other rows (duplicate ids) or the gazetteer (commune resolution) happen later.
 */
export function parseStructureRow(raw: RawRow, line: number, codes: CodeSets): Result<StructureInput> {
  const issues: Issue[] = [];
  const value = (column: string) => cell(raw, column);

  checkField(issues, idSchema, value('id'), line, 'id');
  checkField(issues, requiredText, value('nom'), line, 'nom');
  const type = value('type');
  if (type === '') issues.push({ line, field: 'type', message: 'required' });
  else if (!codes.types.has(type))
    issues.push({ line, field: 'type', message: `unknown code "${type}" (not in types.csv)` });

  const themes = splitList(value('themes'));
  if (themes.length === 0)
    issues.push({ line, field: 'themes', message: 'required: at least one theme code' });
  checkCodes(issues, themes, codes.themes, line, 'themes', 'themes.csv');
  const reseaux = splitList(value('reseaux'));
  checkCodes(issues, reseaux, codes.networks, line, 'reseaux', 'networks.csv');

  const codePostal = value('code_postal');
  if (codePostal !== '') checkField(issues, postcodeSchema, codePostal, line, 'code_postal');
  const codeInsee = value('code_insee').toUpperCase();
  if (codeInsee !== '') checkField(issues, inseeSchema, codeInsee, line, 'code_insee');
  const commune = value('commune');
  if (codeInsee === '' && (commune === '' || codePostal === '')) {
    issues.push({
      line,
      field: 'code_insee',
      message: 'the commune is unknown: give code_insee, or both commune and code_postal',
    });
  }

  const coordinates = parseCoordinates(issues, raw, line);
  const siteWeb = value('site_web');
  if (siteWeb !== '') checkField(issues, httpUrlSchema, siteWeb, line, 'site_web');
  const siret = value('siret').replace(/\s/g, '');
  if (siret !== '') checkField(issues, siretSchema, siret, line, 'siret');
  checkField(issues, statusSchema, value('statut'), line, 'statut');
  checkField(issues, sourceSchema, value('source'), line, 'source');
  checkField(issues, isoDateSchema, value('date_verification'), line, 'date_verification');
  const successeur = value('successeur');
  if (successeur !== '') {
    checkField(issues, successorSchema, successeur, line, 'successeur');
    if (successeur === value('id'))
      issues.push({ line, field: 'successeur', message: 'a structure cannot succeed itself' });
    if (value('statut') !== 'ferme')
      issues.push({
        line,
        field: 'successeur',
        message: `only a closed structure (statut ferme) has a successor; this one is "${value('statut')}"`,
      });
  }

  if (issues.length > 0) return fail(issues);
  return ok({
    id: value('id'),
    nom: value('nom'),
    type: type as StructureType,
    themes,
    description: value('description'),
    adresse: value('adresse'),
    codePostal,
    commune,
    codeInsee,
    coordinates,
    siteWeb,
    reseaux,
    siret,
    statut: value('statut') as Status,
    source: value('source'),
    dateVerification: value('date_verification'),
    successeur,
  });
}

/** Reports required columns missing from a file's header, on line 1. */
export function checkHeader(header: readonly string[], required: readonly string[]): Issue[] {
  return required
    .filter((column) => !header.includes(column))
    .map((column) => ({ line: 1, field: column, message: 'required column is missing from the header' }));
}
