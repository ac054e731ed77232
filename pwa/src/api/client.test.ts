import { describe, expect, it, vi } from 'vitest';
import { errorBody, json, mockFetch } from '../test/fetch';
import { ApiClient, ApiError, parseRetryAfter, REFRESH_STORAGE_KEY } from './client';

function makeClient(routes: Parameters<typeof mockFetch>[0], lang: 'id' | 'en' = 'id') {
  const server = mockFetch(routes);
  const onSessionEnded = vi.fn();
  const client = new ApiClient({
    fetch: server.fetch,
    storage: localStorage,
    getLanguage: () => lang,
    onSessionEnded,
  });
  return { client, server, onSessionEnded };
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the request to fail');
}

describe('error responses', () => {
  it('parses the contract error body with field messages', async () => {
    const { client } = makeClient({
      'PATCH /api/v1/me/': () =>
        json(
          400,
          errorBody('invalid', 'Data tidak valid.', {
            phone: ['Nomor HP tidak valid.'],
            full_name: ['Wajib diisi.', 'Terlalu pendek.'],
          }),
        ),
    });
    client.setTokens({ access: 'a1', refresh: 'r1' });
    const error = await caught(client.patch('/me/', { phone: 'x' }));
    expect(error.status).toBe(400);
    expect(error.code).toBe('invalid');
    expect(error.message).toBe('Data tidak valid.');
    expect(error.fields).toEqual({
      phone: ['Nomor HP tidak valid.'],
      full_name: ['Wajib diisi.', 'Terlalu pendek.'],
    });
  });

  it('keeps the message and Retry-After of a 429', async () => {
    const { client } = makeClient({
      'POST /api/v1/auth/token/': () =>
        json(429, errorBody('throttled', 'Terlalu banyak percobaan.'), { 'Retry-After': '30' }),
    });
    const error = await caught(client.login('1602055708900001', 'x'));
    expect(error.status).toBe(429);
    expect(error.message).toBe('Terlalu banyak percobaan.');
    expect(error.retryAfter).toBe(30);
  });

  it('falls back to a generic message when the body is not the contract shape', async () => {
    const { client } = makeClient({
      'GET /api/v1/config/': () => new Response('<h1>Bad gateway</h1>', { status: 502 }),
    });
    const error = await caught(client.get('/config/', { auth: false }));
    expect(error.status).toBe(502);
    expect(error.code).toBe('http_502');
    expect(error.message).toBe('Terjadi kesalahan. Silakan coba lagi.');
  });

  it('reports a network failure as status 0', async () => {
    const client = new ApiClient({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      storage: localStorage,
      getLanguage: () => 'id',
    });
    const error = await caught(client.get('/config/', { auth: false }));
    expect(error.status).toBe(0);
    expect(error.isNetworkError).toBe(true);
  });

  it('parses Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('120')).toBe(120);
    expect(parseRetryAfter(new Date(61_000).toUTCString(), 1_000)).toBe(60);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });
});

describe('request headers', () => {
  it('sends Accept-Language with the UI language, and the bearer token', async () => {
    const { client, server } = makeClient({ 'GET /api/v1/me/': () => json(200, {}) }, 'en');
    client.setTokens({ access: 'access-1', refresh: 'refresh-1' });
    await client.get('/me/');
    const [call] = server.calls;
    expect(call?.headers['accept-language']).toBe('en');
    expect(call?.headers.authorization).toBe('Bearer access-1');
  });

  it('sends no Authorization header on public calls', async () => {
    const { client, server } = makeClient({ 'GET /api/v1/config/': () => json(200, {}) });
    client.setTokens({ access: 'access-1', refresh: 'refresh-1' });
    await client.get('/config/', { auth: false });
    expect(server.calls[0]?.headers.authorization).toBeUndefined();
    expect(server.calls[0]?.headers['accept-language']).toBe('id');
  });
});

