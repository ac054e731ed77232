import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import { errorBody, json, mockFetch, type RecordedRequest } from '../test/fetch';
import { clearUser, db } from './db';
import {
  discard,
  enqueue,
  flush,
  outboxStore,
  pendingCount,
  setOutboxUser,
  storedFile,
  submitWrite,
} from './outbox';

const measurement = (weight: number) => ({
  kind: 'health.measurement',
  path: '/health/children/c1/measurements/',
  body: { measured_on: '2026-11-20', weight_kg: weight },
  meta: { childId: 'c1' },
});

function states() {
  return outboxStore.get().items.map((item) => item.state);
}

function setOnline(online: boolean) {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
}

beforeEach(async () => {
  api.setTokens({ access: 'access-1', refresh: 'refresh-1' });
  setOnline(true);
  await setOutboxUser('user-a');
});

afterEach(() => {
  setOnline(true);
});

describe('outbox', () => {
  it('keeps items made offline, in order, and sends them in that order', async () => {
    const server = mockFetch({
      'POST /api/v1/health/children/c1/measurements/': (request) =>
        json(201, { id: `m-${(request.body as { weight_kg: number }).weight_kg}` }),
    }).install();
    setOnline(false);
    const first = await submitWrite(measurement(9.1));
    const second = await submitWrite(measurement(9.2));
    expect(first.status).toBe('queued');
    expect(second.status).toBe('queued');
    expect(server.calls).toHaveLength(0);
    expect(states()).toEqual(['waiting', 'waiting']);
    expect(pendingCount(outboxStore.get().items)).toBe(2);

    setOnline(true);
    await flush();
    const bodies = server.calls.map((call) => (call.body as { weight_kg: number }).weight_kg);
    expect(bodies).toEqual([9.1, 9.2]);
    expect(states()).toEqual(['sent', 'sent']);
    expect(outboxStore.get().items.map((item) => item.result)).toEqual([
      { id: 'm-9.1' },
      { id: 'm-9.2' },
    ]);
    expect(pendingCount(outboxStore.get().items)).toBe(0);
  });

  it('retries with the same Idempotency-Key after a lost connection, and stops the run', async () => {
    const attempts: RecordedRequest[] = [];
    const server = mockFetch({
      'POST /api/v1/health/children/c1/measurements/': [
        (request) => {
          attempts.push(request);
          throw new TypeError('Failed to fetch');
        },
        (request) => {
          attempts.push(request);
          return json(201, { id: 'm1' }, { 'Idempotent-Replayed': 'true' });
        },
        (request) => {
          attempts.push(request);
          return json(201, { id: 'm2' });
        },
      ],
    }).install();
    await enqueue(measurement(9.1));
    await enqueue(measurement(9.2));
    await flush();
    // The first failed: the second was not tried (it must not overtake the first).
    expect(server.calls).toHaveLength(1);
    expect(states()).toEqual(['waiting', 'waiting']);
    expect(outboxStore.get().items[0]!.attempts).toBe(1);

    await flush();
    expect(attempts).toHaveLength(3);
    const keys = attempts.map((request) => request.headers['idempotency-key']);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[0]);
    expect(keys[0]).toBe(outboxStore.get().items[0]!.key);
    expect(states()).toEqual(['sent', 'sent']);
  });

  it('treats 5xx and 503 as "try later"', async () => {
    mockFetch({
      'POST /api/v1/health/children/c1/measurements/': [
        () => json(503, errorBody('unavailable', 'Sedang pemeliharaan')),
        () => json(201, { id: 'm1' }),
      ],
    }).install();
    await enqueue(measurement(9.1));
    await flush();
    expect(states()).toEqual(['waiting']);
    await flush();
    expect(states()).toEqual(['sent']);
  });

  it('marks a 4xx refused with the server message and goes on with the next item', async () => {
    const server = mockFetch({
      'POST /api/v1/health/children/c1/measurements/': [
        () =>
          json(
            400,
            errorBody('validation_error', 'Periksa isian.', {
              weight_kg: ['Berat tidak masuk akal.'],
            }),
          ),
        () => json(201, { id: 'm2' }),
      ],
    }).install();
    await enqueue(measurement(99));
    await enqueue(measurement(9.2));
    await flush();
    expect(server.calls).toHaveLength(2);
    expect(states()).toEqual(['refused', 'sent']);
    const refused = outboxStore.get().items[0]!;
    expect(refused.error).toMatchObject({
      status: 400,
      message: 'Periksa isian.',
      fields: { weight_kg: ['Berat tidak masuk akal.'] },
    });
    // Refused items are not sent again.
    await flush();
    expect(server.calls).toHaveLength(2);
    await discard(refused.id);
    expect(states()).toEqual(['sent']);
    expect(await (await db()).get('outbox', refused.id)).toBeUndefined();
  });

  it('renews the token on a 401 and sends again with the same key', async () => {
    const server = mockFetch({
      'POST /api/v1/health/children/c1/measurements/': [
        () => json(401, errorBody('token_not_valid', 'Token kedaluwarsa')),
        () => json(201, { id: 'm1' }),
      ],
      'POST /api/v1/auth/token/refresh/': () => json(200, { access: 'access-2', refresh: 'r2' }),
    }).install();
    await enqueue(measurement(9.1));
    await flush();
    const posts = server.callsTo('POST /api/v1/health/children/c1/measurements/');
    expect(posts).toHaveLength(2);
    expect(posts[1]!.headers.authorization).toBe('Bearer access-2');
    expect(posts[0]!.headers['idempotency-key']).toBe(posts[1]!.headers['idempotency-key']);
    expect(states()).toEqual(['sent']);
  });

  it('fills in the id of an item created earlier in the queue', async () => {
    let form: FormData | null = null;
    const upload = vi.spyOn(api, 'upload').mockImplementation(async (_path, makeForm) => {
      form = makeForm();
      return { id: 'doc-1' };
    });
    mockFetch({
      'POST /api/v1/civil/requests/': () => json(201, { id: 'req-9' }),
    }).install();
    const created = await enqueue({
      kind: 'civil.request',
      path: '/civil/requests/',
      body: { service: 'akta-kelahiran', form_data: {} },
    });
    const photo = new Blob(['jpeg-bytes'], { type: 'image/jpeg' });
    await enqueue({
      kind: 'civil.document',
      path: '/civil/requests/{ref}/documents/',
      dependsOn: created.id,
      form: { fields: { kind: 'kk' }, files: { file: storedFile(photo, 'kk.jpg') } },
    });
    await flush();
    expect(upload).toHaveBeenCalledTimes(1);
    const [path, , options] = upload.mock.calls[0]!;
    expect(path).toBe('/civil/requests/req-9/documents/');
    const sentForm = form as FormData | null;
    expect(sentForm?.get('kind')).toBe('kk');
    expect((sentForm?.get('file') as File).name).toBe('kk.jpg');
    // The photo travelled through IndexedDB; once sent its bytes are dropped.
    const stored = await (await db()).get('outbox', outboxStore.get().items[1]!.id);
    expect(stored?.form?.fields).toEqual({ kind: 'kk' });
    expect(stored?.form?.files).toEqual({});
    expect(options?.headers?.['Idempotency-Key']).toBe(outboxStore.get().items[1]!.key);
    expect(states()).toEqual(['sent', 'sent']);
  });

  it('refuses an item whose parent was refused', async () => {
    mockFetch({
      'POST /api/v1/civil/requests/': () => json(400, errorBody('validation_error', 'Tidak lengkap')),
    }).install();
    const created = await enqueue({ kind: 'civil.request', path: '/civil/requests/', body: {} });
    await enqueue({
      kind: 'civil.submit',
      path: '/civil/requests/{ref}/submit/',
      body: {},
      dependsOn: created.id,
    });
    await flush();
    expect(states()).toEqual(['refused', 'refused']);
    expect(outboxStore.get().items[1]!.error?.code).toBe('dependency_refused');
  });

  it('gives a form the answer at once when online, and the refusal as an error', async () => {
    mockFetch({
      'POST /api/v1/health/children/c1/measurements/': [
        () => json(201, { id: 'm1' }),
        () => json(400, errorBody('validation_error', 'Tanggal di masa depan.')),
        () => {
          throw new TypeError('Failed to fetch');
        },
      ],
    }).install();
    const sent = await submitWrite<{ id: string }>(measurement(9.1));
    expect(sent).toEqual({ status: 'sent', result: { id: 'm1' } });
    await expect(submitWrite(measurement(9.2))).rejects.toMatchObject({
      status: 400,
      message: 'Tanggal di masa depan.',
    });
    const queued = await submitWrite(measurement(9.3));
    expect(queued.status).toBe('queued');
    // Only the one still to send is listed.
    expect(states()).toEqual(['waiting']);
  });

  it('keeps items per user and deletes them on logout', async () => {
    setOnline(false);
    await submitWrite(measurement(9.1));
    await setOutboxUser('user-b');
    expect(outboxStore.get().items).toEqual([]);
    await submitWrite(measurement(8.0));
    await setOutboxUser('user-a');
    expect(outboxStore.get().items).toHaveLength(1);
    await clearUser('user-a');
    const left = await (await db()).getAll('outbox');
    expect(left.map((item) => item.user)).toEqual(['user-b']);
    // Nobody signed in: nothing can be queued.
    await setOutboxUser(null);
    await expect(enqueue(measurement(1))).rejects.toMatchObject({ status: 401 });
  });
});
