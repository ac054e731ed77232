import { useLocation } from 'preact-iso/router';
import {
  fetchSellerSummary,
  getMyShop,
  ORDER_STATUSES,
  PRODUCT_STATUSES,
  type OwnShop,
  type SellerSummary,
} from '../../api/market';
import { Loading, PageHeading, RequireAuth, usePageTitle } from '../../components/page';
import { useI18n } from '../../i18n';
import '../../i18n/market';
import { useResource } from './hooks';
import {
  EDIT_SHOP_PATH,
  INCOMING_ORDERS_PATH,
  MARKET_BASE,
  MY_PRODUCTS_PATH,
  NEW_PRODUCT_PATH,
  OPEN_SHOP_PATH,
  ownProductPath,
  shopPath,
} from './paths';
import { BackLink, ErrorNotice, Section, StatusBadge, statusText } from './ui';

interface DashboardData {
  shop: OwnShop | null;
  summary: SellerSummary | null;
}

async function loadDashboard(): Promise<DashboardData> {
  const shop = await getMyShop(true);
  if (!shop) return { shop: null, summary: null };
  return { shop, summary: await fetchSellerSummary() };
}

function ShopStatus({ shop }: { shop: OwnShop }) {
  const { t } = useI18n();
  const { query } = useLocation();
  return (
    <section class="card stack" aria-labelledby="shop-status-title" data-testid="shop-status-card">
      <h2 id="shop-status-title" class="with-badge">
        {shop.name}{' '}
        <StatusBadge
          kind={shop.status}
          label={statusText(t, 'market.shop.status', shop.status)}
          testId="shop-status"
        />
      </h2>
      {query.baru === '1' && shop.status === 'pending' && (
        <p class="notice notice--done" role="status" data-testid="shop-created">
          {t('market.dashboard.created')}
        </p>
      )}
      <p>{t(`market.shop.statusHelp.${shop.status}`)}</p>
      {shop.status_reason && (shop.status === 'rejected' || shop.status === 'suspended') && (
        <p class="notice notice--error" data-testid="shop-status-reason">
          {t('market.reason')}: {shop.status_reason}
        </p>
      )}
      <p class="muted">
        {t('market.place', { village: shop.village.name, district: shop.village.district })}
      </p>
      <div class="action-buttons">
        <a class="button button--small" href={EDIT_SHOP_PATH} data-testid="edit-shop-link">
          {t('market.dashboard.editShop')}
        </a>
        {shop.status === 'verified' && (
          <a class="button button--small" href={shopPath(shop.slug)} data-testid="view-shop-link">
            {t('market.dashboard.viewShop')}
          </a>
        )}
      </div>
    </section>
  );
}

function Summary({ summary }: { summary: SellerSummary }) {
  const { t } = useI18n();
  return (
    <>
      <Section id="summary-orders" title={t('market.incoming')} testId="summary-orders">
        <ul class="mcounts" role="list">
          {ORDER_STATUSES.map((status) => (
            <li key={status}>
              <a
                class="mcount"
                href={`${INCOMING_ORDERS_PATH}?status=${status}`}
                data-testid="summary-order-count"
                data-status={status}
              >
                <strong>{summary.orders_by_status[status] ?? 0}</strong>
                <span>{statusText(t, 'market.order.status', status)}</span>
              </a>
            </li>
          ))}
        </ul>
        <a class="button" href={INCOMING_ORDERS_PATH} data-testid="incoming-link">
          {t('market.dashboard.allOrders')}
        </a>
      </Section>
      <Section id="summary-products" title={t('market.myProducts')} testId="summary-products">
        <ul class="mcounts" role="list">
          {PRODUCT_STATUSES.map((status) => (
            <li key={status}>
              <a
                class="mcount"
                href={`${MY_PRODUCTS_PATH}?status=${status}`}
                data-testid="summary-product-count"
                data-status={status}
              >
                <strong>{summary.products_by_status[status] ?? 0}</strong>
                <span>{statusText(t, 'market.product.status', status)}</span>
              </a>
            </li>
          ))}
        </ul>
        <div class="action-buttons">
          <a class="button" href={MY_PRODUCTS_PATH} data-testid="my-products-link">
            {t('market.myProducts')}
          </a>
          <a class="button button--primary" href={NEW_PRODUCT_PATH} data-testid="add-product">
            {t('market.products.add')}
          </a>
        </div>
      </Section>
      <Section
        id="summary-low-stock"
        title={t('market.dashboard.lowStock', { n: summary.low_stock_threshold })}
        testId="low-stock"
      >
        {summary.low_stock.length ? (
          <ul class="mlist" role="list">
            {summary.low_stock.map((item) => (
              <li key={item.id}>
                <a class="mrow" href={ownProductPath(item.id)} data-testid="low-stock-item">
                  <span class="mrow-title">{item.title}</span>
                  <span class={item.stock > 0 ? 'mrow-meta' : 'mrow-meta stock--out'}>
                    {item.stock > 0
                      ? t('market.stock', { stock: item.stock, unit: item.unit })
                      : t('market.soldOut')}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('market.dashboard.stockOk')}</p>
        )}
      </Section>
    </>
  );
}

function Dashboard() {
  const { t } = useI18n();
  const data = useResource(loadDashboard, []);
  usePageTitle(t('market.myShop'));
  return (
    <div class="stack stack--loose" data-testid="seller-dashboard">
      <header class="page-header">
        <BackLink href={MARKET_BASE}>{t('market.title')}</BackLink>
        <PageHeading>{t('market.myShop')}</PageHeading>
      </header>
      {data.error && (
        <ErrorNotice
          error={data.error}
          intro={t('market.dashboard.loadError')}
          onRetry={() => void data.reload()}
        />
      )}
      {!data.data && !data.error && <Loading />}
      {data.data && !data.data.shop && (
        <div class="card stack" data-testid="no-shop">
          <p>{t('market.dashboard.noShop')}</p>
          <a class="button button--primary" href={OPEN_SHOP_PATH}>
            {t('market.openShop')}
          </a>
        </div>
      )}
      {data.data?.shop && <ShopStatus shop={data.data.shop} />}
      {data.data?.summary && <Summary summary={data.data.summary} />}
    </div>
  );
}

/** `/umkm/toko-saya`: the seller's dashboard. */
export function DashboardPage() {
  return (
    <RequireAuth>
      <Dashboard />
    </RequireAuth>
  );
}