describe('token refresh', () => {
  it('keeps the access token in memory and the refresh token in localStorage', () => {
    const { client } = makeClient({});
    client.setTokens({ access: 'access-1', refresh: 'refresh-1' });
    expect(localStorage.getItem(REFRESH_STORAGE_KEY)).toBe('refresh-1');
    expect(JSON.stringify(localStorage)).not.toContain('access-1');
  });

  it('on a 401 refreshes once, stores the rotated refresh token and retries once', async () => {
    const { client, server, onSessionEnded } = makeClient({
      'GET /api/v1/me/': [
        () => json(401, errorBody('token_not_valid', 'Token kedaluwarsa.')),
        () => json(200, { full_name: 'Siti' }),
      ],
      'POST /api/v1/auth/token/refresh/': () =>
        json(200, { access: 'access-2', refresh: 'refresh-2' }),
    });
    client.setTokens({ access: 'access-1', refresh: 'refresh-1' });

    await expect(client.get('/me/')).resolves.toEqual({ full_name: 'Siti' });

    const refreshCalls = server.callsTo('POST /api/v1/auth/token/refresh/');
    expect(refreshCalls).toHaveLength(1);
    expect(refreshCalls[0]?.body).toEqual({ refresh: 'refresh-1' });
    const meCalls = server.callsTo('GET /api/v1/me/');
    expect(meCalls.map((call) => call.headers.authorization)).toEqual([
      'Bearer access-1',
      'Bearer access-2',
    ]);
    expect(localStorage.getItem(REFRESH_STORAGE_KEY)).toBe('refresh-2');
    expect(client.accessToken).toBe('access-2');
    expect(onSessionEnded).not.toHaveBeenCalled();
  });

  it('uses the newest refresh token for the next renewal (rotation)', async () => {
    const { client, server } = makeClient({
      'POST /api/v1/auth/token/refresh/': [
        () => json(200, { access: 'access-2', refresh: 'refresh-2' }),
        () => json(200, { access: 'access-3', refresh: 'refresh-3' }),
      ],
    });
    client.setTokens({ access: 'access-1', refresh: 'refresh-1' });
    await client.refresh();
    await client.refresh();
    expect(server.calls.map((call) => call.body)).toEqual([
      { refresh: 'refresh-1' },
      { refresh: 'refresh-2' },
    ]);
    expect(localStorage.getItem(REFRESH_STORAGE_KEY)).toBe('refresh-3');
  });

  it('logs out locally when the refresh is refused', async () => {
    const { client, server, onSessionEnded } = makeClient({
      'GET /api/v1/me/': () => json(401, errorBody('token_not_valid', 'Token kedaluwarsa.')),
      'POST /api/v1/auth/token/refresh/': () =>
        json(401, errorBody('token_not_valid', 'Token tidak berlaku.')),
    });
    client.setTokens({ access: 'access-1', refresh: 'refresh-1' });

    const error = await caught(client.get('/me/'));
    expect(error.status).toBe(401);
    expect(server.callsTo('GET /api/v1/me/')).toHaveLength(1);
    expect(onSessionEnded).toHaveBeenCalledTimes(1);
    expect(localStorage.getItem(REFRESH_STORAGE_KEY)).toBeNull();
    expect(client.accessToken).toBeNull();
  });

  it('retries only once: a second 401 ends the session', async () => {
    const { client, server, onSessionEnded } = makeClient({
      'GET /api/v1/me/': () => json(401, errorBody('not_authenticated', 'Silakan masuk.')),
      'POST /api/v1/auth/token/refresh/': () =>
        json(200, { access: 'access-2', refresh: 'refresh-2' }),
    });
    client.setTokens({ access: 'access-1', refresh: 'refresh-1' });

    const error = await caught(client.get('/me/'));
    expect(error.message).toBe('Silakan masuk.');
    expect(server.callsTo('GET /api/v1/me/')).toHaveLength(2);
    expect(server.callsTo('POST /api/v1/auth/token/refresh/')).toHaveLength(1);
    expect(onSessionEnded).toHaveBeenCalledTimes(1);
    expect(localStorage.getItem(REFRESH_STORAGE_KEY)).toBeNull();
  });

  it('keeps the session when the refresh fails for another reason (server down)', async () => {
    const { client, onSessionEnded } = makeClient({
      'GET /api/v1/me/': () => json(401, errorBody('token_not_valid', 'Token kedaluwarsa.')),
      'POST /api/v1/auth/token/refresh/': () => new Response('', { status: 503 }),
    });
    client.setTokens({ access: 'access-1', refresh: 'refresh-1' });
    const error = await caught(client.get('/me/'));
    expect(error.status).toBe(503);
    expect(onSessionEnded).not.toHaveBeenCalled();
    expect(localStorage.getItem(REFRESH_STORAGE_KEY)).toBe('refresh-1');
  });

  it('shares one refresh between concurrent requests', async () => {
    const { client, server } = makeClient({
      'GET /api/v1/me/': [
        () => json(401, errorBody('token_not_valid', 'x')),
        () => json(401, errorBody('token_not_valid', 'x')),
        () => json(200, { ok: 1 }),
      ],
      'POST /api/v1/auth/token/refresh/': () =>
        json(200, { access: 'access-2', refresh: 'refresh-2' }),
    });
    client.setTokens({ access: 'access-1', refresh: 'refresh-1' });
    await Promise.all([client.get('/me/'), client.get('/me/')]);
    expect(server.callsTo('POST /api/v1/auth/token/refresh/')).toHaveLength(1);
  });

  it('renews first when only a stored refresh token exists (app start)', async () => {
    localStorage.setItem(REFRESH_STORAGE_KEY, 'stored-refresh');
    const { client, server } = makeClient({
      'POST /api/v1/auth/token/refresh/': () =>
        json(200, { access: 'access-9', refresh: 'refresh-9' }),
      'GET /api/v1/me/': () => json(200, { id: 'u' }),
    });
    await client.get('/me/');
    expect(server.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      'POST /api/v1/auth/token/refresh/',
      'GET /api/v1/me/',
    ]);
    expect(server.calls[0]?.body).toEqual({ refresh: 'stored-refresh' });
    expect(server.calls[1]?.headers.authorization).toBe('Bearer access-9');
  });
});

