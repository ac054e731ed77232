"""A phone that retries a create gets the first result, not a duplicate."""

from __future__ import annotations

import datetime as dt

import pytest
from rest_framework.test import APIClient

from accounts.models import User
from core.models import Village
from health.models import AntenatalVisit, GrowthMeasurement, Mother
from tests.factories import nik_for
from tests.health.conftest import make_child, make_pregnancy, today

pytestmark = pytest.mark.django_db


def test_replayed_mother_create(midwife_api: APIClient, village: Village) -> None:
    data = {
        "nik": nik_for(dt.date(1997, 4, 5), "F"),
        "full_name": "Rina",
        "birth_date": "1997-04-05",
        "village_code": village.code,
    }
    first = midwife_api.post(
        "/api/v1/health/mothers/", data, format="json", HTTP_IDEMPOTENCY_KEY="k-1"
    )
    again = midwife_api.post(
        "/api/v1/health/mothers/", data, format="json", HTTP_IDEMPOTENCY_KEY="k-1"
    )
    assert first.status_code == again.status_code == 201
    assert again["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert Mother.objects.count() == 1
    other = midwife_api.post(
        "/api/v1/health/mothers/",
        {**data, "full_name": "Lain"},
        format="json",
        HTTP_IDEMPOTENCY_KEY="k-1",
    )
    assert other.status_code == 422
    assert other.json()["error"]["code"] == "idempotency_key_reused"


def test_replayed_visit_and_measurement(
    midwife_api: APIClient, mother: Mother, health_worker: User
) -> None:
    pregnancy = make_pregnancy(health_worker, mother, weeks=12)
    body = {
        "visit_date": today().isoformat(),
        "provider": "midwife",
        "weight_kg": "51.5",
        "hb_g_dl": "10.2",
    }
    url = f"/api/v1/health/pregnancies/{pregnancy.pk}/visits/"
    first = midwife_api.post(url, body, format="json", HTTP_IDEMPOTENCY_KEY="visit-1")
    again = midwife_api.post(url, body, format="json", HTTP_IDEMPOTENCY_KEY="visit-1")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert AntenatalVisit.objects.count() == 1

    child = make_child(health_worker, mother, age_days=90)
    url = f"/api/v1/health/children/{child.pk}/measurements/"
    body = {
        "measured_on": today().isoformat(),
        "weight_kg": "5.4",
        "height_cm": "58.5",
        "position": "lying",
    }
    first = midwife_api.post(url, body, format="json", HTTP_IDEMPOTENCY_KEY="m-1")
    again = midwife_api.post(url, body, format="json", HTTP_IDEMPOTENCY_KEY="m-1")
    assert again.json() == first.json() and again["Idempotent-Replayed"] == "true"
    assert GrowthMeasurement.objects.count() == 1


def test_a_refusal_is_not_kept(midwife_api: APIClient, mother: Mother, health_worker: User) -> None:
    child = make_child(health_worker, mother, age_days=20)
    url = f"/api/v1/health/children/{child.pk}/immunizations/"
    early = {"dose_code": "dpt_hb_hib1", "given_on": today().isoformat()}
    assert (
        midwife_api.post(url, early, format="json", HTTP_IDEMPOTENCY_KEY="d-1").status_code == 400
    )
    assert (
        midwife_api.post(url, early, format="json", HTTP_IDEMPOTENCY_KEY="d-1").status_code == 400
    )
