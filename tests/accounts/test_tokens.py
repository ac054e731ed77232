from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from accounts.models import User
from core.models import AuditEvent
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db
REFRESH = "/api/v1/auth/token/refresh/"


def _login(user: User, password: str = PASSWORD) -> dict[str, Any]:
    response = APIClient().post(
        "/api/v1/auth/token/", {"identifier": user.nik, "password": password}, format="json"
    )
    assert response.status_code == 200, response.content
    return response.json()


def _bearer(access: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    return client


def test_refresh_rotates_and_the_used_token_is_refused_afterwards(api: APIClient) -> None:
    tokens = _login(make_user())
    first = api.post(REFRESH, {"refresh": tokens["refresh"]}, format="json")
    assert first.status_code == 200
    rotated = first.json()
    assert rotated["refresh"] != tokens["refresh"]
    assert _bearer(rotated["access"]).get("/api/v1/me/").status_code == 200

    # A phone that reloaded mid-refresh sends the old token again at once: same pair.
    again = api.post(REFRESH, {"refresh": tokens["refresh"]}, format="json")
    assert again.status_code == 200
    assert again.json() == rotated

    from django.core.cache import cache

    cache.clear()  # the grace window (30 s) is over
    reuse = api.post(REFRESH, {"refresh": tokens["refresh"]}, format="json")
    assert reuse.status_code == 401
    assert reuse.json()["error"]["code"] == "token_invalid"
    assert api.post(REFRESH, {"refresh": rotated["refresh"]}, format="json").status_code == 200


def test_garbage_refresh_token_is_401_not_500(api: APIClient) -> None:
    response = api.post(REFRESH, {"refresh": "not-a-token"}, format="json")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "token_invalid"


def test_access_token_is_not_a_refresh_token(api: APIClient) -> None:
    tokens = _login(make_user())
    assert api.post(REFRESH, {"refresh": tokens["access"]}, format="json").status_code == 401


def test_logout_makes_the_refresh_token_unusable(api: APIClient) -> None:
    user = make_user()
    tokens = _login(user)
    client = _bearer(tokens["access"])
    response = client.post("/api/v1/auth/logout/", {"refresh": tokens["refresh"]}, format="json")
    assert response.status_code == 204
    assert api.post(REFRESH, {"refresh": tokens["refresh"]}, format="json").status_code == 401
    assert AuditEvent.objects.filter(action="auth.logout", actor=user).exists()


def test_logout_with_someone_elses_token_is_refused(api: APIClient) -> None:
    mine, theirs = _login(make_user()), _login(make_user())
    response = _bearer(mine["access"]).post(
        "/api/v1/auth/logout/", {"refresh": theirs["refresh"]}, format="json"
    )
    assert response.status_code == 400
    assert api.post(REFRESH, {"refresh": theirs["refresh"]}, format="json").status_code == 200


def test_logout_requires_authentication(api: APIClient) -> None:
    response = api.post("/api/v1/auth/logout/", {"refresh": "x"}, format="json")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"


def test_password_change_ends_other_sessions(api: APIClient) -> None:
    user = make_user()
    phone_session = _login(user)
    laptop_session = _login(user)
    response = _bearer(laptop_session["access"]).post(
        "/api/v1/auth/password/",
        {"current_password": PASSWORD, "new_password": "sandi-baru-yang-kuat-77"},
        format="json",
    )
    assert response.status_code == 200
    fresh = response.json()
    # The other session is over: neither its access nor its refresh token works.
    assert _bearer(phone_session["access"]).get("/api/v1/me/").status_code == 401
    assert (
        api.post(REFRESH, {"refresh": phone_session["refresh"]}, format="json").status_code == 401
    )
    # The old password no longer logs in; the new one does; this session goes on.
    assert (
        APIClient()
        .post("/api/v1/auth/token/", {"identifier": user.nik, "password": PASSWORD}, format="json")
        .status_code
        == 401
    )
    _login(user, "sandi-baru-yang-kuat-77")
    assert _bearer(fresh["access"]).get("/api/v1/me/").status_code == 200
    assert api.post(REFRESH, {"refresh": fresh["refresh"]}, format="json").status_code == 200
    assert AuditEvent.objects.filter(action="account.password_changed", actor=user).exists()


def test_password_change_refusals(api: APIClient) -> None:
    user = make_user()
    client = _bearer(_login(user)["access"])
    wrong = client.post(
        "/api/v1/auth/password/",
        {"current_password": "bukan", "new_password": "sandi-baru-yang-kuat-77"},
        format="json",
    )
    assert wrong.status_code == 400
    assert "current_password" in wrong.json()["error"]["fields"]
    weak = client.post(
        "/api/v1/auth/password/",
        {"current_password": PASSWORD, "new_password": "12345678"},
        format="json",
    )
    assert weak.status_code == 400
    assert "new_password" in weak.json()["error"]["fields"]
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_no_grace_after_a_password_change(api: APIClient) -> None:
    user = make_user()
    tokens = _login(user)
    api.post(REFRESH, {"refresh": tokens["refresh"]}, format="json")
    user.set_password("sandi-lain-yang-kuat-88")
    user.save()
    assert api.post(REFRESH, {"refresh": tokens["refresh"]}, format="json").status_code == 401
