import { createStore, useStore } from '../lib/store';
import { catalogues, isLang, LANGUAGES, type Lang, type MessageKey } from './messages';

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

type Messages = Partial<Record<MessageKey, string>>;

/** The messages available now: the main catalogue plus every feature catalogue imported so far. */
const messages: Record<Lang, Messages> = { id: { ...catalogues.id }, en: { ...catalogues.en } };

/**
 * Adds a feature's messages, in every language so that switching language never
 * waits for the network. A feature catalogue (./civil.ts, ./health.ts,
 * ./market.ts) calls this when it is first imported, and every screen of the
 * feature imports its catalogue, so the messages are there before the screen
 * first renders; the catalogue travels in the feature's chunks, not the main one.
 */
export function registerMessages(feature: Record<Lang, Messages>): void {
  for (const lang of LANGUAGES) Object.assign(messages[lang], feature[lang]);
}

export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const template = messages[lang][key] ?? messages[DEFAULT_LANG][key] ?? key;
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
