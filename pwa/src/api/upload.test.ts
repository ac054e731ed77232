import { describe, expect, it, vi } from 'vitest';
import { errorBody, json, mockFetch } from '../test/fetch';
import { ApiClient, ApiError, filenameFromDisposition, toApiPath } from './client';

type Script = (xhr: FakeXhr) => void;

/** A scripted XMLHttpRequest: each send() runs the next script. */
class FakeXhr {
  static scripts: Script[] = [];
  static sent: FakeXhr[] = [];

  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown = null;
  status = 0;
  responseText = '';
  responseHeaders = '';
  upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }

  getAllResponseHeaders() {
    return this.responseHeaders;
  }

  send(body: unknown) {
    this.body = body;
    FakeXhr.sent.push(this);
    const script = FakeXhr.scripts.shift();
    if (!script) throw new Error('no script for this upload');
    queueMicrotask(() => script(this));
  }

  abort() {
    this.onabort?.();
  }

  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent);
  }

  respond(status: number, body: unknown, headers = 'Content-Type: application/json') {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.responseHeaders = headers;
    this.onload?.();
  }
}

function setup(scripts: Script[], routes: Parameters<typeof mockFetch>[0] = {}) {
  FakeXhr.scripts = [...scripts];
  FakeXhr.sent = [];
  const server = mockFetch(routes);
  const onSessionEnded = vi.fn();
  const client = new ApiClient({
    fetch: server.fetch,
    storage: localStorage,
    getLanguage: () => 'id',
    onSessionEnded,
    xhr: () => new FakeXhr() as unknown as XMLHttpRequest,
  });
  client.setTokens({ access: 'a1', refresh: 'r1' });
  return { client, server, onSessionEnded };
}

const form = () => {
  const data = new FormData();
  data.append('kind', 'kk');
  data.append('file', new File(['x'], 'kk.jpg', { type: 'image/jpeg' }));
  return data;
};

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the request to fail');
}

const DOC = { id: 'd1', kind: 'kk', kind_name: 'KK', content_type: 'image/jpeg', size: 10 };

describe('upload', () => {
  it('reports progress and returns the parsed answer', async () => {
    const { client } = setup([
      (xhr) => {
        xhr.progress(0, 200);
        xhr.progress(120, 200);
        xhr.progress(200, 200);
        xhr.respond(201, DOC);
      },
    ]);
    const progress: [number, number][] = [];
    const result = await client.upload('/civil/requests/r1/documents/', form, {
      headers: { 'Idempotency-Key': 'key-1' },
      onProgress: (loaded, total) => progress.push([loaded, total]),
    });
    expect(result).toEqual(DOC);
    expect(progress).toEqual([
      [0, 200],
      [120, 200],
      [200, 200],
    ]);
    const sent = FakeXhr.sent[0]!;
    expect(sent.method).toBe('POST');
    expect(sent.url).toBe('/api/v1/civil/requests/r1/documents/');
    expect(sent.headers).toMatchObject({
      authorization: 'Bearer a1',
      'idempotency-key': 'key-1',
      'accept-language': 'id',
      accept: 'application/json',
    });
    // The browser sets the multipart Content-Type with its boundary.
    expect(sent.headers['content-type']).toBeUndefined();
    expect((sent.body as FormData).get('kind')).toBe('kk');
    expect((sent.body as FormData).get('file')).toBeInstanceOf(File);
  });

  it('parses the error body of a refused file', async () => {
    const { client } = setup([
      (xhr) =>
        xhr.respond(
          400,
          errorBody('unsupported_file_type', 'Jenis berkas tidak didukung.', {
            file: ['Jenis berkas tidak didukung. Kirim foto (JPEG, PNG, WebP) atau PDF.'],
          }),
        ),
    ]);
    const error = await failure(client.upload('/civil/requests/r1/documents/', form));
    expect(error.status).toBe(400);
    expect(error.code).toBe('unsupported_file_type');
    expect(error.message).toBe('Jenis berkas tidak didukung.');
    expect(error.fields.file).toEqual([
      'Jenis berkas tidak didukung. Kirim foto (JPEG, PNG, WebP) atau PDF.',
    ]);
  });

  it('falls back to a generic message when the body is not JSON, keeping Retry-After', async () => {
    const { client } = setup([
      (xhr) => {
        xhr.status = 429;
        xhr.responseText = 'slow down';
        xhr.responseHeaders = 'Content-Type: text/plain\r\nRetry-After: 30';
        xhr.onload?.();
      },
    ]);
    const error = await failure(client.upload('/x/', form));
    expect(error.code).toBe('throttled');
    expect(error.retryAfter).toBe(30);
  });

  it('renews the session once on a 401 and sends the file again', async () => {
    const { client, server } = setup(
      [
        (xhr) => xhr.respond(401, errorBody('token_not_valid', 'Expired.')),
        (xhr) => xhr.respond(201, DOC),
      ],
      { 'POST /api/v1/auth/token/refresh/': () => json(200, { access: 'a2', refresh: 'r2' }) },
    );
    const result = await client.upload('/civil/requests/r1/documents/', form, {
      headers: { 'Idempotency-Key': 'key-1' },
    });
    expect(result).toEqual(DOC);
    expect(server.callsTo('POST /api/v1/auth/token/refresh/')).toHaveLength(1);
    expect(FakeXhr.sent.map((xhr) => xhr.headers.authorization)).toEqual([
      'Bearer a1',
      'Bearer a2',
    ]);
    // The retry is the same attempt: same key.
    expect(FakeXhr.sent.map((xhr) => xhr.headers['idempotency-key'])).toEqual(['key-1', 'key-1']);
    expect(localStorage.getItem('pw.refresh')).toBe('r2');
  });

  it('reports a lost connection as a network error', async () => {
    const { client } = setup([(xhr) => xhr.onerror?.()]);
    const error = await failure(client.upload('/x/', form));
    expect(error.isNetworkError).toBe(true);
  });
});