describe('auth endpoints', () => {
  it('login stores the tokens', async () => {
    const { client, server } = makeClient({
      'POST /api/v1/auth/token/': () =>
        json(200, { access: 'a', refresh: 'r', user: { id: 'u' } }),
    });
    await client.login('081200000001', 'rahasia123');
    expect(server.calls[0]?.body).toEqual({ identifier: '081200000001', password: 'rahasia123' });
    expect(client.accessToken).toBe('a');
    expect(localStorage.getItem(REFRESH_STORAGE_KEY)).toBe('r');
  });

  it('a password change keeps the new token pair', async () => {
    const { client } = makeClient({
      'POST /api/v1/auth/password/': () => json(200, { access: 'a2', refresh: 'r2' }),
    });
    client.setTokens({ access: 'a1', refresh: 'r1' });
    await client.changePassword('lama', 'baru-sekali');
    expect(client.accessToken).toBe('a2');
    expect(localStorage.getItem(REFRESH_STORAGE_KEY)).toBe('r2');
  });

  it('logout sends the refresh token with the bearer and clears everything', async () => {
    const { client, server } = makeClient({
      'POST /api/v1/auth/logout/': () => new Response(null, { status: 204 }),
    });
    client.setTokens({ access: 'a1', refresh: 'r1' });
    await client.logout();
    expect(server.calls[0]?.body).toEqual({ refresh: 'r1' });
    expect(server.calls[0]?.headers.authorization).toBe('Bearer a1');
    expect(client.accessToken).toBeNull();
    expect(localStorage.getItem(REFRESH_STORAGE_KEY)).toBeNull();
  });

  it('logout still clears the local session when offline', async () => {
    const client = new ApiClient({
      fetch: () => Promise.reject(new TypeError('offline')),
      storage: localStorage,
      getLanguage: () => 'id',
    });
    client.setTokens({ access: 'a1', refresh: 'r1' });
    await client.logout();
    expect(localStorage.getItem(REFRESH_STORAGE_KEY)).toBeNull();
  });
});
