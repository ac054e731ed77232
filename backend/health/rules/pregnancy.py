"""Pregnancy dating, the 6-contact antenatal standard and the danger signs.

- Due date (HPL) by Naegele: first day of the last period (HPHT) + 280 days.
- Gestational age on a date: days since HPHT, shown as weeks + days.
- Trimesters: T1 0+0-13+6, T2 14+0-27+6, T3 from 28+0.
- Antenatal care: at least 6 contacts, 1 in T1 (K1), 2 in T2 (K2, K3), 3 in T3 (K4-K6); at
  least 2 with a doctor, one in T1 and one in T3. A visit fills the next free contact of
  the trimester it falls in; extra visits in a trimester do not fill another trimester's
  contacts.
- Each contact has a target date ("due by"); see ``CONTACT_PLAN``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from health.rules.dates import add_years, age_in_years

PREGNANCY_DAYS = 280
T1_LAST_DAY = 13 * 7 + 6  # 13+6
T2_LAST_DAY = 27 * 7 + 6  # 27+6
MAX_GESTATION_DAYS = 45 * 7  # beyond this a date is implausible for a pregnancy
MIN_DELIVERY_DAYS = 20 * 7  # before 20+0 a pregnancy ends in abortion, not a delivery

DOCTOR = "doctor"
MIDWIFE = "midwife"

# Contact code, trimester, "due by" gestational day (inclusive). K6 is due by the due date.
CONTACT_PLAN: tuple[tuple[str, int, int], ...] = (
    ("K1", 1, T1_LAST_DAY),
    ("K2", 2, 20 * 7 + 6),
    ("K3", 2, T2_LAST_DAY),
    ("K4", 3, 31 * 7 + 6),
    ("K5", 3, 35 * 7 + 6),
    ("K6", 3, PREGNANCY_DAYS),
)
TRIMESTER_CONTACTS = {1: 1, 2: 2, 3: 3}

# Contact states
DONE = "done"
DUE = "due"
OVERDUE = "overdue"
MISSED = "missed"
UPCOMING = "upcoming"

STATUS_LABELS = {
    DONE: _("Sudah"),
    DUE: _("Jatuh tempo"),
    OVERDUE: _("Terlambat"),
    MISSED: _("Terlewat"),
    UPCOMING: _("Belum waktunya"),
}


def due_date(hpht: dt.date) -> dt.date:
    return hpht + dt.timedelta(days=PREGNANCY_DAYS)


def gestational_days(hpht: dt.date, on: dt.date) -> int:
    return (on - hpht).days


def weeks_days(days: int) -> tuple[int, int]:
    return days // 7, days % 7


def trimester(days: int) -> int:
    if days <= T1_LAST_DAY:
        return 1
    if days <= T2_LAST_DAY:
        return 2
    return 3


def trimester_bounds(hpht: dt.date, number: int) -> tuple[dt.date, dt.date | None]:
    """First and last day of a trimester; T3 has no fixed last day (it ends at delivery)."""
    if number == 1:
        return hpht, hpht + dt.timedelta(days=T1_LAST_DAY)
    if number == 2:
        return hpht + dt.timedelta(days=T1_LAST_DAY + 1), hpht + dt.timedelta(days=T2_LAST_DAY)
    return hpht + dt.timedelta(days=T2_LAST_DAY + 1), None


@dataclass(frozen=True)
class VisitFact:
    visit_date: dt.date
    provider: str
    visit_id: str = ""


@dataclass
class Contact:
    code: str
    trimester: int
    window_start: dt.date
    window_end: dt.date | None  # None: until delivery
    due_from: dt.date
    due_by: dt.date
    status: str = UPCOMING
    visit_id: str = ""
    visit_date: dt.date | None = None
    provider: str = ""
    doctor_needed: bool = False


@dataclass
class AncStatus:
    contacts: list[Contact]
    done: int
    required: int
    complete: bool
    next: Contact | None
    doctor_t1: VisitFact | None
    doctor_t3: VisitFact | None
    visits_by_trimester: dict[int, int] = field(default_factory=dict)

    @property
    def doctor_rule_met(self) -> bool:
        return self.doctor_t1 is not None and self.doctor_t3 is not None


def anc_status(
    *,
    hpht: dt.date,
    visits: Iterable[VisitFact],
    today: dt.date,
    ended_on: dt.date | None = None,
) -> AncStatus:
    """Contacts done, due, overdue or missed. ``ended_on``: delivery or end of pregnancy."""
    ordered = sorted(visits, key=lambda v: (v.visit_date, v.visit_id))
    by_trimester: dict[int, list[VisitFact]] = {1: [], 2: [], 3: []}
    for visit in ordered:
        days = gestational_days(hpht, visit.visit_date)
        if days < 0:
            continue
        by_trimester[trimester(days)].append(visit)

    doctor = {t: next((v for v in by_trimester[t] if v.provider == DOCTOR), None) for t in (1, 3)}
    contacts: list[Contact] = []
    slot_index = {1: 0, 2: 0, 3: 0}
    previous_due_by: dict[int, dt.date] = {}
    for code, number, due_day in CONTACT_PLAN:
        start, end = trimester_bounds(hpht, number)
        due_by = hpht + dt.timedelta(days=due_day)
        due_from = previous_due_by.get(number, start - dt.timedelta(days=1)) + dt.timedelta(days=1)
        previous_due_by[number] = due_by
        contact = Contact(
            code=code,
            trimester=number,
            window_start=start,
            window_end=end,
            due_from=due_from,
            due_by=due_by,
        )
        filled = by_trimester[number]
        index = slot_index[number]
        slot_index[number] += 1
        if index < len(filled):
            visit = filled[index]
            contact.status = DONE
            contact.visit_id = visit.visit_id
            contact.visit_date = visit.visit_date
            contact.provider = visit.provider
        else:
            if ended_on is not None or (end is not None and today > end):
                contact.status = MISSED  # the pregnancy or the trimester is over
            elif today > due_by:
                contact.status = OVERDUE
            elif today >= due_from:
                contact.status = DUE
            else:
                contact.status = UPCOMING
            contact.doctor_needed = number in doctor and doctor[number] is None
        contacts.append(contact)

    done = sum(1 for c in contacts if c.status == DONE)
    pending = [c for c in contacts if c.status in (DUE, OVERDUE, UPCOMING)]
    return AncStatus(
        contacts=contacts,
        done=done,
        required=len(CONTACT_PLAN),
        complete=done == len(CONTACT_PLAN),
        next=pending[0] if pending else None,
        doctor_t1=doctor[1],
        doctor_t3=doctor[3],
        visits_by_trimester={t: len(v) for t, v in by_trimester.items()},
    )


# --- Danger signs ------------------------------------------------------------------------

AGE_UNDER_20 = "age_under_20"
AGE_OVER_35 = "age_over_35"
HIGH_BLOOD_PRESSURE = "high_blood_pressure"
ANAEMIA = "anaemia"
CHRONIC_ENERGY_DEFICIENCY = "chronic_energy_deficiency"
GRAND_MULTIPARA = "grand_multipara"
SHORT_BIRTH_INTERVAL = "short_birth_interval"

DANGER_SIGN_LABELS = {
    AGE_UNDER_20: _("Usia ibu di bawah 20 tahun"),
    AGE_OVER_35: _("Usia ibu di atas 35 tahun"),
    HIGH_BLOOD_PRESSURE: _("Tekanan darah tinggi (≥ 140/90 mmHg)"),
    ANAEMIA: _("Anemia (Hb < 11 g/dL)"),
    CHRONIC_ENERGY_DEFICIENCY: _("Kurang energi kronis (LiLA < 23,5 cm)"),
    GRAND_MULTIPARA: _("Sudah melahirkan lebih dari 4 kali"),
    SHORT_BIRTH_INTERVAL: _("Jarak dari persalinan terakhir kurang dari 2 tahun"),
}

HB_LIMIT = Decimal("11")
LILA_LIMIT = Decimal("23.5")
SYSTOLIC_LIMIT = 140
DIASTOLIC_LIMIT = 90


@dataclass(frozen=True)
class VisitMeasurements:
    visit_date: dt.date
    systolic: int | None = None
    diastolic: int | None = None
    hb_g_dl: Decimal | None = None
    lila_cm: Decimal | None = None
    visit_id: str = ""


@dataclass(frozen=True)
class DangerSign:
    code: str
    value: str = ""
    visit_date: dt.date | None = None

    @property
    def label(self) -> str:
        return str(DANGER_SIGN_LABELS[self.code])


def visit_danger_signs(visit: VisitMeasurements) -> list[DangerSign]:
    """Signs read from one visit's measurements."""
    signs: list[DangerSign] = []
    if (visit.systolic is not None and visit.systolic >= SYSTOLIC_LIMIT) or (
        visit.diastolic is not None and visit.diastolic >= DIASTOLIC_LIMIT
    ):
        signs.append(
            DangerSign(
                HIGH_BLOOD_PRESSURE,
                f"{visit.systolic or '-'}/{visit.diastolic or '-'}",
                visit.visit_date,
            )
        )
    if visit.hb_g_dl is not None and visit.hb_g_dl < HB_LIMIT:
        signs.append(DangerSign(ANAEMIA, str(visit.hb_g_dl), visit.visit_date))
    if visit.lila_cm is not None and visit.lila_cm < LILA_LIMIT:
        signs.append(DangerSign(CHRONIC_ENERGY_DEFICIENCY, str(visit.lila_cm), visit.visit_date))
    return signs


