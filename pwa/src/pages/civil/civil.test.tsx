import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { flush, outboxStore } from '../../offline/outbox';
import type { Me } from '../../api/types';
import { App } from '../../app';
import { resumeSession } from '../../session';
import { ALL_TYPES_SERVICE, makeDetail } from '../../test/civilFixtures';
import { errorBody, json, mockFetch, type Responder } from '../../test/fetch';
import { CONFIG, makeUser } from '../../test/fixtures';

const REQUEST_ID = '7a302fd4-d2b6-4fa4-8332-94b86ce971ac';
const WAIT = { timeout: 4000 };

const JUA_JUA = {
  code: '16.02.05.1001',
  name: 'Jua-jua',
  kind: 'kelurahan',
  district: { code: '16.02.05', name: 'Kayu Agung' },
} as const;

function signedIn(user: Me, routes: Record<string, Responder | Responder[]> = {}) {
  localStorage.setItem('pw.refresh', 'stored-refresh');
  return mockFetch({
    'POST /api/v1/auth/token/refresh/': () => json(200, { access: 'a1', refresh: 'r2' }),
    'GET /api/v1/me/': () => json(200, user),
    'GET /api/v1/config/': () => json(200, CONFIG),
    'GET /api/v1/notifications/': () =>
      json(200, { count: 0, next: null, previous: null, unread_count: 0, results: [] }),
    'GET /api/v1/civil/services/': () => json(200, [ALL_TYPES_SERVICE]),
    ...routes,
  }).install();
}

async function openApp(path: string) {
  history.replaceState(null, '', path);
  const started = resumeSession();
  render(<App />);
  await started;
}

const field = (name: string) => document.querySelector<HTMLInputElement>(`[name="${name}"]`)!;

