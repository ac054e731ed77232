import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import {
  fetchCategories,
  listProducts,
  nextProducts,
  type CursorPage,
  type Ordering,
  type ProductSummary,
} from '../../api/market';
import type { Region } from '../../api/types';
import { SelectField } from '../../components/forms';
import { Loading, PageHeading, usePageTitle } from '../../components/page';
import { fetchDistricts } from '../../data';
import { useI18n } from '../../i18n';
import '../../i18n/market';
import { useSession } from '../../session';
import {
  catalogueUrl,
  defaultOrdering,
  EMPTY_FILTERS,
  filtersFromQuery,
  filtersToQuery,
  hasFilters,
  productQuery,
  type CatalogueFilters,
} from './filters';
import { formatRupiah, parseWholeNumber } from './format';
import { useAppendingList, useNearViewport, useResource } from './hooks';
import { MY_ORDERS_PATH, MY_SHOP_PATH, OPEN_SHOP_PATH } from './paths';
import { ProductGrid } from './ProductCard';
import { BackLink, ErrorNotice } from './ui';

type Pages = CursorPage<ProductSummary>[];

/**
 * The pages shown last, so coming back from a product (browser "back") shows
 * the same cards at the same place instead of starting again at the top.
 */
let kept: { key: string; pages: Pages; scrollY: number; at: number } | null = null;
let lastPopState = 0;
if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => {
    lastPopState = Date.now();
  });
}
const KEEP_MS = 5 * 60_000;

const TEXT_DELAY_MS = 600;

interface TextFilters {
  q: string;
  min: string;
  max: string;
}

function textsOf(filters: CatalogueFilters): TextFilters {
  return {
    q: filters.q,
    min: filters.min_price === null ? '' : String(filters.min_price),
    max: filters.max_price === null ? '' : String(filters.max_price),
  };
}

function QuickLinks() {
  const { t } = useI18n();
  const { status, user } = useSession();
  if (status !== 'authenticated' || !user) return null;
  const seller = user.roles.includes('seller');
  return (
    <nav class="mlinks" aria-label={t('market.links')}>
      <a class="button button--small" href={MY_ORDERS_PATH} data-testid="link-my-orders">
        {t('market.myOrders')}
      </a>
      {seller ? (
        <a class="button button--small" href={MY_SHOP_PATH} data-testid="link-my-shop">
          {t('market.myShop')}
        </a>
      ) : (
        <a class="button button--small" href={OPEN_SHOP_PATH} data-testid="link-open-shop">
          {t('market.openShop')}
        </a>
      )}
    </nav>
  );
}

function CategoryChips({
  active,
  onChoose,
}: {
  active: string;
  onChoose: (slug: string) => void;
}) {
  const { t } = useI18n();
  const categories = useResource(fetchCategories, []);
  if (!categories.data) return null;
  return (
    <div class="chips" role="group" aria-label={t('market.filter.category')}>
      <button
        type="button"
        class="chip"
        aria-pressed={active === ''}
        data-testid="category-all"
        onClick={() => onChoose('')}
      >
        {t('market.filter.allCategories')}
      </button>
      {categories.data.map((category) => (
        <button
          key={category.slug}
          type="button"
          class="chip"
          aria-pressed={active === category.slug}
          data-testid="category-chip"
          data-slug={category.slug}
          onClick={() => onChoose(active === category.slug ? '' : category.slug)}
        >
          {category.name}
        </button>
      ))}
    </div>
  );
}

