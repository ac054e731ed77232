/**
 * Buku KIA (mother-and-child health book): contract types and calls to
 * /api/v1/health/. Only the lazily loaded KIA screens import this module.
 *
 * Every `*_label` comes from the server in the requested language; every
 * create sends an `Idempotency-Key`.
 */
import { onPersonalDataCleared } from '../session';
import { api, toApiPath } from './client';
import type { Page } from './civil';

export type { Page } from './civil';

// --- shared pieces -------------------------------------------------------------

export interface Brief {
  id: string;
  full_name: string;
}

export interface VillageBrief {
  code: string;
  name: string;
}

export interface GestationalAge {
  weeks: number;
  days: number;
  total_days: number;
}

export interface DangerSign {
  code: string;
  label: string;
  value: string;
  visit_date: string | null;
}

export interface Warning {
  code: string;
  message: string;
}

// --- growth -----------------------------------------------------------------------

export type Indicator = 'wfa' | 'lhfa' | 'wfl';

export interface ZScore {
  z: number | null;
  category: string | null;
  category_label: string | null;
  reason: string | null;
  reason_label: string | null;
  /** Weight-for-length (`wfl`, under 2 years) or weight-for-height (`wfh`). */
  table?: string | null;
}

export type ZScores = Record<Indicator, ZScore>;

export interface LatestMeasurement {
  id: string;
  measured_on: string;
  age_days: number;
  weight_kg: number | null;
  height_cm: number | null;
  zscores: ZScores;
}

export type Position = 'lying' | 'standing';

export interface Measurement extends LatestMeasurement {
  position: Position | '';
  head_circumference_cm: number | null;
  oedema: boolean;
  height_used_cm: number | null;
  created_at: string;
}

export interface MeasurementPayload {
  measured_on: string;
  weight_kg: number;
  height_cm?: number;
  position?: Position;
  head_circumference_cm?: number;
  oedema: boolean;
}

export interface CurvePoint {
  age_days: number;
  sd3neg: number;
  sd2neg: number;
  sd0: number;
  sd2: number;
  sd3: number;
}

export interface ChartPoint {
  measured_on: string;
  age_days: number;
  weight_kg: number | null;
  height_cm: number | null;
  wfa_z: number | null;
  lhfa_z: number | null;
  wfl_z: number | null;
}

export interface GrowthChart {
  child: Brief;
  sex: 'M' | 'F';
  birth_date: string;
  age_days: number;
  points: ChartPoint[];
  curves: { wfa: CurvePoint[]; lhfa: CurvePoint[] };
}

// --- mothers ------------------------------------------------------------------------

export interface OngoingPregnancy {
  id: string;
  hpht: string;
  due_date: string;
  gestational_age: GestationalAge | null;
  trimester: number | null;
  anc_contacts_done: number;
}

export interface MotherListItem {
  id: string;
  full_name: string;
  nik_masked: string;
  birth_date: string;
  age_years: number;
  village: VillageBrief;
  phone_masked: string | null;
  has_account: boolean;
  ongoing_pregnancy: OngoingPregnancy | null;
  children_count: number;
}

export interface PregnancySummary {
  id: string;
  hpht: string;
  due_date: string;
  status: string;
  status_label: string;
  gravida: number;
  para: number;
  abortus: number;
  gestational_age: GestationalAge | null;
  trimester: number | null;
  anc_contacts_done: number;
  k1_done: boolean;
  delivered_at: string | null;
  ended_on: string | null;
}

export interface ChildListItem {
  id: string;
  full_name: string;
  sex: 'M' | 'F';
  sex_label: string;
  birth_date: string;
  age: { months: number; total_days: number };
  nik_masked: string | null;
  mother: Brief;
  basic_immunization_complete: boolean;
  latest_measurement: LatestMeasurement | null;
}

export interface MotherDetail extends Omit<MotherListItem, 'village'> {
  village: VillageBrief & { district: VillageBrief };
  nik: string;
  phone: string;
  created_at: string;
  warnings: Warning[];
  can_edit: boolean;
  pregnancies: PregnancySummary[];
  children: ChildListItem[];
}

export interface MotherPayload {
  nik: string;
  full_name: string;
  birth_date: string;
  village_code: string;
  phone?: string;
}

