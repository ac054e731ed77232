"""Periodic jobs of the civil-registration service (Celery beat; also `manage.py`)."""

from __future__ import annotations

from celery import shared_task

from civil import services


@shared_task(name="civil.scan_overdue_requests")
def scan_overdue_requests() -> int:
    """Daily: tell the officers about requests past their deadline (once a day each)."""
    return services.scan_overdue_requests()
