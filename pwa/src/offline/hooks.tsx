import { useEffect, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { useI18n } from '../i18n';
import { useOutbox, type OutboxItem } from './outbox';

/** Outbox items of a screen (e.g. the measurements of one child), oldest first. */
export function useOutboxItems(match: (item: OutboxItem) => boolean): OutboxItem[] {
  const { items } = useOutbox();
  return items.filter(match);
}

/** Calls `onSent` whenever one more of the matching items has reached the server. */
export function useWhenSent(match: (item: OutboxItem) => boolean, onSent: () => void): void {
  const sent = useOutboxItems((item) => item.state === 'sent' && match(item)).length;
  const previous = useRef(sent);
  useEffect(() => {
    if (sent > previous.current) onSent();
    previous.current = sent;
  }, [sent]);
}

/** The refused item named by `?outbox=<id>`, when it is of one of `kinds` (to correct it). */
export function useCorrection(kinds: string[]): OutboxItem | null {
  const { query } = useLocation();
  const { items } = useOutbox();
  const id = query.outbox;
  if (!id) return null;
  return items.find((item) => item.id === id && kinds.includes(item.kind) && item.state === 'refused') ?? null;
}

/** A state chip for an outbox item ("Menunggu dikirim", "Ditolak"…). */
export function OutboxStateChip({ item }: { item: OutboxItem }) {
  const { t } = useI18n();
  return (
    <span class={`status-chip status-chip--${item.state}`} data-testid="outbox-state">
      {t(`outbox.state.${item.state}`)}
    </span>
  );
}

/** Entries made on this phone that have not reached the server yet, with their state. */
export function PendingWrites({ items, testId }: { items: OutboxItem[]; testId: string }) {
  const { t } = useI18n();
  if (!items.length) return null;
  return (
    <div class="notice" data-testid={`${testId}s`}>
      <p class="pending-note">{t('outbox.pendingHere')}</p>
      <ul role="list" class="stack">
        {items.map((item) => (
          <li key={item.id} data-testid={testId} data-state={item.state} data-attempts={item.attempts}>
            {item.summary} <OutboxStateChip item={item} />
            {item.state === 'refused' && item.error && (
              <span class="field-error"> {item.error.message}</span>
            )}
          </li>
        ))}
      </ul>
      <p class="small">
        <a href="/antrian">{t('outbox.title')}</a>
      </p>
    </div>
  );
}
