import type {
  ChildDetail,
  CurvePoint,
  GrowthChart,
  Measurement,
  MotherDetail,
  ZScores,
} from '../api/health';

export const CHILD_ID = 'd7d2a344-4b3b-4bf7-971b-8fcf61ebf989';
export const MOTHER_ID = 'f86e48b8-153e-401c-98f6-e806840b4aed';

export function makeZScores(overrides: Partial<ZScores> = {}): ZScores {
  return {
    wfa: {
      z: -0.42,
      category: 'normal',
      category_label: 'Berat badan normal',
      reason: null,
      reason_label: null,
    },
    lhfa: {
      z: -0.62,
      category: 'normal',
      category_label: 'Normal',
      reason: null,
      reason_label: null,
    },
    wfl: {
      z: -0.22,
      category: 'normal',
      category_label: 'Gizi baik (normal)',
      reason: null,
      reason_label: null,
      table: 'wfl',
    },
    ...overrides,
  };
}

export function makeMeasurement(overrides: Partial<Measurement> = {}): Measurement {
  return {
    id: 'b97551cb-cdcb-4229-b305-4b1c08c2b89d',
    measured_on: '2026-11-19',
    age_days: 423,
    weight_kg: 8.9,
    height_cm: 74.6,
    position: 'lying',
    head_circumference_cm: 45,
    oedema: false,
    height_used_cm: 74.6,
    zscores: makeZScores(),
    created_at: '2026-11-19T09:00:00+07:00',
    ...overrides,
  };
}

export function makeChild(overrides: Partial<ChildDetail> = {}): ChildDetail {
  return {
    id: CHILD_ID,
    full_name: 'Aisyah Putri',
    sex: 'F',
    sex_label: 'Perempuan',
    birth_date: '2025-09-22',
    age: { months: 14, total_days: 426 },
    nik_masked: null,
    mother: { id: MOTHER_ID, full_name: 'Siti Aminah' },
    latest_measurement: null,
    basic_immunization_complete: true,
    nik: '',
    birth_weight_g: 3100,
    birth_length_cm: 49,
    village: { code: '16.02.05.1001', name: 'Jua-jua' },
    delivery_id: null,
    basic_immunization_complete_on: '2026-06-24',
    warnings: [],
    can_edit: false,
    created_at: '2025-09-22T10:00:00+07:00',
    ...overrides,
  };
}

/** Two reference rows: birth and one year (girls' weight-for-age, rounded). */
export const CURVES: CurvePoint[] = [
  { age_days: 0, sd3neg: 2, sd2neg: 2.4, sd0: 3.2, sd2: 4.2, sd3: 4.8 },
  { age_days: 365, sd3neg: 6.3, sd2neg: 7, sd0: 8.9, sd2: 11.5, sd3: 13.1 },
];

export function makeChart(overrides: Partial<GrowthChart> = {}): GrowthChart {
  return {
    child: { id: CHILD_ID, full_name: 'Aisyah Putri' },
    sex: 'F',
    birth_date: '2025-09-22',
    age_days: 426,
    points: [],
    curves: { wfa: CURVES, lhfa: [] },
    ...overrides,
  };
}

export function makeMother(overrides: Partial<MotherDetail> = {}): MotherDetail {
  return {
    id: MOTHER_ID,
    full_name: 'Siti Aminah',
    nik_masked: '1602********0001',
    birth_date: '1992-03-14',
    age_years: 34,
    village: {
      code: '16.02.05.1001',
      name: 'Jua-jua',
      district: { code: '16.02.05', name: 'Kayu Agung' },
    },
    phone_masked: '+62812****0001',
    has_account: true,
    ongoing_pregnancy: null,
    children_count: 0,
    nik: '1602055403920001',
    phone: '+6281200000001',
    created_at: '2026-11-22T08:00:00+07:00',
    warnings: [],
    can_edit: false,
    pregnancies: [],
    children: [],
    ...overrides,
  };
}
