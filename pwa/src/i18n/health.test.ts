import { describe, expect, it } from 'vitest';
import { civilId } from './civil';
import { healthEn, healthId } from './health';
import { translate, type MessageKey } from './index';
import { catalogues, LANGUAGES } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('health (Buku KIA) message catalogue', () => {
  const idKeys = Object.keys(healthId).sort();
  const enKeys = Object.keys(healthEn).sort();

  it('has exactly the same keys in Indonesian and English', () => {
    expect({
      missingInEnglish: idKeys.filter((key) => !enKeys.includes(key)),
      extraInEnglish: enKeys.filter((key) => !idKeys.includes(key)),
    }).toEqual({ missingInEnglish: [], extraInEnglish: [] });
  });

  it('has no empty messages and the same placeholders in both languages', () => {
    const id = healthId as Record<string, string>;
    const en = healthEn as Record<string, string>;
    expect(idKeys.filter((key) => !id[key]?.trim() || !en[key]?.trim())).toEqual([]);
    expect(
      idKeys.filter(
        (key) => placeholders(id[key] ?? '').join() !== placeholders(en[key] ?? '').join(),
      ),
    ).toEqual([]);
  });

  it('keeps its keys under "kia." and apart from the civil catalogue', () => {
    expect(idKeys.filter((key) => !key.startsWith('kia.'))).toEqual([]);
    expect(idKeys.filter((key) => key in civilId)).toEqual([]);
  });

  it('stays out of the main catalogue and, once imported, translates in every language', () => {
    expect(idKeys.filter((key) => key in catalogues.id)).toEqual([]);
    for (const lang of LANGUAGES) {
      const health = (lang === 'id' ? healthId : healthEn) as Record<string, string>;
      for (const key of idKeys) {
        expect(translate(lang, key as MessageKey), `${lang} ${key}`).toBe(health[key]);
      }
      // Importing it leaves the main catalogue's messages as they were.
      for (const [key, text] of Object.entries(catalogues[lang])) {
        expect(translate(lang, key as MessageKey), `${lang} ${key}`).toBe(text);
      }
    }
    // (A key also defined in the main or civil catalogue is a type error in messages.ts.)
  });
});
