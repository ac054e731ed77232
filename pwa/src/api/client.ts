import { getLang, t, type Lang } from '../i18n';
import type { AuthResponse, ErrorBody, FieldErrors, TokenPair } from './types';

export const REFRESH_STORAGE_KEY = 'pw.refresh';
export const API_BASE = '/api/v1';

/** An API failure, carrying the server's error body when there is one. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldErrors;
  /** Seconds to wait before retrying (from `Retry-After`), when given. */
  readonly retryAfter: number | null;

  constructor(
    status: number,
    code: string,
    message: string,
    fields: FieldErrors = {},
    retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.retryAfter = retryAfter;
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const inner = (value as { error: unknown }).error;
  return (
    typeof inner === 'object' &&
    inner !== null &&
    typeof (inner as { code?: unknown }).code === 'string' &&
    typeof (inner as { message?: unknown }).message === 'string'
  );
}

function normaliseFields(raw: unknown): FieldErrors {
  const fields: FieldErrors = {};
  if (typeof raw !== 'object' || raw === null) return fields;
  for (const [name, messages] of Object.entries(raw as Record<string, unknown>)) {
    if (Array.isArray(messages)) {
      fields[name] = messages.map(String);
    } else if (typeof messages === 'string') {
      fields[name] = [messages];
    }
  }
  return fields;
}

/** Parses `Retry-After` (delta seconds or an HTTP date) into seconds. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/** Turns a non-2xx response into an ApiError, using the contract's error body when present. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (isErrorBody(body)) {
    return new ApiError(
      response.status,
      body.error.code,
      body.error.message,
      normaliseFields(body.error.fields),
      retryAfter,
    );
  }
  if (response.status === 429) {
    return new ApiError(429, 'throttled', t('error.throttled'), {}, retryAfter);
  }
  return new ApiError(response.status, `http_${response.status}`, t('error.generic'), {}, retryAfter);
}

export interface RequestOptions {
  /** JSON body, or a function producing it (evaluated for each attempt). */
  body?: unknown;
  /** Send the bearer token, refreshing it when needed (default true). */
  auth?: boolean;
  signal?: AbortSignal;
  /** Extra request headers (e.g. `Idempotency-Key`). */
  headers?: Record<string, string>;
}

export interface UploadOptions {
  /** Extra request headers (e.g. `Idempotency-Key`). */
  headers?: Record<string, string>;
  /** Called as the request body is sent: bytes sent so far and in total. */
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}

/** A file fetched with the session (document images, PDFs). */
export interface DownloadedFile {
  blob: Blob;
  contentType: string;
  /** From `Content-Disposition`, when the server names the file. */
  filename: string | null;
}

/** The file name of a `Content-Disposition` header, if any. */
export function filenameFromDisposition(value: string | null): string | null {
  if (!value) return null;
  const encoded = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(value);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // Fall through to the plain form.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(value);
  return plain?.[1]?.trim() || null;
}

/** Parses `XMLHttpRequest.getAllResponseHeaders()` into a Headers object. */
function parseRawHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const index = line.indexOf(':');
    if (index <= 0) continue;
    try {
      headers.append(line.slice(0, index).trim(), line.slice(index + 1).trim());
    } catch {
      // Skip a header the Headers class refuses.
    }
  }
  return headers;
}

/**
 * Turns a URL the API returned (e.g. a paginated `next`, possibly absolute
 * with the server's own host name) into a path under the API base, or `null`
 * when it does not point into the API.
 */
export function toApiPath(url: string | null | undefined, base = API_BASE): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url, 'http://localhost');
  } catch {
    return null;
  }
  if (!parsed.pathname.startsWith(`${base}/`)) return null;
  return parsed.pathname.slice(base.length) + parsed.search;
}

type Transport = (bearer: string | null) => Promise<Response>;

/**
 * Where authenticated GETs of personal data are kept for offline use: saved
 * after every successful read, used when the network or the server fails.
 */
export interface ReadCache {
  matches(path: string): boolean;
  save(path: string, lang: Lang, data: unknown): Promise<void>;
  load(path: string, lang: Lang): Promise<{ data: unknown; savedAt: number } | null>;
}

export interface ApiClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Where the refresh token is kept; `null` keeps it in memory only. */
  storage?: Storage | null;
  getLanguage?: () => Lang;
  /** Called when the session can no longer be renewed and has been cleared locally. */
  onSessionEnded?: () => void;
  /** Makes the XMLHttpRequest used for uploads (replaceable in tests). */
  xhr?: () => XMLHttpRequest;
}

function defaultStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

type LockManagerLike = {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
};

function lockManager(): LockManagerLike | null {
  const nav = typeof navigator === 'undefined' ? undefined : navigator;
  const locks = (nav as { locks?: LockManagerLike } | undefined)?.locks;
  return locks && typeof locks.request === 'function' ? locks : null;
}

/**
 * Same-origin JSON client for /api/v1/.
 *
 * The access token lives only in memory; the refresh token is kept in
 * storage under `pw.refresh`. A 401 on an authenticated call triggers one
 * refresh (shared by concurrent callers, and serialised across tabs with the
 * Web Locks API when available) and one retry; if the refresh is refused the
 * tokens are cleared and `onSessionEnded` is called.
 */
