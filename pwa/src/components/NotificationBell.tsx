import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { useI18n } from '../i18n';
import { startNotificationPolling, useNotifications } from '../notifications';
import { useSession } from '../session';

export const NOTIFICATIONS_PATH = '/notifikasi';

function BellIcon() {
  return (
    <svg class="bell-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1z" />
    </svg>
  );
}

/** Header bell with the unread count; polls while signed in. */
export function NotificationBell() {
  const { t } = useI18n();
  const { status } = useSession();
  const { path } = useLocation();
  const { unread } = useNotifications();
  const signedIn = status === 'authenticated';

  useEffect(() => {
    if (!signedIn) return;
    return startNotificationPolling();
  }, [signedIn]);

  if (!signedIn) return null;
  const shown = unread > 99 ? '99+' : String(unread);
  return (
    <a
      class="bell"
      href={NOTIFICATIONS_PATH}
      data-testid="notif-bell"
      aria-label={unread ? t('notif.bellUnread', { count: unread }) : t('notif.bell')}
      aria-current={path === NOTIFICATIONS_PATH ? 'page' : undefined}
    >
      <BellIcon />
      <span class="bell-count" data-testid="notif-count" hidden={unread === 0} aria-hidden="true">
        {shown}
      </span>
    </a>
  );
}
