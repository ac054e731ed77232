"""Pregnancy arithmetic, the 6-contact standard and the danger signs (pure rules)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from health.rules import pregnancy as rules
from health.rules.pregnancy import DOCTOR, MIDWIFE, VisitFact, VisitMeasurements

HPHT = dt.date(2025, 1, 1)


def day(gestational_days: int) -> dt.date:
    return HPHT + dt.timedelta(days=gestational_days)


def wd(weeks: int, days: int = 0) -> dt.date:
    return day(weeks * 7 + days)


def test_due_date_is_hpht_plus_280_days() -> None:
    assert rules.due_date(HPHT) == dt.date(2025, 10, 8)
    assert rules.due_date(dt.date(2024, 2, 29)) == dt.date(2024, 12, 5)


def test_gestational_age_in_weeks_and_days() -> None:
    assert rules.weeks_days(rules.gestational_days(HPHT, dt.date(2025, 6, 20))) == (24, 2)
    assert rules.weeks_days(0) == (0, 0)
    assert rules.weeks_days(280) == (40, 0)


@pytest.mark.parametrize(
    ("weeks", "days", "trimester"),
    [(0, 0, 1), (13, 6, 1), (14, 0, 2), (27, 6, 2), (28, 0, 3), (41, 2, 3)],
)
def test_trimester_boundaries(weeks: int, days: int, trimester: int) -> None:
    assert rules.trimester(weeks * 7 + days) == trimester


def status_on(
    on: dt.date, visits: list[VisitFact], ended_on: dt.date | None = None
) -> rules.AncStatus:
    return rules.anc_status(hpht=HPHT, visits=visits, today=on, ended_on=ended_on)


def by_code(status: rules.AncStatus) -> dict[str, rules.Contact]:
    return {c.code: c for c in status.contacts}


def test_no_visit_yet_in_the_first_trimester() -> None:
    status = status_on(wd(8), [])
    contacts = by_code(status)
    assert contacts["K1"].status == rules.DUE
    assert contacts["K1"].due_by == wd(13, 6)
    assert contacts["K1"].doctor_needed is True
    assert [contacts[c].status for c in ("K2", "K3", "K4", "K5", "K6")] == [rules.UPCOMING] * 5
    assert status.next is not None and status.next.code == "K1"
    assert status.done == 0 and status.required == 6 and not status.complete


def test_k1_missed_when_the_first_trimester_passed() -> None:
    contacts = by_code(status_on(wd(14, 0), []))
    assert contacts["K1"].status == rules.MISSED
    assert contacts["K2"].status == rules.DUE
    assert contacts["K2"].due_from == wd(14, 0)
    assert contacts["K2"].due_by == wd(20, 6)
    assert contacts["K3"].status == rules.UPCOMING
    assert contacts["K3"].due_from == wd(21, 0)


def test_visits_fill_the_contacts_of_their_trimester() -> None:
    visits = [
        VisitFact(wd(10), DOCTOR, "a"),
        VisitFact(wd(12), MIDWIFE, "b"),  # a second T1 visit does not count for T2
        VisitFact(wd(16), MIDWIFE, "c"),
        VisitFact(wd(24), MIDWIFE, "d"),
        VisitFact(wd(29), MIDWIFE, "e"),
    ]
    status = status_on(wd(33), visits)
    contacts = by_code(status)
    assert contacts["K1"].status == rules.DONE and contacts["K1"].visit_id == "a"
    assert contacts["K2"].visit_id == "c" and contacts["K3"].visit_id == "d"
    assert contacts["K4"].visit_id == "e"
    assert contacts["K5"].status == rules.DUE  # 32+0 .. 35+6
    assert contacts["K5"].doctor_needed is True  # no doctor yet in T3
    assert contacts["K6"].status == rules.UPCOMING
    assert status.done == 4
    assert status.next is not None and status.next.code == "K5"
    assert status.visits_by_trimester == {1: 2, 2: 2, 3: 1}


def test_overdue_inside_the_trimester_then_missed_after_it() -> None:
    contacts = by_code(status_on(wd(22), [VisitFact(wd(9), MIDWIFE, "a")]))
    assert contacts["K2"].status == rules.OVERDUE  # due by 20+6, T2 still open
    assert contacts["K3"].status == rules.DUE
    visits = [VisitFact(wd(9), MIDWIFE, "a"), VisitFact(wd(15), MIDWIFE, "b")]
    contacts = by_code(status_on(wd(25), visits))
    assert contacts["K3"].status == rules.DUE
    contacts = by_code(status_on(wd(27, 6), visits))
    assert contacts["K3"].status == rules.DUE
    contacts = by_code(status_on(wd(28, 0), visits))
    assert contacts["K3"].status == rules.MISSED
    contacts = by_code(status_on(wd(33), visits))
    assert contacts["K4"].status == rules.OVERDUE  # due by 31+6


def test_k6_overdue_after_due_date_and_missed_after_delivery() -> None:
    visits = [VisitFact(wd(w), MIDWIFE, str(w)) for w in (10, 16, 22, 29, 33)]
    status = status_on(wd(40, 1), visits)
    assert by_code(status)["K6"].status == rules.OVERDUE
    status = status_on(wd(41), visits, ended_on=wd(40, 3))
    assert by_code(status)["K6"].status == rules.MISSED
    assert status.next is None


def test_six_contacts_and_the_doctor_rule() -> None:
    visits = [
        VisitFact(wd(10), DOCTOR, "1"),
        VisitFact(wd(16), MIDWIFE, "2"),
        VisitFact(wd(24), MIDWIFE, "3"),
        VisitFact(wd(29), MIDWIFE, "4"),
        VisitFact(wd(33), MIDWIFE, "5"),
        VisitFact(wd(37), MIDWIFE, "6"),
    ]
    status = status_on(wd(38), visits)
    assert status.complete and status.done == 6 and status.next is None
    assert status.doctor_t1 is not None and status.doctor_t3 is None
    assert not status.doctor_rule_met
    visits[4] = VisitFact(wd(33), DOCTOR, "5")
    status = status_on(wd(38), visits)
    assert status.doctor_rule_met


# --- Danger signs -------------------------------------------------------------------------


def signs(
    *,
    mother_birth_date: dt.date = dt.date(1995, 1, 1),
    para: int = 1,
    last_birth: dt.date | None = None,
    visits: list[VisitMeasurements] | None = None,
) -> set[str]:
    found = rules.danger_signs(
        mother_birth_date=mother_birth_date,
        hpht=HPHT,
        para=para,
        last_birth=last_birth,
        visits=visits or [],
    )
    return {s.code for s in found}


def test_no_sign_for_an_uneventful_pregnancy() -> None:
    visit = VisitMeasurements(
        wd(12), systolic=110, diastolic=70, hb_g_dl=Decimal("12.1"), lila_cm=Decimal("25")
    )
    assert signs(visits=[visit], last_birth=dt.date(2022, 12, 31)) == set()


def test_age_under_20_and_over_35_at_hpht() -> None:
    assert signs(mother_birth_date=dt.date(2005, 1, 2)) == {rules.AGE_UNDER_20}  # 19
    assert signs(mother_birth_date=dt.date(2005, 1, 1)) == set()  # 20 on HPHT
    assert signs(mother_birth_date=dt.date(1989, 1, 2)) == set()  # 35
    assert signs(mother_birth_date=dt.date(1989, 1, 1)) == {rules.AGE_OVER_35}  # 36
    assert signs(mother_birth_date=dt.date(1988, 12, 31)) == {rules.AGE_OVER_35}  # 36


def test_more_than_four_previous_births() -> None:
    assert signs(para=4) == set()
    assert signs(para=5) == {rules.GRAND_MULTIPARA}


def test_under_two_years_since_the_last_birth() -> None:
    assert signs(last_birth=dt.date(2023, 1, 2)) == {rules.SHORT_BIRTH_INTERVAL}
    assert signs(last_birth=dt.date(2023, 1, 1)) == set()


@pytest.mark.parametrize(
    ("systolic", "diastolic", "expected"),
    [(139, 89, False), (140, 80, True), (120, 90, True), (150, 95, True)],
)
def test_blood_pressure_140_90(systolic: int, diastolic: int, expected: bool) -> None:
    visit = VisitMeasurements(wd(20), systolic=systolic, diastolic=diastolic)
    assert (rules.HIGH_BLOOD_PRESSURE in signs(visits=[visit])) is expected


def test_anaemia_and_chronic_energy_deficiency() -> None:
    low = VisitMeasurements(wd(20), hb_g_dl=Decimal("10.9"), lila_cm=Decimal("23.4"))
    assert signs(visits=[low]) == {rules.ANAEMIA, rules.CHRONIC_ENERGY_DEFICIENCY}
    edge = VisitMeasurements(wd(20), hb_g_dl=Decimal("11.0"), lila_cm=Decimal("23.5"))
    assert signs(visits=[edge]) == set()


def test_signs_follow_the_latest_measurement() -> None:
    anaemic = VisitMeasurements(wd(12), hb_g_dl=Decimal("9.5"), visit_id="a")
    treated = VisitMeasurements(wd(24), hb_g_dl=Decimal("11.8"), visit_id="b")
    no_hb = VisitMeasurements(wd(30), systolic=110, diastolic=70, visit_id="c")
    assert rules.ANAEMIA not in signs(visits=[anaemic, treated, no_hb])
    assert rules.ANAEMIA in signs(visits=[anaemic, no_hb])
