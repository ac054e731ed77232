"""Registering and correcting a mother's record; linking it to her resident account."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from accounts.models import User
from core.exceptions import Conflict
from core.models import Village
from core.nik import mask_nik
from core.phone import PhoneError, normalize_phone
from health.models import Mother
from health.rules import limits
from health.rules.dates import age_in_years
from health.selectors.access import ensure_writable, worker_village_codes
from health.services.audit import record_change
from health.services.common import clean_name, nik_problems, require_health_worker, today


def _village_in_scope(by: User, code: str, errors: dict[str, list[str]]) -> Village | None:
    village = Village.objects.filter(code=code).first()
    if village is None:
        errors.setdefault("village_code", []).append(_("Desa/kelurahan tidak dikenal."))
        return None
    if not worker_village_codes(by).filter(village_id=village.code).exists():
        errors.setdefault("village_code", []).append(
            _("Desa/kelurahan ini di luar wilayah tugas Anda.")
        )
        return None
    return village


def _check_birth_date(birth_date: dt.date, errors: dict[str, list[str]]) -> None:
    low, high = limits.MOTHER_AGE_YEARS
    if birth_date > today():
        errors.setdefault("birth_date", []).append(_("Tanggal lahir tidak boleh di masa depan."))
    elif not low <= age_in_years(birth_date, today()) <= high:
        errors.setdefault("birth_date", []).append(
            _("Usia ibu harus antara %(low)s dan %(high)s tahun.") % {"low": low, "high": high}
        )


def _phone(value: str, errors: dict[str, list[str]]) -> str:
    if not value:
        return ""
    try:
        return normalize_phone(value)
    except PhoneError as exc:
        errors.setdefault("phone", []).append(exc.message)
        return ""


@transaction.atomic
def register_mother(
    *,
    by: User,
    nik: str,
    full_name: str,
    birth_date: dt.date,
    village_code: str,
    phone: str = "",
    request: HttpRequest | None = None,
) -> tuple[Mother, list[str]]:
    """A health worker opens a Buku KIA for a mother of one of her villages.

    Returns the record and warnings (a NIK whose date differs from the birth date is
    accepted with a warning; a NIK that is not a woman's is refused).
    """
    require_health_worker(by)
    errors: dict[str, list[str]] = {}
    info, warnings = nik_problems(nik, sex="F", birth_date=birth_date, errors=errors)
    if info is not None and info.sex != "F":
        errors["nik"] = [_("NIK ini bukan NIK perempuan.")]
    name = clean_name(full_name)
    if len(name) < 2:
        errors.setdefault("full_name", []).append(_("Nama lengkap wajib diisi."))
    _check_birth_date(birth_date, errors)
    village = _village_in_scope(by, village_code, errors)
    e164 = _phone(phone, errors)
    if errors:
        raise ValidationError(errors)
    assert info is not None and village is not None
    if Mother.objects.filter(nik=info.nik).exists():
        raise Conflict(_("Ibu dengan NIK ini sudah terdaftar di Buku KIA."), code="mother_exists")
    mother = Mother(
        nik=info.nik,
        full_name=name,
        birth_date=birth_date,
        village=village,
        phone=e164,
        # Linked now only when the account has the phone number the mother gave in person.
        user=User.objects.filter(nik=info.nik, phone=e164).first() if e164 else None,
        created_by=by,
    )
    try:
        with transaction.atomic():
            mother.save()
    except IntegrityError as exc:
        raise Conflict(
            _("Ibu dengan NIK ini sudah terdaftar di Buku KIA."), code="mother_exists"
        ) from exc
    record_change(
        user=by,
        action="health.mother.created",
        record=mother,
        request=request,
        data={"nik": mask_nik(mother.nik), "village": village.code, "warnings": warnings},
    )
    return mother, warnings


@transaction.atomic
def update_mother(
    *, by: User, mother: Mother, data: dict[str, Any], request: HttpRequest | None = None
) -> Mother:
    """Correct the name, birth date, phone or village (to another village of the worker)."""
    ensure_writable(by, mother)
    errors: dict[str, list[str]] = {}
    changed: list[str] = []
    if "full_name" in data:
        name = clean_name(data["full_name"])
        if len(name) < 2:
            errors.setdefault("full_name", []).append(_("Nama lengkap wajib diisi."))
        elif name != mother.full_name:
            mother.full_name = name
            changed.append("full_name")
    if "birth_date" in data and data["birth_date"] != mother.birth_date:
        _check_birth_date(data["birth_date"], errors)
        mother.birth_date = data["birth_date"]
        changed.append("birth_date")
    if "phone" in data:
        e164 = _phone(data["phone"] or "", errors)
        if e164 != mother.phone and "phone" not in errors:
            mother.phone = e164
            changed.append("phone")
    if "village_code" in data and data["village_code"] != mother.village_id:
        village = _village_in_scope(by, data["village_code"], errors)
        if village is not None:
            mother.village = village
            changed.append("village")
    if errors:
        raise ValidationError(errors)
    if changed:
        mother.save(update_fields=[*changed, "updated_at"])
        record_change(
            user=by,
            action="health.mother.updated",
            record=mother,
            request=request,
            data={"fields": changed},
        )
    return mother


@transaction.atomic
@transaction.atomic
def confirm_account(*, by: User, mother: Mother, request: HttpRequest | None = None) -> Mother:
    """A health worker who has seen the mother in person links her book to her account."""
    account = User.objects.filter(nik=mother.nik, is_active=True).first()
    if account is None:
        raise ValidationError({"nik": [_("Belum ada akun Pintu Warga dengan NIK ini.")]})
    if mother.user_id != account.pk:
        mother.user = account
        mother.save(update_fields=["user", "updated_at"])
        record_change(
            user=by,
            action="health.mother.account_linked",
            record=mother,
            request=request,
            data={"account": str(account.pk)},
        )
    return mother


def link_account(*, mother: Mother, user: User, request: HttpRequest | None = None) -> Mother:
    """The resident with the mother's NIK opens her book: remember the link."""
    if mother.user_id is None and user.nik == mother.nik:
        mother.user = user
        mother.save(update_fields=["user", "updated_at"])
        record_change(
            user=user, action="health.mother.account_linked", record=mother, request=request
        )
    return mother
