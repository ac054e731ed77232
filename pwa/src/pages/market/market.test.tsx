import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { flush, outboxStore } from '../../offline/outbox';
import type {
  CursorPage,
  Order,
  Photo,
  ProductDetail,
  ProductSummary,
  ShopBrief,
} from '../../api/market';
import { resetMarketCaches } from '../../api/market';
import type { Me } from '../../api/types';
import { App } from '../../app';
import { resumeSession } from '../../session';
import { json, mockFetch, type Responder } from '../../test/fetch';
import { CONFIG, makeUser } from '../../test/fixtures';
import { clampQuantity, maxQuantity } from './OrderForm';

const WAIT = { timeout: 4000 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const SHOP: ShopBrief = {
  id: 'a04da0ba-fc45-4e4a-8f6b-674265d0b0e5',
  name: 'Dapur Kayu Agung',
  slug: 'dapur-kayu-agung',
  village: 'Jua-jua',
  district: 'Kayu Agung',
  verified: true,
  halal: true,
  pirt: false,
};

function photo(id: string): Photo {
  return {
    id,
    src: `/media/products/p/${id}-640.webp`,
    srcset: `/media/products/p/${id}-320.webp 320w, /media/products/p/${id}-640.webp 640w, /media/products/p/${id}-1280.webp 1280w`,
    width: 1400,
    height: 1050,
  };
}

function product(n: number, overrides: Partial<ProductDetail> = {}): ProductDetail {
  const cover = photo(`c${n}`);
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    title: `Produk ${n}`,
    price: 15000,
    unit: 'bungkus',
    stock: 10,
    status: 'published',
    category: 'kuliner',
    shop: SHOP,
    cover,
    published_at: '2026-11-20T08:00:00+07:00',
    description: 'Enak.',
    photos: [cover],
    whatsapp_url: 'https://wa.me/6281200000004?text=Halo',
    category_name: 'Kuliner',
    rejection_reason: '',
    updated_at: '2026-11-20T08:00:00+07:00',
    ...overrides,
  };
}

function page(
  numbers: number[],
  next: string | null,
): CursorPage<ProductSummary> {
  return { next, previous: null, results: numbers.map((n) => product(n)) };
}

const PUBLIC_ROUTES: Record<string, Responder | Responder[]> = {
  'GET /api/v1/market/categories/': () =>
    json(200, [
      { slug: 'kuliner', name: 'Kuliner' },
      { slug: 'kerajinan', name: 'Kerajinan' },
    ]),
  'GET /api/v1/regions/districts/': () => json(200, [{ code: '16.02.05', name: 'Kayu Agung' }]),
};

function signedIn(user: Me, routes: Record<string, Responder | Responder[]> = {}) {
  localStorage.setItem('pw.refresh', 'stored-refresh');
  return mockFetch({
    'POST /api/v1/auth/token/refresh/': () => json(200, { access: 'a1', refresh: 'r2' }),
    'GET /api/v1/me/': () => json(200, user),
    'GET /api/v1/config/': () => json(200, CONFIG),
    'GET /api/v1/notifications/': () =>
      json(200, { count: 0, next: null, previous: null, unread_count: 0, results: [] }),
    ...PUBLIC_ROUTES,
    ...routes,
  }).install();
}

async function openApp(path: string) {
  history.replaceState(null, '', path);
  const started = resumeSession();
  render(<App />);
  await started;
}

beforeEach(() => {
  resetMarketCaches();
});

