"""Demo data for the Buku KIA, with dates relative to today so the demo always looks alive.

The demo resident (Siti Aminah) is 24 weeks pregnant with 3 antenatal visits; her first
child, born about 14 months ago, has her immunizations up to date and 5 measurements.
Three other mothers without accounts give the worklist something to show: a first visit
due, an overdue contact with high blood pressure, a delivery 5 days ago (postnatal contacts
and the HB0 dose due), a stunted toddler.

Running it again changes nothing while the data is current; once the dates have drifted
by a week or more (or with ``reset``) the demo mothers' records are rebuilt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from accounts.models import Role, RoleAssignment, User
from core.audit import record_event
from core.models import Village
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
)
from health.services.children import record_immunization, record_measurement
from health.services.mothers import register_mother
from health.services.pregnancies import (
    record_delivery,
    record_postnatal_contact,
    record_visit,
    register_pregnancy,
)

D = Decimal
DEMO_MOTHER_NIK = "1602055403920001"  # Siti Aminah, the demo resident
DEMO_MOTHER_PHONE = "081200000001"
DEMO_WORKER_PHONE = "+6281200000003"  # Dewi Lestari, the demo midwife
ONGOING_WEEKS = 24
FIRST_CHILD_AGE_DAYS = 426  # about 14 months

OTHERS = [
    # NIK, name, birth date
    ("1602056108980101", "Nurhayati", dt.date(1998, 8, 21)),
    ("1602054211890102", "Dewi Sartika", dt.date(1989, 11, 2)),
    ("1602055005010103", "Yuliana", dt.date(2001, 5, 10)),
]

# Doses Siti's daughter received, at these ages (days)
FIRST_CHILD_DOSES = [
    ("hb0", 0),
    ("bcg", 30),
    ("opv1", 30),
    ("dpt_hb_hib1", 61),
    ("opv2", 61),
    ("pcv1", 61),
    ("rv1", 61),
    ("dpt_hb_hib2", 92),
    ("opv3", 92),
    ("pcv2", 92),
    ("rv2", 92),
    ("dpt_hb_hib3", 122),
    ("opv4", 122),
    ("ipv1", 122),
    ("rv3", 122),
    ("mr1", 275),
    ("ipv2", 275),
    ("pcv3", 366),
]

# age (days), weight kg, length cm, head circumference cm
FIRST_CHILD_GROWTH = [
    (30, "4.1", "53.0", "37.0"),
    (120, "6.2", "61.5", "40.5"),
    (210, "7.3", "66.5", "42.5"),
    (300, "8.1", "70.4", "44.0"),
    (FIRST_CHILD_AGE_DAYS - 3, "8.9", "74.6", "45.0"),
]


class DemoWorkerMissingError(RuntimeError):
    """The demo midwife (created by ``seed_demo``) does not exist yet."""


DemoWorkerMissing = DemoWorkerMissingError


@dataclass
class DemoResult:
    created: bool
    mothers: int


def _worker() -> User:
    worker = User.objects.filter(phone=DEMO_WORKER_PHONE).first()
    if (
        worker is None
        or not RoleAssignment.objects.filter(
            user=worker, role=Role.HEALTH_WORKER, is_active=True
        ).exists()
    ):
        raise DemoWorkerMissingError("The demo health worker is missing: run seed_demo first.")
    return worker


def _current(on: dt.date) -> bool:
    pregnancy = Pregnancy.objects.filter(
        mother__nik=DEMO_MOTHER_NIK, status=PregnancyStatus.ONGOING
    ).first()
    if pregnancy is None:
        return False
    drift = abs((on - pregnancy.hpht).days - ONGOING_WEEKS * 7)
    return drift < 7


def _erase(mothers: list[Mother]) -> None:
    """Remove the demo mothers' clinical records (the mother rows stay)."""
    children = Child.objects.filter(mother__in=mothers)
    children.update(latest_measurement=None)
    PostnatalContact.objects.filter(delivery__pregnancy__mother__in=mothers).delete()
    Immunization.objects.filter(child__in=children).delete()
    GrowthMeasurement.objects.filter(child__in=children).delete()
    children.delete()
    Delivery.objects.filter(pregnancy__mother__in=mothers).delete()
    AntenatalVisit.objects.filter(pregnancy__mother__in=mothers).delete()
    Pregnancy.objects.filter(mother__in=mothers).delete()