export interface AccessLogEntry {
  id: number;
  at: string;
  action: string;
  action_label: string;
  kind: 'read' | 'write' | string;
  actor: { name: string; role: string; role_label: string } | null;
  is_self: boolean;
  record_type: string;
  record_id: string;
}

// --- pregnancies -----------------------------------------------------------------------

export const ANC_STATUSES = ['done', 'due', 'overdue', 'missed', 'upcoming'] as const;
export type AncStatus = (typeof ANC_STATUSES)[number];

export interface AncContact {
  code: string;
  trimester: number;
  status: AncStatus;
  status_label: string;
  window_start: string;
  window_end: string | null;
  due_from: string;
  due_by: string;
  visit_id: string | null;
  visit_date: string | null;
  provider: string;
  doctor_needed: boolean;
}

export interface BabyBrief {
  id: string;
  full_name: string;
  sex: 'M' | 'F';
  birth_date: string;
  birth_weight_g: number | null;
  birth_length_cm: number | null;
}

export interface Delivery {
  id: string;
  delivered_at: string;
  place: string;
  place_label: string;
  attendant: string;
  attendant_label: string;
  method: string;
  method_label: string;
  mother_condition: string;
  mother_condition_label: string;
  live_births: number;
  stillbirths: number;
  notes: string;
  gestational_age: GestationalAge;
  children: BabyBrief[];
}

export interface PregnancyDetail {
  id: string;
  mother: Brief;
  hpht: string;
  due_date: string;
  status: 'ongoing' | 'delivered' | 'ended' | string;
  status_label: string;
  gravida: number;
  para: number;
  abortus: number;
  previous_delivery_date: string | null;
  ended_on: string | null;
  end_reason: string;
  gestational_age: GestationalAge | null;
  trimester: number | null;
  anc: {
    done: number;
    minimum: number;
    complete: boolean;
    contacts: AncContact[];
    next: AncContact | null;
    doctor_rule: { trimester_1: boolean; trimester_3: boolean; met: boolean };
  };
  danger_signs: DangerSign[];
  visits_count: number;
  delivery: Delivery | null;
  can_edit: boolean;
  created_at: string;
}

export interface PregnancyPayload {
  hpht: string;
  gravida: number;
  para: number;
  abortus: number;
  previous_delivery_date?: string;
}

export interface Visit {
  id: string;
  visit_date: string;
  provider: 'doctor' | 'midwife';
  provider_label: string;
  weight_kg: number | null;
  height_cm: number | null;
  systolic: number | null;
  diastolic: number | null;
  lila_cm: number | null;
  hb_g_dl: number | null;
  fundal_height_cm: number | null;
  fetal_heart_rate: number | null;
  iron_tablets: number;
  notes: string;
  gestational_age: GestationalAge;
  trimester: number;
  danger_signs: DangerSign[];
  recorded_by: Brief | null;
  created_at: string;
}

export interface VisitPayload {
  visit_date: string;
  provider: 'doctor' | 'midwife';
  weight_kg?: number;
  height_cm?: number;
  systolic?: number;
  diastolic?: number;
  lila_cm?: number;
  hb_g_dl?: number;
  fundal_height_cm?: number;
  fetal_heart_rate?: number;
  iron_tablets?: number;
  notes?: string;
}

export const DELIVERY_PLACES = ['hospital', 'puskesmas', 'clinic', 'home', 'other'] as const;
export const ATTENDANTS = ['doctor', 'midwife', 'nurse', 'traditional', 'other'] as const;
export const DELIVERY_METHODS = ['spontaneous', 'assisted', 'caesarean'] as const;
export const MOTHER_CONDITIONS = ['healthy', 'complication', 'died'] as const;

export interface BabyPayload {
  sex: 'M' | 'F' | '';
  full_name?: string;
  birth_weight_g?: number;
  birth_length_cm?: number;
}

export interface DeliveryPayload {
  /** Local date and time of the regency (`YYYY-MM-DDTHH:MM`, the server's time zone). */
  delivered_at: string;
  place: string;
  attendant: string;
  method: string;
  mother_condition: string;
  babies: BabyPayload[];
  stillbirths: number;
  notes: string;
}

export type PostnatalStatus = 'done' | 'due' | 'overdue' | 'upcoming';

