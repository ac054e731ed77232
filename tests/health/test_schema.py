"""The Buku KIA part of the OpenAPI schema is valid and documents what the code does."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from openapi_spec_validator import validate
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

CREATES = {
    ("post", "/api/v1/health/mothers/"),
    ("post", "/api/v1/health/mothers/{id}/pregnancies/"),
    ("post", "/api/v1/health/mothers/{id}/children/"),
    ("post", "/api/v1/health/pregnancies/{id}/visits/"),
    ("post", "/api/v1/health/pregnancies/{id}/delivery/"),
    ("post", "/api/v1/health/pregnancies/{id}/postnatal-contacts/"),
    ("post", "/api/v1/health/children/{id}/immunizations/"),
    ("post", "/api/v1/health/children/{id}/measurements/"),
}


@pytest.fixture(scope="module")
def schema(django_db_blocker: Any) -> dict[str, Any]:
    with django_db_blocker.unblock():
        response = APIClient().get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    return json.loads(response.content)


def reachable(components: dict[str, Any], start: Any) -> dict[str, Any]:
    """The components the health paths use, directly or through other components."""
    found: dict[str, Any] = {}
    pending = re.findall(r"#/components/schemas/(\w+)", json.dumps(start))
    while pending:
        name = pending.pop()
        if name in found:
            continue
        assert name in components, f"missing component {name}"
        found[name] = components[name]
        pending += re.findall(r"#/components/schemas/(\w+)", json.dumps(components[name]))
    return found


def test_health_paths_validate(schema: dict[str, Any]) -> None:
    """Only the health part: other apps' paths and components are not this suite's concern."""
    health = {p: v for p, v in schema["paths"].items() if p.startswith("/api/v1/health/")}
    assert len(health) == 22
    components = reachable(schema["components"]["schemas"], health)
    assert "HealthMotherDetail" in components
    validate(
        {**schema, "paths": health, "components": {**schema["components"], "schemas": components}}
    )


def test_operations_are_documented(schema: dict[str, Any]) -> None:
    seen = set()
    for path, item in schema["paths"].items():
        if not path.startswith("/api/v1/health/"):
            continue
        for method, operation in item.items():
            if method not in {"get", "post", "patch"}:
                continue
            assert operation["operationId"].startswith("health_")
            assert "default" in operation["responses"]
            headers = {p["name"] for p in operation.get("parameters", []) if p["in"] == "header"}
            if (method, path) in CREATES:
                seen.add((method, path))
                assert "Idempotency-Key" in headers, path
    assert seen == CREATES


def test_lists_are_paginated(schema: dict[str, Any]) -> None:
    listed = schema["paths"]["/api/v1/health/mothers/"]["get"]["responses"]["200"]
    ref = listed["content"]["application/json"]["schema"]["$ref"].split("/")[-1]
    assert set(schema["components"]["schemas"][ref]["properties"]) >= {"count", "results"}
