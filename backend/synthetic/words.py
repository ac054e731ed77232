"""Small built-in word lists for synthetic residents, shops and products (South Sumatra)."""

from __future__ import annotations

MALE_FIRST = (
    "Ahmad", "Agus", "Andi", "Arif", "Bambang", "Budi", "Dedi", "Deni", "Dimas", "Doni",
    "Edi", "Eko", "Fajar", "Fauzi", "Firman", "Hadi", "Hendra", "Heri", "Ilham", "Imam",
    "Indra", "Irfan", "Joko", "Kurniawan", "Lukman", "M.", "Muhammad", "Nanda", "Novri",
    "Rahmat", "Rizky", "Rudi", "Sahrul", "Slamet", "Sugeng", "Suparman", "Syahrial",
    "Taufik", "Teguh", "Wahyu", "Yusuf", "Zainal", "Hasan", "Husin", "Jamal", "Kemas",
    "Masagus", "Rian", "Robi", "Saipul",
)  # fmt: skip

FEMALE_FIRST = (
    "Aisyah", "Ani", "Dewi", "Dian", "Eka", "Eli", "Fitri", "Herlina", "Indah", "Intan",
    "Juliana", "Kartini", "Lestari", "Lina", "Maya", "Mega", "Nur", "Nurhayati", "Putri",
    "Rahma", "Ratna", "Rina", "Rini", "Rosita", "Sari", "Siti", "Sri", "Susanti", "Tuti",
    "Wati", "Wulan", "Yanti", "Yuli", "Yulia", "Zahra", "Nyimas", "Cek", "Ayu", "Desi",
    "Evi", "Fatimah", "Halimah", "Ismiati", "Lela", "Marlina", "Novita", "Purnama",
    "Septi", "Umi", "Winda",
)  # fmt: skip

FAMILY = (
    "Aminah", "Anwar", "Ariyanto", "Effendi", "Febriani", "Gunawan", "Hamid", "Harahap",
    "Hasibuan", "Hidayat", "Irawan", "Iskandar", "Jaya", "Kusuma", "Lestari", "Mahmud",
    "Marlina", "Nasution", "Pratama", "Purnomo", "Putra", "Rahman", "Ramadhan", "Saputra",
    "Saputri", "Setiawan", "Siregar", "Sulaiman", "Susanto", "Syahputra", "Wijaya",
    "Yulianti", "Zulkarnain", "Abdullah", "Alamsyah", "Baharudin", "Darmawan", "Fadillah",
    "Hakim", "Kurniasih", "Maulana", "Nugraha", "Permata", "Rosidi", "Safitri", "Sembiring",
    "Sutrisno", "Utami", "Wibowo", "Yusuf",
)  # fmt: skip

CHILD_MALE = (
    "Alif", "Arkan", "Azka", "Bima", "Daffa", "Fathir", "Gibran", "Hafiz", "Raffa", "Zidan",
    "Rasya", "Kenzie", "Malik", "Naufal", "Rayyan", "Umar",
)  # fmt: skip
CHILD_FEMALE = (
    "Aira", "Alesha", "Aqila", "Azzahra", "Kayla", "Khanza", "Nayla", "Naura", "Qirani",
    "Syifa", "Zaskia", "Humaira", "Keisha", "Alya", "Hana", "Salsabila",
)  # fmt: skip

SHOP_PREFIX = (
    "Dapur", "Toko", "Warung", "Rumah", "Galeri", "Sentra", "Kedai", "Griya", "Pondok",
    "Usaha",
)  # fmt: skip
SHOP_SUFFIX = (
    "Berkah", "Barokah", "Jaya", "Makmur", "Sejahtera", "Lestari", "Mandiri", "Sentosa",
    "Bersama", "Abadi", "Bahagia", "Amanah",
)  # fmt: skip

