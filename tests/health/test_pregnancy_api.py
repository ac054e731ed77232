"""Pregnancies through the API: opening one, visits, ANC status, danger signs, delivery."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import User
from health import services
from health.models import Child, Mother, Pregnancy
from tests.health.conftest import days_ago, make_pregnancy, today

pytestmark = pytest.mark.django_db


def pregnancies_url(mother: Mother) -> str:
    return f"/api/v1/health/mothers/{mother.pk}/pregnancies/"


def url(pregnancy: Pregnancy, suffix: str = "") -> str:
    return f"/api/v1/health/pregnancies/{pregnancy.pk}/{suffix}"


def test_open_a_pregnancy(midwife_api: APIClient, mother: Mother) -> None:
    hpht = days_ago(10 * 7 + 3)
    response = midwife_api.post(
        pregnancies_url(mother), {"hpht": hpht.isoformat(), "gravida": 2, "para": 1}, format="json"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["due_date"] == (hpht + dt.timedelta(days=280)).isoformat()
    assert body["gestational_age"] == {"weeks": 10, "days": 3, "total_days": 73}
    assert body["trimester"] == 1
    assert body["status"] == "ongoing"
    assert body["anc"]["done"] == 0 and body["anc"]["minimum"] == 6
    assert body["anc"]["next"]["code"] == "K1"
    assert body["anc"]["next"]["status"] == "due"
    assert body["anc"]["next"]["due_by"] == (hpht + dt.timedelta(days=97)).isoformat()
    assert body["anc"]["doctor_rule"] == {"trimester_1": False, "trimester_3": False, "met": False}
    assert body["delivery"] is None
    assert body["can_edit"] is True


def test_one_ongoing_pregnancy_per_mother(
    midwife_api: APIClient, mother: Mother, health_worker: User
) -> None:
    make_pregnancy(health_worker, mother)
    response = midwife_api.post(
        pregnancies_url(mother), {"hpht": days_ago(30).isoformat(), "gravida": 1}, format="json"
    )
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "pregnancy_ongoing"


def test_database_holds_one_ongoing_pregnancy(mother: Mother) -> None:
    from django.db import IntegrityError, transaction

    Pregnancy.objects.create(mother=mother, hpht=days_ago(30), due_date=today(), gravida=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Pregnancy.objects.create(mother=mother, hpht=days_ago(20), due_date=today(), gravida=1)


def test_database_checks_gravida_para_abortus(mother: Mother) -> None:
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Pregnancy.objects.create(
            mother=mother, hpht=days_ago(30), due_date=today(), gravida=2, para=2, abortus=0
        )


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"hpht": "2099-01-01", "gravida": 1}, "hpht"),
        ({"hpht": "2001-01-01", "gravida": 1}, "hpht"),
        ({"gravida": 1}, "hpht"),
        ({"hpht": "TODAY", "gravida": 0}, "gravida"),
        ({"hpht": "TODAY", "gravida": 2, "para": 1, "abortus": 1}, "gravida"),
        ({"hpht": "TODAY", "gravida": 1, "para": -1}, "para"),
        (
            {"hpht": "TODAY", "gravida": 3, "para": 0, "previous_delivery_date": "2020-01-01"},
            "previous_delivery_date",
        ),
    ],
)
def test_pregnancy_refusals(
    midwife_api: APIClient, mother: Mother, data: dict[str, Any], field: str
) -> None:
    data = {k: (days_ago(20).isoformat() if v == "TODAY" else v) for k, v in data.items()}
    response = midwife_api.post(pregnancies_url(mother), data, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()["error"]["fields"]


def visit(midwife_api: APIClient, pregnancy: Pregnancy, **data: Any) -> Any:
    body = {"provider": "midwife", **data}
    return midwife_api.post(url(pregnancy, "visits/"), body, format="json")


def test_visits_fill_contacts_and_show_danger_signs(
    midwife_api: APIClient, mother: Mother, health_worker: User
) -> None:
    pregnancy = make_pregnancy(health_worker, mother, weeks=30)
    hpht = pregnancy.hpht
    first = visit(
        midwife_api,
        pregnancy,
        visit_date=(hpht + dt.timedelta(weeks=10)).isoformat(),
        provider="doctor",
        weight_kg="52.5",
        height_cm="155",
        systolic=110,
        diastolic=70,
        lila_cm="22.9",
        hb_g_dl="10.4",
        iron_tablets=30,
    )
    assert first.status_code == 201, first.content
    body = first.json()
    assert body["gestational_age"] == {"weeks": 10, "days": 0, "total_days": 70}
    assert body["trimester"] == 1
    assert {s["code"] for s in body["danger_signs"]} == {"anaemia", "chronic_energy_deficiency"}
    assert body["weight_kg"] == 52.5
    second = visit(
        midwife_api,
        pregnancy,
        visit_date=(hpht + dt.timedelta(weeks=18)).isoformat(),
        systolic=145,
        diastolic=92,
        hb_g_dl="11.5",
    )
    assert second.status_code == 201
    detail = midwife_api.get(url(pregnancy)).json()
    assert detail["visits_count"] == 2
    assert detail["anc"]["done"] == 2
    contacts = {c["code"]: c for c in detail["anc"]["contacts"]}
    assert contacts["K1"]["status"] == "done" and contacts["K1"]["provider"] == "doctor"
    assert contacts["K2"]["status"] == "done"
    assert contacts["K3"]["status"] == "missed"  # T2 ended at 27+6 without a second visit
    assert contacts["K4"]["status"] == "due"  # 28+0..31+6, today 30+0
    assert detail["anc"]["next"]["code"] == "K4"
    assert detail["anc"]["next"]["doctor_needed"] is True
    signs = {s["code"] for s in detail["danger_signs"]}
    assert signs == {"high_blood_pressure", "chronic_energy_deficiency"}  # Hb now 11.5
    pregnancy.refresh_from_db()
    assert pregnancy.anc_contacts_done == 2 and pregnancy.k1_done
    listed = midwife_api.get(url(pregnancy, "visits/")).json()
    assert [v["trimester"] for v in listed["results"]] == [1, 2]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"visit_date": "FUTURE"}, "visit_date"),
        ({"visit_date": "BEFORE_HPHT"}, "visit_date"),
        ({"systolic": 300, "diastolic": 80}, "systolic"),
        ({"systolic": 80, "diastolic": 90}, "systolic"),
        ({"systolic": 120}, "systolic"),
        ({"hb_g_dl": "40"}, "hb_g_dl"),
        ({"lila_cm": "5"}, "lila_cm"),
        ({"weight_kg": "500"}, "weight_kg"),
        ({"fetal_heart_rate": 400}, "fetal_heart_rate"),
        ({"iron_tablets": -1}, "iron_tablets"),
        ({"provider": "shaman"}, "provider"),
    ],
)
def test_visit_refusals(
    midwife_api: APIClient, mother: Mother, health_worker: User, data: dict[str, Any], field: str
) -> None:
    pregnancy = make_pregnancy(health_worker, mother, weeks=12)
    dates = {
        "FUTURE": (today() + dt.timedelta(days=1)).isoformat(),
        "BEFORE_HPHT": (pregnancy.hpht - dt.timedelta(days=1)).isoformat(),
    }
    body = {"visit_date": today().isoformat(), **data}
    body = {k: dates.get(v, v) if isinstance(v, str) else v for k, v in body.items()}
    response = visit(midwife_api, pregnancy, **body)
    assert response.status_code == 400, response.content
    assert field in response.json()["error"]["fields"]


def test_short_interval_from_a_delivery_in_the_system(
    midwife_api: APIClient, mother: Mother, health_worker: User
) -> None:
    first = services.register_pregnancy(
        by=health_worker, mother=mother, hpht=days_ago(300), gravida=1, on=days_ago(200)
    )
    services.record_delivery(
        by=health_worker,
        pregnancy=first,
        delivered_at=timezone.now() - dt.timedelta(days=30),
        place="puskesmas",
        attendant="midwife",
        method="spontaneous",
        mother_condition="healthy",
        babies=[{"sex": "M", "birth_weight_g": 3000}],
    )
    second = make_pregnancy(health_worker, mother, weeks=2, gravida=2, para=1)
    detail = midwife_api.get(url(second)).json()
    assert "short_birth_interval" in {s["code"] for s in detail["danger_signs"]}


def delivery_payload(**overrides: Any) -> dict[str, Any]:
    data = {
        "delivered_at": (timezone.now() - dt.timedelta(hours=10)).isoformat(),
        "place": "puskesmas",
        "attendant": "midwife",
        "method": "spontaneous",
        "mother_condition": "healthy",
        "babies": [
            {"sex": "F", "birth_weight_g": 2900, "birth_length_cm": "48.5"},
            {"sex": "M", "full_name": "Budi", "birth_weight_g": 2700},
        ],
    }
    data.update(overrides)
    return data


def test_twins_make_two_children_in_one_transaction(
    midwife_api: APIClient, mother: Mother, health_worker: User
) -> None:
    pregnancy = make_pregnancy(health_worker, mother, weeks=38)
    response = midwife_api.post(url(pregnancy, "delivery/"), delivery_payload(), format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "delivered"
    delivery = body["delivery"]
    assert delivery["live_births"] == 2
    assert delivery["gestational_age"]["weeks"] in (37, 38)
    names = sorted(c["full_name"] for c in delivery["children"])
    assert names == ["Bayi Ny. Siti Ibu 1", "Budi"]
    assert Child.objects.filter(mother=mother).count() == 2
    again = midwife_api.post(url(pregnancy, "delivery/"), delivery_payload(), format="json")
    assert again.status_code == 409


def test_a_bad_baby_rolls_back_the_whole_delivery(
    midwife_api: APIClient, mother: Mother, health_worker: User
) -> None:
    pregnancy = make_pregnancy(health_worker, mother, weeks=38)
    babies = [{"sex": "F"}, {"sex": "M", "nik": "1602054101250001"}]  # a girl's NIK for a boy
    response = midwife_api.post(
        url(pregnancy, "delivery/"), delivery_payload(babies=babies), format="json"
    )
    assert response.status_code == 400
    assert "babies.1.nik" in response.json()["error"]["fields"]
    pregnancy.refresh_from_db()
    assert pregnancy.status == "ongoing" and not Child.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"delivered_at": "FUTURE"}, "delivered_at"),
        ({"babies": [], "stillbirths": 0}, "babies"),
        ({"babies": [{"sex": "F", "birth_weight_g": 100}]}, "babies"),
        ({"place": "moon"}, "place"),
    ],
)
def test_delivery_refusals(
    midwife_api: APIClient,
    mother: Mother,
    health_worker: User,
    overrides: dict[str, Any],
    field: str,
) -> None:
    pregnancy = make_pregnancy(health_worker, mother, weeks=38)
    if overrides.get("delivered_at") == "FUTURE":
        overrides["delivered_at"] = (timezone.now() + dt.timedelta(hours=3)).isoformat()
    response = midwife_api.post(
        url(pregnancy, "delivery/"), delivery_payload(**overrides), format="json"
    )
    assert response.status_code == 400, response.content
    assert any(k.startswith(field) for k in response.json()["error"]["fields"])


def test_too_early_for_a_delivery(
    midwife_api: APIClient, mother: Mother, health_worker: User
) -> None:
    pregnancy = make_pregnancy(health_worker, mother, weeks=15)
    response = midwife_api.post(url(pregnancy, "delivery/"), delivery_payload(), format="json")
    assert response.status_code == 400
    assert "delivered_at" in response.json()["error"]["fields"]


def test_stillbirth_only_delivery(
    midwife_api: APIClient, mother: Mother, health_worker: User
) -> None:
    pregnancy = make_pregnancy(health_worker, mother, weeks=30)
    response = midwife_api.post(
        url(pregnancy, "delivery/"), delivery_payload(babies=[], stillbirths=1), format="json"
    )
    assert response.status_code == 201
    assert response.json()["delivery"]["children"] == []
    assert response.json()["delivery"]["stillbirths"] == 1


def test_end_a_pregnancy(midwife_api: APIClient, mother: Mother, health_worker: User) -> None:
    pregnancy = make_pregnancy(health_worker, mother, weeks=9)
    response = midwife_api.post(
        url(pregnancy, "end/"),
        {"ended_on": today().isoformat(), "reason": "miscarriage"},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["status"] == "ended"
    assert response.json()["anc"]["contacts"][0]["status"] == "missed"
    again = midwife_api.post(
        url(pregnancy, "end/"),
        {"ended_on": today().isoformat(), "reason": "miscarriage"},
        format="json",
    )
    assert again.status_code == 409
    # a new pregnancy may now be opened
    response = midwife_api.post(
        pregnancies_url(mother),
        {"hpht": today().isoformat(), "gravida": 2, "abortus": 1},
        format="json",
    )
    assert response.status_code == 201


def test_correct_hpht(midwife_api: APIClient, mother: Mother, health_worker: User) -> None:
    pregnancy = make_pregnancy(health_worker, mother, weeks=12)
    new_hpht = pregnancy.hpht + dt.timedelta(days=7)
    response = midwife_api.patch(url(pregnancy), {"hpht": new_hpht.isoformat()}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["due_date"] == (new_hpht + dt.timedelta(days=280)).isoformat()
    visit(midwife_api, pregnancy, visit_date=today().isoformat())
    later = midwife_api.patch(
        url(pregnancy), {"hpht": (today() + dt.timedelta(days=1)).isoformat()}, format="json"
    )
    assert later.status_code == 400
