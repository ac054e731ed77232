/** Paths of the civil-registration screens. */
export const CIVIL_BASE = '/layanan/adminduk';
export const MY_REQUESTS_PATH = `${CIVIL_BASE}/permohonan`;
export const OFFICER_BASE = '/petugas/adminduk';
export const STATS_PATH = `${OFFICER_BASE}/statistik`;

export const applyPath = (code: string) => `${CIVIL_BASE}/ajukan/${encodeURIComponent(code)}`;
export const requestPath = (id: string) => `${MY_REQUESTS_PATH}/${encodeURIComponent(id)}`;
export const officerRequestPath = (id: string) => `${OFFICER_BASE}/${encodeURIComponent(id)}`;
