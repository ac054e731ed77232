"""In-app notifications, and one small interface for sending them elsewhere.

``notify()`` stores the notification and, after the transaction commits, queues the
``core.deliver_notification`` task (run inline when there is no broker), which hands it to
every sender in ``NOTIFICATION_SENDERS`` — each at most once, whatever the retries (see
``core.models.NotificationDelivery``). The default sender writes a line to the log; an SMS,
WhatsApp or e-mail sender is a class with a ``send(notification)`` method.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any, Protocol

from django.conf import settings
from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from core.models import Notification, NotificationDelivery

logger = logging.getLogger("pintuwarga.notifications")

PENDING_GRACE = dt.timedelta(minutes=5)
PENDING_MAX_AGE = dt.timedelta(days=2)

# kind → (title, body); both formatted with the notification's params.
TEMPLATES: dict[str, tuple[Any, Any]] = {}


def register_template(kind: str, title: Any, body: Any) -> None:
    TEMPLATES[kind] = (title, body)


def render(notification: Notification) -> tuple[str, str]:
    title, body = TEMPLATES.get(notification.kind, (_("Pemberitahuan"), "%(text)s"))
    params = {k: _translated(v) for k, v in notification.params.items()}
    params.setdefault("text", "")
    try:
        return (str(title) % params).strip(), (str(body) % params).strip()
    except (KeyError, TypeError, ValueError):
        return str(title), ""


def _translated(value: Any) -> Any:
    """Params may carry a label to translate (``{"_t": "Disetujui"}``) or data in both
    languages (``{"id": "Akta Kelahiran", "en": "Birth certificate"}``)."""
    if isinstance(value, dict) and "_t" in value:
        return str(translation.gettext(value["_t"]))
    if isinstance(value, dict) and "id" in value:
        english = (translation.get_language() or "id").startswith("en")
        return str(value.get("en") if english and value.get("en") else value["id"])
    return value


class NotificationSender(Protocol):
    def send(self, notification: Notification) -> None: ...


class LogSender:
    """Writes the notification to the log (personal data is masked by the log filter)."""

    def send(self, notification: Notification) -> None:
        language = getattr(notification.user, "language", "id") or "id"
        with translation.override(language):
            title, body = render(notification)
        logger.info(
            "notify user=%s kind=%s: %s — %s", notification.user_id, notification.kind, title, body
        )


def sender_paths() -> list[str]:
    return list(getattr(settings, "NOTIFICATION_SENDERS", ["core.notifications.LogSender"]))


def max_attempts() -> int:
    return 1 + max(0, int(getattr(settings, "NOTIFICATION_DELIVERY_RETRIES", 5)))


def _claim(notification: Notification, sender: str) -> bool:
    """Take this (notification, sender) for sending; False if sent, being sent or spent."""
    NotificationDelivery.objects.bulk_create(
        [NotificationDelivery(notification=notification, sender=sender)], ignore_conflicts=True
    )
    claimable = Q(status=NotificationDelivery.Status.PENDING) | Q(
        status=NotificationDelivery.Status.FAILED, attempts__lt=max_attempts()
    )
    return bool(
        NotificationDelivery.objects.filter(
            claimable, notification=notification, sender=sender
        ).update(
            status=NotificationDelivery.Status.SENDING,
            attempts=F("attempts") + 1,
            claimed_at=timezone.now(),
            error="",
        )
    )


def deliver(notification_id: Any) -> list[str]:
    """Hand the notification to every sender that has not had it yet.

    Safe to run any number of times, concurrently too: each sender gets it at most once.
    Returns the senders that failed this time and may be tried again.
    """
    notification = Notification.objects.select_related("user").filter(pk=notification_id).first()
    if notification is None or notification.dispatched_at is not None:
        return []
    failed: list[str] = []
    for path in sender_paths():
        if not _claim(notification, path):
            continue
        row = NotificationDelivery.objects.filter(notification=notification, sender=path)
        try:
            import_string(path)().send(notification)
        except Exception as exc:  # one broken channel must not stop the others
            logger.exception("sender %s failed for %s", path, notification_id)
            row.update(status=NotificationDelivery.Status.FAILED, error=repr(exc)[:200])
            failed.append(path)
            continue
        row.update(status=NotificationDelivery.Status.SENT, sent_at=timezone.now())

    retryable = NotificationDelivery.objects.filter(
        Q(status=NotificationDelivery.Status.PENDING)
        | Q(status=NotificationDelivery.Status.FAILED, attempts__lt=max_attempts()),
        notification=notification,
        sender__in=sender_paths(),
    )
    if not retryable.exists():
        Notification.objects.filter(pk=notification.pk, dispatched_at__isnull=True).update(
            dispatched_at=timezone.now()
        )
    return failed


def enqueue_delivery(notification_id: Any) -> None:
    """Queue the delivery task (inline without a broker). With the broker down the
    notification stays undispatched and ``deliver_pending_notifications`` retries it."""
    from kombu.exceptions import OperationalError as BrokerUnavailable

    from core.tasks import deliver_notification

    try:
        deliver_notification.delay(str(notification_id))
    except BrokerUnavailable:
        logger.warning("task queue unavailable; notification %s delivered later", notification_id)


def deliver_pending(*, now: dt.datetime | None = None) -> int:
    """Queue again the notifications not yet dispatched: older than a few minutes (their
    own task had its chance) and younger than two days (stale news is not sent)."""
    now = now or timezone.now()
    pending = Notification.objects.filter(
        dispatched_at__isnull=True,
        created_at__lte=now - PENDING_GRACE,
        created_at__gte=now - PENDING_MAX_AGE,
    ).values_list("pk", flat=True)
    ids = list(pending)  # delivering inline writes to the same table: read it first
    for notification_id in ids:
        enqueue_delivery(notification_id)
    return len(ids)


def notify(
    *,
    user: Any,
    kind: str,
    params: dict[str, Any] | None = None,
    link: str = "",
    obj: models.Model | None = None,
    on_commit: Callable[[Callable[[], None]], None] = transaction.on_commit,
) -> Notification:
    notification = Notification.objects.create(
        user=user,
        kind=kind,
        params=params or {},
        link=link,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
    )
    on_commit(lambda: enqueue_delivery(notification.pk))
    return notification
