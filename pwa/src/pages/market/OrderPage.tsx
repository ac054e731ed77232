import { useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso/router';
import { ApiError, isApiError } from '../../api/client';
import {
  getOrder,
  ORDER_ACTIONS,
  runOrderAction,
  type Order,
  type OrderAction,
  type OrderStatus,
} from '../../api/market';
import { Loading, PageHeading, RequireAuth, usePageTitle } from '../../components/page';
import { useConfig } from '../../data';
import { useI18n, type MessageKey } from '../../i18n';
import '../../i18n/market';
import { NotFoundContent } from '../NotFound';
import { formatDateTime, formatRupiah } from './format';
import { useResource } from './hooks';
import { INCOMING_ORDERS_PATH, MY_ORDERS_PATH, productPath, shopPath } from './paths';
import {
  BackLink,
  ErrorNotice,
  ReasonPanel,
  Section,
  StatusBadge,
  StatusMessage,
  statusText,
  useAnnouncement,
} from './ui';

/** The way an order normally goes. */
export const ORDER_STEPS: OrderStatus[] = ['pending', 'confirmed', 'sent', 'completed'];

export function actionLabel(action: OrderAction, side: Order['side']): MessageKey {
  if (action === 'complete') {
    return side === 'buyer' ? 'market.order.action.received' : 'market.order.action.complete';
  }
  return `market.order.action.${action}`;
}

function Steps({ order }: { order: Order }) {
  const { t } = useI18n();
  const reached = ORDER_STEPS.indexOf(order.status);
  return (
    <ol class="steps" role="list" aria-label={t('market.order.progress')}>
      {ORDER_STEPS.map((step, index) => {
        const state =
          order.status === 'cancelled'
            ? 'todo'
            : index < reached
              ? 'done'
              : index === reached
                ? 'current'
                : 'todo';
        return (
          <li
            key={step}
            class={`step step--${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
            data-testid="order-step"
            data-step={step}
            data-state={state}
          >
            <span class="step-mark" aria-hidden="true">
              {state === 'done' ? '✓' : index + 1}
            </span>
            <span class="step-label">
              {statusText(t, 'market.order.status', step)}
              {state !== 'todo' && (
                <span class="visually-hidden">
                  {' '}
                  ({t(state === 'done' ? 'market.order.stepDone' : 'market.order.stepCurrent')})
                </span>
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function OrderActions({
  order,
  onDone,
  onRefused,
}: {
  order: Order;
  onDone: (updated: Order) => void;
  onRefused: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<OrderAction | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const status = useAnnouncement();
  const actions = ORDER_ACTIONS.filter((action) => order.allowed_actions.includes(action));

  useEffect(() => {
    if (!order.allowed_actions.includes('cancel')) setOpen(false);
  }, [order.allowed_actions.join()]);

  const perform = async (action: OrderAction, reason = '') => {
    setError(null);
    status.announce('');
    try {
      const updated = await runOrderAction(order.id, action, reason);
      setOpen(false);
      onDone(updated);
      status.announce(t(`market.order.done.${action}`), true);
    } catch (caught) {
      if (isApiError(caught) && caught.status === 409) onRefused();
      throw caught;
    }
  };

  const run = async (action: OrderAction) => {
    if (busy) return;
    setBusy(action);
    try {
      await perform(action);
    } catch (caught) {
      setError(isApiError(caught) ? caught : new ApiError(0, 'client_error', t('error.generic')));
    } finally {
      setBusy(null);
    }
  };

  if (!actions.length && !status.message && !error) return null;
  return (
    <section class="card stack" aria-labelledby="order-actions" data-testid="order-actions">
      <h2 id="order-actions">{t('market.order.actions')}</h2>
      <StatusMessage state={status} testId="action-done" />
      {error && (
        <div class="form-error" role="alert" data-testid="form-error">
          <p>{error.message}</p>
        </div>
      )}
      {actions.length > 0 && (
        <div class="action-buttons">
          {actions.map((action) => {
            const cancel = action === 'cancel';
            return (
              <button
                key={action}
                type="button"
                class={cancel ? 'button button--danger' : 'button button--primary'}
                data-testid={`order-action-${action}`}
                disabled={Boolean(busy)}
                aria-busy={busy === action || undefined}
                aria-expanded={cancel ? open : undefined}
                onClick={() => {
                  if (cancel) {
                    setError(null);
                    setOpen(!open);
                  } else {
                    setOpen(false);
                    void run(action);
                  }
                }}
              >
                {busy === action ? t('common.processing') : t(actionLabel(action, order.side))}
              </button>
            );
          })}
        </div>
      )}
      {open && (
        <ReasonPanel
          idPrefix="order-cancel"
          question={t('market.order.cancelQuestion')}
          label={t('market.order.cancelReason')}
          yes={t('market.order.cancelYes')}
          required={order.side === 'seller'}
          onConfirm={(reason) => perform('cancel', reason)}
          onClose={() => setOpen(false)}
        />
      )}
    </section>
  );
}

function OrderView({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const { query } = useLocation();
  const timeZone = useConfig().data?.regency.timezone;
  const detail = useResource(() => getOrder(id), [id]);
  const order = detail.data;
  usePageTitle(order ? t('market.order.heading', { code: order.code }) : t('market.myOrders'));

  if (!order) {
    if (detail.error?.status === 404) return <NotFoundContent />;
    return (
      <div class="stack">
        <BackLink href={MY_ORDERS_PATH}>{t('market.myOrders')}</BackLink>
        <PageHeading>{t('market.myOrders')}</PageHeading>
        {detail.error ? (
          <ErrorNotice
            error={detail.error}
            intro={t('market.order.loadError')}
            onRetry={() => void detail.reload()}
          />
        ) : (
          <Loading />
        )}
      </div>
    );
  }

  const seller = order.side === 'seller';
  return (
    <div class="stack stack--loose" data-testid="order-page" data-status={order.status}>
      <header class="page-header">
        {seller ? (
          <BackLink href={INCOMING_ORDERS_PATH}>{t('market.incoming')}</BackLink>
        ) : (
          <BackLink href={MY_ORDERS_PATH}>{t('market.myOrders')}</BackLink>
        )}
        <PageHeading>
          {t('market.order.headingPrefix')} <span data-testid="order-code">{order.code}</span>
        </PageHeading>
        <p class="muted">
          <time dateTime={order.created_at}>{formatDateTime(order.created_at, lang, timeZone)}</time>
        </p>
      </header>
      {query.baru === '1' && !seller && (
        <div class="notice notice--done" role="status" data-testid="order-created">
          <p>
            <strong>{t('market.order.created')}</strong>
          </p>
          <p>{t('market.order.createdNext')}</p>
        </div>
      )}
      <section class="card stack" aria-labelledby="order-state">
        <h2 id="order-state" class="with-badge">
          {t('market.order.state')}{' '}
          <StatusBadge kind={order.status} label={order.status_label} testId="order-status" />
        </h2>
        {order.status === 'cancelled' ? (
          <div class="notice notice--error" data-testid="order-cancelled">
            <p>
              {order.cancelled_by === 'seller'
                ? t('market.order.cancelledBySeller')
                : order.cancelled_by === 'buyer'
                  ? t('market.order.cancelledByBuyer')
                  : t('market.order.cancelled')}
            </p>
            {order.cancel_reason && (
              <p>
                {t('market.order.reason')}: {order.cancel_reason}
              </p>
            )}
          </div>
        ) : (
          <Steps order={order} />
        )}
      </section>
      <OrderActions order={order} onDone={detail.set} onRefused={() => void detail.reload()} />
      <Section id="order-items" title={t('market.order.items')}>
        <ul class="order-lines" role="list">
          {order.items.map((item) => (
            <li key={item.product} class="order-line" data-testid="order-item">
              <a href={productPath(item.product)} class="order-line-title">
                {item.title}
              </a>
              <span class="order-line-math">
                {t('market.order.line', {
                  quantity: item.quantity,
                  unit: item.unit,
                  price: formatRupiah(item.unit_price),
                })}
              </span>
              <strong class="order-line-sum">{formatRupiah(item.subtotal)}</strong>
            </li>
          ))}
        </ul>
        <p class="order-total">
          <span>{t('market.order.total')}</span>{' '}
          <strong data-testid="order-total">{formatRupiah(order.total)}</strong>
        </p>
      </Section>
      <Section id="order-facts" title={t('market.order.details')}>
        <dl class="facts">
          <div>
            <dt>{seller ? t('market.order.buyer') : t('market.order.shop')}</dt>
            <dd>
              {seller ? order.buyer_name : <a href={shopPath(order.shop.slug)}>{order.shop.name}</a>}
            </dd>
          </div>
          <div>
            <dt>{t('market.order.payment')}</dt>
            <dd data-testid="order-payment">{t(`market.payment.${order.payment_method}`)}</dd>
          </div>
          <div>
            <dt>{t('market.order.note')}</dt>
            <dd class="pre-line">{order.delivery_note || t('common.none')}</dd>
          </div>
        </dl>
      </Section>
    </div>
  );
}

function OrderRoute() {
  const { params } = useRoute();
  const id = params.id ?? '';
  return <OrderView key={id} id={id} />;
}

/** `/umkm/pesanan/:id`: one order, for its buyer or its seller (the server says which). */
export function OrderPage() {
  return (
    <RequireAuth>
      <OrderRoute />
    </RequireAuth>
  );
}
