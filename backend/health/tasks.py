"""Periodic jobs of the Buku KIA (Celery beat; also `manage.py send_health_reminders`)."""

from __future__ import annotations

from celery import shared_task

from health.services.reminders import send_health_reminders as send_reminders


@shared_task(name="health.send_health_reminders")
def send_health_reminders() -> int:
    """Daily: remind mothers of due antenatal contacts and vaccine doses (weekly at most)."""
    return send_reminders()
