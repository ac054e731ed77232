import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { RequestAction } from '../../api/civil';
import { api } from '../../api/client';
// Rendered on its own here; the screens that show it import these messages.
import '../../i18n/civil';
import { makeDetail } from '../../test/civilFixtures';
import { errorBody, json, mockFetch } from '../../test/fetch';
import { ActionBar, buttonActions } from './ActionBar';

const PATH = '/api/v1/civil/requests/7a302fd4-d2b6-4fa4-8332-94b86ce971ac';

function renderBar(allowed: RequestAction[], onDone = vi.fn(), onError = vi.fn()) {
  api.setTokens({ access: 'a1', refresh: 'r1' });
  const request = makeDetail({ allowed_actions: allowed });
  const view = render(<ActionBar request={request} onDone={onDone} onError={onError} />);
  return { ...view, onDone, onError };
}

const shownActions = () =>
  screen
    .queryAllByTestId(/^action-/)
    .filter((element) => element.tagName === 'BUTTON')
    .map((element) => element.getAttribute('data-testid'));

describe('action buttons', () => {
  it('shows exactly the buttons of allowed_actions (update and upload are not buttons)', () => {
    expect(buttonActions(['update', 'upload', 'submit', 'cancel'])).toEqual(['submit', 'cancel']);

    const { rerender } = renderBar(['update', 'upload', 'submit', 'cancel']);
    expect(shownActions()).toEqual(['action-submit', 'action-cancel']);

    rerender(
      <ActionBar
        request={makeDetail({ allowed_actions: ['request-revision', 'approve', 'reject'] })}
        onDone={vi.fn()}
      />,
    );
    expect(shownActions()).toEqual(['action-approve', 'action-request-revision', 'action-reject']);

    rerender(
      <ActionBar
        request={makeDetail({ allowed_actions: ['complete', 'reject'] })}
        onDone={vi.fn()}
      />,
    );
    expect(shownActions()).toEqual(['action-complete', 'action-reject']);

    rerender(<ActionBar request={makeDetail({ allowed_actions: ['claim'] })} onDone={vi.fn()} />);
    expect(shownActions()).toEqual(['action-claim']);
    expect(screen.getByTestId('action-claim').textContent).toBe('Ambil permohonan');
  });

  it('shows nothing when no action is allowed', () => {
    const { container } = renderBar([]);
    expect(container.textContent).toBe('');
  });

  it('sends an action without a text at once and reports the new state', async () => {
    const submitted = makeDetail({
      status: 'submitted',
      status_label: 'Diajukan',
      allowed_actions: ['cancel'],
    });
    const server = mockFetch({ [`POST ${PATH}/submit/`]: () => json(200, submitted) }).install();
    const { onDone } = renderBar(['update', 'upload', 'submit', 'cancel']);
    fireEvent.click(screen.getByTestId('action-submit'));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(submitted, 'submit'));
    expect(server.calls[0]?.body).toEqual({});
    expect(screen.getByTestId('action-done').textContent).toBe('Permohonan telah diajukan.');
  });

  it('asks for a reason before rejecting, and sends it', async () => {
    const rejected = makeDetail({ status: 'rejected', allowed_actions: [] });
    const server = mockFetch({ [`POST ${PATH}/reject/`]: () => json(200, rejected) }).install();
    const { onDone } = renderBar(['request-revision', 'approve', 'reject']);

    fireEvent.click(screen.getByTestId('action-reject'));
    const reason = document.querySelector<HTMLTextAreaElement>('textarea[name="reason"]')!;
    expect(reason).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(reason));

    // Empty: refused on the phone, nothing is sent.
    fireEvent.click(screen.getByTestId('action-confirm'));
    expect(await screen.findByText('Wajib diisi.')).toBeTruthy();
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(server.calls).toHaveLength(0);

    fireEvent.input(reason, { target: { value: 'Dokumen bukan milik pemohon.' } });
    fireEvent.click(screen.getByTestId('action-confirm'));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(rejected, 'reject'));
    expect(server.calls[0]?.body).toEqual({ reason: 'Dokumen bukan milik pemohon.' });
  });

  it('asks for the document number to complete', async () => {
    const completed = makeDetail({ status: 'completed', allowed_actions: [] });
    const server = mockFetch({ [`POST ${PATH}/complete/`]: () => json(200, completed) }).install();
    renderBar(['complete', 'reject']);
    fireEvent.click(screen.getByTestId('action-complete'));
    const input = document.querySelector<HTMLInputElement>('input[name="output_document_number"]')!;
    fireEvent.input(input, { target: { value: '1602-LT-0001' } });
    fireEvent.click(screen.getByTestId('action-confirm'));
    await waitFor(() => expect(server.calls).toHaveLength(1));
    expect(server.calls[0]?.body).toEqual({ output_document_number: '1602-LT-0001' });
  });

  it('asks for a note before requesting a revision', async () => {
    const server = mockFetch({
      [`POST ${PATH}/request-revision/`]: () => json(200, makeDetail({ allowed_actions: [] })),
    }).install();
    renderBar(['request-revision', 'approve', 'reject']);
    fireEvent.click(screen.getByTestId('action-request-revision'));
    const note = document.querySelector<HTMLTextAreaElement>('textarea[name="note"]')!;
    fireEvent.input(note, { target: { value: 'Foto KK buram.' } });
    fireEvent.click(screen.getByTestId('action-confirm'));
    await waitFor(() => expect(server.calls[0]?.body).toEqual({ note: 'Foto KK buram.' }));
  });

  it('lets the resident cancel with an optional reason after confirming', async () => {
    const server = mockFetch({
      [`POST ${PATH}/cancel/`]: () =>
        json(200, makeDetail({ status: 'cancelled', allowed_actions: [] })),
    }).install();
    renderBar(['update', 'upload', 'submit', 'cancel']);
    fireEvent.click(screen.getByTestId('action-cancel'));
    expect(server.calls).toHaveLength(0);
    expect(screen.getByTestId('action-cancel').getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(screen.getByTestId('action-confirm'));
    await waitFor(() => expect(server.calls).toHaveLength(1));
    expect(server.calls[0]?.body).toEqual({});
  });

  it('shows the server message when the state changed meanwhile', async () => {
    mockFetch({
      [`POST ${PATH}/claim/`]: () =>
        json(409, errorBody('not_assigned', 'Permohonan ini sedang ditangani petugas lain.')),
    }).install();
    const { onError } = renderBar(['claim']);
    fireEvent.click(screen.getByTestId('action-claim'));
    const error = await screen.findByTestId('form-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('Permohonan ini sedang ditangani petugas lain.');
    expect(onError.mock.calls[0]?.[0].code).toBe('not_assigned');
  });
});
