"""The child, measurement and chart reads written as SQL (``core.sql``) give what the ORM
gives: every column, converted as the ORM converts it, in the same order, page by page."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

import pytest
from django.db.models import Model
from rest_framework.test import APIClient

from accounts.models import User
from health import selectors, services
from health.models import Child, GrowthMeasurement, Mother
from tests.health.conftest import days_ago, make_child, make_mother

pytestmark = pytest.mark.django_db


def columns(obj: Model) -> dict[str, Any]:
    """Every concrete column with its Python type: a UUID read as a string, a date read as
    text or a decimal read as a float would differ."""
    return {
        f.attname: (type(getattr(obj, f.attname)), getattr(obj, f.attname))
        for f in obj._meta.concrete_fields
    }


@pytest.fixture
def measured(health_worker: User, mother: Mother) -> Child:
    child = make_child(health_worker, mother, age_days=700)
    Child.objects.filter(pk=child.pk).update(birth_length_cm=Decimal("49.5"))
    for days, weight, height, position, oedema in [
        (600, "8.10", "71.5", "lying", False),
        (400, "9.10", "76.0", "standing", False),
        (400, "9.20", None, "", False),  # same day, recorded later
        (100, "10.95", "82.3", "standing", True),
        (10, "11.40", "84.0", "standing", False),
    ]:
        services.record_measurement(
            by=health_worker,
            child=child,
            measured_on=days_ago(days),
            weight_kg=Decimal(weight),
            height_cm=Decimal(height) if height else None,
            position=position,
            oedema=oedema,
        )
    return child


def test_the_child_and_its_mother_are_what_the_orm_reads(measured: Child) -> None:
    expected = Child.objects.select_related("mother").get(pk=measured.pk)
    found = selectors.child_with_mother(measured.pk)
    assert found is not None
    assert expected.latest_measurement_id is not None and expected.mother.user_id is not None
    assert columns(found) == columns(expected)
    assert columns(found.mother) == columns(expected.mother)
    assert found._state.adding is False and found.mother._state.adding is False
    assert selectors.child_with_mother(str(measured.pk)) is not None  # the id as text
    assert selectors.child_with_mother(uuid.uuid4()) is None


def test_measurement_pages_are_the_orm_rows_in_order(measured: Child) -> None:
    expected = list(
        GrowthMeasurement.objects.filter(child=measured).order_by("measured_on", "created_at", "id")
    )
    rows = selectors.measurement_list(measured)
    assert rows.count() == len(expected) == 5
    pages = [*rows[0:2], *rows[2:4], *rows[4:6]]
    assert [columns(m) for m in pages] == [columns(m) for m in expected]
    assert [columns(m) for m in rows] == [columns(m) for m in expected]
    assert [m.weight_kg for m in pages[1:3]] == [Decimal("9.10"), Decimal("9.20")]
    assert rows[5:7] == [] and rows[3:3] == []
    with pytest.raises(TypeError):
        rows[1]  # type: ignore[index]


def test_chart_points_are_the_orm_values(measured: Child) -> None:
    names = list(selectors.ChartPoint.__dataclass_fields__)
    expected = [
        selectors.ChartPoint(*values)
        for values in GrowthMeasurement.objects.filter(child=measured)
        .order_by("measured_on", "created_at", "id")
        .values_list(*names)
    ]
    points = selectors.chart_points(measured)
    assert points == expected
    assert [type(p.measured_on) for p in points] == [type(e.measured_on) for e in expected]
    assert points[2].height_used_cm is None and points[0].wfa_z is not None


def test_an_unknown_or_foreign_child_is_404_for_chart_and_list(
    mother_api: APIClient, other_midwife: User, measured: Child, other_village: Any
) -> None:
    elsewhere = make_mother(other_midwife, other_village, full_name="Ibu Lain")
    foreign = make_child(other_midwife, elsewhere)
    for child_id in (uuid.uuid4(), foreign.pk):
        for suffix in ("growth-chart/", "measurements/"):
            response = mother_api.get(f"/api/v1/health/children/{child_id}/{suffix}")
            assert response.status_code == 404, response.content
    body = mother_api.get(f"/api/v1/health/children/{measured.pk}/measurements/?page_size=2")
    assert body.status_code == 200
    assert body.json()["count"] == 5 and len(body.json()["results"]) == 2
