/// <reference lib="webworker" />
/**
 * The service worker (built to /sw.js by vite-plugin-pwa, `injectManifest`).
 *
 * - Precaches the app shell; navigations fall back to /index.html except the
 *   server's own paths.
 * - Update prompt: a new version waits until the page asks it to take over
 *   (`SKIP_WAITING`, sent when the person presses "Perbarui").
 * - Public catalogue reads (market products, categories, shops, the civil
 *   services catalogue, /config/, regions) are answered stale-while-revalidate
 *   from Cache Storage, only for requests without a session and answers the
 *   server marks public. Personal answers are never stored here.
 * - Product photos are kept cache-first (a bounded number).
 * - Background Sync: the `sync` event asks an open window to send its outbox
 *   (the session's tokens live in the page, not here).
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

const SYNC_TAG = 'pw-outbox';
const PUBLIC_API_CACHE = 'pw-public-api-v1';
const MEDIA_CACHE = 'pw-public-media-v1';
const PUBLIC_API_MAX = 200;
const MEDIA_MAX = 80;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api\//, /^\/admin(\/|$)/, /^\/static\//, /^\/media\//, /^\/healthz(\/|$)/, /^\/readyz(\/|$)/],
  }),
);

self.addEventListener('message', (event) => {
  const data = event.data as { type?: string } | null;
  if (data?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// --- public reads: stale-while-revalidate --------------------------------------------

const PUBLIC_API: RegExp[] = [
  /^\/api\/v1\/config\/$/,
  /^\/api\/v1\/regions\/(districts|villages)\/$/,
  /^\/api\/v1\/civil\/services\/$/,
  /^\/api\/v1\/market\/categories\/$/,
  /^\/api\/v1\/market\/products\/$/,
  /^\/api\/v1\/market\/products\/[0-9a-f-]{36}\/$/,
  /^\/api\/v1\/market\/shops\/(?!mine\/)[\w-]+\/$/,
];

function isPublicRead(url: URL, request: Request): boolean {
  return (
    request.method === 'GET' &&
    url.origin === self.location.origin &&
    PUBLIC_API.some((pattern) => pattern.test(url.pathname))
  );
}

/** Answers vary by language: the key carries it (and ignores the Vary header). */
function cacheKey(request: Request): string {
  const url = new URL(request.url);
  url.searchParams.set('__lang', request.headers.get('Accept-Language') ?? '');
  return url.href;
}

function storable(request: Request, response: Response): boolean {
  if (request.headers.has('Authorization') || !response.ok || response.type !== 'basic') return false;
  const control = response.headers.get('Cache-Control') ?? '';
  return !/private|no-store/i.test(control);
}

async function trim(cache: Cache, max: number): Promise<void> {
  const keys = await cache.keys();
  for (const key of keys.slice(0, Math.max(0, keys.length - max))) await cache.delete(key);
}

async function publicRead(request: Request, event: FetchEvent): Promise<Response> {
  const cache = await caches.open(PUBLIC_API_CACHE);
  const key = cacheKey(request);
  const cached = await cache.match(key, { ignoreVary: true });
  const network = fetch(request).then(async (response) => {
    if (storable(request, response)) {
      await cache.put(key, response.clone());
      await trim(cache, PUBLIC_API_MAX);
    }
    return response;
  });
  if (cached && !request.headers.has('Authorization')) {
    event.waitUntil(network.then(() => undefined, () => undefined));
    return cached;
  }
  try {
    return await network;
  } catch (error) {
    if (cached) return cached;
    throw error;
  }
}

async function publicMedia(request: Request): Promise<Response> {
  const cache = await caches.open(MEDIA_CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') {
    await cache.put(request, response.clone());
    await trim(cache, MEDIA_MAX);
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (isPublicRead(url, request)) {
    event.respondWith(publicRead(request, event));
  } else if (url.origin === self.location.origin && /^\/media\/(products|shops)\//.test(url.pathname)) {
    event.respondWith(publicMedia(request));
  }
});

// --- Background Sync: the outbox -----------------------------------------------------

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

function askToFlush(client: Client): Promise<{ waiting: number }> {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => reject(new Error('no answer')), 120_000);
    channel.port1.onmessage = (message) => {
      clearTimeout(timer);
      resolve(message.data as { waiting: number });
    };
    client.postMessage({ type: 'outbox-flush' }, [channel.port2]);
  });
}

async function syncOutbox(): Promise<void> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const client = windows[0];
  // No window open: the app sends its outbox the next time it starts; failing
  // here lets the browser try this sync again later.
  if (!client) throw new Error('no window to send the outbox');
  const answer = await askToFlush(client);
  if (answer.waiting > 0) throw new Error('items still waiting');
}

self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent;
  if (sync.tag === SYNC_TAG) sync.waitUntil(syncOutbox());
});