export interface PostnatalContact {
  code: string;
  who: 'mother' | 'newborn';
  label: string;
  child: Brief | null;
  window_start: string;
  window_end: string;
  window_start_date: string;
  window_end_date: string;
  status: PostnatalStatus;
  status_label: string;
  contact_date: string | null;
  contact_id: string | null;
}

export interface PostnatalSchedule {
  delivered_at: string;
  contacts: PostnatalContact[];
}

export interface PostnatalPayload {
  code: string;
  contact_date: string;
  child_id?: string;
  notes?: string;
}

// --- children ----------------------------------------------------------------------------

export interface ChildDetail extends ChildListItem {
  nik: string;
  birth_weight_g: number | null;
  birth_length_cm: number | null;
  village: VillageBrief;
  delivery_id: string | null;
  basic_immunization_complete_on: string | null;
  warnings: Warning[];
  can_edit: boolean;
  created_at: string;
}

export interface ChildPayload {
  full_name: string;
  sex: 'M' | 'F' | '';
  birth_date: string;
  birth_weight_g?: number;
  birth_length_cm?: number;
  nik?: string;
}

export type DoseStatus = 'given' | 'due' | 'overdue' | 'not_yet';

export interface Dose {
  code: string;
  antigen: string;
  dose_number: number;
  name: string;
  in_basic_set: boolean;
  age_months: number;
  recommended_date: string;
  due_until: string;
  earliest_date: string | null;
  waiting_for: string | null;
  status: DoseStatus;
  status_label: string;
  immunization: null | {
    id: string;
    dose_code: string;
    given_on: string;
    batch_number: string;
    place: string;
    created_at: string;
  };
}

export interface ImmunizationSchedule {
  child: Brief;
  birth_date: string;
  basic_complete_on: string | null;
  complete_by_first_birthday: boolean;
  doses: Dose[];
}

export interface ImmunizationPayload {
  dose_code: string;
  given_on: string;
  batch_number?: string;
  place?: string;
}

// --- dashboards --------------------------------------------------------------------------

export interface MotherRef extends Brief {
  village: VillageBrief;
}

export interface ChildRef extends Brief {
  sex: 'M' | 'F';
  birth_date: string;
}

export interface Worklist {
  as_of: string;
  anc: {
    pregnancy_id: string;
    mother: MotherRef;
    gestational_age: GestationalAge;
    contact: string;
    status: string;
    status_label: string;
    due_by: string;
    doctor_needed: boolean;
  }[];
  postnatal: {
    pregnancy_id: string;
    mother: MotherRef;
    code: string;
    label: string;
    child: Brief | null;
    status: string;
    status_label: string;
    window_start: string;
    window_end: string;
  }[];
  immunization: {
    child: ChildRef;
    mother: MotherRef;
    doses: {
      code: string;
      name: string;
      status: string;
      status_label: string;
      recommended_date: string;
    }[];
  }[];
  growth: {
    child: ChildRef;
    mother: MotherRef;
    measured_on: string;
    problems: string[];
    zscores: ZScores;
  }[];
}

export interface Coverage {
  eligible: number;
  count: number;
  /** Percent with one decimal; null for 0/0. */
  pct: number | null;
}

export interface AreaFigures {
  code: string;
  name: string;
  district_code: string;
  pregnancies: { ongoing: number; k1: Coverage; k6: Coverage };
  immunization: {
    doses: (Coverage & { code: string; name: string })[];
    basic_complete_by_12_months: Coverage;
  };
  growth: {
    children_under_five: number;
    measured: number;
    measured_this_month: Coverage;
    stunting: Coverage;
    wasting: Coverage;
    underweight: Coverage;
  };
}

export interface HealthStats {
  as_of: string;
  month_start: string;
  total: AreaFigures;
  districts: AreaFigures[];
  villages: AreaFigures[];
}

// --- calls --------------------------------------------------------------------------------

const BASE = '/health';
const id = encodeURIComponent;

function create<T>(path: string, body: unknown, idempotencyKey: string): Promise<T> {
  return api.post<T>(path, body, { headers: { 'Idempotency-Key': idempotencyKey } });
}

