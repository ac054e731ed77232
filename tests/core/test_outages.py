"""A database or Redis outage answers 503 with the error body, never a 500 or a hang.

Redis: throttles and other cache reads fail open (browsing and forms keep working); the
login brute-force counters fail closed (logins answer 503 until Redis is back).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import InterfaceError, OperationalError
from django.test import RequestFactory
from rest_framework.test import APIClient

from accounts.models import User
from core import cache as core_cache
from core.cache import CacheUnavailable, ResilientRedisCache, strict_cache
from core.middleware import ApiErrorMiddleware
from tests.accounts.test_register import payload
from tests.factories import PASSWORD

BROKEN_REDIS = "redis://127.0.0.1:1/0"
UNAVAILABLE_ID = "Layanan sedang tidak tersedia. Silakan coba lagi beberapa saat lagi."


def assert_unavailable(response: Any, message: str = UNAVAILABLE_ID) -> None:
    assert response.status_code == 503, response.content
    assert response.json() == {
        "error": {"code": "service_unavailable", "message": message, "fields": {}}
    }
    assert response["Retry-After"] == "30"


# --- Database ----------------------------------------------------------------------------


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_database_outage_in_a_view_is_503(
    api: APIClient, monkeypatch: pytest.MonkeyPatch, error: type[Exception], db: Any
) -> None:
    from core import selectors

    def down() -> Any:
        raise error("connection to server at 10.0.0.5, port 5432 failed: Connection refused")

    monkeypatch.setattr(selectors, "app_config", down)
    assert_unavailable(api.get("/api/v1/config/"))
    english = api.get("/api/v1/config/", HTTP_ACCEPT_LANGUAGE="en")
    assert_unavailable(
        english, "The service is unavailable right now. Please try again in a moment."
    )


def test_database_outage_during_authentication_is_503(
    login: Any, resident: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = login(resident)
    from rest_framework_simplejwt.authentication import JWTAuthentication

    def down(self: Any, validated_token: Any) -> Any:
        raise OperationalError("the connection pool timed out")

    monkeypatch.setattr(JWTAuthentication, "get_user", down)
    assert_unavailable(client.get("/api/v1/me/"))


def test_database_outage_outside_drf_is_503_under_api() -> None:
    middleware = ApiErrorMiddleware(lambda request: None)  # type: ignore[arg-type,return-value]
    request = RequestFactory().get("/api/v1/anything/")
    response = middleware.process_exception(request, OperationalError("server closed"))
    assert response is not None
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    other = middleware.process_exception(request, ValueError("a bug"))
    assert other is not None and other.status_code == 500
    outside = RequestFactory().get("/admin/")
    assert middleware.process_exception(outside, OperationalError("server closed")) is None


def test_integrity_errors_stay_bugs(
    api: APIClient, monkeypatch: pytest.MonkeyPatch, db: Any
) -> None:
    from django.db import IntegrityError

    from core import selectors

    def broken() -> Any:
        raise IntegrityError("duplicate key")

    monkeypatch.setattr(selectors, "app_config", broken)
    response = api.get("/api/v1/config/")
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "server_error"


# --- Redis -------------------------------------------------------------------------------


@pytest.fixture
def redis_down(settings: Any) -> Iterator[None]:
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": BROKEN_REDIS,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    core_cache.warning_limiter.last = float("-inf")
    core_cache.warning_limiter.suppressed = 0
    yield


def test_resilient_cache_answers_as_a_miss_and_warns_once(
    redis_down: None, caplog: pytest.LogCaptureFixture
) -> None:
    from django.core.cache import cache

    assert isinstance(cache._connections["default"], ResilientRedisCache)  # type: ignore[attr-defined]
    with caplog.at_level(logging.WARNING, logger="pintuwarga.cache"):
        assert cache.get("k", "fallback") == "fallback"
        cache.set("k", 1, 5)
        assert cache.add("k", 1) is False
        assert cache.get_many(["a", "b"]) == {}
        assert cache.incr("k") == 1
        assert cache.has_key("k") is False
        cache.delete("k")
        cache.set_many({"a": 1})
        cache.delete_many(["a"])
        assert cache.get_or_set("g", 7) == 7
    warnings = [r for r in caplog.records if r.name == "pintuwarga.cache"]
    assert len(warnings) == 1  # rate-limited: one line a minute, not one per call
    assert "treating as a miss" in warnings[0].getMessage()
    assert core_cache.warning_limiter.suppressed >= 9


def test_strict_cache_fails_closed(redis_down: None) -> None:
    with pytest.raises(CacheUnavailable):
        strict_cache().get_many(["login-fail:x"])
    with pytest.raises(CacheUnavailable):
        strict_cache().add("login-fail:x", 0, 10)


def test_browsing_and_registration_keep_working_while_redis_is_down(
    api: APIClient, redis_down: None, db: Any
) -> None:
    assert api.get("/api/v1/config/").status_code == 200
    assert api.get("/api/v1/regions/districts/").status_code == 200
    # Registration is throttled through the cache: the throttle fails open.
    response = api.post("/api/v1/auth/register/", payload(), format="json")
    assert response.status_code == 201, response.content


def test_login_fails_closed_while_redis_is_down(
    api: APIClient, resident: User, redis_down: None, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        response = api.post(
            "/api/v1/auth/token/",
            {"identifier": resident.phone, "password": PASSWORD},
            format="json",
        )
    assert_unavailable(response)
    assert any("failed-login counters" in r.getMessage() for r in caplog.records)


def test_readiness_reports_the_cache_down(api: APIClient, redis_down: None, db: Any) -> None:
    response = api.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "error"}


def test_login_counts_failures_when_redis_is_up(api: APIClient, resident: User) -> None:
    """The usual path (locmem, or Redis when REDIS_URL is set) still counts and blocks."""
    for _ in range(5):
        response = api.post(
            "/api/v1/auth/token/",
            {"identifier": resident.phone, "password": "wrong-password"},
            format="json",
        )
        assert response.status_code == 401
    blocked = api.post(
        "/api/v1/auth/token/", {"identifier": resident.phone, "password": PASSWORD}, format="json"
    )
    assert blocked.status_code == 429


POOL_SCRIPT = """
import json, threading
import django
django.setup()
from django.db import connection
from django.test import Client

connection.ensure_connection()  # this thread holds the pool's only connection
result = {}

def request():
    response = Client().get("/api/v1/config/")
    result.update(status=response.status_code, body=response.json())

worker = threading.Thread(target=request)
worker.start()
worker.join()
print(json.dumps(result))
"""


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="the connection pool is PostgreSQL's (CI runs it)",
)
def test_an_exhausted_connection_pool_is_503(tmp_path: Path) -> None:
    from tests.deploy.test_settings_env import run_django

    result = run_django(
        POOL_SCRIPT,
        tmp_path,
        SECRET_KEY="k",
        DATABASE_URL=os.environ["DATABASE_URL"],
        DB_POOL_MAX_SIZE="1",
        DB_POOL_TIMEOUT="0.5",
        ALLOWED_HOSTS="testserver",
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["status"] == 503
    assert outcome["body"]["error"]["code"] == "service_unavailable"