describe('generic service form', () => {
  it('renders an input for every field type, named like the field', async () => {
    signedIn(makeUser({ village: JUA_JUA }));
    await openApp('/layanan/adminduk/ajukan/uji-semua');
    await screen.findByTestId('civil-form', {}, WAIT);

    expect(field('child_name').type).toBe('text');
    const sexes = document.querySelectorAll<HTMLInputElement>(
      'input[type="radio"][name="child_sex"]',
    );
    expect([...sexes].map((radio) => radio.value)).toEqual(['M', 'F']);
    expect(screen.getByLabelText('Laki-laki')).toBe(sexes[0]);
    expect(field('birth_date').type).toBe('date');
    expect(field('birth_date').max).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const name of ['applicant_nik', 'mother_nik', 'father_nik', 'kk_number']) {
      expect(field(name).getAttribute('inputmode'), name).toBe('numeric');
    }
    expect(field('members').type).toBe('text');
    const select = field('relationship') as unknown as HTMLSelectElement;
    expect(select.tagName).toBe('SELECT');
    expect([...select.options].map((option) => option.value)).toEqual(['', 'anak', 'istri']);
    // Every input has its label; optional ones say so.
    expect(screen.getByLabelText('NIK ayah (opsional)')).toBe(field('father_nik'));
    expect(screen.getByLabelText('Nomor KK')).toBe(field('kk_number'));
    // The profile's village is used; no picker until asked.
    expect(document.querySelector('[name="village_code"]')).toBeNull();
    expect(screen.getByText(/Jua-jua, Kecamatan Kayu Agung/)).toBeTruthy();
    // The service is free, and says so.
    expect(screen.getAllByText('Gratis / Rp0').length).toBeGreaterThan(0);
    expect(document.querySelector('button[type="submit"]')).toBeTruthy();
  });

  it('shows server errors keyed form_data.<name> at their inputs and retries with the same key', async () => {
    const server = signedIn(makeUser({ village: JUA_JUA }), {
      'POST /api/v1/civil/requests/': [
        () =>
          json(
            400,
            errorBody('validation_error', 'Periksa kembali isian Anda.', {
              'form_data.mother_nik': ['NIK ini milik laki-laki.'],
              'form_data.relationship': ['Pilihan tidak valid.'],
              'form_data.child_sex': ['Wajib diisi.'],
            }),
          ),
        () => Promise.reject(new TypeError('Failed to fetch')),
        () => json(201, makeDetail()),
      ],
      [`GET /api/v1/civil/requests/${REQUEST_ID}/`]: () => json(200, makeDetail()),
    });
    await openApp('/layanan/adminduk/ajukan/uji-semua');
    await screen.findByTestId('civil-form', {}, WAIT);

    fireEvent.input(field('child_name'), { target: { value: '  Budi   Kecil ' } });
    fireEvent.input(field('mother_nik'), { target: { value: '1602 0502 0685 0002' } });
    fireEvent.click(document.querySelector('button[type="submit"]')!);

    const message = await screen.findByText('NIK ini milik laki-laki.');
    const motherNik = field('mother_nik');
    expect(motherNik.getAttribute('aria-invalid')).toBe('true');
    expect(motherNik.getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
    expect(screen.getByText('Pilihan tidak valid.')).toBeTruthy();
    expect(field('relationship').getAttribute('aria-invalid')).toBe('true');
    expect(field('child_sex').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('form-error').textContent).toContain('Periksa kembali isian Anda.');
    await waitFor(() => expect(document.activeElement).toBe(field('child_sex')));

    const first = server.callsTo('POST /api/v1/civil/requests/')[0]!;
    expect(first.body).toEqual({
      service: 'uji-semua',
      form_data: {
        child_name: 'Budi Kecil',
        child_sex: '',
        birth_date: '',
        applicant_nik: '',
        mother_nik: '1602050206850002',
        father_nik: '',
        members: '',
        kk_number: '',
        relationship: '',
      },
    });
    const firstKey = first.headers['idempotency-key'];
    expect(firstKey).toMatch(/^[0-9a-f-]{36}$/);

    // A corrected form is a new attempt; a lost answer waits in the outbox and
    // is sent again with the same key.
    fireEvent.click(screen.getByLabelText('Perempuan'));
    fireEvent.click(document.querySelector('button[type="submit"]')!);
    expect((await screen.findByTestId('civil-queued', {}, WAIT)).textContent).toContain(
      'akan dikirim',
    );
    await flush();
    expect(outboxStore.get().items[0]).toMatchObject({
      state: 'sent',
      result: { id: REQUEST_ID },
    });
    const keys = server
      .callsTo('POST /api/v1/civil/requests/')
      .map((call) => call.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(keys[1]).not.toBe(firstKey);
    expect(keys[2]).toBe(keys[1]);
  });

  it('lets a user without a village choose district and village', async () => {
    const server = signedIn(makeUser({ village: null }), {
      'GET /api/v1/regions/districts/': () => json(200, [{ code: '16.02.05', name: 'Kayu Agung' }]),
      'GET /api/v1/regions/villages/': () =>
        json(200, [
          { code: '16.02.05.1002', name: 'Kayu Agung', kind: 'kelurahan', district: '16.02.05' },
        ]),
      'POST /api/v1/civil/requests/': () => json(201, makeDetail()),
      [`GET /api/v1/civil/requests/${REQUEST_ID}/`]: () => json(200, makeDetail()),
    });
    await openApp('/layanan/adminduk/ajukan/uji-semua');
    await screen.findByTestId('civil-form', {}, WAIT);
    const district = field('district') as unknown as HTMLSelectElement;
    await waitFor(() => expect(district.options.length).toBe(2));
    fireEvent.change(district, { target: { value: '16.02.05' } });
    const village = field('village_code') as unknown as HTMLSelectElement;
    await waitFor(() => expect(village.options.length).toBe(2));
    fireEvent.change(village, { target: { value: '16.02.05.1002' } });
    fireEvent.click(document.querySelector('button[type="submit"]')!);
    await waitFor(() => expect(server.callsTo('POST /api/v1/civil/requests/')).toHaveLength(1));
    expect(server.callsTo('POST /api/v1/civil/requests/')[0]?.body).toMatchObject({
      village_code: '16.02.05.1002',
    });
  });
});

describe('request page', () => {
  it('uploads a document with progress and marks it uploaded', async () => {
    const uploaded = {
      id: 'd1',
      kind: 'foto',
      kind_name: 'Pas foto',
      content_type: 'application/pdf',
      size: 2048,
      created_at: '2026-11-22T08:05:00Z',
      url: `/api/v1/civil/requests/${REQUEST_ID}/documents/d1/file`,
    };
    const server = signedIn(makeUser(), {
      [`GET /api/v1/civil/requests/${REQUEST_ID}/`]: [
        () => json(200, makeDetail()),
        () =>
          json(
            200,
            makeDetail({
              documents: [uploaded],
              required_documents: [
                { code: 'kk', name: 'Kartu Keluarga (KK)', required: true, uploaded: false },
                { code: 'foto', name: 'Pas foto', required: false, uploaded: true },
              ],
            }),
          ),
      ],
    });
    let finish: () => void = () => undefined;
    class ScriptedXhr {
      headers: Record<string, string> = {};
      upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
      status = 0;
      responseText = '';
      onload: (() => void) | null = null;
      onerror: (() => void) | null = null;
      ontimeout: (() => void) | null = null;
      onabort: (() => void) | null = null;
      body: FormData | null = null;
      open() {}
      setRequestHeader(name: string, value: string) {
        this.headers[name.toLowerCase()] = value;
      }
      getAllResponseHeaders() {
        return 'content-type: application/json';
      }
      send(body: FormData) {
        this.body = body;
        sent.push(this);
        queueMicrotask(() =>
          this.upload.onprogress?.({
            lengthComputable: true,
            loaded: 40,
            total: 100,
          } as ProgressEvent),
        );
        finish = () => {
          this.status = 201;
          this.responseText = JSON.stringify(uploaded);
          this.onload?.();
        };
      }
      abort() {}
    }
    const sent: ScriptedXhr[] = [];
    vi.stubGlobal('XMLHttpRequest', ScriptedXhr);

    await openApp(`/layanan/adminduk/permohonan/${REQUEST_ID}?baru=1`);
    expect((await screen.findByTestId('tracking-code', {}, WAIT)).textContent).toBe('AD-K9WH-RD3T');
    expect(screen.getByTestId('request-status').textContent).toBe('Draf');
    const rows = screen.getAllByTestId('doc-row');
    expect(rows.map((row) => row.getAttribute('data-kind'))).toEqual(['kk', 'foto']);
    expect(within(rows[0]!).getByText('Foto KK asli.')).toBeTruthy();

    const input = rows[1]!.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input.accept).toBe('image/*,application/pdf');
    const pdf = new File(['%PDF-1.4'], 'foto.pdf', { type: 'application/pdf' });
    fireEvent.change(input, { target: { files: [pdf] } });

    const progress = await screen.findByTestId('upload-progress');
    await waitFor(() => expect((progress as HTMLProgressElement).value).toBe(40));
    expect(sent[0]?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[0]?.body?.get('kind')).toBe('foto');
    // A PDF is sent as it is.
    const file = sent[0]?.body?.get('file') as File;
    expect([file.name, file.type, file.size]).toEqual(['foto.pdf', 'application/pdf', pdf.size]);

    finish();
    const done = await within(rows[1]!).findByTestId('doc-uploaded');
    expect(done.textContent).toContain('Sudah diunggah');
    expect(screen.queryByTestId('upload-progress')).toBeNull();
    expect(server.callsTo(`GET /api/v1/civil/requests/${REQUEST_ID}/`)).toHaveLength(2);
    vi.unstubAllGlobals();
  });

  it('marks the missing documents when submitting is refused', async () => {
    signedIn(makeUser(), {
      [`GET /api/v1/civil/requests/${REQUEST_ID}/`]: () => json(200, makeDetail()),
      [`POST /api/v1/civil/requests/${REQUEST_ID}/submit/`]: () =>
        json(
          400,
          errorBody('documents_missing', 'Dokumen wajib belum lengkap: Kartu Keluarga (KK).', {
            documents: ['kk'],
          }),
        ),
    });
    await openApp(`/layanan/adminduk/permohonan/${REQUEST_ID}`);
    fireEvent.click(await screen.findByTestId('action-submit', {}, WAIT));
    const error = await screen.findByTestId('form-error');
    expect(error.textContent).toContain('Dokumen wajib belum lengkap: Kartu Keluarga (KK).');
    // The codes are for the rows, not for people.
    expect(error.textContent).not.toContain('kk');
    const kk = screen.getAllByTestId('doc-row')[0]!;
    expect(await within(kk).findByText('Wajib diunggah sebelum permohonan diajukan.')).toBeTruthy();
  });

  it('shows the revision note, the output number and the receipt button by state', async () => {
    signedIn(makeUser(), {
      [`GET /api/v1/civil/requests/${REQUEST_ID}/`]: () =>
        json(
          200,
          makeDetail({
            status: 'completed',
            status_label: 'Selesai',
            output_document_number: '1602-LT-0001',
            allowed_actions: [],
            timeline: [
              {
                created_at: '2026-11-22T08:10:00Z',
                action: 'document_viewed',
                actor_name: 'Rahmat Hidayat',
                actor_is_applicant: false,
                from_status: '',
                to_status: '',
                to_status_label: '',
                note: '',
                data: { kind: 'kk' },
              },
            ],
          }),
        ),
    });
    await openApp(`/layanan/adminduk/permohonan/${REQUEST_ID}`);
    expect((await screen.findByTestId('output-number', {}, WAIT)).textContent).toBe('1602-LT-0001');
    expect(screen.getByTestId('receipt')).toBeTruthy();
    expect(screen.getByTestId('timeline-item').textContent).toContain(
      'Petugas Rahmat Hidayat membuka dokumen Kartu Keluarga (KK)',
    );
    expect(screen.queryAllByTestId(/^action-/).filter((el) => el.tagName === 'BUTTON')).toEqual([]);
  });
});

