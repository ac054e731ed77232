/**
 * The outbox: writes made without a connection (or whose request failed on the
 * way) are kept in IndexedDB and sent again, in the order they were made, when
 * the connection is back.
 *
 * - Each item carries its own `Idempotency-Key`, the same on every attempt, so
 *   a replay whose first answer was lost never creates a second row: the server
 *   answers with the first result.
 * - States: `waiting` (menunggu dikirim), `sending`, `sent`, `refused` (the
 *   server said no with a 4xx: the message is kept so the person can correct
 *   the item or discard it).
 * - A network error, a time-out, a 5xx, 408 or 429 leaves the item waiting and
 *   stops the run, so later items never overtake it. A 401 is handled by the
 *   API client (one token refresh, one retry).
 * - Items belong to the signed-in user; logging out deletes them.
 * - Runs are triggered on start, on the `online` event, by the service worker's
 *   Background Sync (`sync` event → message), and every 30 s while items wait.
 */
import { api, ApiError, isApiError } from '../api/client';
import { t } from '../i18n';
import { newIdempotencyKey } from '../lib/idempotency';
import { createStore, useStore } from '../lib/store';
import { db, hasIndexedDb, type OutboxError, type OutboxRecord, type StoredFile } from './db';

export type { OutboxRecord as OutboxItem, OutboxState } from './db';

export const SYNC_TAG = 'pw-outbox';
const RETRY_INTERVAL_MS = 30_000;
const JSON_TIMEOUT_MS = 30_000;
const UPLOAD_TIMEOUT_MS = 180_000;
/** Sent items stay listed this long, so the person sees they went through. */
const SENT_KEPT_MS = 24 * 60 * 60 * 1000;

export interface OutboxStoreState {
  user: string | null;
  items: OutboxRecord[];
  /** A run is in progress. */
  flushing: boolean;
}

export const outboxStore = createStore<OutboxStoreState>({ user: null, items: [], flushing: false });

export function useOutbox(): OutboxStoreState {
  return useStore(outboxStore);
}

export const isPending = (item: OutboxRecord) =>
  item.state === 'waiting' || item.state === 'sending';

/** How many items are still to be sent (the header badge). */
export function pendingCount(items: OutboxRecord[]): number {
  return items.filter(isPending).length;
}

export interface NewItem {
  kind: string;
  method?: 'POST' | 'PATCH';
  path: string;
  body?: unknown;
  form?: { fields: Record<string, string>; files: Record<string, StoredFile> };
  dependsOn?: string;
  summary?: string;
  href?: string;
  meta?: Record<string, string>;
  /** Reuse a key (e.g. the first attempt was made before the item existed). */
  key?: string;
}

/** Files of items made in this page's life, used as they are (IndexedDB keeps a copy). */
const liveFiles = new Map<string, Record<string, StoredFile>>();

let seqCounter = 0;
function nextSeq(): number {
  seqCounter = (seqCounter + 1) % 1000;
  return Date.now() * 1000 + seqCounter;
}

function bySeq(a: OutboxRecord, b: OutboxRecord): number {
  return a.seq - b.seq;
}

async function readItems(user: string): Promise<OutboxRecord[]> {
  if (!hasIndexedDb()) return [];
  const database = await db();
  const items = await database.getAllFromIndex('outbox', 'by-user', user);
  return items.sort(bySeq);
}

async function put(item: OutboxRecord): Promise<void> {
  const database = await db();
  await database.put('outbox', item);
  if (item.user === outboxStore.get().user) {
    outboxStore.set((state) => {
      const others = state.items.filter((other) => other.id !== item.id);
      return { ...state, items: [...others, item].sort(bySeq) };
    });
  }
}

/** Reloads the list of the current user from the database (e.g. another tab changed it). */
export async function refreshOutbox(): Promise<void> {
  const user = outboxStore.get().user;
  if (!user) return;
  const items = await readItems(user);
  if (outboxStore.get().user === user) outboxStore.set({ items });
}

