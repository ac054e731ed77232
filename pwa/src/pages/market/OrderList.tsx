import type { Order } from '../../api/market';
import type { ApiError } from '../../api/client';
import { useConfig } from '../../data';
import { useI18n } from '../../i18n';
import { formatDateTime, formatRupiah } from './format';
import { orderPath } from './paths';
import { StatusBadge } from './ui';

/** One order in a list: code, state, the other side, total and date. */
export function OrderListItem({ order }: { order: Order }) {
  const { t, lang } = useI18n();
  const timeZone = useConfig().data?.regency.timezone;
  const pieces = order.items.reduce((sum, item) => sum + item.quantity, 0);
  return (
    <li>
      <a
        class="mrow"
        href={orderPath(order.id)}
        data-testid="order-row"
        data-code={order.code}
        data-status={order.status}
      >
        <span class="mrow-head">
          <span class="mrow-code">{order.code}</span>
          <StatusBadge kind={order.status} label={order.status_label} />
        </span>
        <span class="mrow-title">
          {order.side === 'seller' ? order.buyer_name : order.shop.name}
        </span>
        <span class="mrow-meta">
          {t('market.orders.summary', { count: pieces, total: formatRupiah(order.total) })}
        </span>
        <span class="mrow-meta">
          <time dateTime={order.created_at}>{formatDateTime(order.created_at, lang, timeZone)}</time>
        </span>
      </a>
    </li>
  );
}

export function LoadMore({
  hasMore,
  loading,
  error,
  onLoad,
}: {
  hasMore: boolean;
  loading: boolean;
  error: ApiError | null;
  onLoad: () => void;
}) {
  const { t } = useI18n();
  if (!hasMore) return null;
  return (
    <div class="load-more">
      {error && (
        <p class="field-error" role="alert">
          {error.message}
        </p>
      )}
      <button
        type="button"
        class="button"
        data-testid="load-more"
        disabled={loading}
        aria-busy={loading || undefined}
        onClick={onLoad}
      >
        {loading ? t('common.loading') : t('market.loadMore')}
      </button>
    </div>
  );
}