describe('download', () => {
  it('fetches a file with the session and reads its name', async () => {
    const { client, server } = setup([], {
      'GET /api/v1/civil/requests/r1/receipt': () =>
        new Response('%PDF-1.4', {
          status: 200,
          headers: {
            'Content-Type': 'application/pdf',
            'Content-Disposition': 'attachment; filename="tanda-terima-AD-1.pdf"',
          },
        }),
    });
    const file = await client.download('/civil/requests/r1/receipt');
    expect(file.contentType).toBe('application/pdf');
    expect(file.filename).toBe('tanda-terima-AD-1.pdf');
    expect(await file.blob.text()).toBe('%PDF-1.4');
    expect(server.calls[0]?.headers.authorization).toBe('Bearer a1');
  });

  it('turns an error answer into an ApiError', async () => {
    const { client } = setup([], {
      'GET /api/v1/civil/requests/r1/receipt': () =>
        json(
          409,
          errorBody('invalid_transition', 'Tanda terima tersedia setelah permohonan diajukan.'),
        ),
    });
    const error = await failure(client.download('/civil/requests/r1/receipt'));
    expect(error.code).toBe('invalid_transition');
  });
});

describe('helpers', () => {
  it('reads Content-Disposition file names', () => {
    expect(filenameFromDisposition('attachment; filename="a b.pdf"')).toBe('a b.pdf');
    expect(filenameFromDisposition("attachment; filename*=UTF-8''akta%20lahir.pdf")).toBe(
      'akta lahir.pdf',
    );
    expect(filenameFromDisposition(null)).toBeNull();
  });

  it('turns the server\'s absolute "next" links into API paths', () => {
    expect(toApiPath('http://127.0.0.1:8000/api/v1/civil/requests/?page=2&scope=queue')).toBe(
      '/civil/requests/?page=2&scope=queue',
    );
    expect(toApiPath('/api/v1/notifications/?page=3')).toBe('/notifications/?page=3');
    expect(toApiPath('https://elsewhere.example/other/?page=2')).toBeNull();
    expect(toApiPath(null)).toBeNull();
  });
});