# category slug -> (bases, variants, packs, (min price, max price), units)
PRODUCTS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[int, int],
                          tuple[str, ...]]] = {
    "kuliner": (
        ("Pempek", "Kerupuk", "Kemplang", "Lemang", "Tekwan", "Model", "Celimpungan",
         "Pindang", "Keripik", "Sambal", "Kue", "Dodol", "Bolu", "Lempok", "Rendang"),
        ("Kapal Selam", "Lenjer", "Adaan", "Ikan Belida", "Udang", "Tenggiri", "Pedas",
         "Manis", "Original", "Gabus", "Durian", "Ketan", "Pisang", "Nanas", "Kemojo"),
        ("isi 10", "500 gr", "1 kg", "Kemasan Vakum", "Oleh-oleh Kayu Agung", "Homemade",
         "Frozen", "Tanpa Pengawet"),
        (10_000, 150_000), ("pcs", "bungkus", "kotak", "kg"),
    ),
    "minuman": (
        ("Kopi", "Jamu", "Sirup", "Teh", "Es", "Wedang", "Susu", "Minuman"),
        ("Robusta", "Kunyit Asam", "Kayu Manis", "Jahe Merah", "Serai", "Temulawak",
         "Gula Aren", "Kacang Merah", "Beras Kencur", "Rempah"),
        ("250 gr", "Botol 500 ml", "Botol 1 liter", "Sachet isi 10", "Bubuk", "Siap Minum"),
        (8_000, 90_000), ("botol", "bungkus", "gelas", "pcs"),
    ),
    "kerajinan": (
        ("Tikar", "Tas", "Topi", "Gerabah", "Anyaman", "Keranjang", "Vas", "Tempayan",
         "Dompet", "Souvenir"),
        ("Purun", "Rotan", "Bambu", "Tanah Liat", "Pandan", "Eceng Gondok", "Motif Songket",
         "Ukir", "Kayu Agung", "Pedamaran"),
        ("Ukuran Besar", "Ukuran Sedang", "Ukuran Kecil", "Set isi 3", "Warna Alami",
         "Handmade"),
        (15_000, 450_000), ("pcs", "set", "lembar"),
    ),
    "fashion": (
        ("Kain", "Kemeja", "Baju Kurung", "Kerudung", "Selendang", "Sarung", "Blus", "Peci"),
        ("Songket", "Jumputan", "Batik", "Tenun", "Blongsong", "Sutra", "Katun"),
        ("Motif Bunga", "Motif Lepus", "Warna Merah", "Warna Emas", "All Size", "Premium"),
        (35_000, 2_500_000), ("pcs", "lembar", "set"),
    ),
    "pertanian": (
        ("Beras", "Madu", "Gula Aren", "Jahe", "Cabai", "Kelapa", "Pisang", "Bibit", "Jagung",
         "Kacang Tanah"),
        ("Organik", "Hutan", "Lokal", "Merah", "Rawit", "Kepok", "Durian", "Karet", "Sawit",
         "Unggul"),
        ("1 kg", "5 kg", "10 kg", "Botol 500 ml", "Per Ikat", "Panen Baru"),
        (5_000, 300_000), ("kg", "botol", "ikat", "karung"),
    ),
    "perikanan": (
        ("Ikan", "Udang", "Kerupuk Ikan", "Ikan Asin", "Ikan Salai", "Terasi", "Bekasam",
         "Pekasam"),
        ("Patin", "Gabus", "Sepat", "Baung", "Lais", "Galah", "Seluang", "Toman", "Lele",
         "Nila"),
        ("Segar", "1 kg", "500 gr", "Asap", "Kering", "Kemasan Vakum", "Hasil Sungai"),
        (10_000, 250_000), ("kg", "ekor", "bungkus"),
    ),
    "kecantikan": (
        ("Sabun", "Lulur", "Minyak", "Masker", "Bedak", "Lotion", "Shampo"),
        ("Sereh", "Bengkoang", "Kemiri", "Zaitun", "Kopi", "Beras", "Kunyit", "Lidah Buaya",
         "Madu"),
        ("100 ml", "Batang", "Alami", "Handmade", "Isi 3", "Tradisional"),
        (8_000, 120_000), ("pcs", "botol", "pot"),
    ),
    "jasa": (
        ("Jasa Jahit", "Servis", "Sewa", "Cetak", "Rias", "Les", "Katering", "Laundry"),
        ("Baju Kurung", "HP", "Tenda", "Undangan", "Pengantin", "Mengaji", "Nasi Kotak",
         "Kiloan", "Motor", "Elektronik"),
        ("Kayu Agung", "Antar Jemput", "Harian", "Paket Hemat", "Per Acara", "Cepat"),
        (10_000, 5_000_000), ("paket", "jam", "kg", "acara"),
    ),
    "lainnya": (
        ("Pupuk", "Pot", "Rak", "Ember", "Pakan", "Kandang", "Perahu"),
        ("Kompos", "Kayu", "Plastik", "Ayam", "Ikan", "Besi", "Bambu"),
        ("Besar", "Kecil", "Karung 25 kg", "Set", "Awet"),
        (10_000, 3_000_000), ("pcs", "karung", "set", "unit"),
    ),
}  # fmt: skip

DESCRIPTION_OPENERS = (
    "Produk asli OKI", "Dibuat setiap hari", "Resep turun-temurun", "Bahan pilihan",
    "Buatan tangan pengrajin lokal", "Langsung dari petani", "Cocok untuk oleh-oleh",
)  # fmt: skip
DESCRIPTION_TAILS = (
    "Bisa antar ke Kayu Agung dan sekitarnya.", "Pesan lewat WhatsApp, bayar di tempat.",
    "Tersedia setiap hari kecuali Jumat.", "Harga grosir untuk pembelian banyak.",
    "Tahan 3 hari di suhu ruang.", "Kualitas terjamin, sudah P-IRT.",
)  # fmt: skip

REVISION_NOTES = (
    "Foto KK kurang jelas, mohon unggah ulang.",
    "Nama ibu di formulir berbeda dengan buku nikah.",
    "Surat keterangan lahir belum ditandatangani.",
    "Tanggal lahir tidak sesuai dengan surat keterangan.",
)
REJECTION_REASONS = (
    "Data sudah terdaftar pada permohonan lain.",
    "Dokumen pendukung tidak sah.",
    "Pemohon bukan penduduk kabupaten ini.",
)
CANCEL_REASONS = ("Salah pilih layanan.", "Sudah diurus langsung di kantor.", "")
ORDER_CANCEL_REASONS = ("Stok habis.", "Pembeli tidak bisa dihubungi.", "Berubah pikiran.")
