from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from core import notifications


class Command(BaseCommand):
    help = (
        "Queue again the notifications of the last two days that no sender has had yet, "
        "e.g. after the task queue was down (Celery beat runs it every 10 minutes)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = notifications.deliver_pending()
        self.stdout.write(f"{count} notification(s) queued")