/**
 * Selects whose items are shown and sent. Called when the session changes
 * (null when signed out: nothing is sent). Old sent items are pruned.
 */
export async function setOutboxUser(user: string | null): Promise<void> {
  if (outboxStore.get().user === user) return;
  outboxStore.set({ user, items: [] });
  if (!user || !hasIndexedDb()) return;
  const items = await readItems(user);
  const now = Date.now();
  const database = await db();
  const kept: OutboxRecord[] = [];
  for (const item of items) {
    if (item.state === 'sent' && now - item.updatedAt > SENT_KEPT_MS) {
      await database.delete('outbox', item.id);
    } else {
      kept.push(item);
    }
  }
  if (outboxStore.get().user === user) outboxStore.set({ items: kept });
}

/** Adds an item at the end of the queue (state `waiting`). */
export async function enqueue(input: NewItem): Promise<OutboxRecord> {
  const user = outboxStore.get().user;
  if (!user) throw new ApiError(401, 'session_expired', t('error.sessionExpired'));
  const now = Date.now();
  const item: OutboxRecord = {
    id: newIdempotencyKey(),
    seq: nextSeq(),
    user,
    kind: input.kind,
    method: input.method ?? 'POST',
    path: input.path,
    key: input.key ?? newIdempotencyKey(),
    state: 'waiting',
    attempts: 0,
    createdAt: now,
    updatedAt: now,
  };
  if (input.body !== undefined) item.body = input.body;
  if (input.form) item.form = input.form;
  if (input.dependsOn) item.dependsOn = input.dependsOn;
  if (input.summary) item.summary = input.summary;
  if (input.href) item.href = input.href;
  if (input.meta) item.meta = input.meta;
  if (input.form) liveFiles.set(item.id, input.form.files);
  await put(item);
  requestBackgroundSync();
  return item;
}

/** Removes an item (the person discarded it, or a form took its answer). */
export async function discard(id: string): Promise<void> {
  liveFiles.delete(id);
  const database = await db();
  await database.delete('outbox', id);
  outboxStore.set((state) => ({ ...state, items: state.items.filter((item) => item.id !== id) }));
}

export async function getItem(id: string): Promise<OutboxRecord | undefined> {
  if (!hasIndexedDb()) return undefined;
  return (await db()).get('outbox', id);
}

// --- sending -----------------------------------------------------------------------

type Progress = (loaded: number, total: number) => void;
const progressListeners = new Map<string, Progress>();

/**
 * Items a form is waiting for (submitWrite): their answer goes to the form,
 * and they leave the outbox as soon as they have one.
 */
const claimed = new Map<string, { result?: unknown; error?: OutboxError } | null>();

/** Whether a failure means "try again later" rather than "the server said no". */
export function isTransient(error: unknown): boolean {
  if (!isApiError(error)) return true; // time-out, abort, anything unexpected
  return (
    error.isNetworkError ||
    error.status >= 500 ||
    error.status === 408 ||
    error.status === 429 ||
    // The first attempt with this key is still being processed by the server.
    error.code === 'idempotency_in_progress'
  );
}

function toOutboxError(error: ApiError): OutboxError {
  return { status: error.status, code: error.code, message: error.message, fields: error.fields };
}

export function errorOf(item: OutboxRecord): ApiError {
  const error = item.error;
  return error
    ? new ApiError(error.status, error.code, error.message, error.fields)
    : new ApiError(0, 'client_error', t('error.generic'));
}

function buildForm(id: string, form: NonNullable<OutboxRecord['form']>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(form.fields)) data.append(name, value);
  const files = liveFiles.get(id) ?? form.files;
  for (const [name, file] of Object.entries(files)) data.append(name, file.blob, file.name);
  return data;
}

function idOf(result: unknown): string | null {
  if (typeof result === 'object' && result !== null && 'id' in result) {
    return String((result as { id: unknown }).id);
  }
  return null;
}