def _mother(
    by: User, nik: str, name: str, birth: dt.date, village: Village, phone: str = ""
) -> Mother:
    mother = Mother.objects.filter(nik=nik).first()
    if mother is None:
        mother, _warnings = register_mother(
            by=by, nik=nik, full_name=name, birth_date=birth, village_code=village.code, phone=phone
        )
    return mother


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def _visit(by: User, pregnancy: Pregnancy, weeks: int, days: int = 0, **data: Any) -> None:
    record_visit(
        by=by,
        pregnancy=pregnancy,
        visit_date=pregnancy.hpht + dt.timedelta(weeks=weeks, days=days),
        provider=data.pop("provider", "midwife"),
        **data,
    )


@transaction.atomic
def seed(*, reset: bool = False, on: dt.date | None = None) -> DemoResult:
    on = on or timezone.localdate()
    by = _worker()
    villages = list(
        Village.objects.filter(
            code__in=by.role_assignments.filter(role=Role.HEALTH_WORKER).values("villages")
        ).order_by("code")
    )
    niks = [DEMO_MOTHER_NIK, *(nik for nik, _name, _birth in OTHERS)]
    existing = list(Mother.objects.filter(nik__in=niks))
    if not reset and len(existing) == len(niks) and _current(on):
        return DemoResult(created=False, mothers=len(existing))
    _erase(existing)
    record_event(action="health.demo.reset", actor=None, data={"mothers": len(existing)})

    siti = _mother(
        by, DEMO_MOTHER_NIK, "Siti Aminah", dt.date(1992, 3, 14), villages[0], DEMO_MOTHER_PHONE
    )
    _siti_first_child(by, siti, on)
    current = register_pregnancy(
        by=by, mother=siti, hpht=on - dt.timedelta(weeks=ONGOING_WEEKS), gravida=2, para=1
    )
    _visit(
        by,
        current,
        8,
        2,
        provider="doctor",
        weight_kg=D("52.0"),
        height_cm=D("154.0"),
        systolic=110,
        diastolic=70,
        lila_cm=D("24.5"),
        hb_g_dl=D("11.8"),
        iron_tablets=30,
        notes="USG: janin tunggal hidup intrauterin.",
    )
    _visit(
        by,
        current,
        16,
        weight_kg=D("54.1"),
        systolic=115,
        diastolic=75,
        hb_g_dl=D("10.6"),
        fundal_height_cm=D("15.0"),
        fetal_heart_rate=142,
        iron_tablets=30,
    )
    _visit(
        by,
        current,
        22,
        weight_kg=D("56.3"),
        systolic=118,
        diastolic=76,
        hb_g_dl=D("11.2"),
        lila_cm=D("24.8"),
        fundal_height_cm=D("21.0"),
        fetal_heart_rate=145,
        iron_tablets=30,
    )

    second = villages[1] if len(villages) > 1 else villages[0]
    third = villages[2] if len(villages) > 2 else villages[0]
    (nik1, name1, birth1), (nik2, name2, birth2), (nik3, name3, birth3) = OTHERS
    nurhayati = _mother(by, nik1, name1, birth1, second)
    register_pregnancy(by=by, mother=nurhayati, hpht=on - dt.timedelta(weeks=10), gravida=2, para=1)
    _stunted_toddler(by, nurhayati, on)

    dewi = _mother(by, nik2, name2, birth2, third)
    late = register_pregnancy(
        by=by, mother=dewi, hpht=on - dt.timedelta(weeks=33), gravida=3, para=2
    )
    _visit(
        by,
        late,
        12,
        provider="doctor",
        weight_kg=D("61.0"),
        systolic=124,
        diastolic=80,
        hb_g_dl=D("11.4"),
        lila_cm=D("26.0"),
        iron_tablets=30,
    )
    _visit(by, late, 20, weight_kg=D("63.5"), systolic=130, diastolic=84, iron_tablets=30)
    _visit(
        by,
        late,
        26,
        weight_kg=D("66.0"),
        systolic=142,
        diastolic=92,
        hb_g_dl=D("10.8"),
        fundal_height_cm=D("25.0"),
        fetal_heart_rate=150,
        iron_tablets=30,
    )

    yuliana = _mother(by, nik3, name3, birth3, villages[0])
    _recent_delivery(by, yuliana, on)
    return DemoResult(created=True, mothers=4)


