"""JSON log lines (personal data still masked), probes and the closed /metrics endpoint."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from core.log import JsonFormatter, MaskPersonalDataFilter, RequestIdFilter

NIK = "1602055403920001"
PHONE = "081234567890"


@pytest.fixture
def json_log() -> Iterator[io.StringIO]:
    """The request logger writing JSON lines into a buffer, with the app's filters."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    handler.addFilter(MaskPersonalDataFilter())
    loggers = [logging.getLogger("pintuwarga.request"), logging.getLogger("pintuwarga.test")]
    for logger in loggers:
        logger.addHandler(handler)
    yield stream
    for logger in loggers:
        logger.removeHandler(handler)


def lines(stream: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


def test_json_lines_mask_nik_and_phone(json_log: io.StringIO) -> None:
    logger = logging.getLogger("pintuwarga.test")
    logger.warning("login gagal untuk %s / %s", NIK, PHONE)
    try:
        raise ValueError(f"NIK {NIK} tidak cocok")
    except ValueError:
        logger.exception("ditolak")
    first, second = lines(json_log)
    assert set(first) == {"time", "level", "logger", "message", "request_id"}
    assert first["level"] == "WARNING"
    assert first["logger"] == "pintuwarga.test"
    assert first["message"] == "login gagal untuk 1602********0001 / 0812****890"
    assert first["request_id"] == ""
    assert first["time"].endswith("+00:00")
    assert NIK not in second["exception"]
    assert "1602********0001" in second["exception"]
    assert NIK not in json_log.getvalue() and PHONE not in json_log.getvalue()


def test_every_line_of_a_request_carries_its_id(json_log: io.StringIO, db: Any) -> None:
    response = Client().get("/api/v1/regions/districts/", HTTP_X_REQUEST_ID="abc123")
    assert response.status_code == 200
    assert response["X-Request-ID"] == "abc123"
    missing = Client().get(f"/api/v1/warga/{PHONE}/{NIK}/")
    assert missing.status_code == 404
    first, second = [e for e in lines(json_log) if e["logger"] == "pintuwarga.request"]
    assert first["request_id"] == "abc123"
    assert first["message"].startswith("GET /api/v1/regions/districts/ 200")
    assert second["request_id"] == missing["X-Request-ID"] != "abc123"
    assert second["message"].startswith("GET /api/v1/warga/0812****890/1602********0001/ 404")
    assert PHONE not in json_log.getvalue() and NIK not in json_log.getvalue()


def test_log_format_json_from_the_environment(tmp_path: Path) -> None:
    code = (
        "import django, logging; django.setup(); "
        f"logging.getLogger('pintuwarga.x').warning('NIK {NIK} HP {PHONE}')"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LOG_", "PYTEST_CURRENT_TEST"))}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BACKEND_DIR,
        env={
            **env,
            "LOG_FORMAT": "json",
            "SECRET_KEY": "k",
            "PINTUWARGA_VAR_DIR": str(tmp_path),
            "DJANGO_SETTINGS_MODULE": "config.settings",
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (entry,) = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    assert entry["message"] == "NIK 1602********0001 HP 0812****890"
    assert entry["level"] == "WARNING" and entry["logger"] == "pintuwarga.x"


# --- Probes and metrics ------------------------------------------------------------------


def test_probes_answer_before_host_validation_and_https_redirect(settings: Any, db: Any) -> None:
    settings.ALLOWED_HOSTS = ["pintuwarga.example"]
    settings.SECURE_SSL_REDIRECT = True
    client = Client()
    assert client.get("/healthz", HTTP_HOST="10.0.3.7:8000").json() == {"status": "ok"}
    assert client.get("/readyz", HTTP_HOST="10.0.3.7:8000").status_code == 200
    # Everything else still validates the host and redirects to HTTPS.
    assert client.get("/api/v1/config/", HTTP_HOST="10.0.3.7:8000").status_code == 400
    redirect = client.get("/api/v1/config/", HTTP_HOST="pintuwarga.example")
    assert redirect.status_code == 301


def test_metrics_from_loopback(db: Any) -> None:
    Client().get("/api/v1/config/")
    response = Client().get("/metrics", REMOTE_ADDR="127.0.0.1")
    assert response.status_code == 200
    body = response.content.decode()
    assert "django_http_requests_total_by_method_total" in body or "pintuwarga_" in body
    assert response["Content-Type"].startswith("text/plain")


@pytest.mark.parametrize("address", ["203.0.113.9", "10.1.2.3", "not-an-address"])
def test_metrics_are_hidden_from_everyone_else(address: str) -> None:
    response = Client().get("/metrics", REMOTE_ADDR=address)
    assert response.status_code == 404


def test_metrics_for_allowed_networks(settings: Any) -> None:
    settings.METRICS_ALLOWED_IPS = ["10.0.0.0/8", "fd00::/8"]
    assert Client().get("/metrics", REMOTE_ADDR="10.1.2.3").status_code == 200
    assert Client().get("/metrics", REMOTE_ADDR="fd00::5").status_code == 200
    assert Client().get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 404
    assert Client().post("/metrics", REMOTE_ADDR="10.1.2.3").status_code == 404


def test_metrics_with_the_bearer_token(settings: Any) -> None:
    settings.METRICS_TOKEN = "s3cret-scrape-token"
    public = "203.0.113.9"
    ok = Client().get(
        "/metrics", REMOTE_ADDR=public, HTTP_AUTHORIZATION="Bearer s3cret-scrape-token"
    )
    assert ok.status_code == 200
    for header in ("Bearer wrong", "Basic s3cret-scrape-token", "Bearer ", ""):
        response = Client().get("/metrics", REMOTE_ADDR=public, HTTP_AUTHORIZATION=header)
        assert response.status_code == 404, header


def test_metrics_behind_a_proxy_use_the_real_client_address(settings: Any) -> None:
    settings.NUM_PROXIES = 1
    # A public client claims to be loopback; the proxy appends the address it saw.
    spoofed = Client().get(
        "/metrics", REMOTE_ADDR="172.18.0.5", HTTP_X_FORWARDED_FOR="127.0.0.1, 203.0.113.9"
    )
    assert spoofed.status_code == 404
    # Prometheus inside the network scrapes the replica directly (no forwarded header).
    settings.METRICS_ALLOWED_IPS = ["172.16.0.0/12"]
    assert Client().get("/metrics", REMOTE_ADDR="172.18.0.9").status_code == 200
