import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { App } from '../app';
import { errorBody, json, mockFetch } from '../test/fetch';
import { makeUser } from '../test/fixtures';

function fillAndSubmit(identifier: string, password: string) {
  fireEvent.input(screen.getByLabelText('NIK atau nomor HP'), { target: { value: identifier } });
  fireEvent.input(screen.getByLabelText('Kata sandi'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));
}

describe('login form', () => {
  it('shows the field error from a 400 body next to the input', async () => {
    const server = mockFetch({
      'POST /api/v1/auth/token/': () =>
        json(
          400,
          errorBody('validation_error', 'Periksa kembali isian Anda.', {
            identifier: ['Masukkan NIK 16 digit atau nomor HP.'],
          }),
        ),
    }).install();
    history.replaceState(null, '', '/masuk');
    render(<App />);

    fillAndSubmit('12345', 'rahasia');

    const fieldError = await screen.findByText('Masukkan NIK 16 digit atau nomor HP.');
    const input = screen.getByLabelText('NIK atau nomor HP');
    expect(input.getAttribute('name')).toBe('identifier');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')?.split(' ')).toContain(fieldError.id);
    expect(screen.getByTestId('form-error').textContent).toContain('Periksa kembali isian Anda.');
    expect(screen.getByTestId('form-error').getAttribute('role')).toBe('alert');
    await waitFor(() => expect(document.activeElement).toBe(input));
    expect(server.calls[0]?.body).toEqual({ identifier: '12345', password: 'rahasia' });
    expect(server.calls[0]?.headers['accept-language']).toBe('id');
  });

  it('shows the server message for wrong credentials (401)', async () => {
    mockFetch({
      'POST /api/v1/auth/token/': () =>
        json(401, errorBody('invalid_credentials', 'NIK/nomor HP atau kata sandi salah.')),
    }).install();
    history.replaceState(null, '', '/masuk');
    render(<App />);
    fillAndSubmit('1602055708900001', 'salah');
    expect((await screen.findByTestId('form-error')).textContent).toContain(
      'NIK/nomor HP atau kata sandi salah.',
    );
    expect(screen.getByLabelText('Kata sandi').getAttribute('aria-invalid')).toBeNull();
  });

  it('disables the button while the request is in flight, then goes home', async () => {
    let respond: (response: Response) => void = () => undefined;
    mockFetch({
      'POST /api/v1/auth/token/': () =>
        new Promise<Response>((resolve) => {
          respond = resolve;
        }),
      'GET /api/v1/config/': () => json(200, { regency: { name: 'X' }, services: [] }),
    }).install();
    history.replaceState(null, '', '/masuk');
    render(<App />);
    fillAndSubmit('081200000001', 'rahasia123');

    const busy = await screen.findByRole('button', { name: 'Memproses…' });
    expect((busy as HTMLButtonElement).disabled).toBe(true);

    respond(json(200, { access: 'a', refresh: 'r', user: makeUser() }));
    expect(await screen.findByTestId('home')).toBeTruthy();
    expect(location.pathname).toBe('/');
    expect(localStorage.getItem('pw.refresh')).toBe('r');
  });

  it('shows the message of a 429', async () => {
    mockFetch({
      'POST /api/v1/auth/token/': () =>
        json(429, errorBody('throttled', 'Terlalu banyak percobaan. Coba lagi dalam 60 detik.'), {
          'Retry-After': '60',
        }),
    }).install();
    history.replaceState(null, '', '/masuk');
    render(<App />);
    fillAndSubmit('081200000001', 'x');
    await waitFor(() =>
      expect(screen.getByTestId('form-error').textContent).toContain('Coba lagi dalam 60 detik.'),
    );
  });
});
