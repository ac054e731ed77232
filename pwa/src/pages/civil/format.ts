import { locale, translate, type Lang } from '../../i18n';

/** Date and time of an ISO timestamp, in the given time zone (default: the device's). */
export function formatDateTime(value: string, lang: Lang, timeZone?: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  try {
    return new Intl.DateTimeFormat(locale(lang), {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone,
    }).format(date);
  } catch {
    return value;
  }
}

/** A date-only value (YYYY-MM-DD) in the short medium style, e.g. "25 Nov 2026". */
export function formatDay(value: string, lang: Lang): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    date,
  );
}

export function formatNumber(value: number, lang: Lang, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits }).format(value);
}

export function formatBytes(bytes: number, lang: Lang): string {
  if (bytes < 1024) return `${formatNumber(bytes, lang)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, lang)} KB`;
  return `${formatNumber(bytes / (1024 * 1024), lang, 1)} MB`;
}

/** A share 0..1 as a percentage; `null` when there is nothing to measure. */
export function formatShare(share: number | null, lang: Lang): string | null {
  if (share === null || Number.isNaN(share)) return null;
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 0 }).format(
    share,
  );
}

/** Hours as "5 jam" below two days, otherwise as days ("3,5 hari"). */
export function formatDuration(hours: number | null, lang: Lang): string | null {
  if (hours === null || Number.isNaN(hours)) return null;
  if (hours < 1) return translate(lang, 'stats.underHour');
  if (hours < 48) return translate(lang, 'stats.hours', { n: formatNumber(hours, lang, 1) });
  return translate(lang, 'stats.days', { n: formatNumber(hours / 24, lang, 1) });
}

export function serviceDays(days: number, lang: Lang): string {
  return translate(lang, days === 1 ? 'civil.serviceDays.one' : 'civil.serviceDays.other', {
    n: days,
  });
}

/** Today as YYYY-MM-DD on this device. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