export class ApiClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly storage: Storage | null;
  private readonly getLanguage: () => Lang;
  private readonly makeXhr: () => XMLHttpRequest;
  private memoryRefresh: string | null = null;
  private access: string | null = null;
  private refreshing: Promise<void> | null = null;
  onSessionEnded: (() => void) | undefined;
  /** Offline copies of personal reads (set by the app; none in most tests). */
  readCache: ReadCache | null = null;

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? API_BASE;
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.storage = options.storage === undefined ? defaultStorage() : options.storage;
    this.getLanguage = options.getLanguage ?? getLang;
    this.makeXhr = options.xhr ?? (() => new XMLHttpRequest());
    this.onSessionEnded = options.onSessionEnded;
  }

  // --- tokens -------------------------------------------------------------

  get refreshToken(): string | null {
    if (!this.storage) return this.memoryRefresh;
    try {
      return this.storage.getItem(REFRESH_STORAGE_KEY);
    } catch {
      return this.memoryRefresh;
    }
  }

  get accessToken(): string | null {
    return this.access;
  }

  /** Whether a session can be resumed (a refresh token is stored). */
  hasSession(): boolean {
    return Boolean(this.refreshToken);
  }

  setTokens(tokens: TokenPair): void {
    this.access = tokens.access;
    this.memoryRefresh = tokens.refresh;
    try {
      this.storage?.setItem(REFRESH_STORAGE_KEY, tokens.refresh);
    } catch {
      // Keep the in-memory copy only.
    }
  }

  clearTokens(): void {
    this.access = null;
    this.memoryRefresh = null;
    try {
      this.storage?.removeItem(REFRESH_STORAGE_KEY);
    } catch {
      // Nothing else to clear.
    }
  }

  /** Forgets the in-memory access token only (e.g. another tab logged out). */
  dropAccessToken(): void {
    this.access = null;
  }

  private endSession(): void {
    this.clearTokens();
    this.onSessionEnded?.();
  }

  private sessionExpiredError(): ApiError {
    return new ApiError(401, 'session_expired', t('error.sessionExpired'));
  }

  // --- transport ----------------------------------------------------------

  private async send(
    method: string,
    path: string,
    body: unknown,
    bearer: string | null,
    signal?: AbortSignal,
    extraHeaders?: Record<string, string>,
    accept = 'application/json',
  ): Promise<Response> {
    const headers: Record<string, string> = {
      ...extraHeaders,
      Accept: accept,
      'Accept-Language': this.getLanguage(),
    };
    const init: RequestInit = { method, headers, credentials: 'same-origin' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    if (signal) init.signal = signal;
    try {
      return await this.fetchImpl(this.baseUrl + path, init);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError(0, 'network_error', t('error.network'));
    }
  }

  /** Sends a multipart body with XMLHttpRequest, which reports upload progress. */
  private sendXhr(
    method: string,
    path: string,
    body: FormData,
    bearer: string | null,
    options: UploadOptions,
  ): Promise<Response> {
    return new Promise<Response>((resolve, reject) => {
      const xhr = this.makeXhr();
      const { signal, onProgress } = options;
      if (signal?.aborted) {
        reject(new DOMException('Aborted', 'AbortError'));
        return;
      }
      xhr.open(method, this.baseUrl + path);
      const headers: Record<string, string> = {
        ...options.headers,
        Accept: 'application/json',
        'Accept-Language': this.getLanguage(),
      };
      if (bearer) headers.Authorization = `Bearer ${bearer}`;
      for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
      if (onProgress) {
        xhr.upload.onprogress = (event) => {
          if (event.lengthComputable) onProgress(event.loaded, event.total);
        };
      }
      const onAbort = () => xhr.abort();
      signal?.addEventListener('abort', onAbort);
      const done = () => signal?.removeEventListener('abort', onAbort);
      xhr.onload = () => {
        done();
        const status = xhr.status;
        const responseHeaders = parseRawHeaders(xhr.getAllResponseHeaders());
        if (status < 200 || status > 599) {
          reject(new ApiError(0, 'network_error', t('error.network')));
          return;
        }
        const text = [204, 205, 304].includes(status) ? null : xhr.responseText;
        resolve(new Response(text, { status, headers: responseHeaders }));
      };
      xhr.onerror = xhr.ontimeout = () => {
        done();
        reject(new ApiError(0, 'network_error', t('error.network')));
      };
      xhr.onabort = () => {
        done();
        reject(new DOMException('Aborted', 'AbortError'));
      };
      xhr.send(body);
    });
  }

  private async parse<T>(response: Response): Promise<T> {
    if (!response.ok) throw await errorFromResponse(response);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Exchanges the stored refresh token for a new pair (rotation). */
  refresh(): Promise<void> {
    if (!this.refreshing) {
      const run = () => this.doRefresh();
      const locks = lockManager();
      const attempt = locks ? locks.request('pw.refresh', run) : run();
      this.refreshing = attempt.finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  private async doRefresh(): Promise<void> {
    // Read inside the lock: another tab may have rotated the token meanwhile.
    const refresh = this.refreshToken;
    if (!refresh) {
      this.endSession();
      throw this.sessionExpiredError();
    }
    const response = await this.send('POST', '/auth/token/refresh/', { refresh }, null);
    if (response.ok) {
      const tokens = (await response.json()) as TokenPair;
      this.setTokens(tokens);
      return;
    }
    if (response.status === 401 || response.status === 400) {
      this.endSession();
      throw this.sessionExpiredError();
    }
    // Server trouble or throttling: keep the session, report the error.
    throw await errorFromResponse(response);
  }

  /**
   * Runs `transport` with the access token: refreshes first when there is
   * none, and on a 401 renews it once and retries once.
   */
  private async withAuth(transport: Transport): Promise<Response> {
    if (!this.access) {
      if (!this.hasSession()) {
        this.endSession();
        throw this.sessionExpiredError();
      }
      await this.refresh();
    }

    const usedAccess = this.access;
    let response = await transport(usedAccess);
    if (response.status !== 401) return response;

    // One renewal, one retry. Another caller may already have renewed it.
    if (this.access === usedAccess) await this.refresh();
    response = await transport(this.access);
    if (response.status === 401) {
      const error = await errorFromResponse(response);
      this.endSession();
      throw error;
    }
    return response;
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const auth = options.auth ?? true;
    const bodyOf = () =>
      typeof options.body === 'function' ? (options.body as () => unknown)() : options.body;
    const transport: Transport = (bearer) =>
      this.send(method, path, bodyOf(), bearer, options.signal, options.headers);

    if (!auth) return this.parse<T>(await transport(null));
    const cache = this.readCache;
    if (method !== 'GET' || !cache?.matches(path)) {
      return this.parse<T>(await this.withAuth(transport));
    }
    const lang = this.getLanguage();
    try {
      const data = await this.parse<T>(await this.withAuth(transport));
      void cache.save(path, lang, data);
      return data;
    } catch (error) {
      // No connection or server trouble: show what was seen last time.
      const unreachable = isApiError(error) && (error.isNetworkError || error.status >= 500);
      if (!unreachable) throw error;
      const saved = await cache.load(path, lang);
      if (!saved) throw error;
      return saved.data as T;
    }
  }

  /**
   * Uploads a multipart form with progress reports; the session is renewed
   * and the upload repeated once on a 401, like any other call.
   */
  async upload<T>(path: string, form: () => FormData, options: UploadOptions = {}): Promise<T> {
    const response = await this.withAuth((bearer) =>
      this.sendXhr('POST', path, form(), bearer, options),
    );
    return this.parse<T>(response);
  }

  /** Fetches a file that needs the session (a document, a receipt). */
  async download(path: string, options: { signal?: AbortSignal } = {}): Promise<DownloadedFile> {
    const response = await this.withAuth((bearer) =>
      this.send('GET', path, undefined, bearer, options.signal, undefined, '*/*'),
    );
    if (!response.ok) throw await errorFromResponse(response);
    const blob = await response.blob();
    return {
      blob,
      contentType: response.headers.get('Content-Type')?.split(';')[0]?.trim() || blob.type,
      filename: filenameFromDisposition(response.headers.get('Content-Disposition')),
    };
  }

  get<T>(path: string, options?: Omit<RequestOptions, 'body'>): Promise<T> {
    return this.request<T>('GET', path, options);
  }

  post<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T> {
    return this.request<T>('POST', path, { ...options, body });
  }

  patch<T>(path: string, body: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T> {
    return this.request<T>('PATCH', path, { ...options, body });
  }

  // --- auth endpoints -----------------------------------------------------

  async login(identifier: string, password: string): Promise<AuthResponse> {
    const result = await this.post<AuthResponse>(
      '/auth/token/',
      { identifier, password },
      { auth: false },
    );
    this.setTokens(result);
    return result;
  }

  async register(payload: object): Promise<AuthResponse> {
    const result = await this.post<AuthResponse>('/auth/register/', payload, { auth: false });
    this.setTokens(result);
    return result;
  }

  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    const tokens = await this.post<TokenPair>('/auth/password/', {
      current_password: currentPassword,
      new_password: newPassword,
    });
    this.setTokens(tokens);
  }

  /** Ends the session on the server (best effort) and always clears it locally. */
  async logout(): Promise<void> {
    if (this.hasSession()) {
      const controller = typeof AbortController === 'undefined' ? null : new AbortController();
      const timer = controller ? setTimeout(() => controller.abort(), 8000) : null;
      const previousHandler = this.onSessionEnded;
      // A refused refresh here is not an "expired session" for the user.
      this.onSessionEnded = undefined;
      try {
        await this.request<void>('POST', '/auth/logout/', {
          body: () => ({ refresh: this.refreshToken }),
          ...(controller ? { signal: controller.signal } : {}),
        });
      } catch {
        // Offline or already invalid: the local session is cleared regardless.
      } finally {
        if (timer) clearTimeout(timer);
        this.onSessionEnded = previousHandler;
      }
    }
    this.clearTokens();
  }
}

export const api = new ApiClient();
