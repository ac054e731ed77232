import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import {
  getOwnProduct,
  listMyProducts,
  nextPage,
  PRODUCT_STATUSES,
  type Page,
  type ProductSummary,
} from '../../api/market';
import { SelectField } from '../../components/forms';
import { Loading, PageHeading, RequireAuth, usePageTitle } from '../../components/page';
import { useI18n } from '../../i18n';
import '../../i18n/market';
import { useAppendingList } from './hooks';
import { LoadMore } from './OrderList';
import { MY_PRODUCTS_PATH, MY_SHOP_PATH, NEW_PRODUCT_PATH, ownProductPath } from './paths';
import { BackLink, ErrorNotice, Price, StatusBadge, statusText } from './ui';

/**
 * Why a product was rejected. The list answer has no reason, so it is read
 * from the product itself (only rejected rows ask).
 */
function RejectionReason({ id }: { id: string }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  useEffect(() => {
    let active = true;
    getOwnProduct(id)
      .then((product) => active && setReason(product.rejection_reason))
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [id]);
  if (!reason) return null;
  return (
    <span class="mrow-meta mrow-reason" data-testid="rejection-reason">
      {t('market.reason')}: {reason}
    </span>
  );
}

function ProductRow({ product }: { product: ProductSummary }) {
  const { t } = useI18n();
  return (
    <li>
      <a
        class="mrow mrow--media"
        href={ownProductPath(product.id)}
        data-testid="my-product"
        data-id={product.id}
        data-status={product.status}
      >
        <span class="mrow-thumb">
          {product.cover ? (
            <img
              src={product.cover.src}
              srcset={product.cover.srcset}
              sizes="4.5rem"
              width={product.cover.width}
              height={product.cover.height}
              alt=""
              loading="lazy"
              decoding="async"
            />
          ) : (
            <span class="mrow-noimg" aria-hidden="true" />
          )}
        </span>
        <span class="mrow-text">
          <span class="mrow-head">
            <span class="mrow-title">{product.title}</span>
            <StatusBadge
              kind={product.status}
              label={statusText(t, 'market.product.status', product.status)}
              testId="product-status"
            />
          </span>
          <span class="mrow-meta">
            <Price value={product.price} unit={product.unit} /> ·{' '}
            {product.stock > 0
              ? t('market.stock', { stock: product.stock, unit: product.unit })
              : t('market.soldOut')}
          </span>
          {product.status === 'rejected' && <RejectionReason id={product.id} />}
        </span>
      </a>
    </li>
  );
}

function MyProducts() {
  const { t } = useI18n();
  const { query, route } = useLocation();
  const status = (PRODUCT_STATUSES as readonly string[]).includes(query.status ?? '')
    ? query.status!
    : '';
  const list = useAppendingList<ProductSummary, Page<ProductSummary>>(
    () => listMyProducts(status),
    nextPage,
    [status],
  );
  usePageTitle(t('market.myProducts'));
  return (
    <div class="stack stack--loose" data-testid="my-products">
      <header class="page-header">
        <BackLink href={MY_SHOP_PATH}>{t('market.myShop')}</BackLink>
        <PageHeading>{t('market.myProducts')}</PageHeading>
      </header>
      <p>
        <a class="button button--primary" href={NEW_PRODUCT_PATH} data-testid="add-product">
          {t('market.products.add')}
        </a>
      </p>
      <form class="card" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          id="products-status"
          name="status"
          label={t('market.products.filter')}
          value={status}
          options={PRODUCT_STATUSES.map((value) => ({
            value,
            label: statusText(t, 'market.product.status', value),
          }))}
          placeholder={t('market.products.all')}
          onValue={(value) =>
            route(value ? `${MY_PRODUCTS_PATH}?status=${value}` : MY_PRODUCTS_PATH, true)
          }
        />
      </form>
      <section class="stack" aria-labelledby="products-count" aria-busy={list.loading || undefined}>
        <h2 id="products-count">
          {list.pages
            ? t('market.products.count', { count: list.pages[0]!.count })
            : t('common.loading')}
        </h2>
        {list.error && (
          <ErrorNotice
            error={list.error}
            intro={t('market.products.loadError')}
            onRetry={() => void list.reload()}
          />
        )}
        {!list.items && !list.error && <Loading />}
        {list.items && list.items.length === 0 && (
          <p class="muted" data-testid="products-empty">
            {t('market.products.empty')}
          </p>
        )}
        {list.items && list.items.length > 0 && (
          <ul class="mlist" role="list">
            {list.items.map((product) => (
              <ProductRow key={product.id} product={product} />
            ))}
          </ul>
        )}
        <LoadMore
          hasMore={list.hasMore}
          loading={list.loadingMore}
          error={list.moreError}
          onLoad={() => void list.loadMore()}
        />
      </section>
    </div>
  );
}

/** `/umkm/produk-saya`: my products with their review state. */
export function MyProductsPage() {
  return (
    <RequireAuth>
      <MyProducts />
    </RequireAuth>
  );
}
