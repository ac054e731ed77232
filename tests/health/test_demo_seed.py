"""The demo data: alive today, and the same after running the command again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from io import StringIO

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from accounts.models import User
from health.models import (
    AntenatalVisit,
    Child,
    GrowthMeasurement,
    Immunization,
    Mother,
    PostnatalContact,
    Pregnancy,
)
from health.services import demo
from tests.health.conftest import today

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (
            Mother,
            Pregnancy,
            AntenatalVisit,
            Child,
            Immunization,
            GrowthMeasurement,
            PostnatalContact,
        )
    }


def test_seed_is_alive_and_idempotent(login: Callable[[User], APIClient]) -> None:
    out = StringIO()
    call_command("seed_health_demo", stdout=out)
    assert "4 mothers" in out.getvalue()
    first = counts()
    call_command("seed_health_demo", stdout=out)
    assert "already current" in out.getvalue()
    assert counts() == first

    siti = Mother.objects.get(nik=demo.DEMO_MOTHER_NIK)
    assert siti.full_name == "Siti Aminah" and siti.phone == "+6281200000001"
    assert siti.user is not None and siti.user.nik == siti.nik
    assert siti.village.code == siti.village.district.villages.order_by("code")[0].code
    ongoing = siti.pregnancies.get(status="ongoing")
    assert (today() - ongoing.hpht).days == 24 * 7
    assert ongoing.visits.count() == 3
    previous = siti.pregnancies.get(status="delivered")
    born = previous.delivery.delivered_at.date()
    assert 420 <= (today() - born).days <= 430  # about 14 months
    child = previous.delivery.children.get()
    assert child.measurements.count() == 5
    assert child.immunizations.count() == len(demo.FIRST_CHILD_DOSES)
    assert child.basic_immunization_complete_on is not None
    assert (
        child.latest_measurement is not None and child.latest_measurement.wfa_category == "normal"
    )
    assert (
        Mother.objects.filter(user__isnull=True, nik__in=[n for n, *_ in demo.OTHERS]).count() == 3
    )

    siti_client = login(siti.user)
    book = siti_client.get("/api/v1/health/mothers/mine/").json()
    assert len(book["pregnancies"]) == 2 and len(book["children"]) == 1
    detail = siti_client.get(f"/api/v1/health/pregnancies/{ongoing.pk}/").json()
    assert detail["anc"]["done"] == 3
    assert "short_birth_interval" in {s["code"] for s in detail["danger_signs"]}
    schedule = siti_client.get(f"/api/v1/health/children/{child.pk}/immunizations/").json()
    statuses = {d["code"]: d["status"] for d in schedule["doses"]}
    assert statuses["mr1"] == "given" and statuses["pcv3"] == "given"
    assert not {"due", "overdue"} & set(statuses.values())

    worker = User.objects.get(phone=demo.DEMO_WORKER_PHONE)
    worklist = login(worker).get("/api/v1/health/worklist/").json()
    assert {i["mother"]["full_name"] for i in worklist["anc"]} >= {"Nurhayati", "Dewi Sartika"}
    assert worklist["postnatal"] and worklist["immunization"]
    assert [g["child"]["full_name"] for g in worklist["growth"]] == ["Rizky Pratama"]


def test_stale_demo_is_rebuilt_without_duplicates() -> None:
    call_command("seed_health_demo", quiet=True)
    first = counts()
    assert demo.seed(on=today() - dt.timedelta(days=10)).created  # as if seeded 10 days ago
    ongoing = Pregnancy.objects.get(mother__nik=demo.DEMO_MOTHER_NIK, status="ongoing")
    assert (today() - ongoing.hpht).days == 24 * 7 + 10
    assert counts() == first
    call_command("seed_health_demo", quiet=True)  # stale: rebuilt for today
    ongoing = Pregnancy.objects.get(mother__nik=demo.DEMO_MOTHER_NIK, status="ongoing")
    assert (today() - ongoing.hpht).days == 24 * 7
    assert counts() == first
    assert demo.seed(reset=True).created
    assert counts() == first
