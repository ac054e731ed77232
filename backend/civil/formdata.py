"""Server-side validation of each service's form, from the catalogue's field list.

Each field type has one validator; a few services add rules of their own (a birth reported
after 60 days is flagged late; a first KTP needs age 17 or marriage; a KIA needs a photo
from age 5). Errors are keyed ``form_data.<field>`` so the app can show them in place.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from core.nik import NikError, parse_nik, validate_kk_number

MAX_TEXT = 200
LATE_BIRTH_DAYS = 60
LATE_DEATH_DAYS = 30


class FieldError(ValueError):
    pass


def _text(value: Any, spec: dict[str, Any], today: dt.date) -> str:
    if not isinstance(value, str):
        raise FieldError(_("Harus berupa teks."))
    text = " ".join(value.split())
    if len(text) > MAX_TEXT:
        raise FieldError(_("Terlalu panjang (maksimal %(n)s karakter).") % {"n": MAX_TEXT})
    if not text:
        raise FieldError(_("Wajib diisi."))
    return text


def _sex(value: Any, spec: dict[str, Any], today: dt.date) -> str:
    if value not in ("M", "F"):
        raise FieldError(_("Pilih laki-laki (M) atau perempuan (F)."))
    return str(value)


def _past_date(value: Any, spec: dict[str, Any], today: dt.date) -> str:
    try:
        day = dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise FieldError(_("Tanggal tidak valid (format TTTT-BB-HH).")) from exc
    if day > today:
        raise FieldError(_("Tanggal tidak boleh di masa depan."))
    if day.year < 1900:
        raise FieldError(_("Tanggal tidak valid (format TTTT-BB-HH)."))
    return day.isoformat()


def _nik(value: Any, spec: dict[str, Any], today: dt.date, sex: str | None = None) -> str:
    try:
        info = parse_nik(str(value), today=today)
    except NikError as exc:
        raise FieldError(exc.message) from exc
    if sex and info.sex != sex:
        raise FieldError(
            _("NIK ini milik perempuan.") if info.sex == "F" else _("NIK ini milik laki-laki.")
        )
    return info.nik


def _nik_female(value: Any, spec: dict[str, Any], today: dt.date) -> str:
    return _nik(value, spec, today, sex="F")


def _nik_male(value: Any, spec: dict[str, Any], today: dt.date) -> str:
    return _nik(value, spec, today, sex="M")


def _nik_list(value: Any, spec: dict[str, Any], today: dt.date) -> list[str]:
    items = value if isinstance(value, list) else re.split(r"[\s,;]+", str(value))
    niks = [str(item).strip() for item in items if str(item).strip()]
    if len(niks) > 20:
        raise FieldError(_("Terlalu banyak NIK (maksimal 20)."))
    clean = []
    for nik in niks:
        try:
            clean.append(parse_nik(nik, today=today).nik)
        except NikError as exc:
            raise FieldError(f"{nik[:4]}…: {exc.message}") from exc
    return clean


def _kk(value: Any, spec: dict[str, Any], today: dt.date) -> str:
    try:
        return validate_kk_number(str(value), today=today)
    except NikError as exc:
        raise FieldError(exc.message) from exc


def _choice(value: Any, spec: dict[str, Any], today: dt.date) -> str:
    allowed = [choice[0] for choice in spec.get("choices", [])]
    if value not in allowed:
        raise FieldError(_("Pilihan tidak valid."))
    return str(value)


VALIDATORS: dict[str, Callable[[Any, dict[str, Any], dt.date], Any]] = {
    "text": _text,
    "sex": _sex,
    "past_date": _past_date,
    "nik": _nik,
    "nik_female": _nik_female,
    "nik_male": _nik_male,
    "nik_list": _nik_list,
    "kk": _kk,
    "choice": _choice,
}


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, (str, list)) and not value)


def validate_form(
    service_code: str, fields: list[dict[str, Any]], data: Any, *, today: dt.date
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return (clean form data, flags) or raise ValidationError keyed ``form_data.<name>``."""
    if not isinstance(data, dict):
        raise ValidationError({"form_data": [_("Isian formulir harus berupa objek.")]})
    errors: dict[str, list[str]] = {}
    known = {spec["name"] for spec in fields}
    for key in data:
        if key not in known:
            errors[f"form_data.{key}"] = [_("Kolom ini tidak dikenal.")]
    clean: dict[str, Any] = {}
    for spec in fields:
        name = spec["name"]
        value = data.get(name)
        if _empty(value):
            if spec.get("required", True):
                errors[f"form_data.{name}"] = [_("Wajib diisi.")]
            continue
        try:
            clean[name] = VALIDATORS[spec["type"]](value, spec, today)
        except FieldError as exc:
            errors[f"form_data.{name}"] = [str(exc)]
    flags: dict[str, Any] = {}
    if not errors:
        rule = SERVICE_RULES.get(service_code)
        if rule is not None:
            rule(clean, flags, errors, today)
    if errors:
        raise ValidationError(errors)
    return clean, flags


def _age_years(birth: dt.date, today: dt.date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def _birth_rule(clean: dict[str, Any], flags: dict[str, Any], errors: Any, today: dt.date) -> None:
    days = (today - dt.date.fromisoformat(clean["birth_date"])).days
    if days > LATE_BIRTH_DAYS:
        flags["late_registration"] = True
        flags["days_since_event"] = days


def _death_rule(clean: dict[str, Any], flags: dict[str, Any], errors: Any, today: dt.date) -> None:
    days = (today - dt.date.fromisoformat(clean["death_date"])).days
    if days > LATE_DEATH_DAYS:
        flags["late_registration"] = True
        flags["days_since_event"] = days


def _first_ktp_rule(
    clean: dict[str, Any], flags: dict[str, Any], errors: dict[str, list[str]], today: dt.date
) -> None:
    age = _age_years(parse_nik(clean["nik"], today=today).birth_date, today)
    if age < 17 and clean["marital_status"] == "belum_kawin":
        errors["form_data.nik"] = [_("KTP-el untuk usia 17 tahun ke atas atau yang sudah menikah.")]


def _kia_rule(
    clean: dict[str, Any], flags: dict[str, Any], errors: dict[str, list[str]], today: dt.date
) -> None:
    age = _age_years(parse_nik(clean["child_nik"], today=today).birth_date, today)
    if age >= 17:
        errors["form_data.child_nik"] = [_("KIA hanya untuk anak di bawah 17 tahun.")]
    elif age >= 5:
        flags["extra_required_documents"] = ["pas_foto"]


SERVICE_RULES: dict[str, Callable[[dict[str, Any], dict[str, Any], Any, dt.date], None]] = {
    "akta-kelahiran": _birth_rule,
    "akta-kematian": _death_rule,
    "ktp-baru": _first_ktp_rule,
    "kia": _kia_rule,
}
