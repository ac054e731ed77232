"""Who sees and who writes a Buku KIA; every read is audited; the mother sees who read it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from rest_framework.test import APIClient

from accounts.models import User
from core.models import AuditEvent, Village
from health import services
from health.models import Mother
from tests.factories import make_user
from tests.health.conftest import make_child, make_mother, make_pregnancy, today

pytestmark = pytest.mark.django_db


@pytest.fixture
def book(mother: Mother, health_worker: User) -> dict[str, Any]:
    """A mother with an ongoing pregnancy with a visit, and a child with a measurement."""
    pregnancy = make_pregnancy(health_worker, mother, weeks=20)
    services.record_visit(
        by=health_worker, pregnancy=pregnancy, visit_date=today(), provider="midwife"
    )
    child = make_child(health_worker, mother, age_days=400)
    services.record_measurement(
        by=health_worker, child=child, measured_on=today(), weight_kg=Decimal("9.5")
    )
    return {"mother": mother, "pregnancy": pregnancy, "child": child}


def read_urls(book: dict[str, Any]) -> list[str]:
    m, p, c = book["mother"].pk, book["pregnancy"].pk, book["child"].pk
    return [
        f"/api/v1/health/mothers/{m}/",
        f"/api/v1/health/mothers/{m}/pregnancies/",
        f"/api/v1/health/mothers/{m}/children/",
        f"/api/v1/health/pregnancies/{p}/",
        f"/api/v1/health/pregnancies/{p}/visits/",
        f"/api/v1/health/children/{c}/",
        f"/api/v1/health/children/{c}/immunizations/",
        f"/api/v1/health/children/{c}/measurements/",
        f"/api/v1/health/children/{c}/growth-chart/",
    ]


def write_requests(book: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    m, p, c = book["mother"].pk, book["pregnancy"].pk, book["child"].pk
    on = today().isoformat()
    return [
        ("patch", f"/api/v1/health/mothers/{m}/", {"full_name": "Ganti Nama"}),
        ("post", f"/api/v1/health/mothers/{m}/pregnancies/", {"hpht": on, "gravida": 1}),
        (
            "post",
            f"/api/v1/health/mothers/{m}/children/",
            {"full_name": "X", "sex": "F", "birth_date": on},
        ),
        ("patch", f"/api/v1/health/pregnancies/{p}/", {"gravida": 3}),
        (
            "post",
            f"/api/v1/health/pregnancies/{p}/visits/",
            {"visit_date": on, "provider": "midwife"},
        ),
        ("post", f"/api/v1/health/pregnancies/{p}/end/", {"ended_on": on, "reason": "miscarriage"}),
        ("patch", f"/api/v1/health/children/{c}/", {"full_name": "Ganti"}),
        (
            "post",
            f"/api/v1/health/children/{c}/immunizations/",
            {"dose_code": "bcg", "given_on": on},
        ),
        (
            "post",
            f"/api/v1/health/children/{c}/measurements/",
            {"measured_on": on, "weight_kg": "9"},
        ),
    ]


def test_the_mother_reads_her_whole_book(mother_api: APIClient, book: dict[str, Any]) -> None:
    for url in read_urls(book):
        assert mother_api.get(url).status_code == 200, url
    assert (
        mother_api.get(f"/api/v1/health/mothers/{book['mother'].pk}/access-log/").status_code == 200
    )


def test_the_mother_cannot_write(mother_api: APIClient, book: dict[str, Any]) -> None:
    for method, url, data in write_requests(book):
        response = getattr(mother_api, method)(url, data, format="json")
        assert response.status_code == 403, (url, response.content)
        assert response.json()["error"]["code"] == "permission_denied"
    assert mother_api.post("/api/v1/health/mothers/", {}, format="json").status_code == 403


@pytest.mark.parametrize(
    "who", ["other_mother", "other_midwife", "civil_officer", "market_officer", "regency_admin"]
)
def test_others_get_404_on_records(
    request: pytest.FixtureRequest,
    login: Callable[[User], APIClient],
    book: dict[str, Any],
    village: Village,
    health_worker: User,
    who: str,
) -> None:
    if who == "other_mother":
        user = make_user(full_name="Ibu Lain", sex="F", birth_date=dt.date(1991, 2, 3))
        make_mother(health_worker, village, nik=user.nik, birth_date=user.birth_date)
    else:
        user = request.getfixturevalue(who)
    client = login(user)
    for url in [*read_urls(book), f"/api/v1/health/mothers/{book['mother'].pk}/access-log/"]:
        response = client.get(url)
        assert response.status_code == 404, (who, url)
        assert response.json()["error"]["code"] == "not_found"
    for method, url, data in write_requests(book):
        assert getattr(client, method)(url, data, format="json").status_code == 404, (who, url)
    mothers = client.get("/api/v1/health/mothers/").json()
    assert str(book["mother"].pk) not in [m["id"] for m in mothers["results"]]
    children = client.get("/api/v1/health/children/").json()
    assert children["count"] == 0


def test_worklist_for_health_workers_and_stats_for_admins(
    login: Callable[[User], APIClient],
    regency_admin: User,
    civil_officer: User,
    mother_user: User,
    health_worker: User,
) -> None:
    assert login(health_worker).get("/api/v1/health/worklist/").status_code == 200
    assert login(health_worker).get("/api/v1/health/stats/").status_code == 200
    assert login(regency_admin).get("/api/v1/health/stats/").status_code == 200
    assert login(regency_admin).get("/api/v1/health/worklist/").status_code == 403
    for user in (civil_officer, mother_user):
        assert login(user).get("/api/v1/health/stats/").status_code == 403
        assert login(user).get("/api/v1/health/worklist/").status_code == 403


def test_a_revoked_health_worker_sees_nothing(
    login: Callable[[User], APIClient], book: dict[str, Any], health_worker: User
) -> None:
    from accounts.services import revoke_role

    revoke_role(user=health_worker, role="health_worker")
    assert (
        login(health_worker).get(f"/api/v1/health/mothers/{book['mother'].pk}/").status_code == 404
    )


def test_the_access_log_is_only_for_the_mother(
    midwife_api: APIClient, book: dict[str, Any]
) -> None:
    response = midwife_api.get(f"/api/v1/health/mothers/{book['mother'].pk}/access-log/")
    assert response.status_code == 404


READ_ACTIONS = {
    "/mothers/{m}/": ("health.mother.read", "health.mother"),
    "/mothers/{m}/pregnancies/": ("health.pregnancy.list", "health.pregnancy"),
    "/mothers/{m}/children/": ("health.child.list", "health.child"),
    "/pregnancies/{p}/": ("health.pregnancy.read", "health.pregnancy"),
    "/pregnancies/{p}/visits/": ("health.visit.list", "health.pregnancy"),
    "/children/{c}/": ("health.child.read", "health.child"),
    "/children/{c}/immunizations/": ("health.immunization.read", "health.child"),
    "/children/{c}/measurements/": ("health.measurement.list", "health.child"),
    "/children/{c}/growth-chart/": ("health.growth_chart.read", "health.child"),
}


def test_every_read_is_audited(
    midwife_api: APIClient, book: dict[str, Any], health_worker: User
) -> None:
    ids = {"m": book["mother"].pk, "p": book["pregnancy"].pk, "c": book["child"].pk}
    for template, (action, object_type) in READ_ACTIONS.items():
        before = AuditEvent.objects.count()
        response = midwife_api.get("/api/v1/health" + template.format(**ids))
        assert response.status_code == 200
        events = list(AuditEvent.objects.order_by("-id")[: AuditEvent.objects.count() - before])
        assert len(events) == 1, template
        event = events[0]
        assert (event.action, event.object_type, event.actor_id) == (
            action,
            object_type,
            health_worker.pk,
        )
        assert event.data["mother"] == str(book["mother"].pk)
        assert event.data["as"] == "health_worker"
    before = AuditEvent.objects.count()
    midwife_api.get("/api/v1/health/mothers/")
    assert AuditEvent.objects.filter(action="health.mother.list").count() == 1
    assert AuditEvent.objects.count() == before + 1


def test_the_mother_sees_who_read_her_book(
    mother_api: APIClient, midwife_api: APIClient, book: dict[str, Any], other_midwife: User
) -> None:
    midwife_api.get(f"/api/v1/health/children/{book['child'].pk}/")
    mother_api.get(f"/api/v1/health/mothers/{book['mother'].pk}/")
    entries = mother_api.get(f"/api/v1/health/mothers/{book['mother'].pk}/access-log/").json()
    results = entries["results"]
    newest = results[0]
    assert newest["action"] == "health.mother.read" and newest["is_self"] is True
    assert newest["actor"]["role"] == "mother"
    midwife_read = results[1]
    assert midwife_read["action"] == "health.child.read"
    assert midwife_read["kind"] == "read"
    assert midwife_read["record_type"] == "child"
    assert midwife_read["actor"] == {
        "name": "Bidan Desa",
        "role": "health_worker",
        "role_label": "Tenaga kesehatan",
    }
    assert midwife_read["action_label"] == "Membuka data anak"
    writes = [e for e in results if e["kind"] == "write"]
    assert {e["action"] for e in writes} >= {
        "health.mother.created",
        "health.pregnancy.created",
        "health.visit.created",
        "health.measurement.created",
    }
    english = mother_api.get(
        f"/api/v1/health/mothers/{book['mother'].pk}/access-log/", HTTP_ACCEPT_LANGUAGE="en"
    ).json()["results"]
    assert english[1]["action_label"] == "Opened the child's record"
    assert english[1]["actor"]["role_label"] == "Health worker"


def test_reading_the_log_is_not_logged_and_other_books_are_absent(
    mother_api: APIClient, book: dict[str, Any], health_worker: User, village: Village
) -> None:
    other = make_mother(health_worker, village, full_name="Tetangga")
    url = f"/api/v1/health/mothers/{book['mother'].pk}/access-log/"
    count = mother_api.get(url).json()["count"]
    assert mother_api.get(url).json()["count"] == count
    ids = {e["record_id"] for e in mother_api.get(url, {"page_size": 100}).json()["results"]}
    assert str(other.pk) not in ids
