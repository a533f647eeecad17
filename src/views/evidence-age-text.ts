import { evidenceAge } from '../domain/evidence-age';
import type { MessageKey } from '../i18n/messages';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** "il y a 7 ans" / "7 years ago" for a verification date at `today`; empty for an unreadable date. */
export function evidenceAgeText(t: Translate, date: string, today: Date): string {
  const age = evidenceAge(date, today);
  if (age === null) return '';
  if (age.years === 0) return t('evidenceAgeRecent');
  if (age.years === 1) return t('evidenceAgeOneYear');
  return t('evidenceAgeYears', { count: age.years });
}
