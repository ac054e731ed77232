import { locale, type Lang } from '../../i18n';

/**
 * A whole-rupiah amount the way prices are written in Indonesia, whatever the
 * UI language: "Rp 15.000" (an ordinary space, so the text is the same
 * everywhere it is read or copied; CSS keeps it on one line).
 *
 * Written by hand rather than with `Intl.NumberFormat`: the first use of
 * `Intl` on a page starts the browser's ICU data (17-50 ms of main thread on a
 * fast machine, four times that on a cheap phone), and the catalogue and the
 * product page need nothing else from it (docs/performance.md).
 */
export function formatRupiah(value: number): string {
  if (!Number.isFinite(value)) return `Rp ${value}`;
  const whole = Math.round(Math.abs(value));
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `Rp ${value < 0 && whole !== 0 ? '-' : ''}${grouped}`;
}

/** Digits typed into a price or number field ("15.000", "Rp 15000") as a number; null when empty. */
export function parseWholeNumber(text: string): number | null {
  const digits = text.replace(/\D/g, '');
  if (!digits) return null;
  const value = Number(digits.replace(/^0+(?=\d)/, ''));
  return Number.isSafeInteger(value) ? value : null;
}

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

/** Only the digits of what was typed (NIB, P-IRT, quantities). */
export function digitsOnly(text: string): string {
  return text.replace(/\D/g, '');
}
