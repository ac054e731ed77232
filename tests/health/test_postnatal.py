"""Postnatal contacts KF1-KF4 and KN1-KN3: windows, states, recording."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import User
from health import services
from health.models import Mother, Pregnancy
from health.rules import postnatal
from tests.health.conftest import make_pregnancy, today

JAKARTA = ZoneInfo("Asia/Jakarta")
BORN = dt.datetime(2025, 3, 10, 22, 0, tzinfo=JAKARTA)


def windows() -> dict[str, postnatal.Window]:
    return {w.code: w for w in postnatal.windows(BORN)}


def test_windows_from_the_delivery_time(settings: Any) -> None:
    w = windows()
    assert w["KF1"].starts_at == BORN + dt.timedelta(hours=6)
    assert w["KF1"].ends_at == BORN + dt.timedelta(hours=48)
    assert (w["KF1"].start_date, w["KF1"].end_date) == (dt.date(2025, 3, 11), dt.date(2025, 3, 12))
    assert (w["KF2"].start_date, w["KF2"].end_date) == (dt.date(2025, 3, 13), dt.date(2025, 3, 17))
    assert (w["KF3"].start_date, w["KF3"].end_date) == (dt.date(2025, 3, 18), dt.date(2025, 4, 7))
    assert (w["KF4"].start_date, w["KF4"].end_date) == (dt.date(2025, 4, 8), dt.date(2025, 4, 21))
    assert (w["KN1"].starts_at, w["KN1"].ends_at) == (w["KF1"].starts_at, w["KF1"].ends_at)
    assert (w["KN2"].start_date, w["KN2"].end_date) == (dt.date(2025, 3, 13), dt.date(2025, 3, 17))
    assert (w["KN3"].start_date, w["KN3"].end_date) == (dt.date(2025, 3, 18), dt.date(2025, 4, 7))


def states(
    now: dt.datetime, contacts: list[postnatal.ContactFact] | None = None
) -> dict[tuple[str, str], str]:
    result = postnatal.schedule(
        delivered_at=BORN, child_ids=["a", "b"], contacts=contacts or [], now=now
    )
    return {(c.window.code, c.child_id): c.status for c in result}


def test_states_over_time() -> None:
    s = states(BORN + dt.timedelta(hours=2))
    assert s[("KF1", "")] == "upcoming" and s[("KN1", "a")] == "upcoming"
    assert len(s) == 4 + 3 * 2  # KF once, KN per baby
    s = states(BORN + dt.timedelta(hours=7))
    assert s[("KF1", "")] == "due" and s[("KN1", "b")] == "due"
    s = states(
        BORN + dt.timedelta(hours=49), [postnatal.ContactFact("KN1", dt.date(2025, 3, 11), "a")]
    )
    assert s[("KF1", "")] == "overdue"
    assert s[("KN1", "a")] == "done" and s[("KN1", "b")] == "overdue"
    assert s[("KF2", "")] == "upcoming"
    s = states(dt.datetime(2025, 3, 13, 0, 0, tzinfo=JAKARTA))
    assert s[("KF2", "")] == "due"
    s = states(dt.datetime(2025, 4, 21, 23, 0, tzinfo=JAKARTA))
    assert s[("KF4", "")] == "due" and s[("KN3", "a")] == "overdue"


# --- API ----------------------------------------------------------------------------------


def delivered(health_worker: User, mother: Mother, *, hours_ago: int, babies: int = 1) -> Pregnancy:
    pregnancy = make_pregnancy(health_worker, mother, weeks=39)
    services.record_delivery(
        by=health_worker,
        pregnancy=pregnancy,
        delivered_at=timezone.now() - dt.timedelta(hours=hours_ago),
        place="puskesmas",
        attendant="midwife",
        method="spontaneous",
        mother_condition="healthy",
        babies=[{"sex": "F"} for _ in range(babies)],
    )
    return pregnancy


def url(pregnancy: Pregnancy) -> str:
    return f"/api/v1/health/pregnancies/{pregnancy.pk}/postnatal-contacts/"


@pytest.mark.django_db
def test_schedule_and_record(midwife_api: APIClient, mother: Mother, health_worker: User) -> None:
    pregnancy = delivered(health_worker, mother, hours_ago=24 * 4)  # day 4 or 5
    body = midwife_api.get(url(pregnancy)).json()
    by_code = {c["code"]: c for c in body["contacts"]}
    assert by_code["KF1"]["status"] == "overdue"
    assert by_code["KF2"]["status"] == "due"
    assert by_code["KN2"]["child"]["full_name"] == "Bayi Ny. Siti Ibu"
    assert by_code["KF3"]["status"] == "upcoming"
    response = midwife_api.post(
        url(pregnancy), {"code": "KF2", "contact_date": today().isoformat()}, format="json"
    )
    assert response.status_code == 201, response.content
    response = midwife_api.post(
        url(pregnancy), {"code": "KN2", "contact_date": today().isoformat()}, format="json"
    )
    assert response.status_code == 201  # the only baby is chosen
    body = midwife_api.get(url(pregnancy)).json()
    by_code = {c["code"]: c for c in body["contacts"]}
    assert (
        by_code["KF2"]["status"] == "done" and by_code["KF2"]["contact_date"] == today().isoformat()
    )
    assert by_code["KN2"]["status"] == "done"
    duplicate = midwife_api.post(
        url(pregnancy), {"code": "KF2", "contact_date": today().isoformat()}, format="json"
    )
    assert duplicate.status_code == 409


@pytest.mark.django_db
def test_contact_outside_its_window_is_refused(
    midwife_api: APIClient, mother: Mother, health_worker: User
) -> None:
    pregnancy = delivered(health_worker, mother, hours_ago=24 * 10)
    response = midwife_api.post(
        url(pregnancy), {"code": "KF4", "contact_date": today().isoformat()}, format="json"
    )
    assert response.status_code == 400
    assert "contact_date" in response.json()["error"]["fields"]
    future = midwife_api.post(
        url(pregnancy),
        {"code": "KF3", "contact_date": (today() + dt.timedelta(days=1)).isoformat()},
        format="json",
    )
    assert future.status_code == 400


@pytest.mark.django_db
def test_twins_need_the_baby_named(
    midwife_api: APIClient, mother: Mother, health_worker: User
) -> None:
    pregnancy = delivered(health_worker, mother, hours_ago=12, babies=2)
    body = {"code": "KN1", "contact_date": today().isoformat()}
    response = midwife_api.post(url(pregnancy), body, format="json")
    assert response.status_code == 400 and "child_id" in response.json()["error"]["fields"]
    children = list(pregnancy.delivery.children.all())
    ok = midwife_api.post(url(pregnancy), {**body, "child_id": str(children[0].pk)}, format="json")
    # a delivery 12 h ago may fall on yesterday's date: KN1's window is 6-48 h
    assert ok.status_code == 201, ok.content
    kf_with_child = midwife_api.post(
        url(pregnancy),
        {"code": "KF1", "contact_date": today().isoformat(), "child_id": str(children[0].pk)},
        format="json",
    )
    assert kf_with_child.status_code == 400


@pytest.mark.django_db
def test_no_postnatal_before_delivery(
    midwife_api: APIClient, mother: Mother, health_worker: User
) -> None:
    pregnancy = make_pregnancy(health_worker, mother, weeks=20)
    assert midwife_api.get(url(pregnancy)).status_code == 409
    response = midwife_api.post(
        url(pregnancy), {"code": "KF1", "contact_date": today().isoformat()}, format="json"
    )
    assert response.status_code == 409
