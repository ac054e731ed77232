from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from accounts import services
from accounts.models import User
from core.models import AuditEvent
from tests.factories import PASSWORD, make_user

URL = "/api/v1/auth/token/"
pytestmark = pytest.mark.django_db


@pytest.fixture
def warga(db: Any) -> User:
    return make_user(full_name="Siti Warga", sex="F", phone="081211112222")


@pytest.mark.parametrize(
    "identifier_of",
    [
        lambda u: u.nik,
        lambda u: "081211112222",
        lambda u: "6281211112222",
        lambda u: "+6281211112222",
        lambda u: "0812-1111-2222",
    ],
    ids=["nik", "08", "62", "+62", "dashes"],
)
def test_login_by_nik_and_every_phone_form(api: APIClient, warga: User, identifier_of: Any) -> None:
    response = api.post(
        URL, {"identifier": identifier_of(warga), "password": PASSWORD}, format="json"
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["user"]["id"] == str(warga.pk)
    me = APIClient()
    me.credentials(HTTP_AUTHORIZATION=f"Bearer {body['access']}")
    assert me.get("/api/v1/me/").json()["full_name"] == "Siti Warga"
    assert AuditEvent.objects.filter(action="auth.login", actor=warga).count() == 1


def test_wrong_password_is_401_with_error_body_and_audited(api: APIClient, warga: User) -> None:
    response = api.post(URL, {"identifier": warga.nik, "password": "salah-sekali"}, format="json")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_credentials"
    event = AuditEvent.objects.get(action="auth.login_failed")
    assert event.object_id == str(warga.pk)
    assert warga.nik not in str(event.data)


def test_unknown_identifier_answers_like_a_wrong_password(api: APIClient) -> None:
    response = api.post(URL, {"identifier": "081299998888", "password": "x"}, format="json")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_credentials"


def test_failures_for_one_identifier_are_throttled(
    api: APIClient, warga: User, settings: Any
) -> None:
    settings.LOGIN_FAILURES_PER_IDENTIFIER = 3
    for _ in range(3):
        assert (
            api.post(URL, {"identifier": warga.nik, "password": "no"}, format="json").status_code
            == 401
        )
    # Even the right password is refused while blocked; the phone form counts as the same user.
    blocked = api.post(URL, {"identifier": warga.nik, "password": PASSWORD}, format="json")
    assert blocked.status_code == 429
    assert 0 < int(blocked["Retry-After"]) <= settings.LOGIN_FAILURE_WINDOW_SECONDS
    assert blocked.json()["error"]["code"] == "throttled"
    assert AuditEvent.objects.filter(action="auth.login_throttled").exists()
    # Another user from another address is not affected.
    other = make_user()
    ok = APIClient(REMOTE_ADDR="10.0.0.9").post(
        URL, {"identifier": other.nik, "password": PASSWORD}, format="json"
    )
    assert ok.status_code == 200


def test_failures_from_one_address_are_throttled(api: APIClient, settings: Any) -> None:
    settings.LOGIN_FAILURES_PER_ADDRESS = 4
    users = [make_user() for _ in range(5)]
    for user in users[:4]:
        api.post(URL, {"identifier": user.nik, "password": "no"}, format="json")
    response = api.post(URL, {"identifier": users[4].nik, "password": PASSWORD}, format="json")
    assert response.status_code == 429


def test_success_clears_the_identifier_counter(api: APIClient, warga: User, settings: Any) -> None:
    settings.LOGIN_FAILURES_PER_IDENTIFIER = 3
    for _ in range(2):
        api.post(URL, {"identifier": warga.nik, "password": "no"}, format="json")
    assert (
        api.post(URL, {"identifier": warga.nik, "password": PASSWORD}, format="json").status_code
        == 200
    )
    for _ in range(2):
        api.post(URL, {"identifier": warga.nik, "password": "no"}, format="json")
    assert (
        api.post(URL, {"identifier": warga.nik, "password": PASSWORD}, format="json").status_code
        == 200
    )


def test_deactivated_user_can_neither_log_in_nor_refresh(api: APIClient, warga: User) -> None:
    tokens = api.post(URL, {"identifier": warga.nik, "password": PASSWORD}, format="json").json()
    services.set_active(user=warga, active=False)
    assert (
        api.post(URL, {"identifier": warga.nik, "password": PASSWORD}, format="json").status_code
        == 401
    )
    refreshed = api.post(
        "/api/v1/auth/token/refresh/", {"refresh": tokens["refresh"]}, format="json"
    )
    assert refreshed.status_code == 401
    me = APIClient()
    me.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens['access']}")
    assert me.get("/api/v1/me/").status_code == 401
    assert AuditEvent.objects.filter(action="account.deactivated", object_id=str(warga.pk)).exists()


def test_missing_fields_and_wrong_types(api: APIClient) -> None:
    response = api.post(URL, {"identifier": ["x"]}, format="json")
    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) == {"identifier", "password"}
