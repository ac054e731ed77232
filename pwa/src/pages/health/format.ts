import type { GestationalAge, Position } from '../../api/health';
import { locale, translate, type Lang } from '../../i18n';

/** "24 minggu 0 hari" / "24 weeks 0 days". */
export function gestationalAgeText(age: GestationalAge, lang: Lang): string {
  return translate(lang, 'kia.ga', { weeks: age.weeks, days: age.days });
}

/** A child's age as people say it: days in the first month, months until two, then years and months. */
export function childAgeText(age: { months: number; total_days: number }, lang: Lang): string {
  if (age.months < 1) return translate(lang, 'kia.age.days', { n: age.total_days });
  if (age.months < 24) return translate(lang, 'kia.age.months', { n: age.months });
  const years = Math.floor(age.months / 12);
  const months = age.months % 12;
  return months
    ? translate(lang, 'kia.age.yearsMonths', { years, months })
    : translate(lang, 'kia.age.years', { n: years });
}

/** Age in completed days → "5 bln" style short label used in tables. */
export function ageDaysText(days: number, lang: Lang): string {
  const months = Math.floor(days / 30.4375);
  return months < 1
    ? translate(lang, 'kia.age.days', { n: days })
    : translate(lang, 'kia.age.monthsShort', { n: months });
}

/** A measured value in the reader's locale (e.g. "8,9" in Indonesian). */
export function formatMeasure(value: number, lang: Lang, digits = 1): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits }).format(value);
}

/**
 * A z-score as written on a growth card: two decimals with a dot, e.g.
 * "-0.42" (the same in both languages, as on WHO charts).
 */
export function formatZ(z: number): string {
  const text = z.toFixed(2);
  return text === '-0.00' ? '0.00' : text;
}

/**
 * A number typed into a form: a decimal comma or dot is accepted ("8,9" and
 * "8.9"). Empty → null; anything that is not a number → NaN.
 */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim().replace(/\s+/g, '');
  if (!trimmed) return null;
  const normalised = trimmed.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(normalised)) return Number.NaN;
  return Number(normalised);
}

/** Whole numbers only (blood pressure, heart rate, tablets, grams). */
export function parseInteger(text: string): number | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** Completed days between two YYYY-MM-DD dates (b − a). */
export function daysBetween(a: string, b: string): number {
  const start = Date.parse(`${a}T00:00:00Z`);
  const end = Date.parse(`${b}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end)) return Number.NaN;
  return Math.round((end - start) / 86_400_000);
}

/**
 * WHO: length is measured lying down before two years (731 days) and height
 * standing from two years on. The default for a new measurement.
 */
export function defaultPosition(birthDate: string, measuredOn: string): Position {
  const days = daysBetween(birthDate, measuredOn);
  return Number.isFinite(days) && days >= 731 ? 'standing' : 'lying';
}

/** "75,0% (3/4)" for a coverage, or the "none" mark for 0/0. */
export function coverageText(
  coverage: { eligible: number; count: number; pct: number | null },
  lang: Lang,
  none: string,
): string {
  if (coverage.pct === null) return none;
  const pct = new Intl.NumberFormat(locale(lang), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(coverage.pct);
  return `${pct}% (${coverage.count}/${coverage.eligible})`;
}

/**
 * The current date and time for a `datetime-local` input (YYYY-MM-DDTHH:MM)
 * in the regency's time zone, which is how the server reads a time without an
 * offset; the device's own time zone when none is given.
 */
export function nowLocalMinute(timeZone?: string, now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (timeZone) {
    try {
      const parts = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).formatToParts(now);
      const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
      return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
    } catch {
      // Unknown time zone: fall back to the device's.
    }
  }
  return (
    `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` +
    `T${pad(now.getHours())}:${pad(now.getMinutes())}`
  );
}
