import type { AppConfig, Me } from '../api/types';

export function makeUser(overrides: Partial<Me> = {}): Me {
  return {
    id: '5b0f8a6e-1d2c-4b7e-9a55-0c1d2e3f4a5b',
    nik: '1602055708900001',
    nik_masked: '1602********0001',
    full_name: 'Siti Aminah',
    birth_date: '1990-08-17',
    sex: 'F',
    phone: '+6281200000001',
    language: 'id',
    village: null,
    roles: ['resident'],
    jurisdiction: { districts: [], villages: [], facility: null },
    date_joined: '2025-01-05T03:00:00Z',
    ...overrides,
  };
}

export const CONFIG: AppConfig = {
  regency: {
    code: '16.02',
    name: 'Kabupaten Ogan Komering Ilir',
    short_name: 'OKI',
    timezone: 'Asia/Jakarta',
  },
  services: [
    {
      code: 'adminduk',
      name: 'Administrasi Kependudukan',
      description: 'Urus dokumen kependudukan.',
      available: false,
    },
    { code: 'kia', name: 'Kesehatan Ibu dan Anak', description: 'Buku KIA digital.', available: true },
    { code: 'umkm', name: 'Pasar UMKM', description: 'Belanja produk lokal.', available: false },
  ],
};
