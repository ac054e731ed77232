"""The health worker's worklist: who needs a visit, a vaccine or attention, in her villages.

- ANC: ongoing pregnancies whose next contact is due or overdue.
- Postnatal: deliveries of the last 42 days with a KF/KN contact due or overdue (no KF
  contact when the mother died).
- Immunization: children under 24 months with a dose due or overdue.
- Growth: children under five whose latest measurement shows stunting, wasting or
  underweight (z < -2).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import F, Prefetch, Q
from django.utils import timezone

from health.models import (
    AntenatalVisit,
    Child,
    Delivery,
    Immunization,
    Mother,
    MotherCondition,
    Pregnancy,
    PregnancyStatus,
)
from health.rules import growth, immunization, postnatal
from health.rules import pregnancy as rules
from health.rules.dates import add_years
from health.selectors.access import worker_village_codes
from health.selectors.records import active_doses

IMMUNIZATION_AGE_YEARS = 2
GROWTH_PROBLEMS = (
    ("stunted", "lhfa_z"),
    ("wasted", "wfl_z"),
    ("underweight", "wfa_z"),
)


@dataclass
class AncItem:
    pregnancy: Pregnancy
    contact: rules.Contact
    gestational_days: int


@dataclass
class PostnatalItem:
    delivery: Delivery
    contact: postnatal.ScheduledContact
    child: Child | None


@dataclass
class ImmunizationItem:
    child: Child
    doses: list[tuple[Any, immunization.DoseStatus]]


@dataclass
class GrowthItem:
    child: Child
    problems: list[str]


@dataclass
class Worklist:
    as_of: dt.date
    anc: list[AncItem] = field(default_factory=list)
    postnatal: list[PostnatalItem] = field(default_factory=list)
    immunization: list[ImmunizationItem] = field(default_factory=list)
    growth: list[GrowthItem] = field(default_factory=list)

    def mothers(self) -> list[Mother]:
        seen: dict[Any, Mother] = {}
        for item in self.anc:
            seen.setdefault(item.pregnancy.mother_id, item.pregnancy.mother)
        for p_item in self.postnatal:
            seen.setdefault(p_item.delivery.pregnancy.mother_id, p_item.delivery.pregnancy.mother)
        return list(seen.values())

    def children(self) -> list[Child]:
        seen: dict[Any, Child] = {}
        for i_item in self.immunization:
            seen.setdefault(i_item.child.pk, i_item.child)
        for g_item in self.growth:
            seen.setdefault(g_item.child.pk, g_item.child)
        return list(seen.values())


def anc_items(scope: Q, on: dt.date) -> list[AncItem]:
    """Ongoing pregnancies in ``scope`` whose next contact is due or overdue on ``on``."""
    items: list[AncItem] = []
    pregnancies = (
        Pregnancy.objects.filter(scope, status=PregnancyStatus.ONGOING)
        .select_related("mother__village")
        .prefetch_related(
            Prefetch(
                "visits",
                queryset=AntenatalVisit.objects.only(
                    "id", "pregnancy_id", "visit_date", "provider"
                ),
            )
        )
    )
    for pregnancy in pregnancies:
        status = rules.anc_status(
            hpht=pregnancy.hpht,
            visits=[
                rules.VisitFact(v.visit_date, v.provider, str(v.pk)) for v in pregnancy.visits.all()
            ],
            today=on,
        )
        nxt = status.next
        if nxt is not None and nxt.status in (rules.DUE, rules.OVERDUE):
            days = rules.gestational_days(pregnancy.hpht, on)
            items.append(AncItem(pregnancy, nxt, days))
    items.sort(key=lambda i: (i.contact.status != rules.OVERDUE, i.contact.due_by))
    return items


def immunization_items(scope: Q, on: dt.date) -> list[ImmunizationItem]:
    """Children in ``scope`` under two years with a dose due or overdue on ``on``."""
    items: list[ImmunizationItem] = []
    doses = active_doses()
    dose_rules = [d.rule() for d in doses]
    children = (
        Child.objects.filter(scope, birth_date__gt=add_years(on, -IMMUNIZATION_AGE_YEARS))
        .select_related("mother__village")
        .prefetch_related(
            Prefetch(
                "immunizations",
                queryset=Immunization.objects.only("id", "child_id", "dose_id", "given_on"),
            )
        )
        .order_by("birth_date", "id")
    )
    for child in children:
        statuses = immunization.schedule(
            rules=dose_rules,
            birth_date=child.birth_date,
            given={r.dose_id: r.given_on for r in child.immunizations.all()},
            today=on,
        )
        pending = [
            (dose, status)
            for dose, status in zip(doses, statuses, strict=True)
            if status.status in (immunization.DUE, immunization.OVERDUE)
        ]
        if pending:
            items.append(ImmunizationItem(child, pending))
    return items


def worklist(user: Any, *, village: str | None = None, now: dt.datetime | None = None) -> Worklist:
    now = now or timezone.now()
    on = timezone.localtime(now).date()
    villages = worker_village_codes(user)
    scope = Q(mother__village_id__in=villages)
    if village:
        scope &= Q(mother__village_id=village)
    result = Worklist(as_of=on)

    # Antenatal contacts
    result.anc = anc_items(scope, on)

    # Postnatal contacts
    deliveries = (
        Delivery.objects.filter(
            pregnancy__mother__village_id__in=villages,
            delivered_at__gte=now - dt.timedelta(days=postnatal.LAST_WINDOW_DAYS + 1),
        )
        .select_related("pregnancy__mother__village")
        .prefetch_related("children", "postnatal_contacts")
    )
    if village:
        deliveries = deliveries.filter(pregnancy__mother__village_id=village)
    for delivery in deliveries:
        kids = {str(c.pk): c for c in delivery.children.all()}
        scheduled = postnatal.schedule(
            delivered_at=delivery.delivered_at,
            child_ids=list(kids),
            contacts=[
                postnatal.ContactFact(c.code, c.contact_date, str(c.child_id or ""))
                for c in delivery.postnatal_contacts.all()
            ],
            now=now,
        )
        last_end = max(s.window.ends_at for s in scheduled)
        mother_died = delivery.mother_condition == MotherCondition.DIED
        for contact in scheduled:
            if mother_died and contact.window.who == postnatal.MOTHER:
                continue
            if contact.status in (postnatal.DUE, postnatal.OVERDUE) and now <= last_end:
                result.postnatal.append(
                    PostnatalItem(delivery, contact, kids.get(contact.child_id))
                )
    result.postnatal.sort(
        key=lambda i: (i.contact.status != postnatal.OVERDUE, i.contact.window.ends_at)
    )

    # Immunization
    result.immunization = immunization_items(scope, on)

    # Growth
    under_five = on - dt.timedelta(days=growth.MAX_AGE_DAYS)
    problems = (
        Q(latest_measurement__lhfa_z__lt=-2)
        | Q(latest_measurement__wfl_z__lt=-2)
        | Q(latest_measurement__wfa_z__lt=-2)
    )
    flagged = (
        Child.objects.filter(scope, problems, birth_date__gte=under_five)
        .select_related("mother__village", "latest_measurement")
        .order_by(F("latest_measurement__lhfa_z").asc(nulls_last=True), "id")
    )
    for child in flagged:
        m = child.latest_measurement
        found = [
            name
            for name, attr in GROWTH_PROBLEMS
            if (getattr(m, attr) is not None and getattr(m, attr) < -2)
        ]
        result.growth.append(GrowthItem(child, found))
    return result
