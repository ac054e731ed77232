from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from accounts.models import User
from core.models import AuditEvent

pytestmark = pytest.mark.django_db
URL = "/api/v1/me/"

Login = Callable[[User], APIClient]


def test_resident_sees_own_full_nik_and_only_the_resident_role(
    login: Login, resident: User
) -> None:
    body = login(resident).get(URL).json()
    assert body["nik"] == resident.nik
    assert body["nik_masked"] == f"{resident.nik[:4]}********{resident.nik[-4:]}"
    assert body["roles"] == ["resident"]
    assert body["jurisdiction"] == {"districts": [], "villages": [], "facility": None}


def test_civil_officer_sees_role_and_districts(login: Login, civil_officer: User) -> None:
    body = login(civil_officer).get(URL).json()
    assert body["roles"] == ["resident", "civil_officer"]
    assert body["jurisdiction"]["districts"] == [{"code": "16.02.05", "name": "Kayu Agung"}]


def test_health_worker_sees_villages_and_facility(login: Login, health_worker: User) -> None:
    body = login(health_worker).get(URL).json()
    assert body["roles"] == ["resident", "health_worker"]
    villages = body["jurisdiction"]["villages"]
    assert len(villages) > 5 and all(v["code"].startswith("16.02.05.") for v in villages)
    assert body["jurisdiction"]["facility"] == "Puskesmas Kayu Agung"


@pytest.mark.parametrize("fixture", ["market_officer", "regency_admin"])
def test_regency_wide_roles(login: Login, request: Any, fixture: str) -> None:
    user = request.getfixturevalue(fixture)
    assert login(user).get(URL).json()["roles"] == ["resident", fixture]


def test_me_query_count_does_not_grow_with_the_jurisdiction(login: Login) -> None:
    from accounts.services import assign_role
    from core.models import Village
    from tests.factories import make_user

    codes = list(Village.objects.values_list("code", flat=True))
    counts = []
    for village_codes in (codes[:1], codes):
        user = make_user()
        assign_role(user=user, role="health_worker", village_codes=village_codes)
        client = login(user)
        with CaptureQueriesContext(connection) as ctx:
            body = client.get(URL).json()
        assert len(body["jurisdiction"]["villages"]) == len(village_codes)
        counts.append(len(ctx))
    assert counts[0] == counts[1] <= 5


def test_revoked_role_disappears(login: Login, civil_officer: User) -> None:
    from accounts.services import revoke_role

    revoke_role(user=civil_officer, role="civil_officer")
    assert login(civil_officer).get(URL).json()["roles"] == ["resident"]
    assert AuditEvent.objects.filter(
        action="role.revoked", object_id=str(civil_officer.pk)
    ).exists()


def test_profile_update(login: Login, resident: User) -> None:
    client = login(resident)
    response = client.patch(
        URL,
        {
            "full_name": "  Siti   Nurhaliza ",
            "phone": "+62 812 7777 8888",
            "language": "en",
            "village_code": "16.02.05.1002",
        },
        format="json",
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["full_name"] == "Siti Nurhaliza"
    assert body["phone"] == "+6281277778888"
    assert body["language"] == "en"
    assert body["village"]["code"] == "16.02.05.1002"
    assert body["village"]["district"] == {"code": "16.02.05", "name": "Kayu Agung"}
    event = AuditEvent.objects.get(action="account.profile_updated")
    assert set(event.data["fields"]) == {"full_name", "phone", "language", "village"}


def test_nik_and_roles_cannot_be_changed_by_the_user(login: Login, resident: User) -> None:
    response = login(resident).patch(
        URL, {"nik": "1602050101900001", "roles": ["regency_admin"]}, format="json"
    )
    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) == {"nik", "roles"}
    resident.refresh_from_db()
    assert resident.nik != "1602050101900001"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"village_code": "99.99.99.9999"}, "village_code"),
        ({"phone": "+14155552671"}, "phone"),
        ({"language": "fr"}, "language"),
        ({"full_name": " "}, "full_name"),
    ],
)
def test_profile_refusals(login: Login, resident: User, data: dict[str, str], field: str) -> None:
    response = login(resident).patch(URL, data, format="json")
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]


def test_phone_taken_by_someone_else(login: Login, resident: User, civil_officer: User) -> None:
    response = login(resident).patch(URL, {"phone": civil_officer.phone}, format="json")
    assert response.status_code == 400
    assert "phone" in response.json()["error"]["fields"]


def test_me_needs_a_valid_token(api: APIClient) -> None:
    assert api.get(URL).status_code == 401
    api.credentials(HTTP_AUTHORIZATION="Bearer rubbish")
    response = api.get(URL)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "token_not_valid"
