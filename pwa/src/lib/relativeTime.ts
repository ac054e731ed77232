import { locale, translate, type Lang } from '../i18n';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 24 * 60 * 60 * 1000],
  ['hour', 60 * 60 * 1000],
  ['minute', 60 * 1000],
];

/** "2 jam yang lalu" / "2 hours ago"; under a minute "baru saja" / "just now". */
export function timeAgo(then: number, lang: Lang, now = Date.now()): string {
  const elapsed = Math.max(0, now - then);
  for (const [unit, size] of UNITS) {
    if (elapsed >= size) {
      const format = new Intl.RelativeTimeFormat(locale(lang), { numeric: 'always' });
      return format.format(-Math.floor(elapsed / size), unit);
    }
  }
  return translate(lang, 'saved.justNow');
}
