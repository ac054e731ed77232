import { locale, type Lang } from '../../i18n';

const rupiahNumber = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });

/**
 * A whole-rupiah amount the way prices are written in Indonesia, whatever the
 * UI language: "Rp 15.000" (an ordinary space, so the text is the same
 * everywhere it is read or copied; CSS keeps it on one line).
 */
export function formatRupiah(value: number): string {
  return `Rp ${rupiahNumber.format(Math.round(value))}`;
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
