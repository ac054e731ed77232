"""The adminduk service catalogue as data (Perpres 96/2018 requirements; free by UU 24/2013).

Service times are the regency's own service standard and are edited in the admin; the
values here are the starting point. ``sync_catalogue`` creates missing services and updates
the shipped ones without touching what an admin changed on purpose (service time,
active flag).
"""

from __future__ import annotations

from typing import Any


def req(
    code: str, name_id: str, name_en: str, required: bool = True, **hints: str
) -> dict[str, Any]:
    return {
        "code": code,
        "name_id": name_id,
        "name_en": name_en,
        "required": required,
        "hint_id": hints.get("hint_id", ""),
        "hint_en": hints.get("hint_en", ""),
    }


def field(
    name: str,
    type_: str,
    label_id: str,
    label_en: str,
    required: bool = True,
    choices: list[tuple[str, str, str]] | None = None,
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": name,
        "type": type_,
        "required": required,
        "label_id": label_id,
        "label_en": label_en,
    }
    if choices:
        data["choices"] = [list(choice) for choice in choices]
    return data


KK = req("kk", "Kartu Keluarga (KK)", "Family card (KK)")
KK_FIELD = field("kk_number", "kk", "Nomor KK", "Family card number")
NIK_FIELD = field("nik", "nik", "NIK pemohon", "Applicant's NIK")
RELATIONSHIPS = [
    ("istri", "Istri", "Wife"),
    ("anak", "Anak", "Child"),
    ("orang_tua", "Orang tua", "Parent"),
    ("famili_lain", "Famili lain", "Other relative"),
    ("lainnya", "Lainnya", "Other"),
]