def _siti_first_child(by: User, siti: Mother, on: dt.date) -> None:
    born = on - dt.timedelta(days=FIRST_CHILD_AGE_DAYS)
    first = register_pregnancy(
        by=by, mother=siti, hpht=born - dt.timedelta(days=276), gravida=1, on=born
    )
    for weeks, provider in (
        (10, "doctor"),
        (17, "midwife"),
        (25, "midwife"),
        (30, "midwife"),
        (34, "doctor"),
        (37, "midwife"),
    ):
        record_visit(
            by=by,
            pregnancy=first,
            visit_date=first.hpht + dt.timedelta(weeks=weeks),
            provider=provider,
            systolic=112,
            diastolic=72,
            iron_tablets=30,
        )
    delivery = record_delivery(
        by=by,
        pregnancy=first,
        delivered_at=_at(born, 9, 30),
        place="puskesmas",
        attendant="midwife",
        method="spontaneous",
        mother_condition="healthy",
        babies=[
            {
                "full_name": "Aisyah Putri",
                "sex": "F",
                "birth_weight_g": 3100,
                "birth_length_cm": D("49.0"),
            }
        ],
    )
    child = delivery.children.get()
    for code, day in (("KF1", 1), ("KF2", 5), ("KF3", 14), ("KF4", 35)):
        record_postnatal_contact(
            by=by, pregnancy=first, code=code, contact_date=born + dt.timedelta(days=day)
        )
    for code, day in (("KN1", 1), ("KN2", 5), ("KN3", 14)):
        record_postnatal_contact(
            by=by,
            pregnancy=first,
            code=code,
            contact_date=born + dt.timedelta(days=day),
            child_id=child.pk,
        )
    for code, age in FIRST_CHILD_DOSES:
        record_immunization(
            by=by,
            child=child,
            dose_code=code,
            given_on=born + dt.timedelta(days=age),
            place="Posyandu Melati",
        )
    for age, weight, length, head in FIRST_CHILD_GROWTH:
        record_measurement(
            by=by,
            child=child,
            measured_on=born + dt.timedelta(days=age),
            weight_kg=D(weight),
            height_cm=D(length),
            position="lying",
            head_circumference_cm=D(head),
        )


def _stunted_toddler(by: User, mother: Mother, on: dt.date) -> None:
    from health.services.children import register_child

    born = on - dt.timedelta(days=920)
    child, _warnings = register_child(
        by=by,
        mother=mother,
        full_name="Rizky Pratama",
        sex="M",
        birth_date=born,
        birth_weight_g=2600,
        birth_length_cm=D("47.0"),
    )
    for age, weight, height in ((700, "10.4", "79.0"), (880, "11.0", "82.5")):
        record_measurement(
            by=by,
            child=child,
            measured_on=born + dt.timedelta(days=age),
            weight_kg=D(weight),
            height_cm=D(height),
            position="lying" if age < 731 else "standing",
        )


def _recent_delivery(by: User, mother: Mother, on: dt.date) -> None:
    born = on - dt.timedelta(days=5)
    pregnancy = register_pregnancy(
        by=by, mother=mother, hpht=born - dt.timedelta(days=272), gravida=1, on=born
    )
    for weeks in (11, 18, 26, 31):
        record_visit(
            by=by,
            pregnancy=pregnancy,
            visit_date=pregnancy.hpht + dt.timedelta(weeks=weeks),
            provider="doctor" if weeks in (11, 31) else "midwife",
        )
    delivery = record_delivery(
        by=by,
        pregnancy=pregnancy,
        delivered_at=_at(born, 3, 15),
        place="clinic",
        attendant="midwife",
        method="spontaneous",
        mother_condition="healthy",
        babies=[{"sex": "M", "birth_weight_g": 2950, "birth_length_cm": D("48.5")}],
    )
    baby = delivery.children.get()
    record_postnatal_contact(
        by=by, pregnancy=pregnancy, code="KF1", contact_date=born + dt.timedelta(days=1)
    )
    record_postnatal_contact(
        by=by,
        pregnancy=pregnancy,
        code="KN1",
        contact_date=born + dt.timedelta(days=1),
        child_id=baby.pk,
    )
    record_measurement(
        by=by,
        child=baby,
        measured_on=born,
        weight_kg=D("2.95"),
        height_cm=D("48.5"),
        position="lying",
    )
