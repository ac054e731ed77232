"""Opening a Buku KIA: who may, what is checked, the link to the resident's account."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from accounts.models import User
from core.models import Village
from health.models import Mother
from tests.factories import make_user, nik_for

pytestmark = pytest.mark.django_db

URL = "/api/v1/health/mothers/"


def payload(village: Village, **overrides: Any) -> dict[str, Any]:
    birth_date = dt.date(1996, 7, 2)
    data = {
        "nik": nik_for(birth_date, "F"),
        "full_name": "  Rina   Sari ",
        "birth_date": birth_date.isoformat(),
        "village_code": village.code,
        "phone": "0812 3456 7890",
    }
    data.update(overrides)
    return data


def test_health_worker_opens_a_book(midwife_api: APIClient, village: Village) -> None:
    response = midwife_api.post(URL, payload(village), format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["full_name"] == "Rina Sari"
    assert body["village"]["code"] == village.code
    assert body["village"]["district"]["code"] == "16.02.05"
    assert body["phone"] == "+6281234567890"
    assert body["nik_masked"].startswith("1602") and "*" in body["nik_masked"]
    assert body["warnings"] == []
    assert body["has_account"] is False
    assert body["can_edit"] is True
    assert body["pregnancies"] == [] and body["children"] == []
    assert Mother.objects.filter(pk=body["id"]).exists()


def test_nik_date_mismatch_is_a_warning(midwife_api: APIClient, village: Village) -> None:
    data = payload(village, nik=nik_for(dt.date(1996, 7, 3), "F"))
    response = midwife_api.post(URL, data, format="json")
    assert response.status_code == 201
    assert [w["code"] for w in response.json()["warnings"]] == ["nik_birth_date_mismatch"]


def test_male_nik_is_refused(midwife_api: APIClient, village: Village) -> None:
    data = payload(village, nik=nik_for(dt.date(1996, 7, 2), "M"))
    response = midwife_api.post(URL, data, format="json")
    assert response.status_code == 400
    assert "nik" in response.json()["error"]["fields"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("nik", "123"),
        ("birth_date", "2030-01-01"),
        ("full_name", " "),
        ("phone", "12345"),
        ("village_code", "99.99.99.9999"),
    ],
)
def test_bad_input_names_the_field(
    midwife_api: APIClient, village: Village, field: str, value: str
) -> None:
    response = midwife_api.post(URL, payload(village, **{field: value}), format="json")
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]


def test_unknown_field_is_refused(midwife_api: APIClient, village: Village) -> None:
    response = midwife_api.post(URL, payload(village, is_admin=True), format="json")
    assert response.status_code == 400
    assert "is_admin" in response.json()["error"]["fields"]


def test_village_outside_her_villages_is_refused(
    midwife_api: APIClient, other_village: Village
) -> None:
    response = midwife_api.post(URL, payload(other_village), format="json")
    assert response.status_code == 400
    assert "village_code" in response.json()["error"]["fields"]
    assert not Mother.objects.exists()


def test_one_book_per_nik(midwife_api: APIClient, village: Village) -> None:
    data = payload(village)
    assert midwife_api.post(URL, data, format="json").status_code == 201
    response = midwife_api.post(URL, data, format="json")
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "mother_exists"


@pytest.mark.parametrize("who", ["resident", "civil_officer", "market_officer", "regency_admin"])
def test_only_health_workers_open_books(
    request: pytest.FixtureRequest,
    login: Callable[[User], APIClient],
    village: Village,
    who: str,
) -> None:
    user = request.getfixturevalue(who)
    response = login(user).post(URL, payload(village), format="json")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"


def test_anonymous_gets_401(api: APIClient, village: Village) -> None:
    assert api.post(URL, payload(village), format="json").status_code == 401
    assert api.get(URL).status_code == 401


def test_links_existing_account_at_creation_when_the_phone_matches(
    midwife_api: APIClient, village: Village, mother_user: User
) -> None:
    data = payload(
        village,
        nik=mother_user.nik,
        birth_date=mother_user.birth_date.isoformat(),
        phone=mother_user.phone,
    )
    response = midwife_api.post(URL, data, format="json")
    assert response.status_code == 201
    assert response.json()["has_account"] is True
    assert Mother.objects.get(nik=mother_user.nik).user == mother_user


def test_an_account_with_the_nik_but_another_phone_is_not_linked(
    midwife_api: APIClient, village: Village, mother_user: User, login: Callable[[User], APIClient]
) -> None:
    """Whoever registered first with a NIK (it carries the birth date) does not get the book."""
    data = payload(
        village,
        nik=mother_user.nik,
        birth_date=mother_user.birth_date.isoformat(),
        phone="081399990000",
    )
    created = midwife_api.post(URL, data, format="json").json()
    assert created["has_account"] is False
    stranger = login(mother_user)
    assert stranger.get(URL + "mine/").status_code == 404
    assert stranger.get(f"{URL}{created['id']}/").status_code == 404
    # The midwife, who sees the mother and her KTP in person, links the book.
    linked = midwife_api.post(f"{URL}{created['id']}/link-account/")
    assert linked.status_code == 200
    assert linked.json()["has_account"] is True
    assert stranger.get(URL + "mine/").json()["id"] == created["id"]
    from core.models import AuditEvent

    assert AuditEvent.objects.filter(action="health.mother.account_linked").exists()


def test_link_account_refusals(
    midwife_api: APIClient, village: Village, login: Callable[[User], APIClient], resident: User
) -> None:
    created = midwife_api.post(URL, payload(village), format="json").json()
    no_account = midwife_api.post(f"{URL}{created['id']}/link-account/")
    assert no_account.status_code == 400
    assert "nik" in no_account.json()["error"]["fields"]
    assert login(resident).post(f"{URL}{created['id']}/link-account/").status_code == 403


def test_account_registered_later_finds_the_book_by_nik_and_phone(
    midwife_api: APIClient, village: Village, login: Callable[[User], APIClient]
) -> None:
    birth_date = dt.date(1993, 1, 9)
    nik = nik_for(birth_date, "F")
    data = payload(village, nik=nik, birth_date=birth_date.isoformat(), phone="081377776666")
    mother_id = midwife_api.post(URL, data, format="json").json()["id"]
    assert Mother.objects.get(pk=mother_id).user is None

    user = make_user(
        full_name="Ibu Baru", sex="F", birth_date=birth_date, nik=nik, phone="081377776666"
    )
    client = login(user)
    mine = client.get(URL + "mine/")
    assert mine.status_code == 200
    assert mine.json()["id"] == mother_id
    assert mine.json()["nik"] == nik
    assert mine.json()["can_edit"] is False
    assert Mother.objects.get(pk=mother_id).user == user
    listed = client.get(URL).json()
    assert [m["id"] for m in listed["results"]] == [mother_id]


def test_mine_is_404_without_a_book(login: Callable[[User], APIClient], resident: User) -> None:
    response = login(resident).get(URL + "mine/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_update_and_move_within_her_villages(
    midwife_api: APIClient, mother: Mother, second_village: Village, other_village: Village
) -> None:
    url = f"{URL}{mother.pk}/"
    response = midwife_api.patch(
        url, {"full_name": "Siti Aminah", "village_code": second_village.code}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["full_name"] == "Siti Aminah"
    assert response.json()["village"]["code"] == second_village.code
    response = midwife_api.patch(url, {"village_code": other_village.code}, format="json")
    assert response.status_code == 400
    assert "village_code" in response.json()["error"]["fields"]
    response = midwife_api.patch(url, {"nik": "1602055403920001"}, format="json")
    assert response.status_code == 400
    assert "nik" in response.json()["error"]["fields"]


def test_lookup_by_nik_in_the_body(
    midwife_api: APIClient, mother: Mother, login: Callable[[User], APIClient], other_midwife: User
) -> None:
    response = midwife_api.post(URL + "lookup/", {"nik": mother.nik}, format="json")
    assert response.status_code == 200
    assert response.json()["id"] == str(mother.pk)
    other = login(other_midwife).post(URL + "lookup/", {"nik": mother.nik}, format="json")
    assert other.status_code == 404
    missing = midwife_api.post(URL + "lookup/", {"nik": "1602054101900009"}, format="json")
    assert missing.status_code == 404


def test_list_masks_and_filters(
    midwife_api: APIClient, mother: Mother, second_village: Village, health_worker: User
) -> None:
    from tests.health.conftest import make_mother

    make_mother(health_worker, second_village, full_name="Dewi Lestari")
    body = midwife_api.get(URL).json()
    assert body["count"] == 2
    first = body["results"][0]
    assert set(first) >= {"id", "nik_masked", "phone_masked", "village", "ongoing_pregnancy"}
    assert "nik" not in first and "phone" not in first
    assert midwife_api.get(URL, {"village": second_village.code}).json()["count"] == 1
    assert midwife_api.get(URL, {"q": "dewi"}).json()["count"] == 1


def test_access_log_can_leave_out_the_mothers_own_reads(
    mother_api: APIClient, midwife_api: APIClient, mother: Mother
) -> None:
    mother_api.get(f"{URL}{mother.pk}/")
    midwife_api.get(f"{URL}{mother.pk}/")
    everything = mother_api.get(f"{URL}{mother.pk}/access-log/").json()["results"]
    others = mother_api.get(f"{URL}{mother.pk}/access-log/?exclude_self=true").json()["results"]
    assert any(entry["is_self"] for entry in everything)
    assert others and not any(entry["is_self"] for entry in others)
