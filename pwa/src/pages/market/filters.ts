import type { Ordering, ProductQuery } from '../../api/market';
import { ORDERINGS } from '../../api/market';
import { MARKET_BASE } from './paths';

/** What the catalogue shows; kept in the URL's query string (same names as the API). */
export interface CatalogueFilters {
  q: string;
  category: string;
  district: string;
  min_price: number | null;
  max_price: number | null;
  verified: boolean;
  /** Empty: the server's default (relevance when searching, otherwise newest). */
  ordering: Ordering | '';
}

export const EMPTY_FILTERS: CatalogueFilters = {
  q: '',
  category: '',
  district: '',
  min_price: null,
  max_price: null,
  verified: false,
  ordering: '',
};

function wholeNumber(value: string | undefined): number | null {
  if (!value || !/^\d{1,10}$/.test(value.trim())) return null;
  return Number(value.trim());
}

function isOrdering(value: string | undefined): value is Ordering {
  return (ORDERINGS as readonly string[]).includes(value ?? '');
}

/** The default order for a search (relevance) or for browsing (newest). */
export function defaultOrdering(q: string): Ordering {
  return q.trim() ? 'relevance' : 'newest';
}

/** Reads the filters from a parsed query string; unknown or invalid values are dropped. */
export function filtersFromQuery(query: Record<string, string | undefined>): CatalogueFilters {
  const q = (query.q ?? '').trim().slice(0, 100);
  let ordering: Ordering | '' = isOrdering(query.ordering) ? query.ordering : '';
  // Relevance only means something for a search; the default needs no parameter.
  if (ordering === 'relevance' && !q) ordering = '';
  if (ordering === defaultOrdering(q)) ordering = '';
  return {
    q,
    category: /^[-\w]{1,30}$/.test(query.category ?? '') ? query.category! : '',
    district: /^[\d.]{1,13}$/.test(query.district ?? '') ? query.district! : '',
    min_price: wholeNumber(query.min_price),
    max_price: wholeNumber(query.max_price),
    verified: query.verified === 'true',
    ordering,
  };
}

/** The query string for the filters ('' when nothing is chosen), in a stable order. */
export function filtersToQuery(filters: CatalogueFilters): string {
  const params = new URLSearchParams();
  const q = filters.q.trim();
  if (q) params.set('q', q);
  if (filters.category) params.set('category', filters.category);
  if (filters.district) params.set('district', filters.district);
  if (filters.min_price !== null) params.set('min_price', String(filters.min_price));
  if (filters.max_price !== null) params.set('max_price', String(filters.max_price));
  if (filters.verified) params.set('verified', 'true');
  const ordering =
    filters.ordering === 'relevance' && !q
      ? ''
      : filters.ordering === defaultOrdering(q)
        ? ''
        : filters.ordering;
  if (ordering) params.set('ordering', ordering);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The catalogue's address for these filters. */
export function catalogueUrl(filters: CatalogueFilters): string {
  return `${MARKET_BASE}${filtersToQuery(filters)}`;
}

/** The API parameters for these filters. */
export function productQuery(filters: CatalogueFilters): ProductQuery {
  const query: ProductQuery = {};
  if (filters.q) query.q = filters.q;
  if (filters.category) query.category = filters.category;
  if (filters.district) query.district = filters.district;
  if (filters.min_price !== null) query.min_price = filters.min_price;
  if (filters.max_price !== null) query.max_price = filters.max_price;
  if (filters.verified) query.verified = true;
  if (filters.ordering) query.ordering = filters.ordering;
  return query;
}

/** Whether anything narrows the catalogue (the "clear filters" button). */
export function hasFilters(filters: CatalogueFilters): boolean {
  return filtersToQuery({ ...filters, ordering: '' }) !== '';
}
