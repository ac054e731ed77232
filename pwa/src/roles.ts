import type { Me, Role } from './api/types';
import type { MessageKey } from './i18n';

/** Roles that get a work tile on the home screen, in display order. */
export const WORK_ROLES = [
  'civil_officer',
  'health_worker',
  'market_officer',
  'regency_admin',
  'seller',
] as const satisfies readonly Role[];
export type WorkRole = (typeof WORK_ROLES)[number];

export function isWorkRole(value: string): value is WorkRole {
  return (WORK_ROLES as readonly string[]).includes(value);
}

export function workRolesOf(user: Me): WorkRole[] {
  return WORK_ROLES.filter((role) => user.roles.includes(role));
}

export function roleTileTitle(role: WorkRole): MessageKey {
  return `roleTile.${role}`;
}

export function roleTileDescription(role: WorkRole): MessageKey {
  return `roleTile.${role}.desc`;
}

/** Roles whose work screens exist, and where they are. */
const ROLE_SCREENS: Partial<Record<WorkRole, string>> = {
  civil_officer: '/petugas/adminduk',
  health_worker: '/kia/worklist',
  market_officer: '/umkm/moderasi',
  regency_admin: '/petugas/adminduk/statistik',
  seller: '/umkm/toko-saya',
};

/** Whether the role's work screen is ready (otherwise its tile says "Segera"). */
export function roleAvailable(role: WorkRole): boolean {
  return role in ROLE_SCREENS;
}

/** Where a role's tile leads: its work screen, or its "coming soon" page. */
export function rolePath(role: WorkRole): string {
  return ROLE_SCREENS[role] ?? `/peran/${role.replace(/_/g, '-')}`;
}

export function roleFromSlug(slug: string | undefined): WorkRole | null {
  const role = (slug ?? '').replace(/-/g, '_');
  return isWorkRole(role) ? role : null;
}
