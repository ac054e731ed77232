import { describe, expect, it } from 'vitest';
import { formatRupiah, parseWholeNumber } from './format';

describe('rupiah', () => {
  it('writes whole rupiah with dots between thousands and an ordinary space', () => {
    expect(formatRupiah(15000)).toBe('Rp 15.000');
    expect(formatRupiah(0)).toBe('Rp 0');
    expect(formatRupiah(950)).toBe('Rp 950');
    expect(formatRupiah(1250000)).toBe('Rp 1.250.000');
    expect(formatRupiah(1_000_000_000)).toBe('Rp 1.000.000.000');
    expect(formatRupiah(12999.6)).toBe('Rp 13.000');
  });

  it('agrees with the Indonesian number format it replaces', () => {
    const idr = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
    for (const value of [0, 7, 999, 1000, 10_000, 99_999, 100_000, 123_456_789, 2_000_000_000, -15_000]) {
      expect(formatRupiah(value)).toBe(`Rp ${idr.format(value)}`);
    }
  });

  it('is the same whatever the interface language', async () => {
    const { setLang } = await import('../../i18n');
    setLang('en');
    expect(formatRupiah(32000)).toBe('Rp 32.000');
    setLang('id');
  });

  it('reads what people type into a price field', () => {
    expect(parseWholeNumber('15000')).toBe(15000);
    expect(parseWholeNumber('15.000')).toBe(15000);
    expect(parseWholeNumber('Rp 15.000')).toBe(15000);
    expect(parseWholeNumber('007')).toBe(7);
    expect(parseWholeNumber('')).toBeNull();
    expect(parseWholeNumber('abc')).toBeNull();
    expect(parseWholeNumber('99999999999999999999')).toBeNull();
  });
});
