"""The schedule as data, a child's dose states, and every refusal when recording a dose."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from rest_framework.test import APIClient

from accounts.models import User
from health import services
from health.models import Child, Immunization, Mother, ScheduleDose
from health.rules import immunization as rules
from tests.health.conftest import make_child, today

pytestmark = pytest.mark.django_db

BIRTH = dt.date(2025, 1, 31)


def schedule_rules() -> list[rules.DoseRule]:
    return [d.rule() for d in ScheduleDose.objects.filter(is_active=True)]


def test_national_schedule_is_data() -> None:
    codes = list(ScheduleDose.objects.filter(is_active=True).values_list("code", flat=True))
    assert codes[:4] == ["hb0", "bcg", "opv1", "dpt_hb_hib1"]
    assert len(codes) == 20
    assert not ScheduleDose.objects.get(code="je").is_active  # endemic areas only
    basic = set(ScheduleDose.objects.filter(in_basic_set=True).values_list("code", flat=True))
    assert basic == {
        "hb0", "bcg", "opv1", "opv2", "opv3", "opv4",
        "dpt_hb_hib1", "dpt_hb_hib2", "dpt_hb_hib3", "ipv1", "mr1",
    }  # fmt: skip
    ages = dict(ScheduleDose.objects.values_list("code", "age_months"))
    assert (ages["bcg"], ages["dpt_hb_hib1"], ages["ipv1"], ages["mr1"], ages["mr2"]) == (
        1,
        2,
        4,
        9,
        18,
    )


def test_public_schedule_endpoint(api: APIClient) -> None:
    body = api.get("/api/v1/health/schedule/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert body[0]["code"] == "hb0" and body[0]["name"] == "Hepatitis B birth dose (HB0)"
    assert api.get("/api/v1/health/schedule/").json()[0]["name"] == "Hepatitis B lahir (HB0)"


def status_of(code: str, on: dt.date, given: dict[str, dt.date] | None = None) -> rules.DoseStatus:
    rows = rules.schedule(rules=schedule_rules(), birth_date=BIRTH, given=given or {}, today=on)
    return next(r for r in rows if r.rule.code == code)


def test_states_not_yet_due_overdue_given() -> None:
    # recommended date: birth + 2 calendar months (31 Jan -> 31 Mar); grace 30 days
    assert status_of("dpt_hb_hib1", dt.date(2025, 3, 30)).status == rules.NOT_YET
    status = status_of("dpt_hb_hib1", dt.date(2025, 3, 31))
    assert status.status == rules.DUE
    assert status.recommended_date == dt.date(2025, 3, 31)
    assert status.due_until == dt.date(2025, 4, 30)
    assert status_of("dpt_hb_hib1", dt.date(2025, 4, 30)).status == rules.DUE
    assert status_of("dpt_hb_hib1", dt.date(2025, 5, 1)).status == rules.OVERDUE
    given = status_of("dpt_hb_hib1", dt.date(2025, 5, 1), {"dpt_hb_hib1": dt.date(2025, 4, 2)})
    assert given.status == rules.GIVEN and given.given_on == dt.date(2025, 4, 2)
    # month arithmetic: birth 31 Jan + 1 month = 28 Feb
    assert status_of("bcg", dt.date(2025, 2, 28)).recommended_date == dt.date(2025, 2, 28)
    # HB0 has a 7-day grace
    assert status_of("hb0", dt.date(2025, 2, 7)).status == rules.DUE
    assert status_of("hb0", dt.date(2025, 2, 8)).status == rules.OVERDUE


def test_earliest_date_follows_the_previous_dose() -> None:
    waiting = status_of("dpt_hb_hib2", dt.date(2025, 5, 1))
    assert waiting.waiting_for == "dpt_hb_hib1" and waiting.earliest_date is None
    ready = status_of("dpt_hb_hib2", dt.date(2025, 5, 1), {"dpt_hb_hib1": dt.date(2025, 4, 20)})
    assert ready.earliest_date == dt.date(2025, 5, 18)  # 28 days after dose 1
    assert status_of("dpt_hb_hib1", dt.date(2025, 2, 1)).earliest_date == BIRTH + dt.timedelta(
        days=42
    )


def url(child: Child) -> str:
    return f"/api/v1/health/children/{child.pk}/immunizations/"


def give(api: APIClient, child: Child, code: str, on: dt.date) -> Any:
    return api.post(url(child), {"dose_code": code, "given_on": on.isoformat()}, format="json")


def test_schedule_endpoint(midwife_api: APIClient, mother: Mother, health_worker: User) -> None:
    child = make_child(health_worker, mother, age_days=75)
    assert give(midwife_api, child, "hb0", child.birth_date).status_code == 201
    body = midwife_api.get(url(child)).json()
    doses = {d["code"]: d for d in body["doses"]}
    assert doses["hb0"]["status"] == "given"
    assert doses["hb0"]["immunization"]["given_on"] == child.birth_date.isoformat()
    assert doses["bcg"]["status"] == "overdue"  # 1 month + 30 days passed at 75 days
    assert doses["dpt_hb_hib1"]["status"] == "due"
    assert doses["mr1"]["status"] == "not_yet"
    assert "je" not in doses
    assert body["complete_by_first_birthday"] is False


@pytest.mark.parametrize(
    ("code", "age_at_dose", "error"),
    [
        ("dpt_hb_hib1", 41, "too_early"),
        ("mr1", 269, "too_early"),
        ("bcg", -1, "date_before_birth"),
    ],
)
def test_refuses_too_early_and_before_birth(
    midwife_api: APIClient,
    mother: Mother,
    health_worker: User,
    code: str,
    age_at_dose: int,
    error: str,
) -> None:
    child = make_child(health_worker, mother, age_days=300)
    response = give(midwife_api, child, code, child.birth_date + dt.timedelta(days=age_at_dose))
    assert response.status_code == 400
    assert response.json()["error"]["code"] == error
    assert "given_on" in response.json()["error"]["fields"]


def test_refuses_a_future_date(midwife_api: APIClient, mother: Mother, health_worker: User) -> None:
    child = make_child(health_worker, mother, age_days=30)
    response = give(midwife_api, child, "bcg", today() + dt.timedelta(days=1))
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "date_in_future"


def test_refuses_the_minimum_interval(
    midwife_api: APIClient, mother: Mother, health_worker: User
) -> None:
    child = make_child(health_worker, mother, age_days=200)
    first = child.birth_date + dt.timedelta(days=60)
    assert give(midwife_api, child, "dpt_hb_hib1", first).status_code == 201
    response = give(midwife_api, child, "dpt_hb_hib2", first + dt.timedelta(days=27))
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "interval_too_short"
    assert give(midwife_api, child, "dpt_hb_hib2", first + dt.timedelta(days=28)).status_code == 201
    # a dose 1 recorded late must also keep its distance from a recorded dose 2
    assert give(midwife_api, child, "opv2", first + dt.timedelta(days=30)).status_code == 201
    response = give(midwife_api, child, "opv1", first + dt.timedelta(days=10))
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "interval_too_short"


def test_refuses_a_dose_already_recorded(
    midwife_api: APIClient, mother: Mother, health_worker: User
) -> None:
    child = make_child(health_worker, mother, age_days=40)
    assert give(midwife_api, child, "bcg", today()).status_code == 201
    response = give(midwife_api, child, "bcg", today())
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "dose_already_recorded"


def test_database_holds_one_row_per_child_and_dose(mother: Mother, health_worker: User) -> None:
    from django.db import IntegrityError, transaction

    child = make_child(health_worker, mother, age_days=40)
    Immunization.objects.create(child=child, dose_id="bcg", given_on=today())
    with pytest.raises(IntegrityError), transaction.atomic():
        Immunization.objects.create(child=child, dose_id="bcg", given_on=today())


def test_unknown_dose(midwife_api: APIClient, mother: Mother, health_worker: User) -> None:
    child = make_child(health_worker, mother, age_days=40)
    response = give(midwife_api, child, "covid", today())
    assert response.status_code == 400 and "dose_code" in response.json()["error"]["fields"]


def test_basic_set_completion_is_kept_on_the_child(mother: Mother, health_worker: User) -> None:
    child = make_child(health_worker, mother, age_days=400)
    birth = child.birth_date
    plan = [
        ("hb0", 0), ("bcg", 30), ("opv1", 30), ("dpt_hb_hib1", 60), ("opv2", 60),
        ("dpt_hb_hib2", 90), ("opv3", 90), ("dpt_hb_hib3", 120), ("opv4", 120),
        ("ipv1", 120),
    ]  # fmt: skip
    for code, age in plan:
        services.record_immunization(
            by=health_worker, child=child, dose_code=code, given_on=birth + dt.timedelta(days=age)
        )
    child.refresh_from_db()
    assert child.basic_immunization_complete_on is None
    services.record_immunization(
        by=health_worker, child=child, dose_code="mr1", given_on=birth + dt.timedelta(days=280)
    )
    child.refresh_from_db()
    assert child.basic_immunization_complete_on == birth + dt.timedelta(days=280)
    assert rules.complete_by_first_birthday(birth, child.basic_immunization_complete_on)
    assert not rules.complete_by_first_birthday(birth, birth + dt.timedelta(days=366))
