import type { Lang } from '../i18n';

export const ROLES = [
  'resident',
  'seller',
  'civil_officer',
  'health_worker',
  'market_officer',
  'regency_admin',
] as const;
export type Role = (typeof ROLES)[number];

export interface Region {
  code: string;
  name: string;
}

export interface Village extends Region {
  kind: 'kelurahan' | 'desa';
  district: string;
}

export interface Me {
  id: string;
  nik: string;
  nik_masked: string;
  full_name: string;
  birth_date: string;
  sex: 'M' | 'F';
  phone: string;
  language: Lang;
  village: null | (Region & { district: Region });
  roles: Role[];
  jurisdiction: {
    districts: Region[];
    villages: Region[];
    facility: string | null;
  };
  date_joined: string;
}

export interface MePatch {
  full_name?: string;
  phone?: string;
  language?: Lang;
  /** `null` clears the village. */
  village_code?: string | null;
}

export interface Service {
  code: string;
  name: string;
  description: string;
  available: boolean;
}

export interface AppConfig {
  regency: {
    code: string;
    name: string;
    short_name: string;
    timezone: string;
  };
  services: Service[];
}

export interface TokenPair {
  access: string;
  refresh: string;
}

export interface AuthResponse extends TokenPair {
  user: Me;
}

export interface RegisterPayload {
  nik: string;
  full_name: string;
  birth_date: string;
  sex: 'M' | 'F' | '';
  phone: string;
  password: string;
}

export type FieldErrors = Record<string, string[]>;

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    fields?: FieldErrors;
  };
}
