import { describe, expect, it } from 'vitest';
import { civilId } from './civil';
import { healthId } from './health';
import { marketId } from './market';
import { catalogues } from './messages';

// The app's own source files, as text.
const sources = import.meta.glob<string>(
  ['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../i18n/**', '!../test/**'],
  { query: '?raw', import: 'default', eager: true },
);

const featureKeys: Record<string, string[]> = {
  civil: Object.keys(civilId),
  health: Object.keys(healthId),
  market: Object.keys(marketId),
};

/** String and template literals; a template stands for its text before the first `${`. */
function literals(source: string): { text: string; prefix: boolean }[] {
  return [...source.matchAll(/(['"`])((?:(?!\1)[^\\\n]|\\.)*)\1/g)].map((match) => {
    const [text = '', ...rest] = (match[2] ?? '').split('${');
    return { text, prefix: rest.length > 0 };
  });
}

describe('feature messages', () => {
  it('are imported by every screen of their feature', () => {
    const lazyScreen = /import\('\.\/pages\/(civil|health|market)\/(\w+)'\)/g;
    const screens = [...(sources['../app.tsx'] ?? '').matchAll(lazyScreen)];
    expect(screens.length).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const [, feature, name] of screens) {
      const file = `../pages/${feature}/${name}.tsx`;
      if (!sources[file]?.includes(`import '../../i18n/${feature}';`)) missing.push(file);
    }
    expect(missing).toEqual([]);
  });

  // A feature's messages are there once one of its screens (pages/<feature>/) is loaded;
  // anything else sees only the main catalogue. A component of one feature used by
  // another (pages/civil/ui.tsx in pages/health/) is checked as its own feature's file:
  // what such a shared component shows there must be in the main catalogue.
  it('are used only by their own feature’s screens', () => {
    expect(Object.keys(sources)).toContain('../pages/Home.tsx');
    const misplaced: string[] = [];
    for (const [file, source] of Object.entries(sources)) {
      const owner = /\/pages\/(\w+)\//.exec(file)?.[1];
      for (const { text, prefix } of literals(source)) {
        if (!prefix && text in catalogues.id) continue;
        if (prefix && !/^\w+(\.\w+)*\.$/.test(text)) continue;
        for (const [feature, keys] of Object.entries(featureKeys)) {
          if (feature === owner) continue;
          const hit = prefix ? keys.some((key) => key.startsWith(text)) : keys.includes(text);
          if (hit) misplaced.push(`${file}: ${text}${prefix ? '…' : ''} (${feature})`);
        }
      }
    }
    expect(misplaced).toEqual([]);
  });
});
