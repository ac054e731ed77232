from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from civil import services


class Command(BaseCommand):
    help = (
        "Notify civil officers of requests past their deadline, once per request per day "
        "(safe to run again; Celery beat runs it daily at 07:00)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = services.scan_overdue_requests()
        self.stdout.write(f"{count} overdue request(s) notified")
