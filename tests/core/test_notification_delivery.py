"""Notification delivery runs as a task after the commit, and never sends twice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from celery.exceptions import Retry
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from accounts.models import User
from core import notifications
from core.models import Notification, NotificationDelivery
from core.notifications import deliver, notify
from core.tasks import deliver_notification

pytestmark = pytest.mark.django_db

RECORDER = "tests.core.test_notification_delivery.Recorder"
FLAKY = "tests.core.test_notification_delivery.Flaky"
DYING = "tests.core.test_notification_delivery.DiesWhileSending"

sent: list[tuple[str, str]] = []


class Recorder:
    def send(self, notification: Notification) -> None:
        sent.append(("recorder", str(notification.pk)))


class Flaky:
    """Fails the first ``failures`` times, then sends."""

    failures = 1

    def send(self, notification: Notification) -> None:
        if Flaky.failures > 0:
            Flaky.failures -= 1
            raise ConnectionError("SMS gateway timed out")
        sent.append(("flaky", str(notification.pk)))


class WorkerKilled(BaseException):
    """Stands for the worker process dying (SIGKILL, OOM) in the middle of a send."""


class DiesWhileSending:
    def send(self, notification: Notification) -> None:
        sent.append(("dying", str(notification.pk)))
        raise WorkerKilled


@pytest.fixture(autouse=True)
def _senders(settings: Any) -> Iterator[None]:
    sent.clear()
    Flaky.failures = 1
    settings.NOTIFICATION_SENDERS = [RECORDER]
    settings.NOTIFICATION_DELIVERY_RETRIES = 3
    yield
    sent.clear()


def _notification(user: User) -> Notification:
    return notify(user=user, kind="test.kind", params={"text": "halo"}, on_commit=lambda f: None)


def test_notify_enqueues_delivery_after_commit(resident: User) -> None:
    with TestCase.captureOnCommitCallbacks(execute=False) as callbacks:
        notification = notify(user=resident, kind="test.kind", params={"text": "halo"})
    assert sent == []  # nothing leaves before the transaction commits
    assert len(callbacks) == 1
    callbacks[0]()
    assert sent == [("recorder", str(notification.pk))]
    notification.refresh_from_db()
    assert notification.dispatched_at is not None
    delivery = NotificationDelivery.objects.get(notification=notification)
    assert (delivery.sender, delivery.status, delivery.attempts) == (RECORDER, "sent", 1)


def test_running_the_task_again_sends_nothing_more(resident: User) -> None:
    notification = _notification(resident)
    for _ in range(3):
        deliver_notification.apply(args=(str(notification.pk),))
    assert sent == [("recorder", str(notification.pk))]


def test_a_task_retried_after_a_crash_does_not_deliver_twice(resident: User, settings: Any) -> None:
    settings.NOTIFICATION_SENDERS = [DYING, RECORDER]
    notification = _notification(resident)
    with pytest.raises(WorkerKilled):
        deliver(notification.pk)  # the worker dies after the gateway took the message
    assert sent == [("dying", str(notification.pk))]
    row = NotificationDelivery.objects.get(notification=notification, sender=DYING)
    assert row.status == "sending"

    # The broker hands the unacknowledged task to another worker (acks_late).
    deliver_notification.apply(args=(str(notification.pk),))
    deliver_notification.apply(args=(str(notification.pk),))
    assert sent == [("dying", str(notification.pk)), ("recorder", str(notification.pk))]
    notification.refresh_from_db()
    assert notification.dispatched_at is not None


def test_a_failed_sender_is_tried_again_and_the_others_are_not(
    resident: User, settings: Any
) -> None:
    settings.NOTIFICATION_SENDERS = [RECORDER, FLAKY]
    notification = _notification(resident)
    assert deliver(notification.pk) == [FLAKY]
    flaky = NotificationDelivery.objects.get(notification=notification, sender=FLAKY)
    assert (flaky.status, flaky.attempts) == ("failed", 1)
    assert "SMS gateway" in flaky.error
    notification.refresh_from_db()
    assert notification.dispatched_at is None  # still owed to the flaky channel

    assert deliver(notification.pk) == []
    assert sorted(sent) == [("flaky", str(notification.pk)), ("recorder", str(notification.pk))]
    flaky.refresh_from_db()
    assert (flaky.status, flaky.attempts) == ("sent", 2)
    notification.refresh_from_db()
    assert notification.dispatched_at is not None


def test_a_sender_that_keeps_failing_is_given_up(resident: User, settings: Any) -> None:
    settings.NOTIFICATION_SENDERS = [FLAKY]
    Flaky.failures = 100
    notification = _notification(resident)
    for _ in range(10):
        deliver(notification.pk)
    row = NotificationDelivery.objects.get(notification=notification)
    assert (row.status, row.attempts) == ("failed", 4)  # 1 + NOTIFICATION_DELIVERY_RETRIES
    assert Flaky.failures == 96
    notification.refresh_from_db()
    assert notification.dispatched_at is not None  # done: nothing left to try


def test_the_task_retries_failed_senders_with_backoff_on_a_worker(
    resident: User, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.NOTIFICATION_SENDERS = [FLAKY]
    notification = _notification(resident)
    countdowns: list[int] = []

    def fake_retry(**kwargs: Any) -> Retry:
        countdowns.append(kwargs["countdown"])
        return Retry("again")

    monkeypatch.setattr(deliver_notification, "retry", fake_retry)
    deliver_notification.push_request(is_eager=False, retries=2)  # type: ignore[call-arg]
    try:
        with pytest.raises(Retry):
            deliver_notification.run(str(notification.pk))
    finally:
        deliver_notification.pop_request()
    assert countdowns == [120]

    # Inline (no worker) the task does not wait for a retry; the sweep picks it up.
    Flaky.failures = 1
    other = _notification(resident)
    deliver_notification.apply(args=(str(other.pk),))
    assert countdowns == [120]


def test_broker_down_leaves_the_notification_for_the_sweep(
    resident: User, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from kombu.exceptions import OperationalError as BrokerUnavailable

    def broker_down(*args: Any, **kwargs: Any) -> None:
        raise BrokerUnavailable("Error 111 connecting to redis:6379. Connection refused.")

    monkeypatch.setattr(deliver_notification, "delay", broker_down)
    with TestCase.captureOnCommitCallbacks(execute=True):
        notification = notify(user=resident, kind="test.kind", params={"text": "halo"})
    assert sent == []
    assert any("task queue unavailable" in r.getMessage() for r in caplog.records)
    monkeypatch.undo()

    # Too fresh: its own task may still be coming.
    assert notifications.deliver_pending() == 0
    later = timezone.now() + dt.timedelta(minutes=6)
    assert notifications.deliver_pending(now=later) == 1
    assert sent == [("recorder", str(notification.pk))]
    assert notifications.deliver_pending(now=later) == 0


def test_the_sweep_skips_stale_notifications(resident: User) -> None:
    notification = _notification(resident)
    Notification.objects.filter(pk=notification.pk).update(
        created_at=timezone.now() - dt.timedelta(days=3)
    )
    assert notifications.deliver_pending() == 0
    assert sent == []


def test_sweep_command(resident: User, capsys: pytest.CaptureFixture[str]) -> None:
    notification = _notification(resident)
    Notification.objects.filter(pk=notification.pk).update(
        created_at=timezone.now() - dt.timedelta(hours=1)
    )
    call_command("deliver_pending_notifications")
    assert "1 notification(s) queued" in capsys.readouterr().out
    assert sent == [("recorder", str(notification.pk))]
