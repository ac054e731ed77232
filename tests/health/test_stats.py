"""Aggregate figures on a small hand-made data set, to the exact number."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import User
from core.models import Village
from health import services
from health.models import Child, Mother, Pregnancy
from health.rules import growth
from tests.health.conftest import days_ago, make_child, make_mother, make_pregnancy, today

pytestmark = pytest.mark.django_db

BASIC_PLAN = [
    ("hb0", 0), ("bcg", 30), ("opv1", 30), ("dpt_hb_hib1", 60), ("opv2", 60),
    ("dpt_hb_hib2", 90), ("opv3", 90), ("dpt_hb_hib3", 120), ("opv4", 120), ("ipv1", 120),
    ("mr1", 280),
]  # fmt: skip


def visits(by: User, pregnancy: Pregnancy, weeks: list[int], on: dt.date) -> None:
    for week in weeks:
        services.record_visit(
            by=by,
            pregnancy=pregnancy,
            visit_date=pregnancy.hpht + dt.timedelta(weeks=week),
            provider="midwife",
            on=on,
        )


def delivered(by: User, mother: Mother, *, days_ago_: int, weeks: list[int]) -> Pregnancy:
    birth = today() - dt.timedelta(days=days_ago_)
    pregnancy = services.register_pregnancy(
        by=by, mother=mother, hpht=birth - dt.timedelta(days=275), gravida=1, on=birth
    )
    visits(by, pregnancy, weeks, on=birth)
    services.record_delivery(
        by=by,
        pregnancy=pregnancy,
        delivered_at=timezone.now() - dt.timedelta(days=days_ago_),
        place="puskesmas",
        attendant="midwife",
        method="spontaneous",
        mother_condition="healthy",
        babies=[] if days_ago_ > 365 else [{"sex": "M"}],
        stillbirths=1 if days_ago_ > 365 else 0,
    )
    return pregnancy


def measure(by: User, child: Child, on: dt.date, weight: str, height: str) -> Any:
    return services.record_measurement(
        by=by,
        child=child,
        measured_on=on,
        weight_kg=Decimal(weight),
        height_cm=Decimal(height),
        position="lying" if (on - child.birth_date).days < 731 else "standing",
    )


@pytest.fixture
def data(health_worker: User, village: Village, second_village: Village) -> dict[str, Any]:
    hw = health_worker
    # Village A: three ongoing pregnancies
    a1 = make_pregnancy(hw, make_mother(hw, village, full_name="A1"), weeks=20)
    visits(hw, a1, [10], on=today())  # K1 done
    make_pregnancy(hw, make_mother(hw, village, full_name="A2"), weeks=10)  # T1 not over yet
    a3 = make_pregnancy(hw, make_mother(hw, village, full_name="A3"), weeks=16)
    visits(hw, a3, [15], on=today())  # first visit in T2: no K1
    # Village B: two deliveries in the last year (a baby each, 30 and 45 days old), and one
    # more than a year ago (a stillbirth)
    b1 = make_mother(hw, second_village, full_name="B1")
    delivered(hw, b1, days_ago_=30, weeks=[10, 16, 24, 29, 33, 37])  # K1 and K6
    b2 = make_mother(hw, second_village, full_name="B2")
    delivered(hw, b2, days_ago_=45, weeks=[10, 16])  # K1 only
    b3 = make_mother(hw, second_village, full_name="B3")
    delivered(hw, b3, days_ago_=400, weeks=[10])  # outside the 12-month cohort

    # Children of village A
    mother_a = make_mother(hw, village, full_name="Ibu Anak A")
    ca1 = make_child(hw, mother_a, age_days=400, full_name="cA1")
    for code, age in BASIC_PLAN:
        services.record_immunization(
            by=hw, child=ca1, dose_code=code, given_on=ca1.birth_date + dt.timedelta(days=age)
        )
    m = measure(hw, ca1, today(), "8.5", "69.0")
    assert (m.lhfa_category, m.wfa_category, m.wfl_category) == ("stunted", "normal", "normal")
    ca2 = make_child(hw, mother_a, age_days=200, full_name="cA2")
    m = measure(hw, ca2, days_ago(40), "7.0", "64.0")
    assert (m.lhfa_category, m.wfa_category, m.wfl_category) == ("normal", "normal", "normal")
    make_child(hw, mother_a, age_days=2000, full_name="cA3")  # over five
    # Children of village B
    mother_b = make_mother(hw, second_village, full_name="Ibu Anak B")
    cb1 = make_child(hw, mother_b, age_days=500, sex="M", full_name="cB1")
    services.record_immunization(
        by=hw, child=cb1, dose_code="bcg", given_on=cb1.birth_date + dt.timedelta(days=30)
    )
    m = measure(hw, cb1, today(), "8.0", "80.0")
    assert m.wfa_category == "underweight" and m.wfl_z is not None and m.wfl_z < -2
    assert m.lhfa_category == "normal"
    make_child(hw, mother_b, age_days=30, full_name="cB2")
    return {"village": village, "second": second_village}


def coverage(count: int, eligible: int, pct: float | None) -> dict[str, Any]:
    return {"count": count, "eligible": eligible, "pct": pct}


def dose(figures: dict[str, Any], code: str) -> dict[str, Any]:
    row = next(d for d in figures["immunization"]["doses"] if d["code"] == code)
    return {k: row[k] for k in ("count", "eligible", "pct")}


def test_exact_figures(
    login: Callable[[User], APIClient], regency_admin: User, data: dict[str, Any]
) -> None:
    body = login(regency_admin).get("/api/v1/health/stats/").json()
    assert body["as_of"] == today().isoformat()
    total = body["total"]
    assert total["pregnancies"] == {
        "ongoing": 3,
        "k1": coverage(3, 4, 75.0),
        "k6": coverage(1, 2, 50.0),
    }
    assert dose(total, "bcg") == coverage(2, 3, 66.7)
    assert dose(total, "mr1") == coverage(1, 2, 50.0)
    assert dose(total, "hb0") == coverage(1, 6, 16.7)  # every child older than 7 days
    assert dose(total, "dpt_hb_hib4") == coverage(0, 0, None)
    assert total["immunization"]["basic_complete_by_12_months"] == coverage(1, 2, 50.0)
    assert total["growth"] == {
        "children_under_five": 6,
        "measured": 3,
        "measured_this_month": coverage(2, 6, 33.3),
        "stunting": coverage(1, 3, 33.3),
        "wasting": coverage(1, 3, 33.3),
        "underweight": coverage(1, 3, 33.3),
    }
    villages = {v["code"]: v for v in body["villages"]}
    a, b = villages[data["village"].code], villages[data["second"].code]
    assert a["pregnancies"] == {
        "ongoing": 3,
        "k1": coverage(1, 2, 50.0),
        "k6": coverage(0, 0, None),
    }
    assert b["pregnancies"] == {
        "ongoing": 0,
        "k1": coverage(2, 2, 100.0),
        "k6": coverage(1, 2, 50.0),
    }
    assert dose(a, "bcg") == coverage(1, 2, 50.0) and dose(b, "bcg") == coverage(1, 1, 100.0)
    assert a["growth"]["stunting"] == coverage(1, 2, 50.0)
    assert b["growth"]["wasting"] == coverage(1, 1, 100.0)
    assert a["district_code"] == "16.02.05"
    [district] = body["districts"]
    assert district["code"] == "16.02.05"
    assert district["pregnancies"] == total["pregnancies"]
    assert district["growth"] == total["growth"]


def test_health_worker_sees_her_villages_only(
    login: Callable[[User], APIClient],
    health_worker: User,
    other_midwife: User,
    data: dict[str, Any],
) -> None:
    mine = login(health_worker).get("/api/v1/health/stats/").json()
    assert mine["total"]["pregnancies"]["ongoing"] == 3
    theirs = login(other_midwife).get("/api/v1/health/stats/").json()
    assert theirs["villages"] == [] and theirs["districts"] == []
    assert theirs["total"]["pregnancies"]["ongoing"] == 0
    assert theirs["total"]["growth"]["stunting"] == coverage(0, 0, None)


def test_district_filter(
    login: Callable[[User], APIClient], regency_admin: User, data: dict[str, Any]
) -> None:
    client = login(regency_admin)
    home = client.get("/api/v1/health/stats/", {"district": "16.02.05"}).json()
    assert home["total"]["growth"]["children_under_five"] == 6
    other = client.get("/api/v1/health/stats/", {"district": "16.02.02"}).json()
    assert other["total"]["growth"]["children_under_five"] == 0


def test_stats_show_no_names(
    login: Callable[[User], APIClient], regency_admin: User, data: dict[str, Any]
) -> None:
    text = login(regency_admin).get("/api/v1/health/stats/").content.decode()
    for name in ("cA1", "cB1", "Ibu Anak A", "A1", "B2"):
        assert f'"{name}"' not in text
    assert growth.MAX_AGE_DAYS == 1856
