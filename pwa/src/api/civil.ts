/**
 * Civil registration (adminduk): contract types and calls to
 * /api/v1/civil/. Only the lazily loaded adminduk screens import this module.
 */
import { getLang, type Lang } from '../i18n';
import { api, toApiPath, type DownloadedFile } from './client';
import type { Region } from './types';

// --- catalogue ------------------------------------------------------------------

export const FIELD_TYPES = [
  'text',
  'sex',
  'past_date',
  'nik',
  'nik_female',
  'nik_male',
  'nik_list',
  'kk',
  'choice',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface Choice {
  value: string;
  label: string;
}

export interface FormFieldSpec {
  name: string;
  type: FieldType;
  required: boolean;
  label: string;
  choices?: Choice[];
}

export interface Requirement {
  code: string;
  name: string;
  hint: string;
  required: boolean;
}

export interface CivilService {
  code: string;
  name: string;
  description: string;
  output: string;
  requirements: Requirement[];
  form_fields: FormFieldSpec[];
  service_days: number;
  fee: number;
  fee_label: string;
  legal_basis: string;
}

// --- requests ---------------------------------------------------------------------

export const STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'needs_revision',
  'approved',
  'completed',
  'rejected',
  'cancelled',
] as const;
export type RequestStatus = (typeof STATUSES)[number];

export const ACTIONS = [
  'update',
  'upload',
  'submit',
  'resubmit',
  'cancel',
  'claim',
  'request-revision',
  'approve',
  'complete',
  'reject',
] as const;
export type RequestAction = (typeof ACTIONS)[number];

/** Actions that are a button of their own (update and upload are parts of the page). */
export type ButtonAction = Exclude<RequestAction, 'update' | 'upload'>;

export interface RequestFlags {
  late_registration?: boolean;
  days_since_event?: number;
  on_time?: boolean;
  extra_required_documents?: string[];
}

export interface CivilRequestSummary {
  id: string;
  tracking_code: string;
  service: { code: string; name: string };
  status: RequestStatus;
  status_label: string;
  village: Region;
  district: Region;
  applicant_name: string;
  applicant_nik_masked: string;
  assigned_officer_name: string | null;
  created_at: string;
  submitted_at: string | null;
  completed_at: string | null;
  due_date: string | null;
  overdue: boolean;
  flags: RequestFlags;
}

export interface CivilDocument {
  id: string;
  kind: string;
  kind_name: string;
  content_type: string;
  size: number;
  created_at: string;
  /** Absolute path of the file, e.g. /api/v1/civil/requests/<id>/documents/<doc>/file */
  url: string;
}

export interface RequiredDocument {
  code: string;
  name: string;
  required: boolean;
  uploaded: boolean;
}

export interface TimelineEvent {
  created_at: string;
  action: string;
  actor_name: string | null;
  actor_is_applicant: boolean;
  from_status: string;
  to_status: string;
  to_status_label: string;
  note: string;
  data: Record<string, unknown>;
}

export type FormValues = Record<string, unknown>;

export interface CivilRequestDetail extends CivilRequestSummary {
  applicant_nik: string;
  form_data: FormValues;
  revision_note: string;
  rejection_reason: string;
  output_document_number: string;
  working_days_used: number;
  documents: CivilDocument[];
  required_documents: RequiredDocument[];
  timeline: TimelineEvent[];
  allowed_actions: RequestAction[];
  fee_label: string;
}

export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

export interface CreateRequestPayload {
  service: string;
  village_code?: string;
  form_data: FormValues;
}

export interface UpdateRequestPayload {
  village_code?: string;
  form_data?: FormValues;
}

// --- figures ------------------------------------------------------------------------

export interface CompletionFigures {
  completed: number;
  median_completion_hours: number | null;
  completed_on_time_share: number | null;
}

