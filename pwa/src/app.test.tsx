import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { Me } from './api/types';
import { App } from './app';
import { pwaStore } from './pwa/state';
import { resumeSession } from './session';
import { json, mockFetch } from './test/fetch';
import { CONFIG, makeUser } from './test/fixtures';

function signedInServer(user: Me) {
  localStorage.setItem('pw.refresh', 'stored-refresh');
  return mockFetch({
    'POST /api/v1/auth/token/refresh/': () => json(200, { access: 'a1', refresh: 'r2' }),
    'GET /api/v1/me/': () => json(200, user),
    'PATCH /api/v1/me/': (request) =>
      json(200, { ...user, ...(request.body as Partial<Me>) }),
    'GET /api/v1/config/': () => json(200, CONFIG),
    'POST /api/v1/auth/logout/': () => new Response(null, { status: 204 }),
    'GET /api/v1/notifications/': () =>
      json(200, { count: 0, next: null, previous: null, unread_count: 0, results: [] }),
  }).install();
}

async function openApp(path: string) {
  history.replaceState(null, '', path);
  const started = resumeSession();
  render(<App />);
  await started;
}

describe('routing and home', () => {
  it('sends a signed-out visitor to /masuk', async () => {
    await openApp('/');
    await waitFor(() => expect(location.pathname).toBe('/masuk'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Masuk');
    expect(screen.getByLabelText('NIK atau nomor HP').getAttribute('name')).toBe('identifier');
    expect(screen.getByTestId('lang-switch')).toBeTruthy();
  });

  it('remembers a deep link and returns to it after logging in', async () => {
    await openApp('/profil');
    await waitFor(() => expect(location.pathname).toBe('/masuk'));
    expect(location.search).toBe('?next=%2Fprofil');
  });

  it('resumes a stored session and shows the home screen', async () => {
    const server = signedInServer(makeUser());
    await openApp('/');
    const home = await screen.findByTestId('home');
    expect(within(home).getByRole('heading', { level: 1 }).textContent).toContain('Beranda');
    expect(screen.getByTestId('greeting').textContent).toContain('Siti Aminah');
    await screen.findByText('Layanan publik Kabupaten Ogan Komering Ilir');
    const tiles = screen.getAllByTestId('service-tile');
    expect(tiles.map((tile) => tile.getAttribute('data-service'))).toEqual([
      'adminduk',
      'kia',
      'umkm',
    ]);
    // Adminduk is ready in the app even while /config/ still says it is not.
    expect(tiles[0]?.textContent).not.toContain('Segera');
    expect(tiles[0]?.getAttribute('href')).toBe('/layanan/adminduk');
    expect(tiles[1]?.textContent).not.toContain('Segera');
    // So is the UMKM market, which has screens of its own at /umkm.
    expect(tiles[2]?.textContent).not.toContain('Segera');
    expect(tiles[2]?.getAttribute('href')).toBe('/umkm');
    // A resident without a shop is offered to open one.
    expect(screen.getByTestId('open-shop-tile').getAttribute('href')).toBe('/umkm/buka-toko');
    expect(localStorage.getItem('pw.refresh')).toBe('r2');
    expect(server.callsTo('GET /api/v1/me/')[0]?.headers.authorization).toBe('Bearer a1');
    expect(screen.getByTestId('nav-profile').getAttribute('href')).toBe('/profil');
  });

  it('shows role tiles only for the roles the user has', async () => {
    signedInServer(
      makeUser({
        roles: ['resident', 'civil_officer', 'seller'],
        jurisdiction: {
          districts: [{ code: '16.02.05', name: 'Kayu Agung' }],
          villages: [],
          facility: null,
        },
      }),
    );
    await openApp('/');
    await screen.findByTestId('home');
    const roles = screen.getAllByTestId('role-tile').map((tile) => tile.getAttribute('data-role'));
    expect(roles).toEqual(['civil_officer', 'seller']);
    const civil = screen
      .getAllByTestId('role-tile')
      .find((tile) => tile.getAttribute('data-role') === 'civil_officer');
    expect(civil?.textContent).toContain('Antrian Adminduk');
    expect(civil?.textContent).toContain('Kayu Agung');
    expect(civil?.getAttribute('href')).toBe('/petugas/adminduk');
    expect(civil?.textContent).not.toContain('Segera');
    const seller = screen
      .getAllByTestId('role-tile')
      .find((tile) => tile.getAttribute('data-role') === 'seller');
    expect(seller?.getAttribute('href')).toBe('/umkm/toko-saya');
    expect(seller?.textContent).not.toContain('Segera');
    expect(screen.queryByTestId('open-shop-tile')).toBeNull();
  });

  it('shows the health worker tile with facility and villages', async () => {
    signedInServer(
      makeUser({
        roles: ['resident', 'health_worker'],
        jurisdiction: {
          districts: [],
          villages: [{ code: '16.02.05.2001', name: 'Sukadana' }],
          facility: 'Puskesmas Kayu Agung',
        },
      }),
    );
    await openApp('/');
    const tile = await screen.findByTestId('role-tile');
    expect(tile.getAttribute('data-role')).toBe('health_worker');
    expect(tile.textContent).toContain('Daftar kerja KIA');
    expect(tile.textContent).toContain('Puskesmas Kayu Agung');
    expect(tile.textContent).toContain('Sukadana');
  });

  it('shows no role section for a resident only', async () => {
    signedInServer(makeUser());
    await openApp('/');
    await screen.findByTestId('home');
    expect(screen.queryAllByTestId('role-tile')).toHaveLength(0);
    expect(screen.queryByText('Tugas dan usaha saya')).toBeNull();
  });

  it('hides a role page from users without that role', async () => {
    signedInServer(makeUser());
    await openApp('/peran/civil-officer');
    expect(await screen.findByText('Halaman tidak ditemukan')).toBeTruthy();
  });

  it('shows "page not found" for an unknown route', async () => {
    await openApp('/tidak-ada');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Halaman tidak ditemukan');
    expect(screen.getByRole('link', { name: 'Kembali ke Beranda' }).getAttribute('href')).toBe('/');
  });
});

describe('language switch', () => {
  it('switches the UI, <html lang> and Accept-Language, and saves it to the profile', async () => {
    const server = signedInServer(makeUser());
    await openApp('/');
    await screen.findByText('Layanan publik Kabupaten Ogan Komering Ilir');

    fireEvent.change(screen.getByTestId('lang-switch'), { target: { value: 'en' } });

    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Home'),
    );
    // The profile was saved before the UI switched.
    expect(server.callsTo('PATCH /api/v1/me/')).toHaveLength(1);
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('pw.lang')).toBe('en');
    expect(server.callsTo('PATCH /api/v1/me/')[0]?.body).toEqual({ language: 'en' });
    // The configuration is fetched again in the new language.
    await waitFor(() =>
      expect(
        server.callsTo('GET /api/v1/config/').map((call) => call.headers['accept-language']),
      ).toEqual(['id', 'en']),
    );
  });

  it('is available on the login page', async () => {
    await openApp('/masuk');
    fireEvent.change(screen.getByTestId('lang-switch'), { target: { value: 'en' } });
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Log in'));
    expect(screen.getByLabelText('NIK or phone number')).toBeTruthy();
  });
});

