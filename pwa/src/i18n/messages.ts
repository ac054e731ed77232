/**
 * The message catalogue. Indonesian (`id`) is the default language and the
 * reference for the set of keys; `en` must have exactly the same keys, which
 * the `Catalogue` type enforces (missing keys and unknown keys are both
 * compile errors) and src/i18n/messages.test.ts checks again at run time.
 *
 * Placeholders are written `{name}` and filled in by `t(key, params)`.
 *
 * This catalogue is part of the main chunk. Feature screens keep their
 * messages in a module of their own (./civil.ts, ./health.ts, ./market.ts)
 * under the same rules, imported by those screens only (see
 * `registerMessages` in ./index.ts); a message the shell or another feature
 * shows belongs here.
 */

import type { CivilMessageKey } from './civil';
import type { HealthMessageKey } from './health';
import type { MarketMessageKey } from './market';

export const LANGUAGES = ['id', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

const id = {
  'app.name': 'Pintu Warga',
  'app.tagline': 'Satu pintu layanan publik untuk warga',
  'app.pageTitle': '{page} · Pintu Warga',

  'nav.label': 'Navigasi utama',
  'nav.home': 'Beranda',
  'nav.profile': 'Profil',
  'nav.skip': 'Langsung ke isi utama',

  'lang.label': 'Bahasa',

  'common.processing': 'Memproses…',
  'common.loading': 'Memuat…',
  'common.retry': 'Coba lagi',
  'common.soon': 'Segera',
  'common.backHome': 'Kembali ke Beranda',
  'common.close': 'Tutup',
  'common.none': '—',

  'error.network':
    'Tidak dapat terhubung ke server. Periksa sambungan internet Anda, lalu coba lagi.',
  'error.generic': 'Terjadi kesalahan. Silakan coba lagi.',
  'error.throttled': 'Terlalu banyak percobaan. Silakan coba lagi nanti.',
  'error.sessionExpired': 'Sesi Anda telah berakhir. Silakan masuk lagi.',
  'error.fieldsIntro': 'Periksa kembali isian yang ditandai.',

  'notice.loggedOut': 'Anda telah keluar dari Pintu Warga.',

  'login.title': 'Masuk',
  'login.intro': 'Masuk dengan NIK atau nomor HP yang terdaftar.',
  'login.identifier': 'NIK atau nomor HP',
  'login.identifierHint': 'NIK 16 digit, atau nomor HP seperti 081234567890.',
  'login.password': 'Kata sandi',
  'login.submit': 'Masuk',
  'login.noAccount': 'Belum punya akun?',
  'login.registerLink': 'Daftar di sini',

  'register.title': 'Daftar',
  'register.intro': 'Buat akun Pintu Warga dengan data sesuai KTP Anda.',
  'register.nik': 'NIK',
  'register.nikHint': '16 digit angka sesuai KTP ({count}/16).',
  'register.fullName': 'Nama lengkap',
  'register.fullNameHint': 'Sesuai KTP.',
  'register.birthDate': 'Tanggal lahir',
  'register.sex': 'Jenis kelamin',
  'register.sexM': 'Laki-laki',
  'register.sexF': 'Perempuan',
  'register.phone': 'Nomor HP',
  'register.phoneHint': 'Contoh: 081234567890.',
  'register.password': 'Kata sandi',
  'register.passwordHint': 'Gunakan minimal 8 karakter yang tidak mudah ditebak.',
  'register.submit': 'Daftar',
  'register.haveAccount': 'Sudah punya akun?',
  'register.loginLink': 'Masuk di sini',

  'home.title': 'Beranda',
  'home.greeting': 'Selamat datang, {name}',
  'home.regency': 'Layanan publik {regency}',
  'home.services': 'Layanan',
  'home.servicesError': 'Daftar layanan belum dapat dimuat.',
  'home.roles': 'Tugas dan usaha saya',

  'role.resident': 'Warga',
  'role.seller': 'Penjual UMKM',
  'role.civil_officer': 'Petugas Adminduk',
  'role.health_worker': 'Tenaga kesehatan',
  'role.market_officer': 'Petugas pasar UMKM',
  'role.regency_admin': 'Admin kabupaten',

  'roleTile.civil_officer': 'Antrian Adminduk',
  'roleTile.civil_officer.desc': 'Permohonan dokumen kependudukan di wilayah tugas Anda.',
  'roleTile.health_worker': 'Daftar kerja KIA',
  'roleTile.health_worker.desc': 'Pemantauan ibu dan anak di wilayah kerja Anda.',
  'roleTile.market_officer': 'Moderasi UMKM',
  'roleTile.market_officer.desc': 'Periksa toko dan produk UMKM sebelum tayang.',
  'roleTile.regency_admin': 'Dasbor kabupaten',
  'roleTile.regency_admin.desc': 'Ringkasan layanan di seluruh kabupaten.',
  'roleTile.seller': 'Toko saya',
  'roleTile.seller.desc': 'Kelola toko dan produk UMKM Anda.',

  'jurisdiction.districts': 'Kecamatan',
  'jurisdiction.villages': 'Desa/kelurahan',
  'jurisdiction.facility': 'Fasilitas kesehatan',
  'jurisdiction.none': 'Belum ada wilayah tugas.',

  'soon.title': 'Segera hadir',
  'soon.body': 'Fitur ini sedang disiapkan dan akan segera tersedia di Pintu Warga.',
  'service.preparing': 'Halaman layanan ini sedang disiapkan.',

  'profile.title': 'Profil',
  'profile.identity': 'Data diri',
  'profile.identityNote':
    'NIK, tanggal lahir, dan jenis kelamin mengikuti data kependudukan dan tidak dapat diubah di sini.',
  'profile.nik': 'NIK',
  'profile.showNik': 'Tampilkan NIK',
  'profile.hideNik': 'Sembunyikan NIK',
  'profile.birthDate': 'Tanggal lahir',
  'profile.sex': 'Jenis kelamin',
  'profile.roles': 'Peran',
  'profile.joined': 'Terdaftar sejak',
  'profile.edit': 'Ubah profil',
  'profile.fullName': 'Nama lengkap',
  'profile.phone': 'Nomor HP',
  'profile.district': 'Kecamatan',
  'profile.village': 'Desa/kelurahan',
  'profile.chooseDistrict': 'Pilih kecamatan',
  'profile.chooseVillage': 'Pilih desa/kelurahan',
  'profile.chooseDistrictFirst': 'Pilih kecamatan lebih dahulu',
  'profile.villageRequired': 'Pilih desa/kelurahan di kecamatan ini.',
  'profile.kind.desa': 'desa',
  'profile.kind.kelurahan': 'kelurahan',
  'profile.regionsError': 'Daftar wilayah belum dapat dimuat.',
  'profile.language': 'Bahasa pilihan',
  'profile.save': 'Simpan profil',
  'profile.saved': 'Profil tersimpan.',
  'profile.noChanges': 'Tidak ada perubahan untuk disimpan.',

  'password.title': 'Ganti kata sandi',
  'password.current': 'Kata sandi saat ini',
  'password.new': 'Kata sandi baru',
  'password.submit': 'Ganti kata sandi',
  'password.done': 'Kata sandi telah diganti. Sesi di perangkat lain sudah diakhiri.',

  'logout.title': 'Keluar',
  'logout.hint': 'Keluar dari akun Anda di perangkat ini.',
  'logout.button': 'Keluar',

  'notFound.title': 'Halaman tidak ditemukan',
  'notFound.body': 'Alamat yang Anda buka tidak ada atau sudah dipindahkan.',

  'offline.title': 'Tidak dapat memuat data',
  'offline.body':
    'Pintu Warga memerlukan sambungan internet untuk memuat data akun Anda. Periksa sambungan, lalu coba lagi.',

  'update.available': 'Versi baru tersedia',
  'update.button': 'Perbarui',
  'update.later': 'Nanti',

  'outbox.title': 'Antrian kirim',
  'outbox.badge': '{count} menunggu dikirim',
  'outbox.intro':
    'Isian yang dibuat tanpa sinyal disimpan di ponsel ini dan dikirim otomatis, berurutan, begitu ada sambungan. Tidak ada yang terkirim dua kali.',
  'outbox.empty': 'Tidak ada isian di antrian.',
  'outbox.state.waiting': 'Menunggu dikirim',
  'outbox.state.sending': 'Sedang dikirim',
  'outbox.state.sent': 'Terkirim',
  'outbox.state.refused': 'Ditolak',
  'outbox.sendNow': 'Kirim sekarang',
  'outbox.open': 'Buka dan perbaiki',
  'outbox.view': 'Lihat',
  'outbox.discard': 'Buang',
  'outbox.discardConfirm': 'Buang isian ini? Isian yang dibuang tidak dapat dikembalikan.',
  'outbox.discardYes': 'Ya, buang',
  'outbox.madeAt': 'Dibuat {time}',
  'outbox.queued': 'Tersimpan di ponsel ini dan akan dikirim begitu ada sambungan.',
  'outbox.offline': 'Anda sedang luring. Isian tetap disimpan dan dikirim nanti.',
  'outbox.dependencyRefused': 'Tidak dapat dikirim karena isian sebelumnya ditolak.',
  'outbox.logoutWarning':
    '{count} isian belum terkirim akan dihapus dari ponsel ini jika Anda keluar sekarang.',
  'outbox.kind.health.measurement': 'Penimbangan anak',
  'outbox.kind.health.immunization': 'Imunisasi anak',
  'outbox.kind.health.visit': 'Kunjungan pemeriksaan kehamilan',
  'outbox.kind.civil.request': 'Permohonan adminduk',
  'outbox.kind.civil.document': 'Dokumen permohonan',
  'outbox.kind.civil.submit': 'Pengajuan permohonan',
  'outbox.kind.market.order': 'Pesanan UMKM',
  'outbox.kind.market.photo': 'Foto produk',
  'outbox.kind.other': 'Isian',
  'outbox.pendingHere': 'Menunggu dikirim dari ponsel ini',

  'saved.updated': 'Data tersimpan, diperbarui {age}.',
  'saved.justNow': 'baru saja',
  'saved.offline': 'Luring — menampilkan data tersimpan di ponsel ini.',

  'draft.restored': 'Isian yang belum dikirim dipulihkan dari ponsel ini.',
  'draft.clear': 'Kosongkan isian',

  // Messages of feature screens that the shell or another feature shows too:
  // a feature catalogue is only there once one of its own screens is loaded.
  'notif.bell': 'Notifikasi',
  'notif.bellUnread': 'Notifikasi, {count} belum dibaca',
  'notif.title': 'Notifikasi',
  'notif.empty': 'Belum ada notifikasi.',
  'notif.error': 'Notifikasi belum dapat dimuat.',
  'notif.markAll': 'Tandai semua dibaca',
  'notif.markedAll': 'Semua notifikasi sudah ditandai dibaca.',
  'notif.new': 'Baru',
  'notif.unreadCount': '{count} belum dibaca',
  'screen.loadError':
    'Halaman ini belum dapat dimuat. Periksa sambungan internet Anda, lalu muat ulang.',
  'screen.reload': 'Muat ulang',
  'civil.loadMore': 'Muat lebih banyak',
  'civil.form.nikHint': 'NIK 16 digit angka ({count}/16).',
  'officer.filters': 'Saring antrian',
  'officer.filter.village': 'Desa/kelurahan',
  'officer.filter.allVillages': 'Semua desa/kelurahan',
  'stats.error': 'Statistik belum dapat dimuat.',
  'stats.byDistrict': 'Per kecamatan',
  'stats.table': 'Tabel {title}',
  'kia.stats.link': 'Statistik Buku KIA',
  'market.home.openShop': 'Buka toko UMKM',
  'market.home.openShopDesc': 'Jual produk usaha Anda di Pasar UMKM kabupaten.',
} as const satisfies Record<string, string>;

type CoreMessageKey = keyof typeof id;
export type MessageKey = CoreMessageKey | CivilMessageKey | HealthMessageKey | MarketMessageKey;

// A feature module must not redefine a key of the main catalogue (loading it
// would silently replace that text): this line stops the type check.
const noSharedKeys: [Extract<CivilMessageKey, CoreMessageKey>] extends [never] ? true : never =
  true;
void noSharedKeys;
type SharedHealthKey = Extract<HealthMessageKey, CoreMessageKey | CivilMessageKey>;
const noSharedHealthKeys: [SharedHealthKey] extends [never] ? true : never = true;
void noSharedHealthKeys;
const noSharedMarketKeys: [
  Extract<MarketMessageKey, CoreMessageKey | CivilMessageKey | HealthMessageKey>,
] extends [never]
  ? true
  : never = true;
void noSharedMarketKeys;
export type Catalogue = Record<CoreMessageKey, string>;

const en: Catalogue = {
  'app.name': 'Pintu Warga',
  'app.tagline': 'One door to public services for residents',
  'app.pageTitle': '{page} · Pintu Warga',

  'nav.label': 'Main navigation',
  'nav.home': 'Home',
  'nav.profile': 'Profile',
  'nav.skip': 'Skip to main content',

  'lang.label': 'Language',

  'common.processing': 'Processing…',
  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.soon': 'Coming soon',
  'common.backHome': 'Back to Home',
  'common.close': 'Close',
  'common.none': '—',

  'error.network': 'Cannot reach the server. Check your internet connection and try again.',
  'error.generic': 'Something went wrong. Please try again.',
  'error.throttled': 'Too many attempts. Please try again later.',
  'error.sessionExpired': 'Your session has ended. Please log in again.',
  'error.fieldsIntro': 'Please check the marked fields.',

  'notice.loggedOut': 'You have logged out of Pintu Warga.',

  'login.title': 'Log in',
  'login.intro': 'Log in with your registered NIK or phone number.',
  'login.identifier': 'NIK or phone number',
  'login.identifierHint': '16-digit NIK, or a phone number such as 081234567890.',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.noAccount': "Don't have an account?",
  'login.registerLink': 'Register here',

  'register.title': 'Register',
  'register.intro': 'Create a Pintu Warga account with the details on your ID card (KTP).',
  'register.nik': 'NIK (ID number)',
  'register.nikHint': '16 digits, as on your KTP ({count}/16).',
  'register.fullName': 'Full name',
  'register.fullNameHint': 'As on your KTP.',
  'register.birthDate': 'Date of birth',
  'register.sex': 'Sex',
  'register.sexM': 'Male',
  'register.sexF': 'Female',
  'register.phone': 'Mobile phone number',
  'register.phoneHint': 'For example: 081234567890.',
  'register.password': 'Password',
  'register.passwordHint': 'Use at least 8 characters that are hard to guess.',
  'register.submit': 'Register',
  'register.haveAccount': 'Already have an account?',
  'register.loginLink': 'Log in here',

  'home.title': 'Home',
  'home.greeting': 'Welcome, {name}',
  'home.regency': 'Public services of {regency}',
  'home.services': 'Services',
  'home.servicesError': 'The list of services could not be loaded.',
  'home.roles': 'My work and business',

  'role.resident': 'Resident',
  'role.seller': 'UMKM seller',
  'role.civil_officer': 'Civil registration officer',
  'role.health_worker': 'Health worker',
  'role.market_officer': 'UMKM market officer',
  'role.regency_admin': 'Regency administrator',

  'roleTile.civil_officer': 'Civil registration queue',
  'roleTile.civil_officer.desc': 'Civil registration requests in your assigned area.',
  'roleTile.health_worker': 'Maternal and child health worklist',
  'roleTile.health_worker.desc': 'Mother and child follow-up in your working area.',
  'roleTile.market_officer': 'UMKM moderation',
  'roleTile.market_officer.desc': 'Review UMKM shops and products before they are published.',
  'roleTile.regency_admin': 'Regency dashboard',
  'roleTile.regency_admin.desc': 'An overview of services across the regency.',
  'roleTile.seller': 'My shop',
  'roleTile.seller.desc': 'Manage your UMKM shop and products.',

  'jurisdiction.districts': 'Districts',
  'jurisdiction.villages': 'Villages',
  'jurisdiction.facility': 'Health facility',
  'jurisdiction.none': 'No assigned area yet.',

  'soon.title': 'Coming soon',
  'soon.body': 'This feature is being prepared and will be available in Pintu Warga soon.',
  'service.preparing': 'This service page is being prepared.',

  'profile.title': 'Profile',
  'profile.identity': 'Personal details',
  'profile.identityNote':
    'NIK, date of birth and sex follow the civil registry and cannot be changed here.',
  'profile.nik': 'NIK',
  'profile.showNik': 'Show NIK',
  'profile.hideNik': 'Hide NIK',
  'profile.birthDate': 'Date of birth',
  'profile.sex': 'Sex',
  'profile.roles': 'Roles',
  'profile.joined': 'Member since',
  'profile.edit': 'Edit profile',
  'profile.fullName': 'Full name',
  'profile.phone': 'Mobile phone number',
  'profile.district': 'District (kecamatan)',
  'profile.village': 'Village (desa/kelurahan)',
  'profile.chooseDistrict': 'Choose a district',
  'profile.chooseVillage': 'Choose a village',
  'profile.chooseDistrictFirst': 'Choose a district first',
  'profile.villageRequired': 'Choose a village in this district.',
  'profile.kind.desa': 'desa',
  'profile.kind.kelurahan': 'kelurahan',
  'profile.regionsError': 'The list of areas could not be loaded.',
  'profile.language': 'Preferred language',
  'profile.save': 'Save profile',
  'profile.saved': 'Profile saved.',
  'profile.noChanges': 'There are no changes to save.',

  'password.title': 'Change password',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.submit': 'Change password',
  'password.done': 'Your password has been changed. Sessions on other devices have been ended.',

  'logout.title': 'Log out',
  'logout.hint': 'Log out of your account on this device.',
  'logout.button': 'Log out',

  'notFound.title': 'Page not found',
  'notFound.body': 'The address you opened does not exist or has moved.',

  'offline.title': 'Cannot load your data',
  'offline.body':
    'Pintu Warga needs an internet connection to load your account data. Check your connection and try again.',

  'update.available': 'A new version is available',
  'update.button': 'Update',
  'update.later': 'Later',

  'outbox.title': 'Outbox',
  'outbox.badge': '{count} waiting to be sent',
  'outbox.intro':
    'Entries made without a signal are kept on this phone and sent automatically, in order, as soon as there is a connection. Nothing is sent twice.',
  'outbox.empty': 'Nothing in the outbox.',
  'outbox.state.waiting': 'Waiting to be sent',
  'outbox.state.sending': 'Sending',
  'outbox.state.sent': 'Sent',
  'outbox.state.refused': 'Refused',
  'outbox.sendNow': 'Send now',
  'outbox.open': 'Open and correct',
  'outbox.view': 'View',
  'outbox.discard': 'Discard',
  'outbox.discardConfirm': 'Discard this entry? A discarded entry cannot be brought back.',
  'outbox.discardYes': 'Yes, discard',
  'outbox.madeAt': 'Made {time}',
  'outbox.queued': 'Saved on this phone; it will be sent as soon as there is a connection.',
  'outbox.offline': 'You are offline. Entries are kept and sent later.',
  'outbox.dependencyRefused': 'Cannot be sent because the entry it depends on was refused.',
  'outbox.logoutWarning':
    '{count} unsent entries will be deleted from this phone if you log out now.',
  'outbox.kind.health.measurement': 'Child weighing',
  'outbox.kind.health.immunization': 'Child immunization',
  'outbox.kind.health.visit': 'Antenatal check-up visit',
  'outbox.kind.civil.request': 'Civil registration request',
  'outbox.kind.civil.document': 'Request document',
  'outbox.kind.civil.submit': 'Request submission',
  'outbox.kind.market.order': 'UMKM order',
  'outbox.kind.market.photo': 'Product photo',
  'outbox.kind.other': 'Entry',
  'outbox.pendingHere': 'Waiting to be sent from this phone',

  'saved.updated': 'Saved data, updated {age}.',
  'saved.justNow': 'just now',
  'saved.offline': 'Offline — showing data saved on this phone.',

  'draft.restored': 'Your unsent entries were restored from this phone.',
  'draft.clear': 'Clear the form',

  // Messages of feature screens that the shell or another feature shows too:
  // a feature catalogue is only there once one of its own screens is loaded.
  'notif.bell': 'Notifications',
  'notif.bellUnread': 'Notifications, {count} unread',
  'notif.title': 'Notifications',
  'notif.empty': 'No notifications yet.',
  'notif.error': 'Notifications could not be loaded.',
  'notif.markAll': 'Mark all as read',
  'notif.markedAll': 'All notifications are marked as read.',
  'notif.new': 'New',
  'notif.unreadCount': '{count} unread',
  'screen.loadError': 'This page could not be loaded. Check your internet connection, then reload.',
  'screen.reload': 'Reload',
  'civil.loadMore': 'Load more',
  'civil.form.nikHint': '16-digit NIK ({count}/16).',
  'officer.filters': 'Filter the queue',
  'officer.filter.village': 'Village',
  'officer.filter.allVillages': 'All villages',
  'stats.error': 'The figures could not be loaded.',
  'stats.byDistrict': 'By district',
  'stats.table': 'Table: {title}',
  'kia.stats.link': 'Mother and child health figures',
  'market.home.openShop': 'Open a UMKM shop',
  'market.home.openShopDesc': "Sell your business's products on the regency's UMKM market.",
};

/** The main catalogue of every language (feature catalogues load on demand). */
export const catalogues: Record<Lang, Catalogue> = { id, en };
