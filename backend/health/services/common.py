"""Helpers the health services share."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.exceptions import PermissionDenied

from core.nik import NikError, NikInfo, parse_nik
from health.selectors.access import is_health_worker


def today() -> dt.date:
    return timezone.localdate()


def require_health_worker(user: Any) -> None:
    if not is_health_worker(user):
        raise PermissionDenied()


def clean_name(value: str) -> str:
    return " ".join(str(value or "").split())


def nik_problems(
    nik: str, *, sex: str, birth_date: dt.date | None, errors: dict[str, list[str]]
) -> tuple[NikInfo | None, list[str]]:
    """Validate a NIK against a sex (a mismatch is refused) and a birth date (a mismatch is a
    warning: the NIK keeps the date it was issued with). Returns the parsed NIK and warnings.
    """
    try:
        info = parse_nik(nik)
    except NikError as exc:
        errors.setdefault("nik", []).append(exc.message)
        return None, []
    if info.sex != sex:
        errors.setdefault("nik", []).append(_("Jenis kelamin tidak sesuai dengan NIK."))
    warnings: list[str] = []
    if birth_date is not None and info.birth_date != birth_date:
        warnings.append("nik_birth_date_mismatch")
    warnings.extend(info.warnings)
    return info, warnings


def warning_message(code: str) -> str:
    messages = {
        "nik_birth_date_mismatch": _("Tanggal lahir berbeda dengan tanggal dalam NIK."),
        "nik_district_unknown": _("Kode kecamatan dalam NIK tidak dikenal."),
    }
    return messages.get(code, code)
