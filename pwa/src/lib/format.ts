import { locale, type Lang } from '../i18n';

/** Formats a `YYYY-MM-DD` date (no time zone shift) or an ISO date-time. */
export function formatDate(value: string, lang: Lang, timeZone?: string): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  try {
    return new Intl.DateTimeFormat(locale(lang), {
      dateStyle: 'long',
      timeZone: dateOnly ? 'UTC' : timeZone,
    }).format(date);
  } catch {
    return value;
  }
}
