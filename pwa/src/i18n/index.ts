import { createStore, useStore } from '../lib/store';
import { catalogues, isLang, type Lang, type MessageKey } from './messages';

export { LANGUAGES, isLang, type Lang, type MessageKey } from './messages';

export const LANG_STORAGE_KEY = 'pw.lang';
export const DEFAULT_LANG: Lang = 'id';

export type MessageParams = Record<string, string | number>;

function readStoredLang(): Lang | null {
  try {
    const stored = localStorage.getItem(LANG_STORAGE_KEY);
    return isLang(stored) ? stored : null;
  } catch {
    return null;
  }
}

export const langStore = createStore<{ lang: Lang }>({ lang: readStoredLang() ?? DEFAULT_LANG });

function applyDocumentLang(lang: Lang): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}
applyDocumentLang(langStore.get().lang);

export function getLang(): Lang {
  return langStore.get().lang;
}

/** Whether the language was chosen explicitly on this device. */
export function hasStoredLang(): boolean {
  return readStoredLang() !== null;
}

/** Switches the UI language, remembers it on this device and updates `<html lang>`. */
export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Storage may be unavailable (private mode); the choice still applies now.
  }
  applyDocumentLang(lang);
  if (langStore.get().lang !== lang) langStore.set({ lang });
}

export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const template = catalogues[lang][key] ?? catalogues[DEFAULT_LANG][key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

/** Translates `key` into the current language. */
export function t(key: MessageKey, params?: MessageParams): string {
  return translate(getLang(), key, params);
}

/** Hook for components: re-renders on language change. */
export function useI18n(): {
  lang: Lang;
  t: (key: MessageKey, params?: MessageParams) => string;
} {
  const { lang } = useStore(langStore);
  return { lang, t: (key, params) => translate(lang, key, params) };
}

/** BCP 47 locale for number and date formatting. */
export function locale(lang: Lang): string {
  return lang === 'id' ? 'id-ID' : 'en-GB';
}
