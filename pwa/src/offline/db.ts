/**
 * The app's IndexedDB database (through the small `idb` wrapper). Everything in
 * it is personal and kept per user: the outbox (writes waiting to be sent) and
 * the read cache (API answers the user has seen, shown offline with their age).
 * Logging out deletes the user's rows from every store.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export const DB_NAME = 'pintuwarga';
const DB_VERSION = 1;

export type OutboxState = 'waiting' | 'sending' | 'sent' | 'refused';

export interface StoredFile {
  blob: Blob;
  name: string;
}

export interface OutboxError {
  status: number;
  code: string;
  message: string;
  fields: Record<string, string[]>;
}

export interface OutboxRecord {
  id: string;
  /** Position in the queue: items are sent in this order. */
  seq: number;
  user: string;
  /** What it is, e.g. `health.measurement` (decides its label and where to correct it). */
  kind: string;
  method: 'POST' | 'PATCH';
  /** API path; `{ref}` is replaced by the `id` of the answer to `dependsOn`. */
  path: string;
  body?: unknown;
  /** A multipart body, rebuilt on every attempt. */
  form?: { fields: Record<string, string>; files: Record<string, StoredFile> };
  /** An earlier item this one needs (e.g. a document of a request created offline). */
  dependsOn?: string;
  /** The `Idempotency-Key`: the same on every attempt of this item. */
  key: string;
  state: OutboxState;
  attempts: number;
  createdAt: number;
  updatedAt: number;
  /** A short description for the outbox screen (e.g. "9,4 kg · 77,5 cm"). */
  summary?: string;
  /** Where the item belongs (e.g. the child page), to open and correct it. */
  href?: string;
  /** Anything the screen that made it needs to show it (child id, dose code…). */
  meta?: Record<string, string>;
  error?: OutboxError;
  /** The server's answer once sent. */
  result?: unknown;
}

export interface CacheRecord {
  /** `<user>|<path>|<lang>` */
  key: string;
  user: string;
  data: unknown;
  savedAt: number;
}

interface PintuWargaDB extends DBSchema {
  outbox: {
    key: string;
    value: OutboxRecord;
    indexes: { 'by-user': string };
  };
  reads: {
    key: string;
    value: CacheRecord;
    indexes: { 'by-user': string };
  };
}

export type Database = IDBPDatabase<PintuWargaDB>;

let opening: Promise<Database> | null = null;

export function hasIndexedDb(): boolean {
  return typeof indexedDB !== 'undefined';
}

export function db(): Promise<Database> {
  if (!opening) {
    opening = openDB<PintuWargaDB>(DB_NAME, DB_VERSION, {
      upgrade(database) {
        const outbox = database.createObjectStore('outbox', { keyPath: 'id' });
        outbox.createIndex('by-user', 'user');
        const reads = database.createObjectStore('reads', { keyPath: 'key' });
        reads.createIndex('by-user', 'user');
      },
      blocking() {
        // A newer version of the app wants to upgrade the database.
        void opening?.then((open) => open.close());
        opening = null;
      },
    });
    opening.catch(() => {
      opening = null;
    });
  }
  return opening;
}

/** Deletes every row of `user` (outbox and read cache). */
export async function clearUser(user: string): Promise<void> {
  if (!hasIndexedDb()) return;
  const database = await db();
  const tx = database.transaction(['outbox', 'reads'], 'readwrite');
  for (const name of ['outbox', 'reads'] as const) {
    const store = tx.objectStore(name);
    let cursor = await store.index('by-user').openCursor(IDBKeyRange.only(user));
    while (cursor) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
  }
  await tx.done;
}

/** Deletes everything (used when no user can be told apart, e.g. a forced logout). */
export async function clearAll(): Promise<void> {
  if (!hasIndexedDb()) return;
  const database = await db();
  const tx = database.transaction(['outbox', 'reads'], 'readwrite');
  await Promise.all([tx.objectStore('outbox').clear(), tx.objectStore('reads').clear(), tx.done]);
}

/** For tests: forget the open connection. */
export async function closeDb(): Promise<void> {
  const open = opening;
  opening = null;
  if (open) (await open).close();
}
