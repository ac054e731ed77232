/** Paths of the Buku KIA screens. */
export const KIA_BASE = '/kia';
export const ACCESS_LOG_PATH = `${KIA_BASE}/akses`;
export const WORKLIST_PATH = `${KIA_BASE}/worklist`;
export const MOTHERS_PATH = `${KIA_BASE}/ibu`;
export const NEW_MOTHER_PATH = `${MOTHERS_PATH}/baru`;
export const KIA_STATS_PATH = `${KIA_BASE}/statistik`;

export const motherPath = (id: string) => `${MOTHERS_PATH}/${encodeURIComponent(id)}`;
export const pregnancyPath = (id: string) => `${KIA_BASE}/kehamilan/${encodeURIComponent(id)}`;
export const childPath = (id: string) => `${KIA_BASE}/anak/${encodeURIComponent(id)}`;

/** Where a record's "back" link leads: the midwife's view of the mother, or the mother's own book. */
export const bookPath = (motherId: string, editor: boolean) =>
  editor ? motherPath(motherId) : KIA_BASE;
