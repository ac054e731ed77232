import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { isApiError } from '../../api/client';
import type { Order, OrderPayload, PaymentMethod, ProductDetail } from '../../api/market';
import { FormError, RadioGroup, useSubmit } from '../../components/forms';
import { useI18n } from '../../i18n';
import { submitWrite, type OutboxItem } from '../../offline/outbox';
import { formatRupiah, parseWholeNumber } from './format';
import { orderPath } from './paths';
import { TextAreaField } from './ui';

/** The server takes 1–999 of a product per order line. */
export const MAX_QUANTITY = 999;

/** The most that can be ordered now: what is in stock, at most 999. */
export function maxQuantity(stock: number): number {
  return Math.max(0, Math.min(stock, MAX_QUANTITY));
}

/** A typed quantity limited to 1..max (empty or 0 becomes 1). */
export function clampQuantity(value: number | null, max: number): number {
  if (max < 1) return 0;
  if (value === null || value < 1) return 1;
  return Math.min(value, max);
}

const KNOWN_FIELDS = ['quantity', 'payment_method', 'delivery_note', 'items'];

/**
 * Order one product: quantity (1..stock), payment method and a note for the
 * delivery. Sent with an Idempotency-Key that is reused when the same order
 * is sent again after a lost connection, so it is never placed twice.
 */
export function OrderForm({
  product,
  onStockChanged,
}: {
  product: ProductDetail;
  /** Called when the server says the stock is no longer enough (reload the product). */
  onStockChanged: () => void;
}) {
  const { t } = useI18n();
  const { route } = useLocation();
  const max = maxQuantity(product.stock);
  const [quantityText, setQuantityText] = useState('1');
  const [limited, setLimited] = useState(false);
  const [payment, setPayment] = useState<PaymentMethod>('cod');
  const [note, setNote] = useState('');
  const submit = useSubmit(KNOWN_FIELDS);
  const [queued, setQueued] = useState<OutboxItem | null>(null);

  const quantity = clampQuantity(parseWholeNumber(quantityText), max);

  const setQuantity = (value: number) => {
    setLimited(value > max);
    setQuantityText(String(clampQuantity(value, max)));
  };

  const onQuantityInput = (text: string) => {
    const digits = text.replace(/\D/g, '').slice(0, 4);
    const value = parseWholeNumber(digits);
    if (value !== null && value > max) {
      setLimited(true);
      setQuantityText(String(max));
    } else {
      setLimited(false);
      setQuantityText(digits);
    }
  };

  const onSubmit = (event: Event) => {
    event.preventDefault();
    setQuantityText(String(quantity));
    const payload: OrderPayload = {
      items: [{ product: product.id, quantity }],
      payment_method: payment,
    };
    const trimmed = note.trim();
    if (trimmed) payload.delivery_note = trimmed;
    void submit.run(async () => {
      try {
        // Through the outbox: with no connection the order waits on the phone
        // and is placed once (its Idempotency-Key never changes) when possible.
        const outcome = await submitWrite<Order>({
          kind: 'market.order',
          path: '/market/orders/',
          body: payload,
          summary: `${quantity} × ${product.title} · ${formatRupiah(product.price * quantity)}`,
          href: `/umkm/produk/${product.id}`,
          meta: { product: product.id },
        });
        if (outcome.status === 'queued') {
          setQueued(outcome.item);
          return;
        }
        route(`${orderPath(outcome.result.id)}?baru=1`);
      } catch (error) {
        if (isApiError(error) && error.code === 'out_of_stock') onStockChanged();
        throw error;
      }
    });
  };

  const quantityErrors = submit.fieldErrors.quantity ?? submit.fieldErrors.items;
  const hintId = 'order-quantity-hint';

  if (queued) {
    return (
      <div class="notice" role="status" data-testid="order-queued">
        <p>{t('outbox.queued')}</p>
        <p>{queued.summary}</p>
        <p>
          <a href="/antrian">{t('outbox.title')}</a>
        </p>
      </div>
    );
  }

  return (
    <form
      ref={submit.formRef}
      class="form order-form"
      method="post"
      noValidate
      onSubmit={onSubmit}
      aria-labelledby="order-title"
      data-testid="order-form"
    >
      <h2 id="order-title">{t('market.order.title')}</h2>
      <FormError state={submit} id="order-error" />
      <div class={quantityErrors ? 'field field--invalid' : 'field'}>
        <label for="order-quantity">{t('market.order.quantity')}</label>
        <p id={hintId} class="field-hint">
          {t('market.order.quantityHint', { max, unit: product.unit })}
        </p>
        <div class="stepper">
          <button
            type="button"
            class="stepper-button"
            aria-label={t('market.order.less')}
            aria-controls="order-quantity"
            disabled={quantity <= 1}
            onClick={() => setQuantity(quantity - 1)}
          >
            <span aria-hidden="true">−</span>
          </button>
          <input
            id="order-quantity"
            name="quantity"
            inputMode="numeric"
            pattern="[0-9]*"
            autoComplete="off"
            value={quantityText}
            aria-describedby={[quantityErrors ? 'order-quantity-error' : '', hintId]
              .filter(Boolean)
              .join(' ')}
            aria-invalid={quantityErrors ? 'true' : undefined}
            onInput={(event) => onQuantityInput(event.currentTarget.value)}
            onBlur={() => setQuantityText(String(quantity))}
          />
          <button
            type="button"
            class="stepper-button"
            aria-label={t('market.order.more')}
            aria-controls="order-quantity"
            disabled={quantity >= max}
            onClick={() => setQuantity(quantity + 1)}
          >
            <span aria-hidden="true">+</span>
          </button>
        </div>
        <p class="small muted" role="status">
          {limited ? t('market.order.limited', { max }) : ''}
        </p>
        {quantityErrors && (
          <p id="order-quantity-error" class="field-error">
            {quantityErrors.join(' ')}
          </p>
        )}
      </div>
      <RadioGroup
        id="order-payment"
        name="payment_method"
        label={t('market.order.payment')}
        errors={submit.fieldErrors.payment_method}
        value={payment}
        options={[
          { value: 'cod', label: t('market.payment.cod') },
          { value: 'transfer', label: t('market.payment.transfer') },
        ]}
        hint={payment === 'transfer' ? t('market.payment.transferHint') : undefined}
        onValue={(value) => setPayment(value as PaymentMethod)}
      />
      <TextAreaField
        id="order-note"
        name="delivery_note"
        label={`${t('market.order.note')} ${t('market.optionalSuffix')}`}
        hint={t('market.order.noteHint')}
        errors={submit.fieldErrors.delivery_note}
        value={note}
        onValue={setNote}
        rows={3}
        maxLength={1000}
      />
      <p class="order-total">
        <span>{t('market.order.total')}</span>{' '}
        <strong data-testid="order-form-total">{formatRupiah(quantity * product.price)}</strong>
      </p>
      <button
        type="submit"
        class="button button--primary"
        data-testid="place-order"
        disabled={submit.busy}
        aria-busy={submit.busy || undefined}
      >
        {submit.busy ? t('common.processing') : t('market.order.submit')}
      </button>
    </form>
  );
}