describe('profile and logout', () => {
  it('logs out, clears the tokens and returns to /masuk', async () => {
    const server = signedInServer(makeUser({ village: null }));
    server.install();
    await openApp('/profil');
    const logout = await screen.findByTestId('logout');
    expect(screen.getByTestId('nik').textContent).toBe('1602********0001');
    fireEvent.click(screen.getByRole('button', { name: 'Tampilkan NIK' }));
    expect(screen.getByTestId('nik').textContent).toBe('1602055708900001');

    fireEvent.click(logout);
    await waitFor(() => expect(location.pathname).toBe('/masuk'));
    expect(server.callsTo('POST /api/v1/auth/logout/')[0]?.body).toEqual({ refresh: 'r2' });
    expect(localStorage.getItem('pw.refresh')).toBeNull();
    expect(await screen.findByText('Anda telah keluar dari Pintu Warga.')).toBeTruthy();
  });
});

describe('update banner', () => {
  it('asks before updating and calls the update function', async () => {
    let updated = 0;
    await openApp('/masuk');
    expect(screen.queryByTestId('update-banner')).toBeNull();
    pwaStore.set({
      needRefresh: true,
      update: async () => {
        updated += 1;
      },
    });
    const banner = await screen.findByTestId('update-banner');
    expect(banner.textContent).toContain('Versi baru tersedia');
    fireEvent.click(within(banner).getByRole('button', { name: 'Perbarui' }));
    expect(updated).toBe(1);
  });
});