async function transmit(item: OutboxRecord, path: string): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), item.form ? UPLOAD_TIMEOUT_MS : JSON_TIMEOUT_MS);
  const headers = { 'Idempotency-Key': item.key };
  try {
    if (item.form) {
      const form = item.form;
      const onProgress = progressListeners.get(item.id);
      return await api.upload<unknown>(path, () => buildForm(item.id, form), {
        headers,
        signal: controller.signal,
        ...(onProgress ? { onProgress } : {}),
      });
    }
    return await api.request<unknown>(item.method, path, {
      body: item.body,
      headers,
      signal: controller.signal,
    });
  } finally {
    clearTimeout(timer);
  }
}

type Outcome = 'sent' | 'refused' | 'stop';

async function sendOne(item: OutboxRecord, all: Map<string, OutboxRecord>): Promise<Outcome> {
  let path = item.path;
  if (item.dependsOn) {
    const parent = all.get(item.dependsOn) ?? (await getItem(item.dependsOn));
    const parentId = parent?.state === 'sent' ? idOf(parent.result) : null;
    if (!parentId) {
      if (parent && isPending(parent)) return 'stop';
      await put({
        ...item,
        state: 'refused',
        updatedAt: Date.now(),
        error: { status: 0, code: 'dependency_refused', message: t('outbox.dependencyRefused'), fields: {} },
      });
      return 'refused';
    }
    path = path.replace('{ref}', encodeURIComponent(parentId));
  }
  const sending: OutboxRecord = { ...item, state: 'sending', attempts: item.attempts + 1, updatedAt: Date.now() };
  await put(sending);
  try {
    const result = await transmit(sending, path);
    const sent: OutboxRecord = { ...sending, state: 'sent', result: result ?? null, updatedAt: Date.now() };
    delete sent.error;
    if (claimed.has(sent.id)) {
      claimed.set(sent.id, { result: sent.result });
      all.set(sent.id, sent);
      await discard(sent.id);
      return 'sent';
    }
    // The file has arrived: no need to keep its bytes on the phone.
    if (sent.form) sent.form = { fields: sent.form.fields, files: {} };
    liveFiles.delete(sent.id);
    await put(sent);
    all.set(sent.id, sent);
    return 'sent';
  } catch (error) {
    if (isTransient(error)) {
      await put({ ...sending, state: 'waiting', updatedAt: Date.now() });
      return 'stop';
    }
    const apiError = error as ApiError;
    if (apiError.status === 401) {
      // The session ended (the client already tried to renew it): keep waiting
      // for the same user to sign in again.
      await put({ ...sending, state: 'waiting', updatedAt: Date.now() });
      return 'stop';
    }
    const refused: OutboxRecord = {
      ...sending,
      state: 'refused',
      updatedAt: Date.now(),
      error: toOutboxError(apiError),
    };
    if (claimed.has(refused.id)) {
      claimed.set(refused.id, { error: refused.error! });
      all.set(refused.id, refused);
      await discard(refused.id);
      return 'refused';
    }
    await put(refused);
    all.set(refused.id, refused);
    return 'refused';
  }
}

let running: Promise<void> | null = null;
let again = false;

async function runQueue(): Promise<void> {
  const user = outboxStore.get().user;
  if (!user || !hasIndexedDb()) return;
  outboxStore.set({ flushing: true });
  try {
    for (;;) {
      again = false;
      const items = await readItems(user);
      const all = new Map(items.map((item) => [item.id, item]));
      let stopped = false;
      for (const item of items) {
        if (outboxStore.get().user !== user) return;
        if (!isPending(item)) continue;
        const outcome = await sendOne(item, all);
        if (outcome === 'stop') {
          stopped = true;
          break;
        }
      }
      if (stopped || !again) break;
    }
  } finally {
    outboxStore.set({ flushing: false });
  }
}