describe('catalogue', () => {
  it('appends the pages of the cursor and stops when next is null, without any session', async () => {
    const server = mockFetch({
      ...PUBLIC_ROUTES,
      'GET /api/v1/market/products/': [
        () => json(200, page([1, 2], 'http://testserver/api/v1/market/products/?cursor=cD0y')),
        () => json(200, page([3, 4], null)),
      ],
    }).install();
    await openApp('/umkm');

    await waitFor(() => expect(screen.getAllByTestId('product-card')).toHaveLength(2), WAIT);
    // Logged out: public, with a way to log in.
    expect(location.pathname).toBe('/umkm');
    expect(screen.getByTestId('header-login').getAttribute('href')).toBe('/masuk?next=%2Fumkm');

    fireEvent.click(screen.getByTestId('load-more'));
    await waitFor(() => expect(screen.getAllByTestId('product-card')).toHaveLength(4));
    expect(
      screen.getAllByTestId('product-card').map((card) => card.getAttribute('data-product-id')),
    ).toEqual([1, 2, 3, 4].map((n) => product(n).id));
    // The last page had no next: no button, no further request.
    expect(screen.queryByTestId('load-more')).toBeNull();
    const calls = server.callsTo('GET /api/v1/market/products/');
    expect(calls).toHaveLength(2);
    expect(calls[1]!.url).toBe('/api/v1/market/products/?cursor=cD0y');
    // Nothing was sent with an Authorization header.
    expect(server.calls.filter((call) => call.headers.authorization)).toEqual([]);
  });

  it('renders cards with a price, responsive lazy images and badges', async () => {
    mockFetch({
      ...PUBLIC_ROUTES,
      'GET /api/v1/market/products/': () => json(200, page([1, 2, 3], null)),
    }).install();
    await openApp('/umkm');
    const cards = await screen.findAllByTestId('product-card', {}, WAIT);
    const card = cards[2]!;
    expect(within(card).getByRole('link').getAttribute('href')).toBe(`/umkm/produk/${product(3).id}`);
    expect(card.textContent).toContain('Rp 15.000');
    expect(card.textContent).toContain('Jua-jua');
    expect(card.textContent).toContain('Halal');
    const img = card.querySelector('img')!;
    expect(img.getAttribute('srcset')).toContain('320w');
    expect(img.getAttribute('sizes')).toContain('50vw');
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('decoding')).toBe('async');
    expect(img.getAttribute('width')).toBe('1400');
    expect(img.getAttribute('height')).toBe('1050');
  });

  it('keeps the filters in the address and sends them to the API', async () => {
    const server = mockFetch({
      ...PUBLIC_ROUTES,
      'GET /api/v1/market/products/': () => json(200, page([1], null)),
    }).install();
    await openApp('/umkm?q=ikan&min_price=10000');
    await screen.findAllByTestId('product-card', {}, WAIT);
    expect(document.querySelector<HTMLInputElement>('input[name="q"]')!.value).toBe('ikan');
    expect(document.querySelector<HTMLSelectElement>('select[name="ordering"]')!.value).toBe(
      'relevance',
    );

    const chip = await screen.findByText('Kerajinan');
    expect(chip.getAttribute('data-testid')).toBe('category-chip');
    fireEvent.click(chip);
    await waitFor(() => expect(location.search).toBe('?q=ikan&category=kerajinan&min_price=10000'));
    await waitFor(() =>
      expect(server.callsTo('GET /api/v1/market/products/').at(-1)!.url).toBe(
        '/api/v1/market/products/?q=ikan&category=kerajinan&min_price=10000',
      ),
    );
    expect(chip.getAttribute('aria-pressed')).toBe('true');
  });
});

describe('order form', () => {
  const stocked = product(7, { stock: 3, price: 12000, unit: 'porsi' });
  const ORDER: Order = {
    id: 'f815a313-1fa9-4e55-b6f8-f3b16e6a7326',
    code: 'UM-8BS9-QNEH',
    shop: SHOP,
    buyer_name: 'Siti Aminah',
    status: 'pending',
    status_label: 'Menunggu konfirmasi',
    payment_method: 'transfer',
    delivery_note: 'Rumah pagar biru',
    total: 36000,
    items: [
      {
        product: stocked.id,
        title: stocked.title,
        unit: 'porsi',
        unit_price: 12000,
        quantity: 3,
        subtotal: 36000,
      },
    ],
    cancel_reason: '',
    cancelled_by: '',
    created_at: '2026-11-22T08:00:00+07:00',
    updated_at: '2026-11-22T08:00:00+07:00',
    side: 'buyer',
    allowed_actions: ['cancel'],
  };

  it('limits the quantity to 1..stock', () => {
    expect(maxQuantity(3)).toBe(3);
    expect(maxQuantity(5000)).toBe(999);
    expect(clampQuantity(10, 3)).toBe(3);
    expect(clampQuantity(0, 3)).toBe(1);
    expect(clampQuantity(null, 3)).toBe(1);
    expect(clampQuantity(2, 3)).toBe(2);
  });

  it('asks a visitor to log in first', async () => {
    mockFetch({
      [`GET /api/v1/market/products/${stocked.id}/`]: () => json(200, stocked),
    }).install();
    await openApp(`/umkm/produk/${stocked.id}`);
    expect((await screen.findByTestId('product-title', {}, WAIT)).textContent).toBe('Produk 7');
    expect(screen.getByTestId('product-price').textContent).toBe('Rp 12.000');
    expect(screen.getByTestId('product-stock').textContent).toBe('Stok: 3 porsi');
    expect(screen.queryByTestId('place-order')).toBeNull();
    expect(screen.getByTestId('login-to-order').getAttribute('href')).toBe(
      `/masuk?next=${encodeURIComponent(`/umkm/produk/${stocked.id}`)}`,
    );
    const whatsapp = screen.getByTestId('whatsapp');
    expect(whatsapp.getAttribute('href')).toBe(stocked.whatsapp_url);
    expect(whatsapp.getAttribute('target')).toBe('_blank');
    expect(whatsapp.getAttribute('rel')).toBe('noopener');
  });

  it('keeps the quantity within the stock and sends one Idempotency-Key per order, also on a retry', async () => {
    const server = signedIn(makeUser(), {
      [`GET /api/v1/market/products/${stocked.id}/`]: () => json(200, stocked),
      'POST /api/v1/market/orders/': [
        () => Promise.reject(new TypeError('Failed to fetch')),
        () => json(201, ORDER),
      ],
      [`GET /api/v1/market/orders/${ORDER.id}/`]: () => json(200, ORDER),
    });
    await openApp(`/umkm/produk/${stocked.id}`);
    await screen.findByTestId('place-order', {}, WAIT);

    const quantity = document.querySelector<HTMLInputElement>('input[name="quantity"]')!;
    expect(quantity.value).toBe('1');
    fireEvent.input(quantity, { target: { value: '10' } });
    expect(quantity.value).toBe('3');
    expect(screen.getByLabelText('Tambah jumlah').hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByLabelText('Kurangi jumlah'));
    fireEvent.click(screen.getByLabelText('Tambah jumlah'));
    fireEvent.click(screen.getByLabelText('Tambah jumlah'));
    expect(quantity.value).toBe('3');

    fireEvent.click(document.querySelector('input[name="payment_method"][value="transfer"]')!);
    fireEvent.input(document.querySelector('textarea[name="delivery_note"]')!, {
      target: { value: ' Rumah pagar biru ' },
    });
    fireEvent.click(screen.getByTestId('place-order'));
    // The connection dropped: the order waits on the phone, and the outbox
    // sends it again with the same key.
    expect((await screen.findByTestId('order-queued', {}, WAIT)).textContent).toContain(
      'akan dikirim',
    );
    expect(outboxStore.get().items.map((item) => item.state)).toEqual(['waiting']);
    await flush();
    expect(outboxStore.get().items[0]!.state).toBe('sent');
    expect(outboxStore.get().items[0]!.result).toMatchObject({ id: ORDER.id });

    const posts = server.callsTo('POST /api/v1/market/orders/');
    expect(posts).toHaveLength(2);
    expect(posts[0]!.body).toEqual({
      items: [{ product: stocked.id, quantity: 3 }],
      payment_method: 'transfer',
      delivery_note: 'Rumah pagar biru',
    });
    const key = posts[0]!.headers['idempotency-key'];
    expect(key).toMatch(UUID);
    expect(posts[1]!.headers['idempotency-key']).toBe(key);
  });
});

