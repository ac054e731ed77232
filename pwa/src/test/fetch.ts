import { vi } from 'vitest';

export interface RecordedRequest {
  url: string;
  path: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

export type Responder = (request: RecordedRequest) => Response | Promise<Response>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function errorBody(
  code: string,
  message: string,
  fields: Record<string, string[]> = {},
): { error: { code: string; message: string; fields: Record<string, string[]> } } {
  return { error: { code, message, fields } };
}

/**
 * A fetch stand-in. Routes are keyed "METHOD /path" (path without query);
 * a route may be a list of responders used in turn (the last one repeats).
 */
export function mockFetch(routes: Record<string, Responder | Responder[]>) {
  const calls: RecordedRequest[] = [];
  const counters = new Map<string, number>();
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const parsed = new URL(url, 'http://localhost');
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const request: RecordedRequest = {
      url,
      path: parsed.pathname,
      method: (init.method ?? 'GET').toUpperCase(),
      headers,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(request);
    const key = `${request.method} ${request.path}`;
    const route = routes[key];
    if (!route) throw new Error(`Unexpected request: ${key}`);
    const list = Array.isArray(route) ? route : [route];
    const index = counters.get(key) ?? 0;
    counters.set(key, index + 1);
    const responder = list[Math.min(index, list.length - 1)]!;
    return responder(request);
  });
  return {
    fetch: fetchMock as unknown as typeof fetch,
    calls,
    callsTo: (key: string) => calls.filter((call) => `${call.method} ${call.path}` === key),
    install() {
      vi.stubGlobal('fetch', fetchMock);
      return this;
    },
  };
}