function Catalogue() {
  const { t, lang } = useI18n();
  const { query, route } = useLocation();
  const { status } = useSession();
  const filters = filtersFromQuery(query);
  const key = filtersToQuery(filters);
  usePageTitle(t('market.title'));

  const [texts, setTexts] = useState<TextFilters>(() => textsOf(filters));
  const [districts, setDistricts] = useState<Region[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const sentinel = useRef<HTMLDivElement>(null);

  const keepKey = `${lang}${key}`;
  // Only a "back" (or "forward") to the same address shows the kept pages.
  const [initial] = useState<Pages | null>(() =>
    kept &&
    kept.key === keepKey &&
    Date.now() - kept.at < KEEP_MS &&
    Date.now() - lastPopState < 2000
      ? kept.pages
      : null,
  );
  const list = useAppendingList<ProductSummary>(
    () => listProducts(productQuery(filters)),
    nextProducts,
    [key],
    initial,
  );

  // Keep the pages (and where the reader was) for a "back" from a product page.
  const pagesRef = useRef<Pages | null>(null);
  pagesRef.current = list.pages;
  useEffect(() => {
    if (initial && kept) {
      const y = kept.scrollY;
      // After the router has moved focus to the heading.
      const restore = setTimeout(() => window.scrollTo(0, y), 50);
      return () => clearTimeout(restore);
    }
    return undefined;
  }, []);
  useEffect(
    () => () => {
      if (pagesRef.current) {
        kept = { key: keepKey, pages: pagesRef.current, scrollY: window.scrollY, at: Date.now() };
      }
    },
    [keepKey],
  );

  useEffect(() => {
    let active = true;
    fetchDistricts()
      .then((list) => active && setDistricts(list))
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, []);

  // The address changed (back/forward, a chip): show its values in the text fields.
  useEffect(() => {
    setTexts((current) => {
      const fromUrl = textsOf(filters);
      return current.q.trim() === fromUrl.q &&
        parseWholeNumber(current.min) === filters.min_price &&
        parseWholeNumber(current.max) === filters.max_price
        ? current
        : fromUrl;
    });
  }, [key]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const apply = (patch: Partial<CatalogueFilters>) => {
    clearTimeout(timer.current);
    route(catalogueUrl({ ...filters, ...patch }), true);
  };

  const applyTexts = (next: TextFilters) => {
    let min = parseWholeNumber(next.min);
    let max = parseWholeNumber(next.max);
    if (min !== null && max !== null && min > max) [min, max] = [max, min];
    apply({ q: next.q.trim(), min_price: min, max_price: max });
  };

  const onText = (patch: Partial<TextFilters>) => {
    const next = { ...texts, ...patch };
    setTexts(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => applyTexts(next), TEXT_DELAY_MS);
  };

  const onSubmit = (event: Event) => {
    event.preventDefault();
    applyTexts(texts);
  };

  useNearViewport(
    sentinel,
    () => void list.loadMore(),
    list.hasMore && !list.loadingMore && !list.moreError,
    list.pages?.length,
  );

  const q = filters.q;
  const ordering = filters.ordering || defaultOrdering(q);
  const orderings: Ordering[] = q
    ? ['relevance', 'newest', 'price', '-price']
    : ['newest', 'price', '-price'];
  const filtersOpen =
    Boolean(filters.district) ||
    filters.min_price !== null ||
    filters.max_price !== null ||
    filters.verified;
  const priceFrom = parseWholeNumber(texts.min);
  const priceTo = parseWholeNumber(texts.max);

  return (
    <div class="stack stack--loose" data-testid="market-catalogue">
      <header class="page-header">
        {status === 'authenticated' && <BackLink href="/">{t('nav.home')}</BackLink>}
        <PageHeading>{t('market.title')}</PageHeading>
        <p class="lead">{t('market.intro')}</p>
        <QuickLinks />
      </header>

      <section class="stack" aria-labelledby="market-search-title">
        <h2 id="market-search-title" class="visually-hidden">
          {t('market.searchTitle')}
        </h2>
        <form class="msearch" role="search" onSubmit={onSubmit} aria-label={t('market.search')}>
          <label class="visually-hidden" for="market-q">
            {t('market.search')}
          </label>
          <input
            id="market-q"
            type="search"
            name="q"
            value={texts.q}
            placeholder={t('market.searchPlaceholder')}
            autoComplete="off"
            enterKeyHint="search"
            maxLength={100}
            onInput={(event) => onText({ q: event.currentTarget.value })}
          />
          <button type="submit" class="button button--primary">
            {t('market.searchButton')}
          </button>
        </form>
        <CategoryChips active={filters.category} onChoose={(category) => apply({ category })} />
        <details class="card mfilters" open={filtersOpen}>
          <summary>{t('market.filters')}</summary>
          <form class="mfilters-form" onSubmit={onSubmit}>
            <SelectField
              id="market-district"
              name="district"
              label={t('market.filter.district')}
              value={filters.district}
              options={districts.map((district) => ({ value: district.code, label: district.name }))}
              placeholder={t('market.filter.allDistricts')}
              onValue={(district) => apply({ district })}
            />
            <fieldset class="field mprice-range">
              <legend>{t('market.filter.price')}</legend>
              <div class="mprice-inputs">
                <div class="field">
                  <label for="market-min">{t('market.filter.minPrice')}</label>
                  <input
                    id="market-min"
                    name="min_price"
                    inputMode="numeric"
                    autoComplete="off"
                    value={texts.min}
                    aria-describedby="market-price-preview"
                    onInput={(event) => onText({ min: event.currentTarget.value })}
                  />
                </div>
                <div class="field">
                  <label for="market-max">{t('market.filter.maxPrice')}</label>
                  <input
                    id="market-max"
                    name="max_price"
                    inputMode="numeric"
                    autoComplete="off"
                    value={texts.max}
                    aria-describedby="market-price-preview"
                    onInput={(event) => onText({ max: event.currentTarget.value })}
                  />
                </div>
              </div>
              <p id="market-price-preview" class="field-hint">
                {priceFrom !== null || priceTo !== null
                  ? `${priceFrom !== null ? formatRupiah(priceFrom) : t('market.filter.any')} – ${
                      priceTo !== null ? formatRupiah(priceTo) : t('market.filter.any')
                    }`
                  : t('market.filter.priceHint')}
              </p>
            </fieldset>
            <label class="checkbox" for="market-verified">
              <input
                type="checkbox"
                id="market-verified"
                name="verified"
                checked={filters.verified}
                onChange={(event) => apply({ verified: event.currentTarget.checked })}
              />
              <span>{t('market.filter.verified')}</span>
            </label>
            <div class="action-buttons">
              <button type="submit" class="button button--small">
                {t('market.filter.apply')}
              </button>
              {hasFilters(filters) && (
                <button
                  type="button"
                  class="button button--small"
                  data-testid="clear-filters"
                  onClick={() => {
                    setTexts(textsOf(EMPTY_FILTERS));
                    apply({ ...EMPTY_FILTERS });
                  }}
                >
                  {t('market.filter.clear')}
                </button>
              )}
            </div>
          </form>
        </details>
        <div class="field msort">
          <label for="market-ordering">{t('market.sort')}</label>
          <select
            id="market-ordering"
            name="ordering"
            value={ordering}
            onChange={(event) => apply({ ordering: event.currentTarget.value as Ordering })}
          >
            {orderings.map((value) => (
              <option key={value} value={value}>
                {t(`market.sort.${value}`)}
              </option>
            ))}
          </select>
        </div>
      </section>

      <section class="stack" aria-labelledby="market-results" aria-busy={list.loading || undefined}>
        <h2 id="market-results">{q ? t('market.resultsFor', { q }) : t('market.products')}</h2>
        {list.error && (
          <ErrorNotice
            error={list.error}
            intro={t('market.listError')}
            onRetry={() => void list.reload()}
          />
        )}
        {list.loading && !list.items && <Loading />}
        <p class="visually-hidden" role="status">
          {list.items && !list.loading ? t('market.shown', { count: list.items.length }) : ''}
        </p>
        {list.items && list.items.length === 0 && (
          <div class="notice" data-testid="catalogue-empty">
            <p>{hasFilters(filters) ? t('market.emptyFiltered') : t('market.empty')}</p>
          </div>
        )}
        {list.items && list.items.length > 0 && (
          <ProductGrid products={list.items} eagerFirst={2} label={t('market.products')} />
        )}
        <div ref={sentinel} class="sentinel" aria-hidden="true" />
        {list.hasMore && (
          <div class="load-more">
            {list.moreError && (
              <p class="field-error" role="alert">
                {list.moreError.message}
              </p>
            )}
            <button
              type="button"
              class="button"
              data-testid="load-more"
              disabled={list.loadingMore}
              aria-busy={list.loadingMore || undefined}
              onClick={() => void list.loadMore()}
            >
              {list.loadingMore ? t('common.loading') : t('market.loadMore')}
            </button>
          </div>
        )}
      </section>
    </div>
  );
}

/** `/umkm`: the public catalogue (no login needed). */
export function MarketCataloguePage() {
  return <Catalogue />;
}