describe('notifications', () => {
  const item = {
    id: 'n1',
    kind: 'civil.status_changed',
    title: 'Permohonan AD-K9WH-RD3T: Perlu perbaikan',
    body: 'Akta Kelahiran — status sekarang Perlu perbaikan.',
    link: `/layanan/adminduk/permohonan/${REQUEST_ID}`,
    created_at: '2026-11-22T08:00:00Z',
    read_at: null,
  };

  it('shows the unread count on the bell, and opening one marks it read and follows its link', async () => {
    const server = signedIn(makeUser(), {
      'GET /api/v1/notifications/': () =>
        json(200, { count: 1, next: null, previous: null, unread_count: 1, results: [item] }),
      'POST /api/v1/notifications/n1/read/': () =>
        json(200, { ...item, read_at: '2026-11-22T09:00:00Z' }),
      [`GET /api/v1/civil/requests/${REQUEST_ID}/`]: () => json(200, makeDetail()),
    });
    await openApp('/');
    const count = await screen.findByTestId('notif-count');
    await waitFor(() => expect(count.textContent).toBe('1'));
    expect(count.hasAttribute('hidden')).toBe(false);
    expect(screen.getByTestId('notif-bell').getAttribute('aria-label')).toBe(
      'Notifikasi, 1 belum dibaca',
    );

    fireEvent.click(screen.getByTestId('notif-bell'));
    const entry = await screen.findByTestId('notif-item', {}, WAIT);
    expect(entry.textContent).toContain('Perlu perbaikan');
    fireEvent.click(within(entry).getByRole('link'));
    await waitFor(() =>
      expect(location.pathname).toBe(`/layanan/adminduk/permohonan/${REQUEST_ID}`),
    );
    await waitFor(() =>
      expect(server.callsTo('POST /api/v1/notifications/n1/read/')).toHaveLength(1),
    );
    await waitFor(() => expect(screen.getByTestId('notif-count').textContent).toBe('0'));
    expect(screen.getByTestId('notif-count').hasAttribute('hidden')).toBe(true);
  });

  it('marks all as read', async () => {
    const server = signedIn(makeUser(), {
      'GET /api/v1/notifications/': () =>
        json(200, { count: 1, next: null, previous: null, unread_count: 1, results: [item] }),
      'POST /api/v1/notifications/read-all/': () => json(200, { marked: 1 }),
    });
    await openApp('/notifikasi');
    fireEvent.click(await screen.findByTestId('notif-read-all', {}, WAIT));
    expect(await screen.findByText('Semua notifikasi sudah ditandai dibaca.')).toBeTruthy();
    expect(server.callsTo('POST /api/v1/notifications/read-all/')).toHaveLength(1);
    expect(screen.getByTestId('notif-item').getAttribute('data-read')).toBe('true');
    expect(screen.getByTestId('notif-count').textContent).toBe('0');
  });
});