/** The page after `page`, following the server's `next` link; null at the end. */
export function nextPage<T>(page: Page<T>): Promise<Page<T>> | null {
  const path = toApiPath(page.next);
  return path ? api.get<Page<T>>(path) : null;
}

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) search.set(name, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

// mothers

// The signed-in mother's book id, so the access log does not read the book again.
let myBookId: string | null = null;
onPersonalDataCleared(() => {
  myBookId = null;
});

export async function getMyBook(): Promise<MotherDetail> {
  const book = await api.get<MotherDetail>(`${BASE}/mothers/mine/`);
  myBookId = book.id;
  return book;
}

/** The id of the signed-in mother's book (404 when she has none). */
export async function getMyBookId(): Promise<string> {
  return myBookId ?? (await getMyBook()).id;
}
export const getMother = (motherId: string) =>
  api.get<MotherDetail>(`${BASE}/mothers/${id(motherId)}/`);
export const listMothers = (filters: { q?: string; village?: string }) =>
  api.get<Page<MotherListItem>>(`${BASE}/mothers/${query(filters)}`);
export const lookupMother = (nik: string) =>
  api.post<MotherDetail>(`${BASE}/mothers/lookup/`, { nik });
export const createMother = (payload: MotherPayload, key: string) =>
  create<MotherDetail>(`${BASE}/mothers/`, payload, key);
/** A health worker who has seen the mother in person links her book to her account. */
export const linkAccount = (motherId: string) =>
  api.post<MotherDetail>(`${BASE}/mothers/${id(motherId)}/link-account/`);
export const getAccessLog = (motherId: string) =>
  api.get<Page<AccessLogEntry>>(`${BASE}/mothers/${id(motherId)}/access-log/`);
export const createPregnancy = (motherId: string, payload: PregnancyPayload, key: string) =>
  create<PregnancyDetail>(`${BASE}/mothers/${id(motherId)}/pregnancies/`, payload, key);
export const createChild = (motherId: string, payload: ChildPayload, key: string) =>
  create<ChildDetail>(`${BASE}/mothers/${id(motherId)}/children/`, payload, key);

// pregnancies
export const pregnancyPath = (pregnancyId: string) => `${BASE}/pregnancies/${id(pregnancyId)}/`;
export const getPregnancy = (pregnancyId: string) =>
  api.get<PregnancyDetail>(pregnancyPath(pregnancyId));
export const listVisits = (pregnancyId: string) =>
  api.get<Page<Visit>>(`${pregnancyPath(pregnancyId)}visits/?page_size=100`);
export const createVisit = (pregnancyId: string, payload: VisitPayload, key: string) =>
  create<Visit>(`${pregnancyPath(pregnancyId)}visits/`, payload, key);
export const recordDelivery = (pregnancyId: string, payload: DeliveryPayload, key: string) =>
  create<PregnancyDetail>(`${pregnancyPath(pregnancyId)}delivery/`, payload, key);
export const getPostnatal = (pregnancyId: string) =>
  api.get<PostnatalSchedule>(`${pregnancyPath(pregnancyId)}postnatal-contacts/`);
export const recordPostnatal = (pregnancyId: string, payload: PostnatalPayload, key: string) =>
  create<unknown>(`${pregnancyPath(pregnancyId)}postnatal-contacts/`, payload, key);

// children
export const childPath = (childId: string) => `${BASE}/children/${id(childId)}/`;
export const getChild = (childId: string) => api.get<ChildDetail>(childPath(childId));
export const getImmunizations = (childId: string) =>
  api.get<ImmunizationSchedule>(`${childPath(childId)}immunizations/`);
export const recordImmunization = (childId: string, payload: ImmunizationPayload, key: string) =>
  create<unknown>(`${childPath(childId)}immunizations/`, payload, key);
export const listMeasurements = (childId: string) =>
  api.get<Page<Measurement>>(`${childPath(childId)}measurements/?page_size=100`);
export const recordMeasurement = (childId: string, payload: MeasurementPayload, key: string) =>
  create<Measurement>(`${childPath(childId)}measurements/`, payload, key);
export const getGrowthChart = (childId: string) =>
  api.get<GrowthChart>(`${childPath(childId)}growth-chart/`);

// dashboards
export const getWorklist = (village?: string) =>
  api.get<Worklist>(`${BASE}/worklist/${query({ village })}`);
export const getHealthStats = (district?: string) =>
  api.get<HealthStats>(`${BASE}/stats/${query({ district })}`);
