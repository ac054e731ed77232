import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { api } from '../../api/client';
import type { Dose } from '../../api/health';
import type { Me } from '../../api/types';
import { App } from '../../app';
// The forms are rendered on their own below; the screens that show them import these messages.
import '../../i18n/health';
import { resumeSession } from '../../session';
import { ALL_TYPES_SERVICE } from '../../test/civilFixtures';
import { errorBody, json, mockFetch, type Responder } from '../../test/fetch';
import { CONFIG, makeUser } from '../../test/fixtures';
import {
  CHILD_ID,
  CURVES,
  makeChart,
  makeChild,
  makeMeasurement,
  makeZScores,
} from '../../test/healthFixtures';
import { prefillValues } from '../civil/CivilForm';
import { defaultPosition, formatZ, parseDecimal } from './format';
import { chartGeometry, DEFAULT_SIZE } from './growthChart';
import { ImmunizationForm } from './ImmunizationForm';
import { MeasurementForm } from './MeasurementForm';

const WAIT = { timeout: 4000 };
const CHILD_PATH = `/api/v1/health/children/${CHILD_ID}/`;

function signedIn(user: Me, routes: Record<string, Responder | Responder[]> = {}) {
  localStorage.setItem('pw.refresh', 'stored-refresh');
  return mockFetch({
    'POST /api/v1/auth/token/refresh/': () => json(200, { access: 'a1', refresh: 'r2' }),
    'GET /api/v1/me/': () => json(200, user),
    'GET /api/v1/config/': () => json(200, CONFIG),
    'GET /api/v1/notifications/': () =>
      json(200, { count: 0, next: null, previous: null, unread_count: 0, results: [] }),
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
const type = (name: string, value: string) => fireEvent.input(field(name), { target: { value } });
const page = (results: unknown[]) => ({
  count: results.length,
  next: null,
  previous: null,
  results,
});

describe('growth chart geometry', () => {
  const { margin, width, height } = DEFAULT_SIZE;
  const left = margin.left;
  const right = width - margin.right;
  const top = margin.top;
  const bottom = height - margin.bottom;

  it('places the points on the scale of the WHO curves', () => {
    const chart = chartGeometry(CURVES, [
      { age_days: 365, value: 8.9 },
      { age_days: 0, value: 3.2 },
    ]);
    // Ages run from birth to the last curve row; weights from 2 kg (rounded down) to 14 kg.
    expect(chart.domain.x).toEqual([0, 365]);
    expect(chart.domain.y).toEqual([2, 14]);
    expect(chart.x(0)).toBe(left);
    expect(chart.x(365)).toBe(right);
    expect(chart.y(2)).toBe(bottom);
    expect(chart.y(14)).toBe(top);
    // Points are sorted by age and placed linearly.
    const [birth, year] = chart.points;
    expect(birth).toMatchObject({ age_days: 0, value: 3.2, x: left });
    expect(birth!.y).toBeCloseTo(bottom - ((3.2 - 2) / 12) * (bottom - top), 1);
    expect(year).toMatchObject({ age_days: 365, value: 8.9, x: right });
    expect(year!.y).toBeCloseTo(bottom - ((8.9 - 2) / 12) * (bottom - top), 1);
    // A point on the median sits exactly on the median line.
    const median = chart.lines.find((line) => line.key === 'sd0')!;
    expect(median.d).toBe(`M${left} ${chart.y(3.2)} L${right} ${chart.y(8.9)}`);
    expect(chart.lines.map((line) => line.key)).toEqual(['sd3neg', 'sd2neg', 'sd0', 'sd2', 'sd3']);
    expect(chart.trail).toBe(`M${birth!.x} ${birth!.y} L${year!.x} ${year!.y}`);
    // Month ticks along the bottom, kilogram ticks up the side.
    expect(chart.xTicks[0]).toEqual({ value: 0, position: left });
    expect(chart.xTicks.map((tick) => tick.value)).toEqual([0, 2, 4, 6, 8, 10, 12]);
    expect(chart.yTicks[0]).toEqual({ value: 2, position: bottom });
  });

  it('widens the scale for a point outside the curves', () => {
    const chart = chartGeometry(CURVES, [{ age_days: 400, value: 15.2 }]);
    expect(chart.domain.x[1]).toBe(400);
    expect(chart.domain.y[1]).toBeGreaterThanOrEqual(15.2);
    expect(chart.points[0]!.x).toBe(right);
    expect(chart.points[0]!.y).toBeGreaterThanOrEqual(top);
  });

  it('draws the curves without points for an empty measurement list', () => {
    const chart = chartGeometry(CURVES, []);
    expect(chart.points).toEqual([]);
    expect(chart.trail).toBe('');
    expect(chart.lines).toHaveLength(5);
    expect(chart.normalBand).toMatch(/^M.* Z$/);
  });

  it('still has axes with neither curves nor points', () => {
    const chart = chartGeometry([], []);
    expect(chart.points).toEqual([]);
    expect(chart.lines).toEqual([]);
    expect(chart.xTicks.length).toBeGreaterThan(0);
    expect(chart.yTicks.length).toBeGreaterThan(0);
    expect(Number.isFinite(chart.y(5))).toBe(true);
  });
});

describe('number and position helpers', () => {
  it('reads decimal commas and dots, and rejects text', () => {
    expect(parseDecimal('8,9')).toBe(8.9);
    expect(parseDecimal(' 74.6 ')).toBe(74.6);
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('8,9 kg')).toBeNaN();
  });

  it('writes z-scores with two decimals and a dot', () => {
    expect(formatZ(-0.42)).toBe('-0.42');
    expect(formatZ(1.5)).toBe('1.50');
    expect(formatZ(-0)).toBe('0.00');
  });

  it('measures lying under two years and standing from two years', () => {
    expect(defaultPosition('2024-05-16', '2026-05-15')).toBe('lying'); // 729 days
    expect(defaultPosition('2024-05-16', '2026-05-16')).toBe('lying'); // 730 days
    expect(defaultPosition('2024-05-16', '2026-05-17')).toBe('standing'); // 731 days
    expect(defaultPosition('2025-09-22', '2026-11-22')).toBe('lying');
  });
});

describe('measurement form', () => {
  const POST = `POST ${CHILD_PATH}measurements/`;

  function renderForm(birthDate = '2025-09-22', today = '2026-11-22') {
    api.setTokens({ access: 'a1', refresh: 'r1' });
    const saved: unknown[] = [];
    render(
      <MeasurementForm
        childId={CHILD_ID}
        birthDate={birthDate}
        today={today}
        onSaved={(measurement) => saved.push(measurement)}
        onCancel={() => undefined}
      />,
    );
    return saved;
  }

  it('defaults to today and to lying under two years', () => {
    renderForm('2025-09-22', '2026-11-22');
    expect(field('measured_on').value).toBe('2026-11-22');
    expect(field('weight_kg').getAttribute('inputmode')).toBe('decimal');
    expect(field('height_cm').getAttribute('inputmode')).toBe('decimal');
    expect(
      document.querySelector<HTMLInputElement>('input[name="position"][value="lying"]')!.checked,
    ).toBe(true);
  });

  it('defaults to standing from two years and follows the date until chosen by hand', () => {
    renderForm('2024-05-16', '2026-11-22');
    const standing = () =>
      document.querySelector<HTMLInputElement>('input[name="position"][value="standing"]')!;
    const lying = () =>
      document.querySelector<HTMLInputElement>('input[name="position"][value="lying"]')!;
    expect(standing().checked).toBe(true);
    // A measurement dated before the second birthday is taken lying down.
    type('measured_on', '2026-05-01');
    expect(lying().checked).toBe(true);
    type('measured_on', '2026-11-22');
    expect(standing().checked).toBe(true);
    fireEvent.click(lying());
    type('measured_on', '2026-11-21');
    expect(lying().checked).toBe(true);
  });

  it('sends numbers (decimal commas accepted) with an idempotency key', async () => {
    const server = mockFetch({
      [POST]: () => json(201, makeMeasurement({ measured_on: '2026-11-22' })),
    }).install();
    const saved = renderForm();
    type('weight_kg', '8,9');
    type('height_cm', '74,6');
    type('head_circumference_cm', '45');
    fireEvent.click(document.querySelector('button[type="submit"]')!);
    await waitFor(() => expect(saved).toHaveLength(1));
    const call = server.callsTo(POST)[0]!;
    expect(call.body).toEqual({
      measured_on: '2026-11-22',
      weight_kg: 8.9,
      height_cm: 74.6,
      position: 'lying',
      head_circumference_cm: 45,
      oedema: false,
    });
    expect(call.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('leaves out length and position when no length is given', async () => {
    const server = mockFetch({ [POST]: () => json(201, makeMeasurement()) }).install();
    const saved = renderForm();
    type('weight_kg', '9.1');
    fireEvent.click(screen.getByLabelText('Edema (bengkak) di kedua kaki'));
    fireEvent.click(document.querySelector('button[type="submit"]')!);
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(server.callsTo(POST)[0]!.body).toEqual({
      measured_on: '2026-11-22',
      weight_kg: 9.1,
      oedema: true,
    });
  });

  it('shows server field errors at their inputs', async () => {
    mockFetch({
      [POST]: () =>
        json(
          400,
          errorBody('validation_error', 'Periksa kembali isian Anda.', {
            weight_kg: ['Isi bidang ini harus kurang atau sama dengan 50.'],
            height_cm: ['Isi bidang ini harus kurang atau sama dengan 150.'],
          }),
        ),
    }).install();
    renderForm();
    type('weight_kg', '80');
    type('height_cm', '200');
    fireEvent.click(document.querySelector('button[type="submit"]')!);
    const message = await screen.findByText('Isi bidang ini harus kurang atau sama dengan 50.');
    expect(field('weight_kg').getAttribute('aria-invalid')).toBe('true');
    expect(field('weight_kg').getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
    expect(field('height_cm').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('form-error').textContent).toContain('Periksa kembali isian Anda.');
    await waitFor(() => expect(document.activeElement).toBe(field('weight_kg')));
  });

  it('does not send a weight that is not a number', async () => {
    const server = mockFetch({ [POST]: () => json(201, makeMeasurement()) }).install();
    renderForm();
    type('weight_kg', 'delapan');
    fireEvent.click(document.querySelector('button[type="submit"]')!);
    await screen.findByText('Isi dengan angka, misalnya 8,5.');
    expect(field('weight_kg').getAttribute('aria-invalid')).toBe('true');
    expect(server.callsTo(POST)).toHaveLength(0);
  });
});

describe('immunization form', () => {
  const POST = `POST ${CHILD_PATH}immunizations/`;
  const dose = (code: string, status: Dose['status']): Dose => ({
    code,
    antigen: code.toUpperCase(),
    dose_number: 1,
    name: code.toUpperCase(),
    in_basic_set: true,
    age_months: 0,
    recommended_date: '2026-11-17',
    due_until: '2026-11-24',
    earliest_date: '2026-11-17',
    waiting_for: null,
    status,
    status_label: status,
    immunization: null,
  });

  function renderForm() {
    api.setTokens({ access: 'a1', refresh: 'r1' });
    render(
      <ImmunizationForm
        childId={CHILD_ID}
        doses={[dose('bcg', 'not_yet'), dose('hb0', 'due'), dose('opv1', 'given')]}
        onSaved={() => undefined}
        onCancel={() => undefined}
      />,
    );
  }

  it('offers the due doses first and shows a refusal at the date', async () => {
    const message = 'Terlalu dini: dosis ini paling cepat diberikan pada usia 42 hari.';
    const server = mockFetch({
      [POST]: () => json(400, errorBody('too_early', message, { given_on: [message] })),
    }).install();
    renderForm();
    const select = field('dose_code') as unknown as HTMLSelectElement;
    expect(select.value).toBe('hb0');
    expect([...select.options].map((option) => option.value)).toEqual(['hb0', 'bcg', 'opv1']);
    fireEvent.click(document.querySelector('button[type="submit"]')!);
    const error = await screen.findByText(message);
    expect(field('given_on').getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
    expect(field('given_on').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('form-error').textContent).toContain('Periksa kembali');
    expect(server.callsTo(POST)[0]!.body).toMatchObject({ dose_code: 'hb0' });
  });

  it('shows "already recorded" at the dose', async () => {
    const message = 'Dosis ini sudah tercatat untuk anak ini.';
    mockFetch({ [POST]: () => json(409, errorBody('dose_already_recorded', message)) }).install();
    renderForm();
    fireEvent.click(document.querySelector('button[type="submit"]')!);
    const error = await screen.findByText(message);
    expect(field('dose_code').getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
    expect(field('dose_code').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('child page', () => {
  function childRoutes(child = makeChild()) {
    return {
      [`GET ${CHILD_PATH}`]: () => json(200, child),
      [`GET ${CHILD_PATH}growth-chart/`]: () =>
        json(
          200,
          makeChart({
            points: [
              {
                measured_on: '2025-10-22',
                age_days: 30,
                weight_kg: 4.1,
                height_cm: 53,
                wfa_z: -0.13,
                lhfa_z: -0.32,
                wfl_z: 0.18,
              },
            ],
          }),
        ),
      [`GET ${CHILD_PATH}measurements/`]: () =>
        json(
          200,
          page([
            makeMeasurement({
              id: 'm1',
              measured_on: '2025-10-22',
              age_days: 30,
              weight_kg: 4.1,
              height_cm: 53,
              height_used_cm: 53,
            }),
          ]),
        ),
      [`GET ${CHILD_PATH}immunizations/`]: () =>
        json(200, {
          child: { id: CHILD_ID, full_name: 'Aisyah Putri' },
          birth_date: '2025-09-22',
          basic_complete_on: null,
          complete_by_first_birthday: false,
          doses: [
            {
              code: 'mr2',
              antigen: 'MR',
              dose_number: 2,
              name: 'Campak-Rubela (MR) 2',
              in_basic_set: false,
              age_months: 18,
              recommended_date: '2027-03-22',
              due_until: '2027-04-21',
              earliest_date: '2026-12-21',
              waiting_for: null,
              status: 'not_yet',
              status_label: 'Belum waktunya',
              immunization: null,
            },
          ],
        }),
    };
  }

  it('links the mother to the birth-certificate form with the child prefilled', async () => {
    signedIn(makeUser({ nik: '1602055403920001' }), childRoutes());
    await openApp(`/kia/anak/${CHILD_ID}`);
    const link = await screen.findByTestId('start-birth-certificate', {}, WAIT);
    const url = new URL(link.getAttribute('href')!, 'http://localhost');
    expect(url.pathname).toBe('/layanan/adminduk/ajukan/akta-kelahiran');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      child_name: 'Aisyah Putri',
      child_sex: 'F',
      birth_date: '2025-09-22',
      mother_nik: '1602055403920001',
      mother_name: 'Siti Aminah',
    });
    // The chart and its table.
    const chart = await screen.findByTestId('growth-chart', {}, WAIT);
    expect(chart.getAttribute('role')).toBe('img');
    expect(chart.getAttribute('aria-label')).toContain('1');
    const point = within(chart as unknown as HTMLElement).getByTestId('growth-point');
    expect(point.getAttribute('data-age-days')).toBe('30');
    expect(point.getAttribute('data-weight')).toBe('4.1');
    expect(await screen.findAllByTestId('measurement-row')).toHaveLength(1);
    const row = (await screen.findAllByTestId('immunization-row'))[0]!;
    expect(row.getAttribute('data-code')).toBe('mr2');
    expect(row.getAttribute('data-status')).toBe('not_yet');
    // A mother does not record anything.
    expect(screen.queryByTestId('record-measurement')).toBeNull();
    expect(screen.queryByTestId('record-immunization')).toBeNull();
  });

  it('lets the midwife record a weighing and shows the z-scores at once', async () => {
    const saved = makeMeasurement({
      id: 'm2',
      measured_on: '2026-11-22',
      age_days: 426,
      weight_kg: 9.1,
      height_cm: 75,
      zscores: makeZScores({
        wfa: {
          z: -0.3,
          category: 'normal',
          category_label: 'Berat badan normal',
          reason: null,
          reason_label: null,
        },
      }),
    });
    const server = signedIn(makeUser({ roles: ['resident', 'health_worker'] }), {
      ...childRoutes(makeChild({ can_edit: true })),
      [`POST ${CHILD_PATH}measurements/`]: () => json(201, saved),
    });
    await openApp(`/kia/anak/${CHILD_ID}`);
    expect(screen.queryByTestId('start-birth-certificate')).toBeNull();
    fireEvent.click(await screen.findByTestId('record-measurement', {}, WAIT));
    type('weight_kg', '9,1');
    type('height_cm', '75');
    fireEvent.click(document.querySelector('button[type="submit"]')!);
    const wfa = await screen.findByTestId('zscore-wfa', {}, WAIT);
    await waitFor(() => expect(wfa.textContent).toContain('-0.30'));
    expect(wfa.textContent).toContain('Berat badan normal');
    expect(screen.getByTestId('zscore-lhfa').textContent).toContain('-0.62');
    expect(screen.getByTestId('zscore-wfl').textContent).toContain('Gizi baik (normal)');
    // The chart and the table are fetched again.
    await waitFor(() => expect(server.callsTo(`GET ${CHILD_PATH}growth-chart/`)).toHaveLength(2));
    expect(server.callsTo(`GET ${CHILD_PATH}measurements/`)).toHaveLength(2);
  });
});

describe('my book', () => {
  it('explains how to get a book when there is none', async () => {
    signedIn(makeUser(), {
      'GET /api/v1/health/mothers/mine/': () =>
        json(404, errorBody('not_found', 'Permintaan tidak dapat diproses.')),
    });
    await openApp('/kia');
    const empty = await screen.findByTestId('kia-no-book', {}, WAIT);
    expect(empty.textContent).toContain('Belum ada Buku KIA');
    expect(empty.textContent).toContain('bidan desa');
    expect(screen.queryByTestId('kia-home')).toBeNull();
  });
});

describe('civil form prefilled from the address', () => {
  it('keeps values only for fields of the form that they fit', () => {
    expect(
      prefillValues(ALL_TYPES_SERVICE.form_fields, {
        child_name: ' Aisyah Putri ',
        child_sex: 'X',
        birth_date: '2025-09-22',
        mother_nik: '1602055403920001',
        relationship: 'anak',
        kk_number: 'abc',
        unknown: 'ignored',
      }),
    ).toEqual({
      child_name: 'Aisyah Putri',
      birth_date: '2025-09-22',
      mother_nik: '1602055403920001',
      relationship: 'anak',
    });
  });

  it('fills in the apply form from the query string', async () => {
    signedIn(makeUser(), {
      'GET /api/v1/civil/services/': () => json(200, [ALL_TYPES_SERVICE]),
      'GET /api/v1/regions/districts/': () => json(200, []),
    });
    const query = new URLSearchParams({
      child_name: 'Aisyah Putri',
      child_sex: 'F',
      birth_date: '2025-09-22',
      mother_nik: '1602055403920001',
      mother_name: 'Siti Aminah',
    });
    await openApp(`/layanan/adminduk/ajukan/uji-semua?${query.toString()}`);
    await screen.findByTestId('civil-form', {}, WAIT);
    expect(field('child_name').value).toBe('Aisyah Putri');
    expect(
      document.querySelector<HTMLInputElement>('input[name="child_sex"][value="F"]')!.checked,
    ).toBe(true);
    expect(field('birth_date').value).toBe('2025-09-22');
    expect(field('mother_nik').value).toBe('1602055403920001');
    expect(field('applicant_nik').value).toBe('');
  });
});
