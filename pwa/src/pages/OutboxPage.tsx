import { useState } from 'preact/hooks';
import { PageHeading, RequireAuth, usePageTitle } from '../components/page';
import { locale, useI18n, type MessageKey } from '../i18n';
import {
  discard,
  flush,
  pendingCount,
  useOutbox,
  type OutboxItem,
} from '../offline/outbox';

const KINDS = [
  'health.measurement',
  'health.immunization',
  'health.visit',
  'civil.request',
  'civil.document',
  'civil.submit',
  'market.order',
  'market.photo',
] as const;

export function kindLabel(kind: string): MessageKey {
  return (KINDS as readonly string[]).includes(kind)
    ? (`outbox.kind.${kind}` as MessageKey)
    : 'outbox.kind.other';
}

function resultId(item: OutboxItem): string | null {
  const result = item.result as { id?: unknown } | null | undefined;
  return result && typeof result === 'object' && result.id ? String(result.id) : null;
}

/** Where an item leads: what it created once sent, else the page it belongs to. */
function linkOf(item: OutboxItem): string | null {
  const created = item.state === 'sent' ? resultId(item) : null;
  if (created && item.kind === 'civil.request') return `/layanan/adminduk/permohonan/${created}`;
  if (created && item.kind === 'market.order') return `/umkm/pesanan/${created}`;
  if (!item.href) return null;
  if (item.state !== 'refused') return item.href;
  return `${item.href}${item.href.includes('?') ? '&' : '?'}outbox=${encodeURIComponent(item.id)}`;
}

function ItemRow({ item }: { item: OutboxItem }) {
  const { t, lang } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const link = linkOf(item);
  const made = new Intl.DateTimeFormat(locale(lang), {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(item.createdAt);
  const titleId = `outbox-${item.id}-title`;
  return (
    <li
      class={`card outbox-item outbox-item--${item.state}`}
      data-testid="outbox-item"
      data-state={item.state}
      data-kind={item.kind}
      aria-labelledby={titleId}
    >
      <div class="outbox-item-head">
        <h2 id={titleId} class="outbox-item-title">
          {t(kindLabel(item.kind))}
        </h2>
        <span class={`status-chip status-chip--${item.state}`} data-testid="outbox-state">
          {t(`outbox.state.${item.state}`)}
        </span>
      </div>
      {item.summary && <p>{item.summary}</p>}
      <p class="small muted">{t('outbox.madeAt', { time: made })}</p>
      {item.state === 'refused' && item.error && (
        <div class="notice notice--error" data-testid="outbox-error">
          <p>{item.error.message}</p>
          {Object.values(item.error.fields).flat().length > 0 && (
            <ul>
              {Object.entries(item.error.fields).map(([name, messages]) => (
                <li key={name}>{messages.join(' ')}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {(link || item.state === 'refused') && (
        <div class="button-row">
          {link && (
            <a
              class="button button--small"
              href={link}
              data-testid={item.state === 'refused' ? 'outbox-open' : 'outbox-view'}
            >
              {item.state === 'refused' ? t('outbox.open') : t('outbox.view')}
            </a>
          )}
          {item.state === 'refused' && !confirming && (
            <button
              type="button"
              class="button button--small button--danger"
              data-testid="outbox-discard"
              onClick={() => setConfirming(true)}
            >
              {t('outbox.discard')}
            </button>
          )}
        </div>
      )}
      {confirming && (
        <div class="notice" role="alert">
          <p>{t('outbox.discardConfirm')}</p>
          <div class="button-row">
            <button
              type="button"
              class="button button--small button--danger"
              data-testid="outbox-discard-confirm"
              onClick={() => void discard(item.id)}
            >
              {t('outbox.discardYes')}
            </button>
            <button type="button" class="button button--small" onClick={() => setConfirming(false)}>
              {t('common.close')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

function Outbox() {
  const { t } = useI18n();
  const { items, flushing } = useOutbox();
  usePageTitle(t('outbox.title'));
  const waiting = pendingCount(items);
  return (
    <div class="stack" data-testid="outbox-page">
      <header class="page-header">
        <PageHeading>{t('outbox.title')}</PageHeading>
        <p class="lead">{t('outbox.intro')}</p>
      </header>
      {waiting > 0 && (
        <button
          type="button"
          class="button button--primary"
          data-testid="outbox-send"
          disabled={flushing}
          onClick={() => void flush()}
        >
          {flushing ? t('outbox.state.sending') : t('outbox.sendNow')}
        </button>
      )}
      {items.length === 0 ? (
        <p data-testid="outbox-empty">{t('outbox.empty')}</p>
      ) : (
        <ul class="stack outbox-list" role="list">
          {[...items].reverse().map((item) => (
            <ItemRow key={item.id} item={item} />
          ))}
        </ul>
      )}
    </div>
  );
}

export function OutboxPage() {
  return (
    <RequireAuth>
      <Outbox />
    </RequireAuth>
  );
}
