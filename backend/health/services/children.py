"""Children: registration, corrections, immunization doses and growth measurements."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from accounts.models import User
from core.exceptions import ApiError, Conflict
from core.nik import mask_nik
from health.models import (
    Child,
    Delivery,
    GrowthMeasurement,
    Immunization,
    Mother,
    ScheduleDose,
)
from health.rules import growth, immunization, limits
from health.rules.dates import add_years
from health.selectors.access import ensure_writable
from health.services.audit import record_change
from health.services.common import clean_name, nik_problems, today


def _check_child(
    *,
    mother: Mother,
    sex: str,
    birth_date: dt.date,
    nik: str,
    exclude_pk: Any,
    errors: dict[str, list[str]],
    prefix: str = "",
) -> tuple[str, list[str]]:
    if birth_date > today():
        errors.setdefault(f"{prefix}birth_date", []).append(
            _("Tanggal lahir tidak boleh di masa depan.")
        )
    elif birth_date < add_years(today(), -limits.CHILD_MAX_AGE_YEARS):
        errors.setdefault(f"{prefix}birth_date", []).append(
            _("Buku KIA mencatat anak sampai usia 6 tahun.")
        )
    elif birth_date < add_years(mother.birth_date, 10):
        errors.setdefault(f"{prefix}birth_date", []).append(
            _("Tanggal lahir anak tidak sesuai dengan tanggal lahir ibu.")
        )
    warnings: list[str] = []
    if not nik:
        return "", warnings
    nik_errors: dict[str, list[str]] = {}
    info, warnings = nik_problems(nik, sex=sex, birth_date=birth_date, errors=nik_errors)
    for message in nik_errors.get("nik", []):
        errors.setdefault(f"{prefix}nik", []).append(message)
    if info is None:
        return "", warnings
    taken = Child.objects.filter(nik=info.nik).exclude(pk=exclude_pk).exists()
    if taken:
        errors.setdefault(f"{prefix}nik", []).append(_("NIK ini sudah tercatat untuk anak lain."))
    return info.nik, warnings


def create_child(
    *,
    by: User,
    mother: Mother,
    full_name: str,
    sex: str,
    birth_date: dt.date,
    birth_weight_g: int | None = None,
    birth_length_cm: Decimal | None = None,
    nik: str = "",
    delivery: Delivery | None = None,
    field_prefix: str = "",
    request: HttpRequest | None = None,
) -> tuple[Child, list[str]]:
    """Create a child row (inside the caller's transaction); returns it with warnings."""
    errors: dict[str, list[str]] = {}
    name = clean_name(full_name)
    if len(name) < 2:
        errors.setdefault(f"{field_prefix}full_name", []).append(_("Nama wajib diisi."))
    clean_nik, warnings = _check_child(
        mother=mother,
        sex=sex,
        birth_date=birth_date,
        nik=nik,
        exclude_pk=None,
        errors=errors,
        prefix=field_prefix,
    )
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            child = Child.objects.create(
                mother=mother,
                delivery=delivery,
                full_name=name,
                sex=sex,
                birth_date=birth_date,
                birth_weight_g=birth_weight_g,
                birth_length_cm=birth_length_cm,
                nik=clean_nik,
                created_by=by,
            )
    except IntegrityError as exc:
        raise ValidationError(
            {f"{field_prefix}nik": [_("NIK ini sudah tercatat untuk anak lain.")]}
        ) from exc
    record_change(
        user=by,
        action="health.child.created",
        record=child,
        request=request,
        data={"nik": mask_nik(clean_nik) if clean_nik else "", "warnings": warnings},
    )
    return child, warnings


@transaction.atomic
def register_child(
    *, by: User, mother: Mother, request: HttpRequest | None = None, **fields: Any
) -> tuple[Child, list[str]]:
    """A child born before the mother's book was opened (or elsewhere)."""
    ensure_writable(by, mother)
    return create_child(by=by, mother=mother, request=request, **fields)


@transaction.atomic
def update_child(
    *, by: User, child: Child, data: dict[str, Any], request: HttpRequest | None = None
) -> tuple[Child, list[str]]:
    """Correct a child's data. Sex and birth date change only while nothing depends on them
    (no measurement and no dose recorded yet)."""
    ensure_writable(by, child.mother)
    changed: list[str] = []
    errors: dict[str, list[str]] = {}
    if "full_name" in data:
        name = clean_name(data["full_name"])
        if len(name) < 2:
            errors["full_name"] = [_("Nama wajib diisi.")]
        elif name != child.full_name:
            child.full_name = name
            changed.append("full_name")
    identity_change = ("sex" in data and data["sex"] != child.sex) or (
        "birth_date" in data and data["birth_date"] != child.birth_date
    )
    if identity_change and (child.measurements.exists() or child.immunizations.exists()):
        raise Conflict(
            _(
                "Jenis kelamin dan tanggal lahir tidak dapat diubah karena sudah ada "
                "pengukuran atau imunisasi yang tercatat."
            ),
            code="child_has_records",
        )
    for name in ("sex", "birth_date", "birth_weight_g", "birth_length_cm"):
        if name in data and data[name] != getattr(child, name):
            setattr(child, name, data[name])
            changed.append(name)
    nik = data.get("nik", child.nik) or ""
    clean_nik, warnings = _check_child(
        mother=child.mother,
        sex=child.sex,
        birth_date=child.birth_date,
        nik=nik,
        exclude_pk=child.pk,
        errors=errors,
    )
    if errors:
        raise ValidationError(errors)
    if clean_nik != child.nik:
        child.nik = clean_nik
        changed.append("nik")
    if changed:
        try:
            with transaction.atomic():
                child.save(update_fields=changed)
        except IntegrityError as exc:
            raise ValidationError({"nik": [_("NIK ini sudah tercatat untuk anak lain.")]}) from exc
        record_change(
            user=by,
            action="health.child.updated",
            record=child,
            request=request,
            data={"fields": changed},
        )
    return child, warnings


# --- Immunization -------------------------------------------------------------------------


def schedule_rules() -> list[immunization.DoseRule]:
    return [d.rule() for d in ScheduleDose.objects.all()]


@transaction.atomic
def record_immunization(
    *,
    by: User,
    child: Child,
    dose_code: str,
    given_on: dt.date,
    batch_number: str = "",
    place: str = "",
    request: HttpRequest | None = None,
    on: dt.date | None = None,
) -> Immunization:
    """Record a dose; refuse one too early, too soon after the previous dose of the same
    antigen, already recorded, in the future or before birth."""
    ensure_writable(by, child.mother)
    child = Child.objects.select_for_update().get(pk=child.pk)
    rules = schedule_rules()
    rule = next((r for r in rules if r.code == dose_code), None)
    if rule is None:
        raise ValidationError({"dose_code": [_("Dosis imunisasi tidak dikenal.")]})
    given = dict(child.immunizations.values_list("dose_id", "given_on"))
    refusal = immunization.refusal(
        rule=rule,
        rules=rules,
        birth_date=child.birth_date,
        given_on=given_on,
        given=given,
        today=on or today(),
    )
    if refusal is not None:
        code, message = refusal
        if code == "dose_already_recorded":
            raise Conflict(message, code=code)
        raise ApiError(message, code=code, fields={"given_on": [message]})
    try:
        with transaction.atomic():
            record = Immunization.objects.create(
                child=child,
                dose_id=rule.code,
                given_on=given_on,
                batch_number=batch_number,
                place=place,
                recorded_by=by,
            )
    except IntegrityError as exc:
        message = _("Dosis ini sudah tercatat untuk anak ini.")
        raise Conflict(message, code="dose_already_recorded") from exc
    given[rule.code] = given_on
    complete_on = immunization.basic_complete_on(rules, given)
    if complete_on != child.basic_immunization_complete_on:
        child.basic_immunization_complete_on = complete_on
        child.save(update_fields=["basic_immunization_complete_on"])
    record_change(
        user=by,
        action="health.immunization.created",
        record=child,
        request=request,
        data={"immunization": str(record.pk), "dose": rule.code},
    )
    return record


# --- Growth -------------------------------------------------------------------------------


def measure(
    *,
    child: Child,
    measured_on: dt.date,
    weight_kg: Decimal | None,
    height_cm: Decimal | None,
    position: str | None,
    oedema: bool = False,
) -> growth.GrowthResult:
    return growth.compute(
        sex=child.sex,
        age_days=(measured_on - child.birth_date).days,
        weight_kg=weight_kg,
        height_cm=height_cm,
        position=position,
        oedema=oedema,
    )


@transaction.atomic
def record_measurement(
    *,
    by: User,
    child: Child,
    measured_on: dt.date,
    weight_kg: Decimal,
    height_cm: Decimal | None = None,
    position: str = "",
    head_circumference_cm: Decimal | None = None,
    oedema: bool = False,
    request: HttpRequest | None = None,
    on: dt.date | None = None,
) -> GrowthMeasurement:
    """A weighing (and length/height); the WHO z-scores are computed and stored with it."""
    ensure_writable(by, child.mother)
    errors: dict[str, list[str]] = {}
    if measured_on > (on or today()):
        errors["measured_on"] = [_("Tanggal pengukuran tidak boleh di masa depan.")]
    elif measured_on < child.birth_date:
        errors["measured_on"] = [_("Tanggal pengukuran tidak boleh sebelum tanggal lahir.")]
    if not 0 < weight_kg <= limits.CHILD_WEIGHT_KG[1]:
        errors["weight_kg"] = [_("Berat badan harus lebih dari 0 dan paling banyak 50 kg.")]
    low, high = limits.CHILD_HEIGHT_CM
    if height_cm is not None and not low <= height_cm <= high:
        errors["height_cm"] = [_("Panjang/tinggi badan harus antara 30 dan 150 cm.")]
    if height_cm is not None and not position:
        errors["position"] = [_("Pilih posisi pengukuran: berbaring atau berdiri.")]
    if height_cm is None and position:
        errors["height_cm"] = [_("Posisi diisi, tetapi panjang/tinggi badan kosong.")]
    if errors:
        raise ValidationError(errors)
    result = measure(
        child=child,
        measured_on=measured_on,
        weight_kg=weight_kg,
        height_cm=height_cm,
        position=position or None,
        oedema=oedema,
    )
    row = GrowthMeasurement.objects.create(
        child=child,
        measured_on=measured_on,
        weight_kg=weight_kg,
        height_cm=height_cm,
        position=position,
        head_circumference_cm=head_circumference_cm,
        oedema=oedema,
        age_days=result.age_days,
        height_used_cm=result.height_used_cm,
        wfl_table=result.wfl_table or "",
        wfa_z=result.wfa.value,
        wfa_category=result.wfa.category or "",
        wfa_reason=result.wfa.reason or "",
        lhfa_z=result.lhfa.value,
        lhfa_category=result.lhfa.category or "",
        lhfa_reason=result.lhfa.reason or "",
        wfl_z=result.wfl.value,
        wfl_category=result.wfl.category or "",
        wfl_reason=result.wfl.reason or "",
        recorded_by=by,
    )
    latest = child.measurements.order_by("-measured_on", "-created_at").first()
    if latest is not None and latest.pk != child.latest_measurement_id:
        child.latest_measurement = latest
        child.save(update_fields=["latest_measurement"])
    record_change(
        user=by,
        action="health.measurement.created",
        record=child,
        request=request,
        data={"measurement": str(row.pk), "measured_on": measured_on.isoformat()},
    )
    return row
