"""Reads of the reporting screens go to the read replica when one is configured."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from django.db import transaction

from civil.models import CivilRequest
from config import db_router
from config.db_router import ReplicaRouter, reporting
from core.models import Notification
from tests.deploy.test_settings_env import run_django

router = ReplicaRouter()


@pytest.fixture
def with_replica(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db_router, "replica_configured", lambda: True)


def test_without_a_replica_everything_stays_on_the_primary() -> None:
    with reporting():
        assert router.db_for_read(CivilRequest) is None
    assert router.db_for_write(CivilRequest) is None


def test_reporting_reads_go_to_the_replica(with_replica: None) -> None:
    assert router.db_for_read(CivilRequest) is None  # ordinary reads: the primary
    with reporting():
        assert router.db_for_read(CivilRequest) == "replica"
        assert router.db_for_read(Notification) == "replica"
        assert router.db_for_write(CivilRequest) is None  # writes never
    assert router.db_for_read(CivilRequest) is None


def test_reads_inside_a_transaction_stay_on_the_primary(with_replica: None, db: Any) -> None:
    with reporting(), transaction.atomic():
        assert router.db_for_read(CivilRequest) is None


def test_replica_is_never_migrated_and_relations_are_allowed() -> None:
    assert router.allow_migrate("replica", "civil") is False
    assert router.allow_migrate("default", "civil") is None

    class Obj:
        class _state:
            db = "replica"

    class Other:
        class _state:
            db = "default"

    assert router.allow_relation(Obj(), Other()) is True


@pytest.mark.parametrize(
    ("view", "selector"),
    [
        ("civil.views.StatsView", "civil.selectors.stats"),
        ("health.views.dashboards.StatsView", "health.selectors.stats"),
    ],
)
def test_dashboards_read_in_reporting_mode(
    view: str, selector: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.utils.module_loading import import_string

    seen: list[bool] = []

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(db_router._reporting.get())
        raise RuntimeError("stop here")

    monkeypatch.setattr(selector, spy)
    handler = import_string(view).get
    request = SimpleNamespace(user=None, query_params={})
    with pytest.raises(RuntimeError, match="stop here"):
        handler(None, request)
    assert seen == [True]
    assert db_router._reporting.get() is False


def test_replica_from_the_environment(tmp_path: Path) -> None:
    code = (
        "import django, json; django.setup(); "
        "from django.conf import settings; from django.db import router; "
        "from config.db_router import reporting; from civil.models import CivilRequest; "
        "plain = router.db_for_read(CivilRequest)\n"
        "with reporting(): report = router.db_for_read(CivilRequest)\n"
        "print(json.dumps([sorted(settings.DATABASES), plain, report, "
        "router.db_for_write(CivilRequest)]))"
    )
    result = run_django(
        code,
        tmp_path,
        SECRET_KEY="k",
        DATABASE_URL="postgres://app@primary:5432/pw",
        DATABASE_REPLICA_URL="postgres://reader@replica:5432/pw",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [["default", "replica"], "default", "replica", "default"]
