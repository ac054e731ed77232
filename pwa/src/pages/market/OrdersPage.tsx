import { useLocation } from 'preact-iso/router';
import { listOrders, nextPage, ORDER_STATUSES, type Order, type Page } from '../../api/market';
import { SelectField } from '../../components/forms';
import { Loading, PageHeading, RequireAuth, usePageTitle } from '../../components/page';
import { useI18n } from '../../i18n';
import '../../i18n/market';
import { useAppendingList } from './hooks';
import { LoadMore, OrderListItem } from './OrderList';
import { INCOMING_ORDERS_PATH, MARKET_BASE, MY_SHOP_PATH } from './paths';
import { BackLink, ErrorNotice, statusText } from './ui';

function OrderList({ role, status }: { role: 'buyer' | 'seller'; status: string }) {
  const { t } = useI18n();
  const list = useAppendingList<Order, Page<Order>>(
    () => listOrders(role, status),
    nextPage,
    [role, status],
  );
  return (
    <section class="stack" aria-labelledby="orders-count" aria-busy={list.loading || undefined}>
      <h2 id="orders-count">
        {list.pages ? t('market.orders.count', { count: list.pages[0]!.count }) : t('common.loading')}
      </h2>
      {list.error && (
        <ErrorNotice
          error={list.error}
          intro={t('market.orders.loadError')}
          onRetry={() => void list.reload()}
        />
      )}
      {!list.items && !list.error && <Loading />}
      {list.items && list.items.length === 0 && (
        <p class="muted" data-testid="orders-empty">
          {role === 'buyer' ? t('market.orders.emptyBuyer') : t('market.orders.emptySeller')}
        </p>
      )}
      {list.items && list.items.length > 0 && (
        <ul class="mlist" role="list" data-testid="orders">
          {list.items.map((order) => (
            <OrderListItem key={order.id} order={order} />
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
  );
}

function MyOrders() {
  const { t } = useI18n();
  usePageTitle(t('market.myOrders'));
  return (
    <div class="stack stack--loose" data-testid="my-orders">
      <header class="page-header">
        <BackLink href={MARKET_BASE}>{t('market.title')}</BackLink>
        <PageHeading>{t('market.myOrders')}</PageHeading>
        <p class="lead">{t('market.orders.introBuyer')}</p>
      </header>
      <OrderList role="buyer" status="" />
    </div>
  );
}

/** `/umkm/pesanan`: the orders I placed. */
export function MyOrdersPage() {
  return (
    <RequireAuth>
      <MyOrders />
    </RequireAuth>
  );
}

function IncomingOrders() {
  const { t } = useI18n();
  const { query, route } = useLocation();
  const status = (ORDER_STATUSES as readonly string[]).includes(query.status ?? '')
    ? query.status!
    : '';
  usePageTitle(t('market.incoming'));
  return (
    <div class="stack stack--loose" data-testid="incoming-orders">
      <header class="page-header">
        <BackLink href={MY_SHOP_PATH}>{t('market.myShop')}</BackLink>
        <PageHeading>{t('market.incoming')}</PageHeading>
        <p class="lead">{t('market.orders.introSeller')}</p>
      </header>
      <form class="card" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          id="orders-status"
          name="status"
          label={t('market.orders.filter')}
          value={status}
          options={ORDER_STATUSES.map((value) => ({
            value,
            label: statusText(t, 'market.order.status', value),
          }))}
          placeholder={t('market.orders.all')}
          onValue={(value) =>
            route(value ? `${INCOMING_ORDERS_PATH}?status=${value}` : INCOMING_ORDERS_PATH, true)
          }
        />
      </form>
      <OrderList role="seller" status={status} />
    </div>
  );
}

/** `/umkm/pesanan-masuk`: orders of my shop, filtered by state. */
export function IncomingOrdersPage() {
  return (
    <RequireAuth>
      <IncomingOrders />
    </RequireAuth>
  );
}
