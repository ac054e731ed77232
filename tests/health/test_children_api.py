"""Children, their growth measurements (z-scores stored on the row) and the growth chart."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from rest_framework.test import APIClient

from accounts.models import User
from health import services
from health.models import Child, GrowthMeasurement, Mother
from health.rules import growth
from tests.factories import nik_for
from tests.health.conftest import days_ago, make_child, today

pytestmark = pytest.mark.django_db


def child_url(child: Child, suffix: str = "") -> str:
    return f"/api/v1/health/children/{child.pk}/{suffix}"


def test_register_an_earlier_child(midwife_api: APIClient, mother: Mother) -> None:
    birth = days_ago(500)
    response = midwife_api.post(
        f"/api/v1/health/mothers/{mother.pk}/children/",
        {
            "full_name": "Putri",
            "sex": "F",
            "birth_date": birth.isoformat(),
            "birth_weight_g": 3200,
            "birth_length_cm": "49.5",
            "nik": nik_for(birth + dt.timedelta(days=1), "F"),
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["birth_weight_g"] == 3200 and body["birth_length_cm"] == 49.5
    assert body["age"]["total_days"] == 500
    assert [w["code"] for w in body["warnings"]] == ["nik_birth_date_mismatch"]
    assert body["mother"]["id"] == str(mother.pk)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"nik": "1602050101250001", "sex": "F"}, "nik"),  # a boy's NIK for a girl
        ({"birth_date": "2000-01-01"}, "birth_date"),  # older than 6 years
        ({"birth_weight_g": 20000}, "birth_weight_g"),
        ({"birth_date": "2999-01-01"}, "birth_date"),
    ],
)
def test_child_refusals(
    midwife_api: APIClient, mother: Mother, data: dict[str, Any], field: str
) -> None:
    body = {"full_name": "Anak", "sex": "F", "birth_date": days_ago(10).isoformat(), **data}
    response = midwife_api.post(
        f"/api/v1/health/mothers/{mother.pk}/children/", body, format="json"
    )
    assert response.status_code == 400, response.content
    assert field in response.json()["error"]["fields"]


def test_child_nik_is_unique(midwife_api: APIClient, mother: Mother, health_worker: User) -> None:
    child = make_child(health_worker, mother, age_days=10)
    nik = nik_for(child.birth_date, "F")
    assert midwife_api.patch(child_url(child), {"nik": nik}, format="json").status_code == 200
    other = make_child(health_worker, mother, age_days=10, full_name="Kembaran")
    response = midwife_api.patch(child_url(other), {"nik": nik}, format="json")
    assert response.status_code == 400 and "nik" in response.json()["error"]["fields"]


def test_sex_and_birth_date_locked_once_records_exist(
    midwife_api: APIClient, mother: Mother, health_worker: User
) -> None:
    child = make_child(health_worker, mother, age_days=60)
    assert midwife_api.patch(child_url(child), {"sex": "M"}, format="json").status_code == 200
    services.record_measurement(
        by=health_worker, child=child, measured_on=today(), weight_kg=Decimal("5")
    )
    response = midwife_api.patch(child_url(child), {"sex": "F"}, format="json")
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "child_has_records"


def test_record_a_measurement_with_zscores(
    midwife_api: APIClient, mother: Mother, health_worker: User
) -> None:
    child = make_child(health_worker, mother, age_days=400, sex="M")
    response = midwife_api.post(
        child_url(child, "measurements/"),
        {
            "measured_on": today().isoformat(),
            "weight_kg": "9.6",
            "height_cm": "74.5",
            "position": "standing",
            "head_circumference_cm": "45.5",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    expected = growth.compute(
        sex="M",
        age_days=400,
        weight_kg=Decimal("9.6"),
        height_cm=Decimal("74.5"),
        position="standing",
    )
    assert body["age_days"] == 400
    assert body["height_used_cm"] == 75.2  # +0.7 standing under 2 years
    assert body["zscores"]["wfa"]["z"] == float(expected.wfa.value or 0)
    assert body["zscores"]["lhfa"]["z"] == float(expected.lhfa.value or 0)
    assert body["zscores"]["wfl"]["z"] == float(expected.wfl.value or 0)
    assert body["zscores"]["lhfa"]["category"] == expected.lhfa.category
    row = GrowthMeasurement.objects.get(pk=body["id"])
    assert row.wfa_z == expected.wfa.value and row.lhfa_category == expected.lhfa.category
    child.refresh_from_db()
    assert child.latest_measurement_id == row.pk


def test_latest_measurement_is_the_most_recent_date(
    midwife_api: APIClient, mother: Mother, health_worker: User
) -> None:
    child = make_child(health_worker, mother, age_days=300)
    recent = services.record_measurement(
        by=health_worker, child=child, measured_on=today(), weight_kg=Decimal("8")
    )
    services.record_measurement(
        by=health_worker, child=child, measured_on=days_ago(30), weight_kg=Decimal("7.5")
    )
    child.refresh_from_db()
    assert child.latest_measurement_id == recent.pk
    listed = midwife_api.get(child_url(child, "measurements/")).json()["results"]
    assert [m["measured_on"] for m in listed] == [days_ago(30).isoformat(), today().isoformat()]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"weight_kg": "0"}, "weight_kg"),
        ({"weight_kg": "50.01"}, "weight_kg"),
        ({"height_cm": "29", "position": "lying"}, "height_cm"),
        ({"height_cm": "151", "position": "lying"}, "height_cm"),
        ({"height_cm": "70"}, "position"),
        ({"measured_on": "FUTURE"}, "measured_on"),
        ({"measured_on": "BEFORE_BIRTH"}, "measured_on"),
    ],
)
def test_impossible_measurements_are_400(
    midwife_api: APIClient, mother: Mother, health_worker: User, data: dict[str, Any], field: str
) -> None:
    child = make_child(health_worker, mother, age_days=200)
    dates = {
        "FUTURE": (today() + dt.timedelta(days=1)).isoformat(),
        "BEFORE_BIRTH": (child.birth_date - dt.timedelta(days=1)).isoformat(),
    }
    body = {"measured_on": today().isoformat(), "weight_kg": "7.5", **data}
    body = {k: dates.get(v, v) for k, v in body.items()}
    response = midwife_api.post(child_url(child, "measurements/"), body, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()["error"]["fields"]
    assert not GrowthMeasurement.objects.exists()


def test_out_of_range_measurement_is_stored_with_reasons(
    mother: Mother, health_worker: User
) -> None:
    child = make_child(health_worker, mother, age_days=5)
    row = services.record_measurement(
        by=health_worker,
        child=child,
        measured_on=today(),
        weight_kg=Decimal("2.1"),
        height_cm=Decimal("44.0"),
        position="lying",
    )
    assert row.wfl_z is None and row.wfl_reason == growth.HEIGHT_OUT_OF_RANGE
    assert row.lhfa_z is not None and row.wfa_z is not None


def test_growth_chart(midwife_api: APIClient, mother: Mother, health_worker: User) -> None:
    child = make_child(health_worker, mother, age_days=95)
    services.record_measurement(
        by=health_worker,
        child=child,
        measured_on=days_ago(5),
        weight_kg=Decimal("5.6"),
        height_cm=Decimal("58.0"),
        position="lying",
    )
    body = midwife_api.get(child_url(child, "growth-chart/")).json()
    assert body["sex"] == "F" and body["age_days"] == 95
    assert body["points"][0]["age_days"] == 90 and body["points"][0]["height_cm"] == 58.0
    ages = [p["age_days"] for p in body["curves"]["wfa"]]
    assert ages == [0, 30, 61, 91, 122]
    first = body["curves"]["wfa"][0]
    assert first == {
        "age_days": 0,
        "sd3neg": 2.033,
        "sd2neg": 2.395,
        "sd0": 3.232,
        "sd2": 4.23,
        "sd3": 4.793,
    }  # WHO's published values for girls at birth
    assert body["curves"]["lhfa"][0]["sd0"] == 49.148
    assert body["curves"]["wfa"][0]["sd3neg"] < body["curves"]["wfa"][0]["sd3"]


def test_children_list_filters(midwife_api: APIClient, mother: Mother, health_worker: User) -> None:
    make_child(health_worker, mother, age_days=30, full_name="Adik")
    make_child(health_worker, mother, age_days=900, full_name="Kakak")
    body = midwife_api.get("/api/v1/health/children/").json()
    assert [c["full_name"] for c in body["results"]] == ["Adik", "Kakak"]
    assert midwife_api.get("/api/v1/health/children/", {"q": "kak"}).json()["count"] == 1
    assert (
        midwife_api.get("/api/v1/health/children/", {"mother": str(mother.pk)}).json()["count"] == 2
    )


def test_children_list_refuses_a_bad_mother_id(midwife_api: APIClient) -> None:
    response = midwife_api.get("/api/v1/health/children/", {"mother": "not-a-uuid"})
    assert response.status_code == 400
    assert "mother" in response.json()["error"]["fields"]


@pytest.mark.parametrize("language", ["id", "en"])
def test_measurements_and_chart_are_what_the_declared_fields_describe(
    mother: Mother, health_worker: User, language: str
) -> None:
    """Both serializers build their answer by hand; the schema comes from their fields."""
    from django.utils import translation
    from rest_framework import serializers

    from health import selectors
    from health.serializers.children import (
        HealthGrowthChartSerializer,
        HealthMeasurementSerializer,
    )

    child = make_child(health_worker, mother, age_days=900, sex="M")
    services.record_measurement(
        by=health_worker,
        child=child,
        measured_on=days_ago(800),
        weight_kg=Decimal("4.4"),
        height_cm=Decimal("54.5"),
        position="lying",
        head_circumference_cm=Decimal("37.1"),
    )
    services.record_measurement(  # standing under 2 years: corrected height, no head
        by=health_worker, child=child, measured_on=days_ago(400), weight_kg=Decimal("9.1"),
        height_cm=Decimal("76.0"), position="standing",
    )  # fmt: skip
    services.record_measurement(  # over 2 years: weight-for-height table
        by=health_worker, child=child, measured_on=today(), weight_kg=Decimal("12.9"),
        height_cm=Decimal("87.0"), position="standing", oedema=True,
    )  # fmt: skip
    rows = list(selectors.measurement_list(child))
    chart = selectors.growth_chart(child)
    with translation.override(language):
        one = HealthMeasurementSerializer()
        for row in rows:
            generic = serializers.ModelSerializer.to_representation(one, row)
            assert one.to_representation(row) == generic
        whole = HealthGrowthChartSerializer()
        assert whole.to_representation(chart) == serializers.Serializer.to_representation(
            whole, chart
        )
    assert {r.wfl_table for r in rows} == {"wfl", "wfh"} and rows[1].head_circumference_cm is None
    assert rows[2].oedema and rows[0].head_circumference_cm is not None


def test_answers_carry_exactly_the_fields_the_schema_declares(
    midwife_api: APIClient, mother: Mother, health_worker: User
) -> None:
    from health.serializers.children import (
        HealthGrowthChartSerializer,
        HealthLatestMeasurementSerializer,
        HealthMeasurementSerializer,
    )

    child = make_child(health_worker, mother, age_days=120)
    services.record_measurement(
        by=health_worker, child=child, measured_on=today(), weight_kg=Decimal("6.1")
    )
    latest = set(HealthLatestMeasurementSerializer().fields)
    detail = midwife_api.get(child_url(child)).json()
    listed = midwife_api.get(f"/api/v1/health/children/?mother={mother.pk}").json()["results"]
    assert set(detail["latest_measurement"]) == set(listed[0]["latest_measurement"]) == latest
    rows = midwife_api.get(child_url(child, "measurements/")).json()["results"]
    assert set(rows[0]) == set(HealthMeasurementSerializer().fields)
    chart = midwife_api.get(child_url(child, "growth-chart/")).json()
    assert set(chart) == set(HealthGrowthChartSerializer().fields)