def danger_signs(
    *,
    mother_birth_date: dt.date,
    hpht: dt.date,
    para: int,
    last_birth: dt.date | None,
    visits: Sequence[VisitMeasurements],
) -> list[DangerSign]:
    """The pregnancy's signs: the mother's age at HPHT, parity, birth interval, and the latest
    recorded blood pressure, Hb and LiLA (each from the most recent visit that measured it).
    """
    signs: list[DangerSign] = []
    age = age_in_years(mother_birth_date, hpht)
    if age < 20:
        signs.append(DangerSign(AGE_UNDER_20, str(age)))
    elif age > 35:
        signs.append(DangerSign(AGE_OVER_35, str(age)))
    if para > 4:
        signs.append(DangerSign(GRAND_MULTIPARA, str(para)))
    if last_birth is not None and last_birth <= hpht < add_years(last_birth, 2):
        signs.append(DangerSign(SHORT_BIRTH_INTERVAL, last_birth.isoformat()))

    latest = sorted(visits, key=lambda v: (v.visit_date, v.visit_id), reverse=True)
    bp = next((v for v in latest if v.systolic is not None or v.diastolic is not None), None)
    hb = next((v for v in latest if v.hb_g_dl is not None), None)
    lila = next((v for v in latest if v.lila_cm is not None), None)
    for source, code in (
        (bp, HIGH_BLOOD_PRESSURE),
        (hb, ANAEMIA),
        (lila, CHRONIC_ENERGY_DEFICIENCY),
    ):
        if source is None:
            continue
        signs.extend(s for s in visit_danger_signs(source) if s.code == code)
    return signs
