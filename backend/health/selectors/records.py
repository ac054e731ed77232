"""Reads of one Buku KIA: lists scoped to the user, and the computed views of a record
(antenatal contacts, danger signs, postnatal schedule, immunization schedule, growth chart).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from core import sql
from core.exceptions import NotFound
from core.models import AuditEvent
from core.selectors import unique_or_none
from health.models import (
    AntenatalVisit,
    Child,
    Delivery,
    GrowthMeasurement,
    Immunization,
    Mother,
    PostnatalContact,
    Pregnancy,
    PregnancyStatus,
    ScheduleDose,
)
from health.rules import growth, immunization, postnatal
from health.rules import pregnancy as rules
from health.selectors.access import (
    children_visible_to,
    get_or_404,
    may_see,
    mothers_visible_to,
    own_book,
    pregnancies_visible_to,
)


def today() -> dt.date:
    return timezone.localdate()


# --- Mothers ------------------------------------------------------------------------------

_ONGOING = Prefetch(
    "pregnancies",
    queryset=Pregnancy.objects.filter(status=PregnancyStatus.ONGOING),
    to_attr="ongoing_pregnancies",
)


def mother_list(user: Any, *, village: str | None = None, q: str | None = None) -> QuerySet[Mother]:
    qs = (
        mothers_visible_to(user)
        .select_related("village")
        .annotate(children_count=Count("children", distinct=True))
        .prefetch_related(_ONGOING)
        .order_by("full_name", "id")
    )
    if village:
        qs = qs.filter(village_id=village)
    if q:
        qs = qs.filter(full_name__icontains=q.strip())
    return qs


def mother_detail(user: Any, pk: Any) -> Mother:
    qs = (
        mothers_visible_to(user)
        .select_related("village__district")
        .annotate(children_count=Count("children", distinct=True))
        .prefetch_related(
            _ONGOING,
            Prefetch(
                "pregnancies",
                queryset=Pregnancy.objects.select_related("delivery").order_by("-hpht"),
                to_attr="all_pregnancies",
            ),
            Prefetch(
                "children",
                queryset=Child.objects.select_related("latest_measurement").order_by(
                    "-birth_date", "full_name"
                ),
                to_attr="all_children",
            ),
        )
    )
    mother: Mother = get_or_404(qs, pk)
    return mother


def mother_by_nik(user: Any, nik: str) -> Mother:
    pk = Mother.objects.filter(nik=nik).values_list("pk", flat=True).first()
    return mother_detail(user, pk)


def own_mother(user: Any) -> Mother | None:
    if not getattr(user, "is_authenticated", False):
        return None
    pk = Mother.objects.filter(own_book(user)).values_list("pk", flat=True).first()
    return mother_detail(user, pk) if pk else None


def visible_mother(user: Any, pk: Any) -> Mother:
    mother: Mother = get_or_404(mothers_visible_to(user).select_related("village"), pk)
    return mother


# --- Pregnancies --------------------------------------------------------------------------


def pregnancy_list(mother: Mother) -> QuerySet[Pregnancy]:
    return mother.pregnancies.select_related("delivery", "mother").order_by("-hpht", "id")


def visible_pregnancy(user: Any, pk: Any) -> Pregnancy:
    pregnancy: Pregnancy = get_or_404(
        pregnancies_visible_to(user).select_related("mother__village", "delivery"), pk
    )
    return pregnancy


def last_day(pregnancy: Pregnancy) -> dt.date | None:
    """Delivery date or the day a pregnancy ended; None while ongoing."""
    if pregnancy.status == PregnancyStatus.DELIVERED:
        delivery = getattr(pregnancy, "delivery", None)
        return timezone.localtime(delivery.delivered_at).date() if delivery else None
    if pregnancy.status == PregnancyStatus.ENDED:
        return pregnancy.ended_on
    return None


def gestational_age(pregnancy: Pregnancy, on: dt.date | None = None) -> dict[str, int] | None:
    """Weeks + days today (ongoing) or at the end (delivered / ended)."""
    on = on or last_day(pregnancy) or today()
    days = rules.gestational_days(pregnancy.hpht, on)
    if days < 0:
        return None
    weeks, rest = rules.weeks_days(days)
    return {"weeks": weeks, "days": rest, "total_days": days}


@dataclass
class PregnancyView:
    pregnancy: Pregnancy
    anc: rules.AncStatus
    danger_signs: list[rules.DangerSign]
    visits_count: int
    delivery: Delivery | None
    children: list[Child]


def previous_birth(pregnancy: Pregnancy) -> dt.date | None:
    """The latest birth before this pregnancy: as recorded on it, or from a delivery in the
    system, whichever is later."""
    delivery = (
        Delivery.objects.filter(
            pregnancy__mother_id=pregnancy.mother_id, pregnancy__hpht__lt=pregnancy.hpht
        )
        .exclude(pregnancy_id=pregnancy.pk)
        .order_by("-delivered_at")
        .first()
    )
    candidates = [d for d in (pregnancy.previous_delivery_date,) if d is not None]
    if delivery is not None:
        candidates.append(timezone.localtime(delivery.delivered_at).date())
    candidates = [d for d in candidates if d <= pregnancy.hpht]
    return max(candidates) if candidates else None


def pregnancy_view(pregnancy: Pregnancy, *, on: dt.date | None = None) -> PregnancyView:
    on = on or today()
    visits = list(pregnancy.visits.all())
    anc = rules.anc_status(
        hpht=pregnancy.hpht,
        visits=[rules.VisitFact(v.visit_date, v.provider, str(v.pk)) for v in visits],
        today=on,
        ended_on=last_day(pregnancy),
    )
    signs = rules.danger_signs(
        mother_birth_date=pregnancy.mother.birth_date,
        hpht=pregnancy.hpht,
        para=pregnancy.para,
        last_birth=previous_birth(pregnancy),
        visits=[visit_measurements(v) for v in visits],
    )
    delivery = getattr(pregnancy, "delivery", None) if pregnancy.status == "delivered" else None
    children = list(delivery.children.order_by("full_name")) if delivery else []
    return PregnancyView(pregnancy, anc, signs, len(visits), delivery, children)


def visit_measurements(visit: AntenatalVisit) -> rules.VisitMeasurements:
    return rules.VisitMeasurements(
        visit_date=visit.visit_date,
        systolic=visit.systolic,
        diastolic=visit.diastolic,
        hb_g_dl=visit.hb_g_dl,
        lila_cm=visit.lila_cm,
        visit_id=str(visit.pk),
    )


def visit_list(pregnancy: Pregnancy) -> QuerySet[AntenatalVisit]:
    return pregnancy.visits.select_related("recorded_by").order_by("visit_date", "created_at")


@dataclass
class PostnatalView:
    delivery: Delivery
    children: dict[str, Child]
    contacts: list[postnatal.ScheduledContact]


def postnatal_view(pregnancy: Pregnancy, *, now: dt.datetime | None = None) -> PostnatalView | None:
    delivery = (
        Delivery.objects.filter(pregnancy=pregnancy)
        .prefetch_related(
            Prefetch("children", queryset=Child.objects.order_by("full_name", "id")),
            Prefetch("postnatal_contacts", queryset=PostnatalContact.objects.all()),
        )
        .first()
    )
    if delivery is None:
        return None
    children = {str(c.pk): c for c in delivery.children.all()}
    scheduled = postnatal.schedule(
        delivered_at=delivery.delivered_at,
        child_ids=list(children),
        contacts=[
            postnatal.ContactFact(c.code, c.contact_date, str(c.child_id or ""), str(c.pk))
            for c in delivery.postnatal_contacts.all()
        ],
        now=now or timezone.now(),
    )
    return PostnatalView(delivery, children, scheduled)


# --- Children -----------------------------------------------------------------------------


def child_list(
    user: Any,
    *,
    mother: str | None = None,
    village: str | None = None,
    q: str | None = None,
) -> QuerySet[Child]:
    qs = (
        children_visible_to(user)
        .select_related("mother__village", "latest_measurement")
        .order_by("-birth_date", "full_name", "id")
    )
    if mother:
        qs = qs.filter(mother_id=mother)
    if village:
        qs = qs.filter(mother__village_id=village)
    if q:
        qs = qs.filter(full_name__icontains=q.strip())
    return qs


def visible_child(user: Any, pk: Any, *, details: bool = True) -> Child:
    """The child by its id, then the visibility rule on the loaded mother (``may_see``):
    a primary-key lookup instead of the scope's OR-subquery, which cost more to build and
    plan than to run. Not visible: 404, as for a child that does not exist. Without
    ``details`` (the chart, the measurement list) the mother's village and the latest
    measurement are not joined."""
    if details:
        found = unique_or_none(
            Child.objects.select_related("mother__village", "latest_measurement").filter(pk=pk)
        )
    else:
        found = child_with_mother(pk)
    if found is None or not may_see(user, found.mother):
        raise NotFound(_("Data tidak ditemukan."))
    return found


def active_doses(given_codes: set[str] | None = None) -> list[ScheduleDose]:
    """The schedule: active doses, plus inactive ones a child has received."""
    query = Q(is_active=True)
    if given_codes:
        query |= Q(code__in=given_codes)
    return list(ScheduleDose.objects.filter(query).order_by("order", "code"))


@dataclass
class ImmunizationView:
    child: Child
    doses: list[tuple[ScheduleDose, immunization.DoseStatus, Immunization | None]]
    basic_complete_on: dt.date | None
    complete_by_first_birthday: bool


def immunization_view(child: Child, *, on: dt.date | None = None) -> ImmunizationView:
    records = {r.dose_id: r for r in child.immunizations.all()}
    doses = active_doses(set(records))
    statuses = immunization.schedule(
        rules=[d.rule() for d in doses],
        birth_date=child.birth_date,
        given={code: r.given_on for code, r in records.items()},
        today=on or today(),
    )
    rows = [(d, s, records.get(d.code)) for d, s in zip(doses, statuses, strict=True)]
    return ImmunizationView(
        child=child,
        doses=rows,
        basic_complete_on=child.basic_immunization_complete_on,
        complete_by_first_birthday=immunization.complete_by_first_birthday(
            child.birth_date, child.basic_immunization_complete_on
        ),
    )


def child_with_mother(pk: Any) -> Child | None:
    """The child and its mother (every column of both) by the child's id, in one statement
    written once (``core.sql``): the chart and the measurement list open with it."""
    connection = sql.connection_for(Child)
    child_fields, mother_fields = sql.concrete_fields(Child), sql.concrete_fields(Mother)
    statement = (
        f"SELECT {sql.column_list(child_fields, 'c', connection)},"  # noqa: S608 (names only)
        f" {sql.column_list(mother_fields, 'm', connection)}"
        f" FROM {sql.table(Child, connection)} c"
        f" JOIN {sql.table(Mother, connection)} m"
        f" ON {sql.column(Mother, 'id', 'm', connection)}"
        f" = {sql.column(Child, 'mother', 'c', connection)}"
        f" WHERE {sql.column(Child, 'id', 'c', connection)} = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, [Child._meta.pk.get_db_prep_value(pk, connection)])
        fetched = cursor.fetchall()
    if not fetched:
        return None
    values = sql.convert(fetched, sql.converters(child_fields, connection), connection)
    values = sql.convert(
        values, sql.converters(mother_fields, connection), connection, offset=len(child_fields)
    )
    child = sql.instances(Child, [values[0][: len(child_fields)]], connection)[0]
    child.mother = sql.instances(Mother, [values[0][len(child_fields) :]], connection)[0]
    return child


# A child's measurements, oldest first.
_MEASUREMENT_ORDER = ("measured_on", "created_at", "id")


def measurement_list(child: Child) -> sql.PagedRows[GrowthMeasurement]:
    """The child's measurements, oldest first, a page at a time (``core.sql``): a list
    screen every mother opens, where building the ORM query cost more than reading it."""
    connection = sql.connection_for(GrowthMeasurement)
    return sql.PagedRows(
        GrowthMeasurement,
        where=f"{sql.column(GrowthMeasurement, 'child', 't', connection)} = %s",
        params=[Child._meta.pk.get_db_prep_value(child.pk, connection)],
        order=_measurement_order(connection),
    )


def _measurement_order(connection: Any) -> str:
    return ", ".join(sql.column(GrowthMeasurement, n, "t", connection) for n in _MEASUREMENT_ORDER)


@dataclass(frozen=True, slots=True)
class ChartPoint:
    """What the chart draws of one measurement."""

    measured_on: dt.date
    age_days: int
    weight_kg: Decimal | None
    height_used_cm: Decimal | None
    wfa_z: Decimal | None
    lhfa_z: Decimal | None
    wfl_z: Decimal | None


def chart_points(child: Child) -> list[ChartPoint]:
    """Every measurement of the child, oldest first, as the chart draws it: 7 of its 23
    columns as plain values, in one statement written once (``core.sql``)."""
    connection = sql.connection_for(GrowthMeasurement)
    fields = [GrowthMeasurement._meta.get_field(name) for name in ChartPoint.__dataclass_fields__]
    statement = (
        f"SELECT {sql.column_list(fields, 't', connection)}"  # type: ignore[arg-type]  # noqa: S608
        f" FROM {sql.table(GrowthMeasurement, connection)} t"
        f" WHERE {sql.column(GrowthMeasurement, 'child', 't', connection)} = %s"
        f" ORDER BY {_measurement_order(connection)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, [Child._meta.pk.get_db_prep_value(child.pk, connection)])
        fetched = cursor.fetchall()
    steps = sql.converters(fields, connection)  # type: ignore[arg-type]
    return [ChartPoint(*values) for values in sql.convert(fetched, steps, connection)]


@dataclass
class GrowthChart:
    child: Child
    age_days: int
    points: list[ChartPoint]
    curves: dict[str, list[dict[str, object]]]


def growth_chart(child: Child, *, on: dt.date | None = None) -> GrowthChart:
    points = chart_points(child)
    age_now = ((on or today()) - child.birth_date).days
    horizon = max([age_now, *(p.age_days for p in points)])
    ages = growth.chart_ages(horizon)
    return GrowthChart(
        child=child,
        age_days=age_now,
        points=points,
        curves={
            growth.WFA: growth.reference_curves(growth.WFA, child.sex, ages),
            growth.LHFA: growth.reference_curves(growth.LHFA, child.sex, ages),
        },
    )


def zscores(
    *,
    sex: str,
    birth_date: dt.date,
    measured_on: dt.date,
    weight_kg: Decimal | None,
    height_cm: Decimal | None,
    position: str,
    oedema: bool = False,
) -> growth.GrowthResult:
    """The calculator: z-scores for any child, nothing stored. Impossible input is a 400;
    input outside the WHO tables gives null z-scores with a reason."""
    errors: dict[str, list[str]] = {}
    if measured_on < birth_date:
        errors["measured_on"] = [_("Tanggal pengukuran tidak boleh sebelum tanggal lahir.")]
    elif measured_on > today():
        errors["measured_on"] = [_("Tanggal pengukuran tidak boleh di masa depan.")]
    if weight_kg is None and height_cm is None:
        errors["weight_kg"] = [_("Isi berat badan, panjang/tinggi badan, atau keduanya.")]
    if height_cm is not None and not position:
        errors["position"] = [_("Pilih posisi pengukuran: berbaring atau berdiri.")]
    if errors:
        raise ValidationError(errors)
    return growth.compute(
        sex=sex,
        age_days=(measured_on - birth_date).days,
        weight_kg=weight_kg,
        height_cm=height_cm,
        position=position or None,
        oedema=oedema,
    )


# --- Access log ---------------------------------------------------------------------------


def access_log(mother: Mother, *, exclude_actor: Any = None) -> QuerySet[AuditEvent]:
    """Every event on the mother's book: her record, her pregnancies, her children.

    ``exclude_actor`` leaves out one person's own reads (the mother reading her book)."""
    pregnancy_ids = [str(pk) for pk in mother.pregnancies.values_list("pk", flat=True)]
    child_ids = [str(pk) for pk in mother.children.values_list("pk", flat=True)]
    query = Q(object_type="health.mother", object_id=str(mother.pk))
    if pregnancy_ids:
        query |= Q(object_type="health.pregnancy", object_id__in=pregnancy_ids)
    if child_ids:
        query |= Q(object_type="health.child", object_id__in=child_ids)
    events = AuditEvent.objects.filter(query)
    if exclude_actor is not None:
        events = events.exclude(actor=exclude_actor)
    return events.select_related("actor").order_by("-created_at", "-id")
