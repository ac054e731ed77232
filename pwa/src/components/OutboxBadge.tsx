import { useLocation } from 'preact-iso/router';
import { useI18n } from '../i18n';
import { pendingCount, useOutbox } from '../offline/outbox';
import { useSession } from '../session';

export const OUTBOX_PATH = '/antrian';

function OutboxIcon() {
  return (
    <svg class="bell-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M4 4h16a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1zm1 9v5h14v-5h-4a3 3 0 0 1-6 0zm0-2h5.5l.4.9a1.2 1.2 0 0 0 2.2 0l.4-.9H19V6H5zM12 7l3 3h-2v2h-2v-2H9z" />
    </svg>
  );
}

/**
 * Header link to the outbox ("Antrian kirim"); shown while something waits to
 * be sent (or was refused), with the number waiting.
 */
export function OutboxBadge() {
  const { t } = useI18n();
  const { status } = useSession();
  const { path } = useLocation();
  const { items } = useOutbox();
  if (status !== 'authenticated') return null;
  const waiting = pendingCount(items);
  const refused = items.some((item) => item.state === 'refused');
  if (!waiting && !refused && path !== OUTBOX_PATH) return null;
  return (
    <a
      class="bell"
      href={OUTBOX_PATH}
      data-testid="outbox-badge"
      data-waiting={waiting}
      aria-label={waiting ? t('outbox.badge', { count: waiting }) : t('outbox.title')}
      aria-current={path === OUTBOX_PATH ? 'page' : undefined}
    >
      <OutboxIcon />
      <span
        class={refused ? 'bell-count bell-count--alert' : 'bell-count'}
        data-testid="outbox-count"
        hidden={!waiting && !refused}
        aria-hidden="true"
      >
        {waiting || '!'}
      </span>
    </a>
  );
}
