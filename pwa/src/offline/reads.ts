/**
 * Personal data the user has seen (their requests, the mother's book, child
 * pages, the worklist, orders…) is kept in IndexedDB, per user and language,
 * and shown when the network cannot answer, with its age. Only the paths
 * below are kept; the service worker never stores personal answers.
 */
import type { ReadCache } from '../api/client';
import { createStore, useStore } from '../lib/store';
import { db, hasIndexedDb } from './db';

const PERSONAL_PATHS: RegExp[] = [
  /^\/me\/$/,
  /^\/civil\/requests\/(\?.*)?$/,
  /^\/civil\/requests\/[\w-]+\/$/,
  /^\/health\/mothers\/mine\/$/,
  /^\/health\/mothers\/[\w-]+\/(access-log\/)?$/,
  /^\/health\/pregnancies\/[\w-]+\/([\w-]+\/)?(\?.*)?$/,
  /^\/health\/children\/[\w-]+\/([\w-]+\/)?(\?.*)?$/,
  /^\/health\/worklist\/(\?.*)?$/,
  /^\/market\/orders\/(\?.*)?$/,
  /^\/market\/orders\/[\w-]+\/$/,
  // A product seen while signed in (the session's view of it).
  /^\/market\/products\/[0-9a-f-]{36}\/$/,
];

let user: string | null = null;

/** Whose cache is read and written (null when signed out: nothing is kept). */
export function setReadCacheUser(next: string | null): void {
  user = next;
}

export interface StaleState {
  /** The page (path) showing saved data, and when the oldest of it was saved. */
  route: string | null;
  savedAt: number | null;
}

export const staleStore = createStore<StaleState>({ route: null, savedAt: null });

export function useStale(): StaleState {
  return useStore(staleStore);
}

const currentRoute = () => (typeof location === 'undefined' ? '' : location.pathname);

function keyOf(owner: string, path: string, lang: string): string {
  return `${owner}|${path}|${lang}`;
}

export const readCache: ReadCache = {
  matches(path) {
    return user !== null && hasIndexedDb() && PERSONAL_PATHS.some((pattern) => pattern.test(path));
  },
  async save(path, lang, data) {
    const owner = user;
    if (!owner) return;
    try {
      const database = await db();
      await database.put('reads', { key: keyOf(owner, path, lang), user: owner, data, savedAt: Date.now() });
    } catch {
      // A full or unavailable database only costs the offline copy.
    }
    const stale = staleStore.get();
    if (stale.route === currentRoute()) staleStore.set({ route: null, savedAt: null });
  },
  async load(path, lang) {
    const owner = user;
    if (!owner) return null;
    try {
      const database = await db();
      const record = await database.get('reads', keyOf(owner, path, lang));
      if (!record || record.user !== owner) return null;
      const route = currentRoute();
      const stale = staleStore.get();
      const savedAt =
        stale.route === route && stale.savedAt !== null
          ? Math.min(stale.savedAt, record.savedAt)
          : record.savedAt;
      staleStore.set({ route, savedAt });
      return { data: record.data, savedAt: record.savedAt };
    } catch {
      return null;
    }
  },
};

/** Reads a saved answer without going to the network (e.g. the user while offline). */
export async function savedRead<T>(path: string, lang: string): Promise<T | null> {
  if (!user || !hasIndexedDb()) return null;
  try {
    const record = await (await db()).get('reads', keyOf(user, path, lang));
    return record ? (record.data as T) : null;
  } catch {
    return null;
  }
}

/** The user's saved answer for `path` in any language (the profile when starting offline). */
export async function savedReadAnyLang<T>(owner: string, path: string): Promise<T | null> {
  if (!hasIndexedDb()) return null;
  try {
    const database = await db();
    for (const lang of ['id', 'en']) {
      const record = await database.get('reads', keyOf(owner, path, lang));
      if (record) return record.data as T;
    }
  } catch {
    // Nothing saved.
  }
  return null;
}