export interface CivilStats extends CompletionFigures {
  districts: Region[];
  total: number;
  by_status: Partial<Record<RequestStatus, number>>;
  by_service: {
    code: string;
    name: string;
    total: number;
    by_status: Partial<Record<RequestStatus, number>>;
  }[];
  overdue_count: number;
  overdue: {
    id: string;
    tracking_code: string;
    service: string;
    district: string;
    status: RequestStatus;
    due_date: string;
    days_overdue: number;
    assigned_officer: string | null;
  }[];
  by_district: (Region & CompletionFigures & { total: number; open: number; overdue: number })[];
  by_officer: ({
    id: string;
    name: string;
    handled: number;
    open: number;
    overdue: number;
  } & CompletionFigures)[];
}

// --- calls ------------------------------------------------------------------------------

const servicesCache = new Map<Lang, Promise<CivilService[]>>();

/** The service catalogue in the current language (cached for the page's lifetime). */
export function fetchServices(): Promise<CivilService[]> {
  const lang = getLang();
  let cached = servicesCache.get(lang);
  if (!cached) {
    cached = api.get<CivilService[]>('/civil/services/', { auth: false });
    servicesCache.set(lang, cached);
    cached.catch(() => servicesCache.delete(lang));
  }
  return cached;
}

/** For tests. */
export function resetCivilCaches(): void {
  servicesCache.clear();
}

const requestPath = (id: string) => `/civil/requests/${encodeURIComponent(id)}/`;

export function createRequest(
  payload: CreateRequestPayload,
  idempotencyKey: string,
): Promise<CivilRequestDetail> {
  return api.post<CivilRequestDetail>('/civil/requests/', payload, {
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function updateRequest(
  id: string,
  payload: UpdateRequestPayload,
): Promise<CivilRequestDetail> {
  return api.patch<CivilRequestDetail>(requestPath(id), payload);
}

export function getRequest(id: string): Promise<CivilRequestDetail> {
  return api.get<CivilRequestDetail>(requestPath(id));
}

export interface ListFilters {
  scope?: 'mine' | 'queue';
  status?: string;
  service?: string;
  village?: string;
  overdue?: boolean;
}

export function listQuery(filters: ListFilters): string {
  const params = new URLSearchParams();
  if (filters.scope) params.set('scope', filters.scope);
  if (filters.status) params.set('status', filters.status);
  if (filters.service) params.set('service', filters.service);
  if (filters.village) params.set('village', filters.village);
  if (filters.overdue) params.set('overdue', 'true');
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function listRequests(filters: ListFilters): Promise<Page<CivilRequestSummary>> {
  return api.get<Page<CivilRequestSummary>>(`/civil/requests/${listQuery(filters)}`);
}

/** The page after `page`, following the server's `next` link; null at the end. */
export function nextPage<T>(page: Page<T>): Promise<Page<T>> | null {
  const path = toApiPath(page.next);
  return path ? api.get<Page<T>>(path) : null;
}

export function runAction(
  id: string,
  action: ButtonAction,
  body: Record<string, string> = {},
): Promise<CivilRequestDetail> {
  return api.post<CivilRequestDetail>(`${requestPath(id)}${action}/`, body);
}

export function uploadDocument(
  id: string,
  kind: string,
  file: File,
  idempotencyKey: string,
  onProgress?: (loaded: number, total: number) => void,
  signal?: AbortSignal,
): Promise<CivilDocument> {
  return api.upload<CivilDocument>(
    `${requestPath(id)}documents/`,
    () => {
      const form = new FormData();
      form.append('kind', kind);
      form.append('file', file, file.name);
      return form;
    },
    {
      headers: { 'Idempotency-Key': idempotencyKey },
      ...(onProgress ? { onProgress } : {}),
      ...(signal ? { signal } : {}),
    },
  );
}

/** A document's bytes (each view by an officer is recorded on the timeline). */
export function fetchDocument(requestId: string, document: CivilDocument): Promise<DownloadedFile> {
  const path =
    toApiPath(document.url) ??
    `${requestPath(requestId)}documents/${encodeURIComponent(document.id)}/file`;
  return api.download(path);
}

export function fetchReceipt(id: string): Promise<DownloadedFile> {
  return api.download(`/civil/requests/${encodeURIComponent(id)}/receipt`);
}

export function fetchStats(): Promise<CivilStats> {
  return api.get<CivilStats>('/civil/stats/');
}
