"""Periodic jobs of accounts (Celery beat; cron can run `manage.py flushexpiredtokens`)."""

from __future__ import annotations

from celery import shared_task
from django.core.management import call_command


@shared_task(name="accounts.flush_expired_tokens")
def flush_expired_tokens() -> None:
    """Daily: drop expired refresh tokens (and their blacklist entries)."""
    call_command("flushexpiredtokens", verbosity=0)
