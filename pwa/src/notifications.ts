/**
 * In-app notifications: the unread count for the header bell, kept fresh by
 * polling `GET /notifications/` on start and every minute while the page is
 * visible, and the calls the notification list uses.
 */
import { api, toApiPath } from './api/client';
import { createStore, useStore } from './lib/store';
import { onPersonalDataCleared } from './session';

export interface AppNotification {
  id: string;
  kind: string;
  title: string;
  body: string;
  /** An app path such as /layanan/adminduk/permohonan/<id>, or empty. */
  link: string;
  created_at: string;
  read_at: string | null;
}

export interface NotificationPage {
  count: number;
  next: string | null;
  previous: string | null;
  unread_count: number;
  results: AppNotification[];
}

export const POLL_INTERVAL_MS = 60_000;

interface NotificationState {
  unread: number;
  /** When the count was last fetched (ms since epoch), 0 before the first poll. */
  fetchedAt: number;
}

export const notificationStore = createStore<NotificationState>({ unread: 0, fetchedAt: 0 });

export function useNotifications(): NotificationState {
  return useStore(notificationStore);
}

onPersonalDataCleared(() => notificationStore.set({ unread: 0, fetchedAt: 0 }));

function remember(page: NotificationPage): NotificationPage {
  notificationStore.set({ unread: page.unread_count, fetchedAt: Date.now() });
  return page;
}

/** The first page of notifications (newest first); also refreshes the unread count. */
export async function fetchNotifications(): Promise<NotificationPage> {
  return remember(await api.get<NotificationPage>('/notifications/'));
}

export async function fetchMoreNotifications(
  page: NotificationPage,
): Promise<NotificationPage | null> {
  const path = toApiPath(page.next);
  return path ? remember(await api.get<NotificationPage>(path)) : null;
}

export async function markNotificationRead(id: string): Promise<void> {
  await api.post(`/notifications/${encodeURIComponent(id)}/read/`, {});
  const { unread } = notificationStore.get();
  notificationStore.set({ unread: Math.max(0, unread - 1) });
}

export async function markAllNotificationsRead(): Promise<number> {
  const result = await api.post<{ marked: number }>('/notifications/read-all/', {});
  notificationStore.set({ unread: 0 });
  return result.marked;
}

let inFlight: Promise<void> | null = null;

/** Refreshes the unread count (errors are ignored: the bell keeps the last count). */
export function pollNotifications(): Promise<void> {
  if (!inFlight) {
    inFlight = fetchNotifications()
      .then(() => undefined)
      .catch(() => undefined)
      .finally(() => {
        inFlight = null;
      });
  }
  return inFlight;
}

/**
 * Polls now, then every minute while the page is visible; when the page
 * becomes visible again after a while, polls at once. Returns a stop function.
 */
export function startNotificationPolling(interval = POLL_INTERVAL_MS): () => void {
  const visible = () => typeof document === 'undefined' || document.visibilityState !== 'hidden';
  const stale = () => Date.now() - notificationStore.get().fetchedAt >= interval - 1000;
  void pollNotifications();
  const timer = setInterval(() => {
    if (visible()) void pollNotifications();
  }, interval);
  const onVisibility = () => {
    if (visible() && stale()) void pollNotifications();
  };
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
