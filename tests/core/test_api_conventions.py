"""The error body, bad input, append-only audit, health probes, regions, schema."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext
from openapi_spec_validator import validate
from rest_framework.test import APIClient

from core.audit import record_event
from core.models import AuditEvent

pytestmark = pytest.mark.django_db


def assert_error_body(response: Any, status: int, code: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "fields"}
    assert body["error"]["message"]
    if code:
        assert body["error"]["code"] == code
    return body["error"]


def test_malformed_json(api: APIClient) -> None:
    response = api.generic(
        "POST", "/api/v1/auth/token/", "{not json", content_type="application/json"
    )
    assert_error_body(response, 400, "parse_error")


def test_json_that_is_not_an_object(api: APIClient) -> None:
    response = api.post("/api/v1/auth/token/", [1, 2], format="json")
    assert_error_body(response, 400, "validation_error")


def test_unknown_fields_are_named(api: APIClient) -> None:
    response = api.post(
        "/api/v1/auth/token/",
        {"identifier": "081200000001", "password": "x", "is_admin": True},
        format="json",
    )
    error = assert_error_body(response, 400, "validation_error")
    assert list(error["fields"]) == ["is_admin"]


def test_oversized_body_is_413_before_parsing(api: APIClient, settings: Any) -> None:
    settings.API_MAX_JSON_BYTES = 1024
    big = {"identifier": "x" * 5000, "password": "y"}
    response = api.post("/api/v1/auth/token/", big, format="json")
    assert_error_body(response, 413, "payload_too_large")


def test_overlong_values_are_refused_per_field(api: APIClient) -> None:
    response = api.post(
        "/api/v1/auth/token/", {"identifier": "1" * 200, "password": "y"}, format="json"
    )
    error = assert_error_body(response, 400)
    assert "identifier" in error["fields"]


def test_unsupported_media_type(api: APIClient) -> None:
    response = api.generic("POST", "/api/v1/auth/token/", "identifier=1", content_type="text/plain")
    assert_error_body(response, 415, "unsupported_media_type")


def test_unknown_api_url_and_wrong_method(api: APIClient) -> None:
    assert_error_body(api.get("/api/v1/tidak-ada/"), 404, "not_found")
    assert_error_body(api.get("/api/v1/auth/token/"), 405, "method_not_allowed")


def test_english_on_request(api: APIClient) -> None:
    error = assert_error_body(
        api.get("/api/v1/me/", HTTP_ACCEPT_LANGUAGE="en"), 401, "not_authenticated"
    )
    assert error["message"] == "Authentication credentials were not provided."
    error = assert_error_body(api.get("/api/v1/me/"), 401)
    assert error["message"] != "Authentication credentials were not provided."


def test_unhandled_error_answers_500_with_the_error_body(
    api: APIClient, monkeypatch: Any, caplog: Any
) -> None:
    from core import selectors

    def boom() -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(selectors, "app_config", boom)
    client = APIClient(raise_request_exception=False)
    with caplog.at_level(logging.ERROR):
        error = assert_error_body(client.get("/api/v1/config/"), 500, "server_error")
    assert "bug" not in error["message"]


def test_audit_trail_is_append_only_in_orm_and_database() -> None:
    event = record_event(action="test.event", object_type="thing", object_id="1")
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(action="x")
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE core_auditevent SET action = 'tampered' WHERE id = %s", [event.pk])
    if connection.vendor == "postgresql":
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("DELETE FROM core_auditevent WHERE id = %s", [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).action == "test.event"


def test_audit_records_address_and_request_id(api: APIClient, resident: Any) -> None:
    from tests.factories import PASSWORD

    api.post(
        "/api/v1/auth/token/",
        {"identifier": resident.nik, "password": PASSWORD},
        format="json",
        HTTP_X_REQUEST_ID="req-123",
        HTTP_USER_AGENT="HP Murah/1.0",
    )
    event = AuditEvent.objects.get(action="auth.login")
    assert event.ip_address == "127.0.0.1"
    assert event.request_id == "req-123"
    assert event.user_agent == "HP Murah/1.0"


def test_request_log_masks_nik_and_phone(api: APIClient, caplog: Any) -> None:
    with caplog.at_level(logging.INFO, logger="pintuwarga.request"):
        api.get("/api/v1/regions/villages/?district=1602055403920001&phone=081234567890")
    assert "pintuwarga.request" in caplog.text
    # The filter is on the handler; check what a handler would print.
    from core.log import MaskPersonalDataFilter

    record = logging.LogRecord(
        "x", logging.INFO, "", 0, "nik %s hp %s", ("1602055403920001", "081234567890"), None
    )
    MaskPersonalDataFilter().filter(record)
    assert record.getMessage() == "nik 1602********0001 hp 0812****890"


def test_healthz_and_readyz(api: APIClient) -> None:
    assert api.get("/healthz").json() == {"status": "ok"}
    ready = api.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["checks"] == {"database": "ok", "cache": "ok"}


def test_readyz_reports_a_broken_cache(api: APIClient, monkeypatch: Any) -> None:
    from django.core.cache import cache

    def broken(*args: Any, **kwargs: Any) -> None:
        raise ConnectionError("down")

    monkeypatch.setattr(cache, "set", broken)
    response = api.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == "error"


def test_config_lists_regency_and_services_in_both_languages(api: APIClient) -> None:
    body = api.get("/api/v1/config/").json()
    assert body["regency"] == {
        "code": "16.02",
        "name": "Kabupaten Ogan Komering Ilir",
        "short_name": "OKI",
        "timezone": "Asia/Jakarta",
    }
    assert [s["code"] for s in body["services"]] == ["adminduk", "kia", "umkm"]
    english = api.get("/api/v1/config/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert english["services"][0]["name"] == "Civil registration"
    assert body["services"][0]["name"] == "Adminduk"


def test_regions_of_oki(api: APIClient) -> None:
    districts = api.get("/api/v1/regions/districts/").json()
    assert len(districts) == 18
    assert {"code": "16.02.05", "name": "Kayu Agung"} in districts
    with CaptureQueriesContext(connection) as ctx:
        villages = api.get("/api/v1/regions/villages/").json()
    assert len(villages) == 327
    assert len(ctx) == 1
    kayu_agung = api.get("/api/v1/regions/villages/?district=16.02.05").json()
    assert kayu_agung and all(v["district"] == "16.02.05" for v in kayu_agung)
    kinds = {v["kind"] for v in villages}
    assert kinds == {"desa", "kelurahan"}
    assert sum(v["kind"] == "kelurahan" for v in villages) == 13


def test_load_regions_is_idempotent() -> None:
    from django.core.management import call_command

    from core.models import Village

    call_command("load_regions")
    assert Village.objects.count() == 327


def test_openapi_schema_is_valid_and_documents_the_error_body(api: APIClient) -> None:
    response = api.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    validate(schema)
    paths = schema["paths"]
    for expected in [
        "/api/v1/auth/register/",
        "/api/v1/auth/token/",
        "/api/v1/auth/token/refresh/",
        "/api/v1/auth/logout/",
        "/api/v1/auth/password/",
        "/api/v1/me/",
        "/api/v1/config/",
    ]:
        assert expected in paths
    register = paths["/api/v1/auth/register/"]["post"]
    assert "default" in register["responses"]
    assert "ErrorResponse" in schema["components"]["schemas"]
    assert any(p["name"] == "Idempotency-Key" for p in register.get("parameters", []))


def test_docs_page_is_served_without_external_assets(api: APIClient) -> None:
    response = api.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger" in html.lower()
    assert "cdn.jsdelivr" not in html


def test_app_routes_serve_the_pwa_and_the_worker_is_revalidated(api: APIClient) -> None:
    from pathlib import Path

    from django.conf import settings

    if not (Path(settings.PWA_BUILD_DIR) / "index.html").is_file():
        pytest.fail("The PWA is not built: run `make test`.")
    deep = api.get("/layanan/adminduk/permohonan/123")
    assert deep.status_code == 200
    assert b'<div id="app"' in deep.content or b"id=app" in deep.content
    assert "no-cache" in deep["Cache-Control"] or "max-age=0" in deep["Cache-Control"]
    worker = api.get("/sw.js")
    assert worker.status_code == 200
    assert worker["Cache-Control"] == "no-cache"


def test_schema_generation_has_no_warnings(tmp_path: Any) -> None:
    from django.core.management import call_command

    call_command("spectacular", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))


def test_a_create_that_dies_half_way_leaves_no_idempotency_record(
    api: APIClient, monkeypatch: Any
) -> None:
    from accounts import services as account_services
    from core.models import IdempotencyRecord
    from tests.accounts.test_register import payload

    real = account_services.register_resident

    def dies(**kwargs: Any) -> Any:
        real(**kwargs)  # the user row is written, then the process "dies"
        raise DatabaseError("connection lost")

    monkeypatch.setattr(account_services, "register_resident", dies)
    client = APIClient(raise_request_exception=False)
    first = client.post(
        "/api/v1/auth/register/", payload(), format="json", HTTP_IDEMPOTENCY_KEY="retry-me"
    )
    assert first.status_code >= 500
    assert not IdempotencyRecord.objects.filter(key="retry-me").exists()
    from accounts.models import User

    assert not User.objects.filter(nik=payload()["nik"]).exists()  # rolled back with it
    monkeypatch.setattr(account_services, "register_resident", real)
    retry = api.post(
        "/api/v1/auth/register/", payload(), format="json", HTTP_IDEMPOTENCY_KEY="retry-me"
    )
    assert retry.status_code == 201
