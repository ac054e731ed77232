"""Tasks reach the Redis broker, and a worker runs them (CI's PostgreSQL + Redis run)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings

from config.celery import app

needs_redis = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"), reason="needs Redis (REDIS_URL); CI runs it"
)


def test_every_periodic_job_is_a_registered_task_and_a_command() -> None:
    from django.core.management import get_commands

    app.loader.import_default_modules()
    commands = get_commands()
    job_commands = {
        "civil.scan_overdue_requests": "scan_overdue_requests",
        "health.send_health_reminders": "send_health_reminders",
        "accounts.flush_expired_tokens": "flushexpiredtokens",
        "core.purge_idempotency_records": "purge_idempotency_records",
        "core.deliver_pending_notifications": "deliver_pending_notifications",
    }
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert scheduled == set(job_commands)
    for task, command in job_commands.items():
        assert task in app.tasks, task
        assert command in commands, command
    assert "core.deliver_notification" in app.tasks


@pytest.fixture
def real_broker() -> Iterator[None]:
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    yield
    app.conf.task_always_eager = eager


@needs_redis
def test_a_task_is_published_to_redis(real_broker: None) -> None:
    import redis

    queue = f"test-{uuid.uuid4().hex}"
    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    try:
        app.send_task("core.purge_idempotency_records", queue=queue)
        assert client.llen(queue) == 1
    finally:
        client.delete(queue)


@needs_redis
def test_a_worker_runs_the_delivery_task(
    real_broker: None, transactional_db: Any, resident: Any, settings: Any
) -> None:
    from celery.contrib.testing.worker import start_worker

    from core.models import NotificationDelivery
    from core.notifications import notify

    queue = f"test-{uuid.uuid4().hex}"
    app.conf.task_default_queue = queue
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, queues=[queue]):
            notification = notify(user=resident, kind="test.kind", params={"text": "halo"})
            result = app.tasks["core.deliver_notification"].apply_async(
                args=(str(notification.pk),), queue=queue, ignore_result=False
            )
            result.get(timeout=20)
        delivery = NotificationDelivery.objects.get(notification=notification)
        assert delivery.status == "sent"
    finally:
        app.conf.task_default_queue = "celery"