function withLock(run: () => Promise<void>): Promise<void> {
  const locks = (navigator as { locks?: { request(name: string, cb: () => Promise<void>): Promise<void> } })
    .locks;
  // One tab sends at a time; the others' runs wait and then find nothing left.
  return locks ? locks.request('pw.outbox', run) : run();
}

/**
 * Sends what is waiting, in order. Concurrent calls share one run; an item
 * added during a run is picked up before it ends.
 */
export function flush(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = withLock(runQueue)
    .catch(() => undefined)
    .finally(() => {
      running = null;
    });
  return running;
}

export type SubmitOutcome<T> =
  | { status: 'sent'; result: T }
  | { status: 'queued'; item: OutboxRecord };

/**
 * What forms call: the write goes through the outbox and is sent at once when
 * possible. Sent → the answer (the item is removed: the form shows the
 * result). Refused → the server's error is thrown for the form to show (the
 * item is removed: the form is where to correct it). No connection or a
 * server failure → the item stays waiting and `queued` is returned.
 */
export async function submitWrite<T>(
  input: NewItem,
  options: { onProgress?: Progress } = {},
): Promise<SubmitOutcome<T>> {
  const item = await enqueue(input);
  if (typeof navigator !== 'undefined' && navigator.onLine === false) {
    return { status: 'queued', item };
  }
  if (options.onProgress) progressListeners.set(item.id, options.onProgress);
  claimed.set(item.id, null);
  try {
    await flush();
    // A run that was already going may have ended before reaching this item.
    let answer = claimed.get(item.id);
    let now = answer ? undefined : await getItem(item.id);
    if (!answer && now && now.state === 'waiting' && now.attempts === 0) {
      await flush();
      answer = claimed.get(item.id);
      now = answer ? undefined : await getItem(item.id);
    }
    if (answer?.error) {
      throw errorOf({ ...item, error: answer.error });
    }
    if (answer) return { status: 'sent', result: answer.result as T };
    return { status: 'queued', item: now ?? item };
  } finally {
    claimed.delete(item.id);
    progressListeners.delete(item.id);
  }
}

/** Keeps a photo's bytes for the outbox (a Blob survives in IndexedDB). */
export function storedFile(file: Blob, name: string): StoredFile {
  return { blob: file, name };
}

// --- triggers ----------------------------------------------------------------------

function requestBackgroundSync(): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready
    .then((registration) => {
      const sync = (registration as ServiceWorkerRegistration & {
        sync?: { register(tag: string): Promise<void> };
      }).sync;
      return sync?.register(SYNC_TAG);
    })
    .catch(() => undefined);
}

/**
 * Starts the triggers: the `online` event, a timer while items wait, and the
 * service worker's Background Sync message. Returns a stop function.
 */
export function startOutbox(): () => void {
  const onOnline = () => void flush();
  addEventListener('online', onOnline);
  const timer = setInterval(() => {
    const { items, flushing } = outboxStore.get();
    if (!flushing && navigator.onLine !== false && items.some((item) => item.state === 'waiting')) {
      void flush();
    }
  }, RETRY_INTERVAL_MS);
  const onMessage = (event: MessageEvent) => {
    const data = event.data as { type?: string } | null;
    if (data?.type !== 'outbox-flush') return;
    const port = event.ports[0];
    void flush().then(() => {
      const left = outboxStore.get().items.filter((item) => item.state === 'waiting').length;
      port?.postMessage({ type: 'outbox-flushed', waiting: left });
    });
  };
  const sw = typeof navigator !== 'undefined' ? navigator.serviceWorker : undefined;
  sw?.addEventListener('message', onMessage);
  const onVisible = () => {
    if (document.visibilityState === 'visible') void refreshOutbox();
  };
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    removeEventListener('online', onOnline);
    clearInterval(timer);
    sw?.removeEventListener('message', onMessage);
    document.removeEventListener('visibilitychange', onVisible);
  };
}
