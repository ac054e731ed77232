import { useState } from 'preact/hooks';
import { isApiError, type ApiError } from '../api/client';
import { Loading, PageHeading, RequireAuth, usePageTitle } from '../components/page';
import { useI18n } from '../i18n';
import {
  fetchMoreNotifications,
  fetchNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  useNotifications,
  type AppNotification,
  type NotificationPage,
} from '../notifications';
import { formatDateTime } from './civil/format';
import { useResource } from './civil/hooks';
import { BackLink, ErrorNotice, useTimeZone } from './civil/ui';

/** Only in-app paths are followed. */
export function safeAppLink(link: string): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//') || link.startsWith('/\\'))
    return null;
  return link;
}

function NotificationItem({
  item,
  onOpen,
}: {
  item: AppNotification;
  onOpen: (item: AppNotification) => void;
}) {
  const { t, lang } = useI18n();
  const timeZone = useTimeZone();
  const link = safeAppLink(item.link);
  const unread = !item.read_at;
  const content = (
    <>
      <span class="notif-head">
        <span class="notif-title">{item.title}</span>
        {unread && <span class="badge">{t('notif.new')}</span>}
      </span>
      {item.body && <span class="notif-body">{item.body}</span>}
      <time class="notif-time" dateTime={item.created_at}>
        {formatDateTime(item.created_at, lang, timeZone)}
      </time>
    </>
  );
  const className = unread ? 'notif notif--unread' : 'notif';
  return (
    <li data-testid="notif-item" data-read={unread ? 'false' : 'true'} data-id={item.id}>
      {link ? (
        // The router follows the link; marking it read happens alongside.
        <a class={className} href={link} onClick={() => onOpen(item)}>
          {content}
        </a>
      ) : (
        <button type="button" class={className} onClick={() => onOpen(item)}>
          {content}
        </button>
      )}
    </li>
  );
}

function Notifications() {
  const { t } = useI18n();
  const { unread } = useNotifications();
  const first = useResource(fetchNotifications, []);
  const [more, setMore] = useState<NotificationPage[]>([]);
  const [readIds, setReadIds] = useState<Set<string>>(new Set());
  const [allRead, setAllRead] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  usePageTitle(t('notif.title'));

  const pages = first.data ? [first.data, ...more] : [];
  const last = pages[pages.length - 1];
  const items = pages
    .flatMap((page) => page.results)
    .map((item) =>
      !item.read_at && (allRead || readIds.has(item.id))
        ? { ...item, read_at: new Date().toISOString() }
        : item,
    );

  const onOpen = (item: AppNotification) => {
    if (!item.read_at) {
      setReadIds((ids) => new Set(ids).add(item.id));
      void markNotificationRead(item.id).catch(() => undefined);
    }
    // A link is then followed by the router as usual.
  };

  const markAll = async () => {
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      await markAllNotificationsRead();
      setAllRead(true);
      setStatus(t('notif.markedAll'));
    } catch (caught) {
      if (isApiError(caught)) setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const loadMore = async () => {
    if (!last) return;
    setBusy(true);
    setError(null);
    try {
      const page = await fetchMoreNotifications(last);
      if (page) setMore((pagesSoFar) => [...pagesSoFar, page]);
    } catch (caught) {
      if (isApiError(caught)) setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="stack stack--loose" data-testid="notifications">
      <header class="page-header">
        <BackLink href="/">{t('nav.home')}</BackLink>
        <PageHeading>{t('notif.title')}</PageHeading>
        {unread > 0 && <p class="muted">{t('notif.unreadCount', { count: unread })}</p>}
      </header>
      {items.length > 0 && (
        <p>
          <button
            type="button"
            class="button"
            data-testid="notif-read-all"
            disabled={busy}
            aria-busy={busy || undefined}
            onClick={() => void markAll()}
          >
            {t('notif.markAll')}
          </button>
        </p>
      )}
      <p class="form-status" role="status">
        {status}
      </p>
      {error && (
        <p class="field-error" role="alert">
          {error.message}
        </p>
      )}
      {first.error && !first.data && (
        <ErrorNotice
          error={first.error}
          intro={t('notif.error')}
          onRetry={() => void first.reload()}
        />
      )}
      {!first.data && !first.error && <Loading />}
      {first.data && items.length === 0 && <p class="muted">{t('notif.empty')}</p>}
      {items.length > 0 && (
        <ul class="notif-list" role="list">
          {items.map((item) => (
            <NotificationItem key={item.id} item={item} onOpen={onOpen} />
          ))}
        </ul>
      )}
      {last?.next && (
        <p class="load-more">
          <button
            type="button"
            class="button"
            data-testid="load-more"
            disabled={busy}
            onClick={() => void loadMore()}
          >
            {t('civil.loadMore')}
          </button>
        </p>
      )}
    </div>
  );
}

export function NotificationsPage() {
  return (
    <RequireAuth>
      <Notifications />
    </RequireAuth>
  );
}
