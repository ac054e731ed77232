"""Pregnancies, antenatal visits, deliveries and postnatal contacts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from accounts.models import User
from core.exceptions import Conflict
from health.models import (
    AntenatalVisit,
    Child,
    Delivery,
    Mother,
    PostnatalContact,
    Pregnancy,
    PregnancyStatus,
)
from health.rules import postnatal
from health.rules import pregnancy as rules
from health.rules.dates import add_years
from health.selectors.access import ensure_writable
from health.services.audit import record_change
from health.services.children import create_child
from health.services.common import today


def refresh_anc(pregnancy: Pregnancy) -> None:
    """Keep the stored contact counts (used by lists and stats) in step with the visits."""
    status = rules.anc_status(
        hpht=pregnancy.hpht,
        visits=[
            rules.VisitFact(v.visit_date, v.provider, str(v.pk))
            for v in pregnancy.visits.only("visit_date", "provider", "id")
        ],
        today=today(),
    )
    k1 = status.contacts[0].status == rules.DONE
    if (pregnancy.anc_contacts_done, pregnancy.k1_done) != (status.done, k1):
        pregnancy.anc_contacts_done, pregnancy.k1_done = status.done, k1
        pregnancy.save(update_fields=["anc_contacts_done", "k1_done"])


def _check_hpht(hpht: dt.date, mother: Mother, on: dt.date, errors: dict[str, list[str]]) -> None:
    if hpht > on:
        errors.setdefault("hpht", []).append(_("HPHT tidak boleh di masa depan."))
    elif (on - hpht).days > rules.MAX_GESTATION_DAYS:
        errors.setdefault("hpht", []).append(
            _("HPHT lebih dari 45 minggu yang lalu: periksa kembali tanggalnya.")
        )
    elif hpht < add_years(mother.birth_date, 10):
        errors.setdefault("hpht", []).append(_("HPHT tidak sesuai dengan tanggal lahir ibu."))


def _check_obstetric(
    *,
    gravida: int,
    para: int,
    abortus: int,
    previous_delivery_date: dt.date | None,
    hpht: dt.date,
    errors: dict[str, list[str]],
) -> None:
    if gravida < para + abortus + 1:
        errors.setdefault("gravida", []).append(
            _("Gravida harus paling sedikit para + abortus + 1 (kehamilan ini).")
        )
    if previous_delivery_date is not None:
        if para < 1:
            errors.setdefault("previous_delivery_date", []).append(
                _("Tanggal persalinan terakhir diisi, tetapi para 0.")
            )
        elif previous_delivery_date > hpht:
            errors.setdefault("previous_delivery_date", []).append(
                _("Persalinan terakhir harus sebelum HPHT kehamilan ini.")
            )


@transaction.atomic
def register_pregnancy(
    *,
    by: User,
    mother: Mother,
    hpht: dt.date,
    gravida: int,
    para: int = 0,
    abortus: int = 0,
    previous_delivery_date: dt.date | None = None,
    request: HttpRequest | None = None,
    on: dt.date | None = None,
) -> Pregnancy:
    """Open a pregnancy (one ongoing pregnancy per mother). ``on`` is "today"."""
    ensure_writable(by, mother)
    on = on or today()
    errors: dict[str, list[str]] = {}
    _check_hpht(hpht, mother, on, errors)
    _check_obstetric(
        gravida=gravida,
        para=para,
        abortus=abortus,
        previous_delivery_date=previous_delivery_date,
        hpht=hpht,
        errors=errors,
    )
    if errors:
        raise ValidationError(errors)
    if mother.pregnancies.filter(status=PregnancyStatus.ONGOING).exists():
        raise Conflict(
            _("Ibu ini masih memiliki kehamilan yang sedang berjalan."), code="pregnancy_ongoing"
        )
    pregnancy = Pregnancy(
        mother=mother,
        hpht=hpht,
        due_date=rules.due_date(hpht),
        gravida=gravida,
        para=para,
        abortus=abortus,
        previous_delivery_date=previous_delivery_date,
        created_by=by,
    )
    try:
        with transaction.atomic():
            pregnancy.save()
    except IntegrityError as exc:
        raise Conflict(
            _("Ibu ini masih memiliki kehamilan yang sedang berjalan."), code="pregnancy_ongoing"
        ) from exc
    record_change(
        user=by,
        action="health.pregnancy.created",
        record=pregnancy,
        request=request,
        data={"hpht": hpht.isoformat()},
    )
    return pregnancy


@transaction.atomic
def update_pregnancy(
    *, by: User, pregnancy: Pregnancy, data: dict[str, Any], request: HttpRequest | None = None
) -> Pregnancy:
    """Correct HPHT (while ongoing; visits must stay on or after it) or G/P/A."""
    ensure_writable(by, pregnancy.mother)
    errors: dict[str, list[str]] = {}
    changed: list[str] = []
    hpht = data.get("hpht", pregnancy.hpht)
    if hpht != pregnancy.hpht:
        if pregnancy.status != PregnancyStatus.ONGOING:
            raise Conflict(
                _("HPHT hanya dapat diubah selama kehamilan berjalan."), code="pregnancy_closed"
            )
        _check_hpht(hpht, pregnancy.mother, today(), errors)
        if pregnancy.visits.filter(visit_date__lt=hpht).exists():
            errors.setdefault("hpht", []).append(_("Ada kunjungan yang tercatat sebelum HPHT ini."))
        changed += ["hpht", "due_date"]
    values = {
        name: data.get(name, getattr(pregnancy, name))
        for name in ("gravida", "para", "abortus", "previous_delivery_date")
    }
    _check_obstetric(hpht=hpht, errors=errors, **values)
    if errors:
        raise ValidationError(errors)
    for name, value in values.items():
        if value != getattr(pregnancy, name):
            setattr(pregnancy, name, value)
            changed.append(name)
    if changed:
        pregnancy.hpht = hpht
        pregnancy.due_date = rules.due_date(hpht)
        pregnancy.save(update_fields=sorted(set(changed)))
        refresh_anc(pregnancy)
        record_change(
            user=by,
            action="health.pregnancy.updated",
            record=pregnancy,
            request=request,
            data={"fields": sorted(set(changed))},
        )
    return pregnancy


@transaction.atomic
def end_pregnancy(
    *,
    by: User,
    pregnancy: Pregnancy,
    ended_on: dt.date,
    reason: str,
    request: HttpRequest | None = None,
) -> Pregnancy:
    """A pregnancy that ends without a delivery (e.g. a miscarriage)."""
    ensure_writable(by, pregnancy.mother)
    if pregnancy.status != PregnancyStatus.ONGOING:
        raise Conflict(_("Kehamilan ini sudah ditutup."), code="pregnancy_closed")
    errors: dict[str, list[str]] = {}
    if ended_on > today():
        errors["ended_on"] = [_("Tanggal tidak boleh di masa depan.")]
    elif ended_on < pregnancy.hpht:
        errors["ended_on"] = [_("Tanggal tidak boleh sebelum HPHT.")]
    elif pregnancy.visits.filter(visit_date__gt=ended_on).exists():
        errors["ended_on"] = [_("Ada kunjungan yang tercatat sesudah tanggal ini.")]
    if errors:
        raise ValidationError(errors)
    pregnancy.status = PregnancyStatus.ENDED
    pregnancy.ended_on = ended_on
    pregnancy.end_reason = reason
    pregnancy.save(update_fields=["status", "ended_on", "end_reason"])
    record_change(
        user=by,
        action="health.pregnancy.ended",
        record=pregnancy,
        request=request,
        data={"reason": reason, "ended_on": ended_on.isoformat()},
    )
    return pregnancy


def _last_day_of_pregnancy(pregnancy: Pregnancy) -> dt.date | None:
    if pregnancy.status == PregnancyStatus.DELIVERED:
        return timezone.localtime(pregnancy.delivery.delivered_at).date()
    if pregnancy.status == PregnancyStatus.ENDED:
        return pregnancy.ended_on
    return None


@transaction.atomic
def record_visit(
    *,
    by: User,
    pregnancy: Pregnancy,
    visit_date: dt.date,
    provider: str,
    request: HttpRequest | None = None,
    on: dt.date | None = None,
    **measurements: Any,
) -> AntenatalVisit:
    """An antenatal contact. Dates: not before HPHT, not in the future, not after delivery."""
    ensure_writable(by, pregnancy.mother)
    on = on or today()
    errors: dict[str, list[str]] = {}
    last_day = _last_day_of_pregnancy(pregnancy)
    if visit_date > on:
        errors["visit_date"] = [_("Tanggal kunjungan tidak boleh di masa depan.")]
    elif visit_date < pregnancy.hpht:
        errors["visit_date"] = [_("Tanggal kunjungan tidak boleh sebelum HPHT.")]
    elif (visit_date - pregnancy.hpht).days > rules.MAX_GESTATION_DAYS:
        errors["visit_date"] = [_("Usia kehamilan pada tanggal ini lebih dari 45 minggu.")]
    elif last_day is not None and visit_date > last_day:
        errors["visit_date"] = [_("Tanggal kunjungan sesudah kehamilan berakhir.")]
    systolic, diastolic = measurements.get("systolic"), measurements.get("diastolic")
    if (systolic is None) != (diastolic is None):
        errors["systolic"] = [_("Isi tekanan sistolik dan diastolik bersama-sama.")]
    elif systolic is not None and diastolic is not None and systolic <= diastolic:
        errors["systolic"] = [_("Tekanan sistolik harus lebih tinggi dari diastolik.")]
    if errors:
        raise ValidationError(errors)
    visit = AntenatalVisit.objects.create(
        pregnancy=pregnancy,
        visit_date=visit_date,
        provider=provider,
        recorded_by=by,
        **measurements,
    )
    refresh_anc(pregnancy)
    record_change(
        user=by,
        action="health.visit.created",
        record=pregnancy,
        request=request,
        data={"visit": str(visit.pk), "visit_date": visit_date.isoformat()},
    )
    return visit


@transaction.atomic
def record_delivery(
    *,
    by: User,
    pregnancy: Pregnancy,
    delivered_at: dt.datetime,
    place: str,
    attendant: str,
    method: str,
    mother_condition: str,
    babies: list[dict[str, Any]],
    stillbirths: int = 0,
    notes: str = "",
    request: HttpRequest | None = None,
    now: dt.datetime | None = None,
) -> Delivery:
    """The birth: one child record per baby born alive, in one transaction; the pregnancy
    becomes delivered."""
    ensure_writable(by, pregnancy.mother)
    now = now or timezone.now()
    locked = Pregnancy.objects.select_for_update().get(pk=pregnancy.pk)
    if locked.status != PregnancyStatus.ONGOING:
        raise Conflict(_("Kehamilan ini sudah ditutup."), code="pregnancy_closed")
    errors: dict[str, list[str]] = {}
    birth_date = timezone.localtime(delivered_at).date()
    days = rules.gestational_days(pregnancy.hpht, birth_date)
    if delivered_at > now:
        errors["delivered_at"] = [_("Waktu persalinan tidak boleh di masa depan.")]
    elif days < rules.MIN_DELIVERY_DAYS:
        errors["delivered_at"] = [
            _("Usia kehamilan di bawah 20 minggu: catat sebagai kehamilan yang berakhir.")
        ]
    elif days > rules.MAX_GESTATION_DAYS:
        errors["delivered_at"] = [_("Usia kehamilan pada tanggal ini lebih dari 45 minggu.")]
    elif pregnancy.visits.filter(visit_date__gt=birth_date).exists():
        errors["delivered_at"] = [_("Ada kunjungan antenatal sesudah tanggal ini.")]
    if not babies and stillbirths < 1:
        errors["babies"] = [_("Catat paling sedikit satu bayi.")]
    if errors:
        raise ValidationError(errors)

    delivery = Delivery.objects.create(
        pregnancy=pregnancy,
        delivered_at=delivered_at,
        place=place,
        attendant=attendant,
        method=method,
        mother_condition=mother_condition,
        live_births=len(babies),
        stillbirths=stillbirths,
        notes=notes,
        recorded_by=by,
    )
    mother = pregnancy.mother
    children: list[Child] = []
    for index, baby in enumerate(babies, start=1):
        name = baby.get("full_name") or _default_baby_name(mother, index, len(babies))
        child = create_child(
            by=by,
            mother=mother,
            delivery=delivery,
            full_name=name,
            sex=baby["sex"],
            birth_date=birth_date,
            birth_weight_g=baby.get("birth_weight_g"),
            birth_length_cm=baby.get("birth_length_cm"),
            nik=baby.get("nik") or "",
            field_prefix=f"babies.{index - 1}.",
            request=request,
        )[0]
        children.append(child)
    pregnancy.status = PregnancyStatus.DELIVERED
    pregnancy.save(update_fields=["status"])
    record_change(
        user=by,
        action="health.delivery.created",
        record=pregnancy,
        request=request,
        data={
            "delivery": str(delivery.pk),
            "children": [str(c.pk) for c in children],
            "stillbirths": stillbirths,
        },
    )
    return delivery


def _default_baby_name(mother: Mother, index: int, count: int) -> str:
    """Stored data, so always the Indonesian custom, whatever the request's language."""
    name = f"Bayi Ny. {mother.full_name}"
    return f"{name} {index}" if count > 1 else name


