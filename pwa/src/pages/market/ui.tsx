import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../api/client';
import type { ShopBrief } from '../../api/market';
import { FormError, useSubmit } from '../../components/forms';
import { TextAreaField } from '../civil/ui';
import { useI18n, type MessageKey } from '../../i18n';
import { formatRupiah } from './format';
import './market.css';

export function BackLink({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <p class="back-link">
      <a href={href}>
        <span aria-hidden="true">←</span>
        {children}
      </a>
    </p>
  );
}

export function ErrorNotice({
  error,
  intro,
  onRetry,
}: {
  error: ApiError;
  intro?: string;
  onRetry?: () => void;
}) {
  const { t } = useI18n();
  return (
    <div class="notice notice--error" role="alert">
      {intro && <p>{intro}</p>}
      <p>{error.message}</p>
      {onRetry && (
        <button type="button" class="button button--small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/** A coloured state label (`kind` picks the colours: the status value itself). */
export function StatusBadge({
  kind,
  label,
  testId,
}: {
  kind: string;
  label: string;
  testId?: string;
}) {
  return (
    <span class={`mstatus mstatus--${kind}`} data-testid={testId} data-status={kind}>
      {label}
    </span>
  );
}

/** A price as "Rp 15.000", optionally "/ unit". */
export function Price({
  value,
  unit,
  testId,
  class: className = 'price',
}: {
  value: number;
  unit?: string;
  testId?: string;
  class?: string;
}) {
  return (
    <span class={className}>
      <span class="price-amount" data-testid={testId}>
        {formatRupiah(value)}
      </span>
      {unit && (
        <>
          {' '}
          <span class="price-unit">/ {unit}</span>
        </>
      )}
    </span>
  );
}

/** Verified shop, halal certificate and P-IRT permit, each as a small label. */
export function ShopBadges({
  shop,
  class: className = 'mbadges',
}: {
  shop: Pick<ShopBrief, 'verified' | 'halal' | 'pirt'>;
  class?: string;
}) {
  const { t } = useI18n();
  if (!shop.verified && !shop.halal && !shop.pirt) return null;
  return (
    <ul class={className} role="list">
      {shop.verified && (
        <li class="mbadge mbadge--verified" data-testid="badge-verified">
          <span aria-hidden="true">✓ </span>
          {t('market.badge.verified')}
        </li>
      )}
      {shop.halal && (
        <li class="mbadge mbadge--halal" data-testid="badge-halal">
          {t('market.badge.halal')}
        </li>
      )}
      {shop.pirt && (
        <li class="mbadge mbadge--pirt" data-testid="badge-pirt">
          {t('market.badge.pirt')}
        </li>
      )}
    </ul>
  );
}

/** Section with a heading whose id labels it. */
export function Section({
  id,
  title,
  children,
  class: className = 'card stack',
  testId,
}: {
  id: string;
  title: ComponentChildren;
  children: ComponentChildren;
  class?: string;
  testId?: string;
}) {
  return (
    <section class={className} aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

// --- fields the shared form components do not have ------------------------------

// The same labelled textarea as the civil screens.
export { TextAreaField };

// --- confirmation with a reason --------------------------------------------------------

/**
 * A small form asking for a reason before an action is sent (cancel, reject,
 * suspend). The reason is `textarea[name=reason]`, the button `action-confirm`.
 */
export function ReasonPanel({
  idPrefix,
  question,
  label,
  yes,
  required,
  danger = true,
  onConfirm,
  onClose,
}: {
  idPrefix: string;
  question: string;
  label: string;
  yes: string;
  required: boolean;
  danger?: boolean;
  /** Sends the action; a thrown ApiError is shown in the panel. */
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const submit = useSubmit(['reason']);
  useEffect(() => {
    submit.formRef.current?.querySelector<HTMLElement>('textarea')?.focus();
  }, []);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const value = reason.trim();
    if (required && !value) {
      submit.fail(
        new ApiError(0, 'invalid', t('error.fieldsIntro'), {
          reason: [t('market.reason.required')],
        }),
      );
      return;
    }
    void submit.run(() => onConfirm(value));
  };
  const questionId = `${idPrefix}-question`;
  return (
    <form
      ref={submit.formRef}
      class="confirm-panel form"
      method="post"
      noValidate
      aria-labelledby={questionId}
      onSubmit={onSubmit}
      data-testid="reason-panel"
    >
      <p id={questionId} class="confirm-question">
        {question}
      </p>
      <FormError state={submit} id={`${idPrefix}-error`} />
      <TextAreaField
        id={`${idPrefix}-reason`}
        name="reason"
        label={required ? label : `${label} ${t('market.optionalSuffix')}`}
        errors={submit.fieldErrors.reason}
        value={reason}
        onValue={setReason}
        rows={3}
        maxLength={2000}
        required={required}
      />
      <div class="action-buttons">
        <button
          type="submit"
          class={danger ? 'button button--danger-solid' : 'button button--primary'}
          data-testid="action-confirm"
          disabled={submit.busy}
          aria-busy={submit.busy || undefined}
        >
          {submit.busy ? t('common.processing') : yes}
        </button>
        <button type="button" class="button" onClick={onClose} disabled={submit.busy}>
          {t('market.back')}
        </button>
      </div>
    </form>
  );
}

/** Keeps a status message and moves focus to it, for results of actions. */
export function useAnnouncement(): {
  message: string;
  announce: (message: string, focus?: boolean) => void;
  ref: { current: HTMLParagraphElement | null };
} {
  const [message, setMessage] = useState('');
  const ref = useRef<HTMLParagraphElement | null>(null);
  return {
    message,
    ref,
    announce: (next, focus = false) => {
      setMessage(next);
      if (focus) setTimeout(() => ref.current?.focus(), 0);
    },
  };
}

export function StatusMessage({
  state,
  testId,
}: {
  state: ReturnType<typeof useAnnouncement>;
  testId?: string;
}) {
  return (
    <p
      class="form-status"
      role="status"
      tabIndex={-1}
      ref={state.ref}
      data-testid={state.message ? testId : undefined}
    >
      {state.message}
    </p>
  );
}

/** The text for a status of some kind, e.g. `market.order.status.pending`. */
export function statusText(
  t: (key: MessageKey) => string,
  prefix: 'market.product.status' | 'market.shop.status' | 'market.order.status',
  status: string,
): string {
  return t(`${prefix}.${status}` as MessageKey);
}
