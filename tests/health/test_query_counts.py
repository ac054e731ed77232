"""Every list answers in the same number of queries for 2 items and for 10."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import User
from core.models import Village
from health import services
from health.models import Mother
from tests.health.conftest import days_ago, make_child, make_mother, make_pregnancy, today

pytestmark = pytest.mark.django_db


def count(client: APIClient, url: str, params: dict[str, Any] | None = None) -> int:
    # One page holds every row: a list that spills over a page adds its COUNT(*)
    # (core.pagination.CountSavingPaginator), which is not what this checks.
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, {"page_size": 100, **(params or {})})
    assert response.status_code == 200, response.content
    return len(ctx.captured_queries)


def fill_village(health_worker: User, village: Village, n: int) -> None:
    """2n mothers: n pregnant (a visit, a contact overdue), n who gave birth 10 days ago
    (a baby with a dose due and a low measurement, an older child measured) - everything a
    list or the worklist shows."""
    for i in range(n):
        pregnant = make_mother(health_worker, village, full_name=f"Hamil {i:02d}")
        pregnancy = make_pregnancy(health_worker, pregnant, weeks=24)
        services.record_visit(
            by=health_worker,
            pregnancy=pregnancy,
            visit_date=pregnancy.hpht + dt.timedelta(weeks=10),
            provider="midwife",
        )
        mother = make_mother(health_worker, village, full_name=f"Ibu {i:02d}")
        old = services.register_pregnancy(
            by=health_worker, mother=mother, hpht=days_ago(290), gravida=1, on=days_ago(20)
        )
        services.record_delivery(
            by=health_worker,
            pregnancy=old,
            delivered_at=timezone.now() - dt.timedelta(days=10),
            place="home",
            attendant="midwife",
            method="spontaneous",
            mother_condition="healthy",
            babies=[{"sex": "F"}],
        )
        child = old.delivery.children.get()
        services.record_immunization(
            by=health_worker, child=child, dose_code="hb0", given_on=child.birth_date
        )
        services.record_measurement(
            by=health_worker,
            child=child,
            measured_on=today(),
            weight_kg=Decimal("2.2"),
            height_cm=Decimal("46"),
            position="lying",
        )
        older = make_child(health_worker, mother, age_days=400 + i, full_name=f"Kakak {i}")
        services.record_measurement(
            by=health_worker, child=older, measured_on=today(), weight_kg=Decimal("7.0")
        )


def make_visits(health_worker: User, mother: Mother, n: int) -> Any:
    pregnancy = make_pregnancy(health_worker, mother, weeks=30)
    for i in range(n):
        services.record_visit(
            by=health_worker,
            pregnancy=pregnancy,
            visit_date=pregnancy.hpht + dt.timedelta(days=20 * i + 10),
            provider="midwife",
            systolic=120,
            diastolic=80,
        )
    return pregnancy


def test_mother_child_and_dashboard_lists(
    midwife_api: APIClient,
    health_worker: User,
    village: Village,
    second_village: Village,
    login: Callable[[User], APIClient],
    regency_admin: User,
) -> None:
    fill_village(health_worker, village, 2)
    fill_village(health_worker, second_village, 1)
    small = {
        "mothers": count(midwife_api, "/api/v1/health/mothers/"),
        "children": count(midwife_api, "/api/v1/health/children/"),
        "worklist": count(midwife_api, "/api/v1/health/worklist/"),
        "stats": count(midwife_api, "/api/v1/health/stats/"),
        "stats_admin": count(login(regency_admin), "/api/v1/health/stats/"),
    }
    fill_village(health_worker, village, 8)
    fill_village(health_worker, second_village, 3)
    large = {
        "mothers": count(midwife_api, "/api/v1/health/mothers/"),
        "children": count(midwife_api, "/api/v1/health/children/"),
        "worklist": count(midwife_api, "/api/v1/health/worklist/"),
        "stats": count(midwife_api, "/api/v1/health/stats/"),
        "stats_admin": count(login(regency_admin), "/api/v1/health/stats/"),
    }
    assert small == large
    body = midwife_api.get("/api/v1/health/worklist/").json()
    assert len(body["anc"]) == 14
    assert len(body["postnatal"]) > 14 and len(body["growth"]) > 14
    assert len(body["immunization"]) >= 14


def test_lists_under_one_mother(
    midwife_api: APIClient,
    health_worker: User,
    village: Village,
    mother: Mother,
    mother_api: APIClient,
) -> None:
    pregnancy = make_visits(health_worker, mother, 2)
    child = make_child(health_worker, mother, age_days=700)
    for i in range(2):
        services.record_measurement(
            by=health_worker, child=child, measured_on=days_ago(30 * i), weight_kg=Decimal("9")
        )
    make_child(health_worker, mother, age_days=10, full_name="Adik 0")

    def urls() -> dict[str, str]:
        return {
            "visits": f"/api/v1/health/pregnancies/{pregnancy.pk}/visits/",
            "measurements": f"/api/v1/health/children/{child.pk}/measurements/",
            "pregnancies": f"/api/v1/health/mothers/{mother.pk}/pregnancies/",
            "children": f"/api/v1/health/mothers/{mother.pk}/children/",
            "detail": f"/api/v1/health/mothers/{mother.pk}/",
            "schedule": f"/api/v1/health/children/{child.pk}/immunizations/",
            "chart": f"/api/v1/health/children/{child.pk}/growth-chart/",
        }

    small = {name: count(midwife_api, url) for name, url in urls().items()}
    small["log"] = count(mother_api, f"/api/v1/health/mothers/{mother.pk}/access-log/")
    for i in range(2, 10):
        services.record_visit(
            by=health_worker,
            pregnancy=pregnancy,
            visit_date=pregnancy.hpht + dt.timedelta(days=20 * 2 + i),
            provider="doctor",
        )
        services.record_measurement(
            by=health_worker, child=child, measured_on=days_ago(30 * i), weight_kg=Decimal("8")
        )
        make_child(health_worker, mother, age_days=10 + i, full_name=f"Adik {i}")
        services.record_immunization(
            by=health_worker,
            child=child,
            dose_code=["hb0", "bcg", "opv1", "dpt_hb_hib1", "opv2", "pcv1", "rv1", "ipv1"][i - 2],
            given_on=child.birth_date + dt.timedelta(days=[0, 30, 30, 60, 60, 60, 60, 120][i - 2]),
        )
    large = {name: count(midwife_api, url) for name, url in urls().items()}
    large["log"] = count(mother_api, f"/api/v1/health/mothers/{mother.pk}/access-log/")
    assert small == large


def test_postnatal_schedule_and_public_schedule(
    midwife_api: APIClient, health_worker: User, village: Village, api: APIClient
) -> None:
    def delivered(babies: int) -> str:
        mother = make_mother(health_worker, village, full_name=f"Nifas {babies}")
        pregnancy = make_pregnancy(health_worker, mother, weeks=39)
        services.record_delivery(
            by=health_worker,
            pregnancy=pregnancy,
            delivered_at=timezone.now() - dt.timedelta(days=4),
            place="home",
            attendant="midwife",
            method="spontaneous",
            mother_condition="healthy",
            babies=[{"sex": "F"} for _ in range(babies)],
        )
        for child in pregnancy.delivery.children.all():
            services.record_postnatal_contact(
                by=health_worker,
                pregnancy=pregnancy,
                code="KN2",
                contact_date=today(),
                child_id=child.pk,
            )
        return f"/api/v1/health/pregnancies/{pregnancy.pk}/postnatal-contacts/"

    one, three = delivered(1), delivered(3)
    assert len(midwife_api.get(three).json()["contacts"]) == 4 + 3 * 3
    assert count(midwife_api, one) == count(midwife_api, three)
    assert count(api, "/api/v1/health/schedule/") == 1