@transaction.atomic
def record_postnatal_contact(
    *,
    by: User,
    pregnancy: Pregnancy,
    code: str,
    contact_date: dt.date,
    child_id: Any = None,
    notes: str = "",
    request: HttpRequest | None = None,
) -> PostnatalContact:
    """KF1-KF4 for the mother, KN1-KN3 for a baby, inside the contact's window."""
    ensure_writable(by, pregnancy.mother)
    delivery = Delivery.objects.filter(pregnancy=pregnancy).first()
    if delivery is None:
        raise Conflict(_("Persalinan belum dicatat."), code="not_delivered")
    errors: dict[str, list[str]] = {}
    child: Child | None = None
    if code in postnatal.MOTHER_CODES:
        if child_id:
            errors["child_id"] = [_("Kunjungan nifas (KF) untuk ibu, bukan untuk bayi.")]
    else:
        babies = list(delivery.children.all())
        if child_id:
            child = next((c for c in babies if str(c.pk) == str(child_id)), None)
            if child is None:
                errors["child_id"] = [_("Bayi ini bukan dari persalinan ini.")]
        elif len(babies) == 1:
            child = babies[0]
        else:
            errors["child_id"] = [_("Pilih bayi untuk kunjungan neonatal (KN).")]
    window = postnatal.window_for(delivery.delivered_at, code)
    if contact_date > today():
        errors["contact_date"] = [_("Tanggal tidak boleh di masa depan.")]
    elif not window.contains(contact_date):
        errors["contact_date"] = [
            _("%(code)s dilakukan antara %(start)s dan %(end)s.")
            % {
                "code": code,
                "start": window.start_date.isoformat(),
                "end": window.end_date.isoformat(),
            }
        ]
    if errors:
        raise ValidationError(errors)
    duplicate = PostnatalContact.objects.filter(delivery=delivery, code=code, child=child)
    if duplicate.exists():
        raise Conflict(_("Kunjungan ini sudah tercatat."), code="contact_already_recorded")
    try:
        with transaction.atomic():
            contact = PostnatalContact.objects.create(
                delivery=delivery,
                child=child,
                code=code,
                contact_date=contact_date,
                notes=notes,
                recorded_by=by,
            )
    except IntegrityError as exc:
        raise Conflict(_("Kunjungan ini sudah tercatat."), code="contact_already_recorded") from exc
    record_change(
        user=by,
        action="health.postnatal.created",
        record=child if child is not None else pregnancy,
        request=request,
        data={"contact": str(contact.pk), "code": code},
    )
    return contact
