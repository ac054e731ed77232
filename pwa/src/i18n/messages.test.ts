import { describe, expect, it } from 'vitest';
import { catalogues, LANGUAGES } from './messages';
import { setLang, t, translate } from './index';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogue', () => {
  const reference = Object.keys(catalogues.id).sort();

  it.each(LANGUAGES)('"%s" has exactly the same keys as every other language', (lang) => {
    const keys = Object.keys(catalogues[lang]).sort();
    const missing = reference.filter((key) => !keys.includes(key));
    const extra = keys.filter((key) => !reference.includes(key));
    expect({ lang, missing, extra }).toEqual({ lang, missing: [], extra: [] });
  });

  it.each(LANGUAGES)('"%s" has no empty messages', (lang) => {
    const empty = Object.entries(catalogues[lang])
      .filter(([, text]) => text.trim() === '')
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders in every language', () => {
    const mismatched = reference.filter((key) =>
      LANGUAGES.some(
        (lang) =>
          placeholders(catalogues[lang][key as keyof typeof catalogues.id]).join() !==
          placeholders(catalogues.id[key as keyof typeof catalogues.id]).join(),
      ),
    );
    expect(mismatched).toEqual([]);
  });
});

describe('t()', () => {
  it('translates into the current language and fills in parameters', () => {
    setLang('id');
    expect(t('home.greeting', { name: 'Budi' })).toBe('Selamat datang, Budi');
    setLang('en');
    expect(t('home.greeting', { name: 'Budi' })).toBe('Welcome, Budi');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('pw.lang')).toBe('en');
  });

  it("translates a feature's messages once its catalogue is imported, in every language", async () => {
    setLang('id');
    expect(t('market.title')).toBe('market.title');
    await import('./market');
    expect(t('market.title')).toBe('Pasar UMKM');
    setLang('en');
    expect(t('market.title')).toBe('UMKM market');
  });

  it('leaves unknown placeholders untouched', () => {
    expect(translate('id', 'home.greeting')).toBe('Selamat datang, {name}');
  });
});
