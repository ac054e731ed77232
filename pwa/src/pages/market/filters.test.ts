import { describe, expect, it } from 'vitest';
import {
  catalogueUrl,
  EMPTY_FILTERS,
  filtersFromQuery,
  filtersToQuery,
  hasFilters,
  productQuery,
  type CatalogueFilters,
} from './filters';

const parse = (search: string) =>
  filtersFromQuery(Object.fromEntries(new URLSearchParams(search).entries()));

describe('catalogue filters in the query string', () => {
  it('has no query string when nothing is chosen', () => {
    expect(filtersToQuery(EMPTY_FILTERS)).toBe('');
    expect(catalogueUrl(EMPTY_FILTERS)).toBe('/umkm');
    expect(parse('')).toEqual(EMPTY_FILTERS);
    expect(hasFilters(EMPTY_FILTERS)).toBe(false);
  });

  it('round-trips every filter', () => {
    const filters: CatalogueFilters = {
      q: 'kemplang ikan',
      category: 'kuliner',
      district: '16.02.05',
      min_price: 10000,
      max_price: 50000,
      verified: true,
      ordering: 'price',
    };
    const query = filtersToQuery(filters);
    expect(query).toBe(
      '?q=kemplang+ikan&category=kuliner&district=16.02.05&min_price=10000&max_price=50000&verified=true&ordering=price',
    );
    expect(parse(query)).toEqual(filters);
    expect(filtersToQuery(parse(query))).toBe(query);
    expect(hasFilters(filters)).toBe(true);
  });

  it('round-trips a price of zero and each filter on its own', () => {
    const cases: Partial<CatalogueFilters>[] = [
      { min_price: 0 },
      { max_price: 25000 },
      { category: 'kerajinan' },
      { verified: true },
      { ordering: '-price' },
      { q: 'madu', ordering: 'newest' },
    ];
    for (const patch of cases) {
      const filters = { ...EMPTY_FILTERS, ...patch };
      expect(parse(filtersToQuery(filters)), JSON.stringify(patch)).toEqual(filters);
    }
  });

  it('leaves the default order out of the address', () => {
    expect(filtersToQuery({ ...EMPTY_FILTERS, ordering: 'newest' })).toBe('');
    expect(filtersToQuery({ ...EMPTY_FILTERS, q: 'pempek', ordering: 'relevance' })).toBe('?q=pempek');
    // Relevance means nothing without a search.
    expect(filtersToQuery({ ...EMPTY_FILTERS, ordering: 'relevance' })).toBe('');
    expect(parse('?ordering=relevance').ordering).toBe('');
  });

  it('drops values that are not valid', () => {
    expect(parse('?min_price=abc&max_price=-5&ordering=cheap&category=<b>&verified=yes')).toEqual(
      EMPTY_FILTERS,
    );
    expect(parse('?q=%20%20pempek%20').q).toBe('pempek');
  });

  it('becomes the API parameters', () => {
    expect(productQuery(parse('?q=ikan&verified=true&min_price=0'))).toEqual({
      q: 'ikan',
      verified: true,
      min_price: 0,
    });
    expect(productQuery(EMPTY_FILTERS)).toEqual({});
  });
});
