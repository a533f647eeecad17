import { z } from 'zod';
import { isHttpUrl } from './links';
import type { Issue } from './result';

/** A raw CSV row: column name → cell text. Missing columns read as undefined. */
export type RawRow = Readonly<Record<string, string | undefined>>;

export { SLUG_PATTERN } from './slug';
export const INSEE_CODE_PATTERN = /^(?:\d{5}|2[AB]\d{3})$/;
export const POSTCODE_PATTERN = /^\d{5}$/;

/** The text of a cell, trimmed; empty when the column is missing. */
export function cell(raw: RawRow, column: string): string {
  return (raw[column] ?? '').trim();
}

/** Splits a `|`-separated list cell into its trimmed, non-empty parts. */
export function splitList(value: string): string[] {
  return value
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function isValidCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number);
  if (year === undefined || year < 1900 || year > 2100) return false;
  if (month === undefined) return true;
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;
  // A day the month does not have rolls over into another month (day 00 into the one before), so the day of
  // month comes back different: checking it alone is enough.
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}

/** ISO 8601 calendar date at day, month or year precision: `2020-03-17`, `2020-03`, `2020`. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'expected an ISO date YYYY-MM-DD (or YYYY-MM, YYYY)')
  .refine(isValidCalendarDate, 'not a real calendar date');

export const httpUrlSchema = z.string().refine(isHttpUrl, 'malformed URL (expected http:// or https://)');

/**
 * A source: one or more references separated by ` | `. Each is a URL, optionally followed by a note in
 * parentheses (`https://… (README.md, CC0)`), or a short document reference (`CGET_TiersLieux_2019.csv ID 12`).
 * Anything that starts like a URL must be a valid one.
 */
export const sourceSchema = z
  .string()
  .min(1, 'required')
  .superRefine((value, context) => {
    for (const part of value.split(' | ').map((piece) => piece.trim())) {
      if (part.length < 3) {
        context.addIssue({ code: 'custom', message: `empty or too short reference "${part}"` });
        continue;
      }
      if (!/^(?:https?\b|www\.)/i.test(part)) continue;
      const [url = '', ...rest] = part.split(/\s+/);
      const note = rest.join(' ');
      if (!isHttpUrl(url) || (note !== '' && !/^\(.*\)$/.test(note))) {
        context.addIssue({
          code: 'custom',
          message: `malformed URL "${part}" (a note after a URL goes in parentheses)`,
        });
      }
    }
  });

/** Luhn checksum of SIRET numbers; La Poste's establishments use a digit-sum rule instead. */
function isValidSiret(value: string): boolean {
  if (value.startsWith('356000000')) {
    return [...value].reduce((sum, digit) => sum + Number(digit), 0) % 5 === 0;
  }
  let sum = 0;
  for (let index = 0; index < value.length; index += 1) {
    let digit = Number(value[value.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export const siretSchema = z
  .string()
  .regex(/^\d{14}$/, 'expected 14 digits')
  .refine(isValidSiret, 'checksum does not match: a digit is wrong');

/**
 * Checks one cell against a zod schema and appends its problems, located at `line` and `field`.
 * Used so that a row reports every faulty field at once, not just the first one.
 */
export function checkField(
  issues: Issue[],
  schema: z.ZodType,
  value: string,
  line: number,
  field: string,
): void {
  const result = schema.safeParse(value);
  if (!result.success) {
    for (const problem of result.error.issues) issues.push({ line, field, message: problem.message });
  }
}

/** Checks that every code of a list cell belongs to a taxonomy. */
export function checkCodes(
  issues: Issue[],
  codes: readonly string[],
  known: ReadonlySet<string>,
  line: number,
  field: string,
  taxonomyFile: string,
): void {
  const seen = new Set<string>();
  for (const code of codes) {
    if (!known.has(code))
      issues.push({ line, field, message: `unknown code "${code}" (not in ${taxonomyFile})` });
    if (seen.has(code)) issues.push({ line, field, message: `code "${code}" is listed twice` });
    seen.add(code);
  }
}
