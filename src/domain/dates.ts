import { isHttpUrl } from './links';

/**
 * Formats an ISO date of day, month or year precision for people, without inventing precision:
 * `2020-03-17` → "17 mars 2020", `2020-03` → "mars 2020", `2020` → "2020". Anything else is returned as is.
 */
export function formatPartialDate(value: string, language: 'fr' | 'en'): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (match === null) return value;
  const [, year, month, day] = match;
  const locale = language === 'fr' ? 'fr-FR' : 'en-GB';
  if (month === undefined) return String(year);
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, day === undefined ? 1 : Number(day)));
  const options: Intl.DateTimeFormatOptions =
    day === undefined
      ? { month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/** Splits a `source` cell into its references: a URL (with the note that may follow it) or plain text. */
export function splitSources(source: string): { text: string; url: string | null; note: string }[] {
  return source
    .split(' | ')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const [first = '', ...rest] = part.split(/\s+/);
      return isHttpUrl(first)
        ? { text: part, url: first, note: rest.join(' ') }
        : { text: part, url: null, note: '' };
    });
}

/**
 * Whether a fact checked on `date` (ISO, day/month/year precision) is older than `months` at `today`.
 * A partial date counts from its first day, so "2023" is older than "2023-06-15". Unreadable dates count as old.
 */
export function isOlderThan(date: string, months: number, today: Date): boolean {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (match === null) return true;
  const [, year, month = '01', day = '01'] = match;
  const checked = Date.UTC(Number(year), Number(month) - 1, Number(day));
  const limit = Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - months, today.getUTCDate());
  return checked < limit;
}

/** A mailto: link with subject and body, every part encoded (no header injection through the body). */
export function mailtoLink(address: string, subject: string, body: string): string {
  return `mailto:${encodeURIComponent(address).replace(/%40/g, '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
