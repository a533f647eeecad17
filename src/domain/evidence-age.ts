/**
 * The first year of evidence that may show a structure as active (issue 12): a curated row is `actif` only with a
 * source dated this year or later, and the app explains `inconnu` with it.
 */
export const ACTIVE_EVIDENCE_FROM_YEAR = 2023;

/** How old the evidence of a row is: the year of its `date_verification` and the whole years elapsed since. */
export type EvidenceAge = { readonly year: number; readonly years: number };

/**
 * The age of a verification date (ISO, day/month/year precision) at `today`, in whole years. A partial date counts
 * from its first day ("2019" is 2019-01-01), so the age is never understated. Null for an unreadable date; a date
 * in the future counts as 0 years.
 */
export function evidenceAge(date: string, today: Date): EvidenceAge | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2] ?? '01');
  const day = Number(match[3] ?? '01');
  let years = today.getUTCFullYear() - year;
  const beforeAnniversary =
    today.getUTCMonth() + 1 < month || (today.getUTCMonth() + 1 === month && today.getUTCDate() < day);
  if (beforeAnniversary) years -= 1;
  return { year, years: Math.max(0, years) };
}
