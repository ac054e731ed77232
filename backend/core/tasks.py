"""Background tasks of the shared core: notification delivery and housekeeping."""

from __future__ import annotations

from typing import Any

from celery import shared_task
from django.conf import settings

from core import notifications, services


@shared_task(bind=True, name="core.deliver_notification", acks_late=True)
def deliver_notification(self: Any, notification_id: str) -> None:
    """Send one notification through every sender; failed senders are retried with backoff.

    Idempotent: a retried or redelivered task never sends through a sender twice.
    """
    failed = notifications.deliver(notification_id)
    if not failed or self.request.is_eager:
        return  # inline (no worker): no waiting retries; deliver_pending_notifications will
    retries = int(self.request.retries or 0)
    if retries < int(getattr(settings, "NOTIFICATION_DELIVERY_RETRIES", 5)):
        raise self.retry(countdown=min(3600, 30 * 2**retries), max_retries=None)


@shared_task(name="core.deliver_pending_notifications")
def deliver_pending_notifications() -> int:
    return notifications.deliver_pending()


@shared_task(name="core.purge_idempotency_records")
def purge_idempotency_records() -> int:
    return services.purge_idempotency_records()
