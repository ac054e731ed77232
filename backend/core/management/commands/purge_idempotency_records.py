from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from core import services


class Command(BaseCommand):
    help = (
        "Delete idempotency records older than IDEMPOTENCY_TTL_HOURS (Celery beat runs it hourly)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = services.purge_idempotency_records()
        self.stdout.write(f"{count} idempotency record(s) deleted")
