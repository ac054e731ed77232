import type { CivilRequestDetail, CivilService } from '../api/civil';

/** A service whose form has one field of every type the API knows. */
export const ALL_TYPES_SERVICE: CivilService = {
  code: 'uji-semua',
  name: 'Layanan Uji',
  description: 'Semua jenis kolom.',
  output: 'Dokumen uji',
  requirements: [
    { code: 'kk', name: 'Kartu Keluarga (KK)', hint: 'Foto KK asli.', required: true },
    { code: 'foto', name: 'Pas foto', hint: '', required: false },
  ],
  form_fields: [
    { name: 'child_name', type: 'text', required: true, label: 'Nama anak' },
    { name: 'child_sex', type: 'sex', required: true, label: 'Jenis kelamin anak' },
    { name: 'birth_date', type: 'past_date', required: true, label: 'Tanggal lahir' },
    { name: 'applicant_nik', type: 'nik', required: true, label: 'NIK pemohon' },
    { name: 'mother_nik', type: 'nik_female', required: true, label: 'NIK ibu' },
    { name: 'father_nik', type: 'nik_male', required: false, label: 'NIK ayah' },
    { name: 'members', type: 'nik_list', required: false, label: 'NIK anggota' },
    { name: 'kk_number', type: 'kk', required: true, label: 'Nomor KK' },
    {
      name: 'relationship',
      type: 'choice',
      required: true,
      label: 'Hubungan',
      choices: [
        { value: 'anak', label: 'Anak' },
        { value: 'istri', label: 'Istri' },
      ],
    },
  ],
  service_days: 3,
  fee: 0,
  fee_label: 'Gratis / Rp0',
  legal_basis: 'UU 24/2013',
};

export function makeDetail(overrides: Partial<CivilRequestDetail> = {}): CivilRequestDetail {
  return {
    id: '7a302fd4-d2b6-4fa4-8332-94b86ce971ac',
    tracking_code: 'AD-K9WH-RD3T',
    service: { code: ALL_TYPES_SERVICE.code, name: ALL_TYPES_SERVICE.name },
    status: 'draft',
    status_label: 'Draf',
    village: { code: '16.02.05.1001', name: 'Jua-jua' },
    district: { code: '16.02.05', name: 'Kayu Agung' },
    applicant_name: 'Siti Aminah',
    applicant_nik_masked: '1602********0001',
    assigned_officer_name: null,
    created_at: '2026-11-22T08:00:00Z',
    submitted_at: null,
    completed_at: null,
    due_date: null,
    overdue: false,
    flags: {},
    applicant_nik: '1602055403920001',
    form_data: { child_name: 'Budi' },
    revision_note: '',
    rejection_reason: '',
    output_document_number: '',
    working_days_used: 0,
    documents: [],
    required_documents: [
      { code: 'kk', name: 'Kartu Keluarga (KK)', required: true, uploaded: false },
      { code: 'foto', name: 'Pas foto', required: false, uploaded: false },
    ],
    timeline: [],
    allowed_actions: ['update', 'upload', 'submit', 'cancel'],
    fee_label: 'Gratis / Rp0',
    ...overrides,
  };
}
