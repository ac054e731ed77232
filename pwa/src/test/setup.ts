import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach } from 'vitest';
import { resetCivilCaches } from '../api/civil';
import { api } from '../api/client';
import { resetDataCaches } from '../data';
import { setLang } from '../i18n';
import { notificationStore } from '../notifications';
import { pwaStore } from '../pwa/state';
import { closeDb } from '../offline/db';
import { outboxStore, setOutboxUser } from '../offline/outbox';
import { setReadCacheUser, staleStore } from '../offline/reads';
import { sessionStore } from '../session';

// jsdom does not implement scrolling.
window.scrollTo = () => undefined;

beforeEach(async () => {
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
  outboxStore.set({ user: null, items: [], flushing: false });
  // Forms write through the outbox, which belongs to a signed-in user.
  await setOutboxUser('test-user');
  setReadCacheUser(null);
  staleStore.set({ route: null, savedAt: null });
  localStorage.clear();
  sessionStorage.clear();
  api.clearTokens();
  setLang('id');
  localStorage.clear();
  resetDataCaches();
  resetCivilCaches();
  sessionStore.set({ status: 'anonymous', user: null, notice: null, error: null });
  pwaStore.set({ needRefresh: false, update: null });
  notificationStore.set({ unread: 0, fetchedAt: 0 });
  history.replaceState(null, '', '/');
});

afterEach(() => {
  cleanup();
});