describe('seller photos', () => {
  it('moves a photo left at once, sends the new order, and makes the first one the cover', async () => {
    const own = product(9, { status: 'draft', photos: [photo('p1'), photo('p2')] });
    const reordered = { ...own, photos: [photo('p2'), photo('p1')], cover: photo('p2') };
    const server = signedIn(makeUser({ roles: ['resident', 'seller'] }), {
      [`GET /api/v1/market/products/${own.id}/`]: () => json(200, own),
      [`POST /api/v1/market/products/${own.id}/photos/reorder/`]: () => json(200, reordered),
    });
    await openApp(`/umkm/produk-saya/${own.id}`);
    await waitFor(() => expect(screen.getAllByTestId('photo-item')).toHaveLength(2), WAIT);
    const ids = () =>
      screen.getAllByTestId('photo-item').map((item) => item.getAttribute('data-photo-id'));
    expect(ids()).toEqual(['p1', 'p2']);
    expect(within(screen.getAllByTestId('photo-item')[0]!).getByText('Sampul')).toBeTruthy();
    expect(screen.getByTestId('product-status').textContent).toBe('Draf');

    fireEvent.click(within(screen.getAllByTestId('photo-item')[1]!).getByTestId('photo-left'));
    expect(ids()).toEqual(['p2', 'p1']);
    await waitFor(() =>
      expect(server.callsTo(`POST /api/v1/market/products/${own.id}/photos/reorder/`)).toHaveLength(1),
    );
    expect(
      server.callsTo(`POST /api/v1/market/products/${own.id}/photos/reorder/`)[0]!.body,
    ).toEqual({ photos: ['p2', 'p1'] });
    expect(within(screen.getAllByTestId('photo-item')[0]!).getByText('Sampul')).toBeTruthy();
    // The file input the camera and gallery buttons open.
    const input = screen.getByTestId('photo-add').querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input.getAttribute('accept')).toBe('image/*');
    expect(input.getAttribute('capture')).toBe('environment');
    expect(screen.getByTestId('product-submit')).toBeTruthy();
  });

  it('puts the old order back when the server refuses', async () => {
    const own = product(9, { status: 'draft', photos: [photo('p1'), photo('p2')] });
    signedIn(makeUser({ roles: ['resident', 'seller'] }), {
      [`GET /api/v1/market/products/${own.id}/`]: () => json(200, own),
      [`POST /api/v1/market/products/${own.id}/photos/reorder/`]: () =>
        json(400, { error: { code: 'validation_error', message: 'Urutan ditolak.', fields: {} } }),
    });
    await openApp(`/umkm/produk-saya/${own.id}`);
    await waitFor(() => expect(screen.getAllByTestId('photo-item')).toHaveLength(2), WAIT);
    fireEvent.click(within(screen.getAllByTestId('photo-item')[0]!).getByTestId('photo-right'));
    expect((await screen.findByTestId('photos-error')).textContent).toBe('Urutan ditolak.');
    expect(
      screen.getAllByTestId('photo-item').map((item) => item.getAttribute('data-photo-id')),
    ).toEqual(['p1', 'p2']);
  });
});
