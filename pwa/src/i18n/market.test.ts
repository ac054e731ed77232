import { describe, expect, it } from 'vitest';
import { marketEn, marketId } from './market';
import { translate, type MessageKey } from './index';
import { catalogues, LANGUAGES } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('market message catalogue', () => {
  const idKeys = Object.keys(marketId).sort();
  const enKeys = Object.keys(marketEn).sort();

  it('has exactly the same keys in Indonesian and English', () => {
    expect({
      missingInEnglish: idKeys.filter((key) => !enKeys.includes(key)),
      extraInEnglish: enKeys.filter((key) => !idKeys.includes(key)),
    }).toEqual({ missingInEnglish: [], extraInEnglish: [] });
  });

  it('has no empty messages and the same placeholders in both languages', () => {
    const id = marketId as Record<string, string>;
    const en = marketEn as Record<string, string>;
    expect(idKeys.filter((key) => !id[key]?.trim() || !en[key]?.trim())).toEqual([]);
    expect(
      idKeys.filter(
        (key) => placeholders(id[key] ?? '').join() !== placeholders(en[key] ?? '').join(),
      ),
    ).toEqual([]);
  });

  it('keeps every key under market.', () => {
    expect(idKeys.filter((key) => !key.startsWith('market.'))).toEqual([]);
  });

  it('stays out of the main catalogue and, once imported, translates in every language', () => {
    expect(idKeys.filter((key) => key in catalogues.id)).toEqual([]);
    for (const lang of LANGUAGES) {
      const market = (lang === 'id' ? marketId : marketEn) as Record<string, string>;
      for (const key of idKeys) {
        expect(translate(lang, key as MessageKey), `${lang} ${key}`).toBe(market[key]);
      }
      // Importing it leaves the main catalogue's messages as they were.
      for (const [key, text] of Object.entries(catalogues[lang])) {
        expect(translate(lang, key as MessageKey), `${lang} ${key}`).toBe(text);
      }
    }
    // (A key defined in two modules is a type error in messages.ts.)
  });

  it('names every state the API can return, in both languages', () => {
    const states = {
      'market.product.status': ['draft', 'pending', 'published', 'rejected', 'archived'],
      'market.shop.status': ['pending', 'verified', 'rejected', 'suspended'],
      'market.order.status': ['pending', 'confirmed', 'sent', 'completed', 'cancelled'],
    };
    for (const [prefix, values] of Object.entries(states)) {
      for (const value of values) {
        expect(idKeys, `${prefix}.${value}`).toContain(`${prefix}.${value}`);
      }
    }
  });
});