SERVICES: list[dict[str, Any]] = [
    {
        "code": "akta-kelahiran",
        "name_id": "Akta Kelahiran",
        "name_en": "Birth certificate",
        "description_id": "Pencatatan kelahiran anak. Laporkan paling lambat 60 hari setelah lahir.",
        "description_en": "Registration of a child's birth. Report within 60 days of the birth.",
        "output_id": "Akta kelahiran (dan KIA untuk bayi baru lahir)",
        "output_en": "Birth certificate (and child identity card for newborns)",
        "service_days": 3,
        "legal_basis": "UU 24/2013; Perpres 96/2018",
        "requirements": [
            req(
                "surat_kelahiran",
                "Surat keterangan lahir",
                "Birth letter",
                hint_id="Dari rumah sakit, puskesmas, bidan, atau kepala desa; atau SPTJM.",
                hint_en="From the hospital, health centre, midwife or village head; or a sworn statement (SPTJM).",
            ),
            req(
                "buku_nikah",
                "Buku nikah / akta perkawinan orang tua",
                "Parents' marriage book or certificate",
                hint_id="Atau SPTJM kebenaran sebagai pasangan suami istri.",
                hint_en="Or a sworn statement (SPTJM) of being spouses.",
            ),
            KK,
            req("ktp_orang_tua", "KTP-el orang tua", "Parents' ID cards", required=False),
        ],
        "form_fields": [
            field("child_name", "text", "Nama anak", "Child's name"),
            field("child_sex", "sex", "Jenis kelamin anak", "Child's sex"),
            field("birth_date", "past_date", "Tanggal lahir", "Date of birth"),
            field("birth_place", "text", "Tempat lahir", "Place of birth"),
            field("mother_nik", "nik_female", "NIK ibu", "Mother's NIK"),
            field("mother_name", "text", "Nama ibu", "Mother's name"),
            field("father_nik", "nik_male", "NIK ayah", "Father's NIK", required=False),
            field("father_name", "text", "Nama ayah", "Father's name", required=False),
            KK_FIELD,
        ],
    },
    {
        "code": "akta-kematian",
        "name_id": "Akta Kematian",
        "name_en": "Death certificate",
        "description_id": "Pencatatan kematian anggota keluarga. Laporkan paling lambat 30 hari.",
        "description_en": "Registration of a family member's death. Report within 30 days.",
        "output_id": "Akta kematian dan KK yang diperbarui",
        "output_en": "Death certificate and updated family card",
        "service_days": 3,
        "legal_basis": "UU 24/2013; Perpres 96/2018",
        "requirements": [
            req(
                "surat_kematian",
                "Surat keterangan kematian",
                "Death letter",
                hint_id="Dari rumah sakit, puskesmas, atau kepala desa/lurah.",
                hint_en="From the hospital, health centre or village head.",
            ),
            KK,
            req(
                "ktp_almarhum",
                "KTP-el almarhum/almarhumah",
                "ID card of the deceased",
                required=False,
            ),
        ],
        "form_fields": [
            field("deceased_nik", "nik", "NIK almarhum/almarhumah", "NIK of the deceased"),
            field("deceased_name", "text", "Nama almarhum/almarhumah", "Name of the deceased"),
            field("death_date", "past_date", "Tanggal meninggal", "Date of death"),
            field("death_place", "text", "Tempat meninggal", "Place of death"),
            field(
                "reporter_relationship",
                "choice",
                "Hubungan pelapor",
                "Reporter's relationship",
                choices=[("suami", "Suami", "Husband"), *RELATIONSHIPS],
            ),
            KK_FIELD,
        ],
    },
    {
        "code": "kk-baru",
        "name_id": "Kartu Keluarga Baru",
        "name_en": "New family card",
        "description_id": "KK untuk keluarga baru, misalnya setelah menikah atau pisah KK.",
        "description_en": "A family card for a new family, e.g. after marriage or a split.",
        "output_id": "Kartu Keluarga",
        "output_en": "Family card",
        "service_days": 3,
        "legal_basis": "Perpres 96/2018",
        "requirements": [
            req("buku_nikah", "Buku nikah / akta perkawinan", "Marriage book or certificate"),
            req("kk_lama", "KK lama", "Previous family card", required=False),
        ],
        "form_fields": [
            field(
                "reason",
                "choice",
                "Alasan",
                "Reason",
                choices=[
                    ("menikah", "Keluarga baru setelah menikah", "New family after marriage"),
                    ("pisah_kk", "Pisah dari KK orang tua", "Split from parents' card"),
                ],
            ),
            field("head_nik", "nik", "NIK kepala keluarga", "NIK of the head of the family"),
            field("head_name", "text", "Nama kepala keluarga", "Name of the head of the family"),
            field("address", "text", "Alamat (jalan, RT/RW)", "Address (street, RT/RW)"),
            field(
                "old_kk_number",
                "kk",
                "Nomor KK lama",
                "Previous family card number",
                required=False,
            ),
        ],
    },
    {
        "code": "kk-tambah-anggota",
        "name_id": "KK: Tambah Anggota",
        "name_en": "Family card: add a member",
        "description_id": "Menambahkan anggota keluarga karena kelahiran atau pindah datang.",
        "description_en": "Add a family member after a birth or a move.",
        "output_id": "Kartu Keluarga yang diperbarui",
        "output_en": "Updated family card",
        "service_days": 3,
        "legal_basis": "Perpres 96/2018",
        "requirements": [
            KK,
            req(
                "dokumen_dasar",
                "Akta kelahiran atau SKPWNI anggota baru",
                "Birth certificate or moving certificate of the new member",
            ),
        ],
        "form_fields": [
            KK_FIELD,
            field("member_name", "text", "Nama anggota baru", "New member's name"),
            field("member_nik", "nik", "NIK anggota baru", "New member's NIK", required=False),
            field(
                "relationship",
                "choice",
                "Hubungan dalam keluarga",
                "Relationship",
                choices=RELATIONSHIPS,
            ),
            field(
                "reason",
                "choice",
                "Alasan",
                "Reason",
                choices=[
                    ("kelahiran", "Kelahiran", "Birth"),
                    ("pindah_datang", "Pindah datang", "Moved in"),
                ],
            ),
        ],
    },
    {
        "code": "kk-perubahan-data",
        "name_id": "KK: Perubahan Data",
        "name_en": "Family card: change of data",
        "description_id": "Perubahan data anggota keluarga (nama, pendidikan, pekerjaan, status, alamat).",
        "description_en": "Change a member's data (name, education, occupation, status, address).",
        "output_id": "Kartu Keluarga yang diperbarui",
        "output_en": "Updated family card",
        "service_days": 3,
        "legal_basis": "Perpres 96/2018",
        "requirements": [
            KK,
            req(
                "dokumen_pendukung",
                "Dokumen pendukung perubahan",
                "Supporting document",
                hint_id="Misalnya ijazah, akta perkawinan, atau penetapan pengadilan.",
                hint_en="For example a diploma, marriage certificate or court order.",
            ),
        ],
        "form_fields": [
            KK_FIELD,
            field("member_nik", "nik", "NIK anggota yang diubah", "NIK of the member to change"),
            field(
                "changed_field",
                "choice",
                "Data yang diubah",
                "What changes",
                choices=[
                    ("nama", "Nama", "Name"),
                    ("pendidikan", "Pendidikan", "Education"),
                    ("pekerjaan", "Pekerjaan", "Occupation"),
                    ("status_perkawinan", "Status perkawinan", "Marital status"),
                    ("agama", "Agama", "Religion"),
                    ("alamat", "Alamat", "Address"),
                ],
            ),
            field("new_value", "text", "Data baru", "New value"),
        ],
    },
    {
        "code": "ktp-baru",
        "name_id": "KTP-el Baru",
        "name_en": "New electronic ID card",
        "description_id": "KTP-el pertama, untuk usia 17 tahun atau sudah menikah. Perekaman biometrik di kantor.",
        "description_en": "First electronic ID card, from age 17 or when married. Biometrics are captured at the office.",
        "output_id": "KTP-el",
        "output_en": "Electronic ID card",
        "service_days": 14,
        "legal_basis": "UU 24/2013 art. 63",
        "requirements": [KK],
        "form_fields": [
            NIK_FIELD,
            field("full_name", "text", "Nama lengkap", "Full name"),
            field(
                "marital_status",
                "choice",
                "Status perkawinan",
                "Marital status",
                choices=[
                    ("belum_kawin", "Belum kawin", "Not married"),
                    ("kawin", "Kawin", "Married"),
                    ("cerai", "Cerai", "Divorced or widowed"),
                ],
            ),
            KK_FIELD,
        ],
    },
    {
        "code": "ktp-hilang",
        "name_id": "KTP-el Hilang",
        "name_en": "Lost electronic ID card",
        "description_id": "Penggantian KTP-el yang hilang.",
        "description_en": "Replacement of a lost ID card.",
        "output_id": "KTP-el pengganti",
        "output_en": "Replacement ID card",
        "service_days": 3,
        "legal_basis": "Perpres 96/2018",
        "requirements": [
            KK,
            req(
                "surat_kehilangan",
                "Surat keterangan kehilangan dari kepolisian",
                "Police report of the loss",
            ),
        ],
        "form_fields": [
            NIK_FIELD,
            field("full_name", "text", "Nama lengkap", "Full name"),
            KK_FIELD,
        ],
    },
    {
        "code": "ktp-rusak",
        "name_id": "KTP-el Rusak",
        "name_en": "Damaged electronic ID card",
        "description_id": "Penggantian KTP-el yang rusak. Bawa KTP-el lama saat mengambil.",
        "description_en": "Replacement of a damaged ID card. Bring the old card when collecting.",
        "output_id": "KTP-el pengganti",
        "output_en": "Replacement ID card",
        "service_days": 3,
        "legal_basis": "Perpres 96/2018",
        "requirements": [
            KK,
            req("ktp_rusak", "Foto KTP-el yang rusak", "Photo of the damaged ID card"),
        ],
        "form_fields": [
            NIK_FIELD,
            field("full_name", "text", "Nama lengkap", "Full name"),
            KK_FIELD,
        ],
    },
    {
        "code": "kia",
        "name_id": "Kartu Identitas Anak (KIA)",
        "name_en": "Child identity card (KIA)",
        "description_id": "Kartu identitas untuk anak di bawah 17 tahun. Pas foto wajib mulai usia 5 tahun.",
        "description_en": "Identity card for children under 17. A photo is required from age 5.",
        "output_id": "Kartu Identitas Anak",
        "output_en": "Child identity card",
        "service_days": 3,
        "legal_basis": "Permendagri 2/2016",
        "requirements": [
            req("akta_kelahiran", "Akta kelahiran anak", "Child's birth certificate"),
            KK,
            req("ktp_orang_tua", "KTP-el orang tua", "Parents' ID cards"),
            req(
                "pas_foto",
                "Pas foto anak",
                "Child's photo",
                required=False,
                hint_id="Wajib untuk anak usia 5 tahun ke atas.",
                hint_en="Required for children aged 5 and over.",
            ),
        ],
        "form_fields": [
            field("child_nik", "nik", "NIK anak", "Child's NIK"),
            field("child_name", "text", "Nama anak", "Child's name"),
            KK_FIELD,
        ],
    },
    {
        "code": "pindah",
        "name_id": "Pindah Keluar (SKPWNI)",
        "name_en": "Moving out (SKPWNI)",
        "description_id": "Surat keterangan pindah untuk pindah ke luar desa, kecamatan, atau kabupaten.",
        "description_en": "Moving certificate for a move out of the village, district or regency.",
        "output_id": "SKPWNI",
        "output_en": "Moving certificate (SKPWNI)",
        "service_days": 1,
        "legal_basis": "Perpres 96/2018",
        "requirements": [KK, req("ktp", "KTP-el", "ID card")],
        "form_fields": [
            NIK_FIELD,
            KK_FIELD,
            field(
                "destination_address", "text", "Alamat tujuan lengkap", "Full destination address"
            ),
            field(
                "reason",
                "choice",
                "Alasan pindah",
                "Reason for moving",
                choices=[
                    ("pekerjaan", "Pekerjaan", "Work"),
                    ("pendidikan", "Pendidikan", "Education"),
                    ("keluarga", "Keluarga", "Family"),
                    ("perumahan", "Perumahan", "Housing"),
                    ("lainnya", "Lainnya", "Other"),
                ],
            ),
            field(
                "members",
                "nik_list",
                "NIK anggota keluarga yang ikut pindah",
                "NIKs of the family members moving too",
                required=False,
            ),
        ],
    },
    {
        "code": "datang",
        "name_id": "Pindah Datang",
        "name_en": "Moving in",
        "description_id": "Pencatatan kedatangan penduduk yang pindah ke kabupaten ini.",
        "description_en": "Registration of residents moving into this regency.",
        "output_id": "KK dan KTP-el dengan alamat baru",
        "output_en": "Family card and ID card with the new address",
        "service_days": 3,
        "legal_basis": "Perpres 96/2018",
        "requirements": [
            req("skpwni", "SKPWNI dari daerah asal", "Moving certificate from the place of origin"),
            req("ktp", "KTP-el", "ID card", required=False),
        ],
        "form_fields": [
            NIK_FIELD,
            field("skpwni_number", "text", "Nomor SKPWNI", "Moving certificate number"),
            field("origin_address", "text", "Alamat asal", "Address of origin"),
            field("address", "text", "Alamat baru (jalan, RT/RW)", "New address (street, RT/RW)"),
        ],
    },
]


def sync_catalogue(model: Any = None) -> int:
    if model is None:
        from civil.models import ServiceType

        model = ServiceType
    for order, service in enumerate(SERVICES, start=1):
        data = {k: v for k, v in service.items() if k != "code"}
        existing = model.objects.filter(code=service["code"]).first()
        if existing is None:
            model.objects.create(code=service["code"], order=order, fee=0, **data)
        else:
            keep = {"service_days", "is_active"}
            for key, value in data.items():
                if key not in keep:
                    setattr(existing, key, value)
            existing.order = order
            existing.save()
    return len(SERVICES)
