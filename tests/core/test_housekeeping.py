"""Periodic clean-up jobs: expired idempotency records and refresh tokens."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from accounts.models import User
from accounts.tasks import flush_expired_tokens
from core.models import IdempotencyRecord
from core.services import purge_idempotency_records
from core.tasks import purge_idempotency_records as purge_task

pytestmark = pytest.mark.django_db


def _record(key: str, age: dt.timedelta) -> IdempotencyRecord:
    record = IdempotencyRecord.objects.create(
        scope="anon", key=key, method="POST", path="/api/v1/x/", request_hash="h", status_code=201
    )
    IdempotencyRecord.objects.filter(pk=record.pk).update(created_at=timezone.now() - age)
    return record


def test_expired_idempotency_records_are_purged(settings: Any) -> None:
    settings.IDEMPOTENCY_TTL_HOURS = 24
    _record("old-1", dt.timedelta(hours=25))
    _record("old-2", dt.timedelta(days=9))
    fresh = _record("fresh", dt.timedelta(hours=23))
    out = io.StringIO()
    call_command("purge_idempotency_records", stdout=out)
    assert out.getvalue().strip() == "2 idempotency record(s) deleted"
    assert list(IdempotencyRecord.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert purge_idempotency_records() == 0  # again: nothing to do
    purge_task.apply()
    assert IdempotencyRecord.objects.count() == 1


def test_purge_works_in_batches() -> None:
    for n in range(7):
        _record(f"old-{n}", dt.timedelta(days=2))
    assert purge_idempotency_records(batch_size=3) == 7
    assert not IdempotencyRecord.objects.exists()


def test_expired_refresh_tokens_are_flushed(resident: User) -> None:
    from accounts.services import issue_tokens

    issue_tokens(resident)
    issue_tokens(resident)
    OutstandingToken.objects.filter(pk=OutstandingToken.objects.first().pk).update(  # type: ignore[union-attr]
        expires_at=timezone.now() - dt.timedelta(days=1)
    )
    flush_expired_tokens.apply()
    assert OutstandingToken.objects.count() == 1
