from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from health.services.reminders import send_health_reminders


class Command(BaseCommand):
    help = (
        "Remind mothers of due antenatal contacts and vaccine doses, at most once per item "
        "per week (safe to run again; Celery beat runs it daily at 08:00)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = send_health_reminders()
        self.stdout.write(f"{count} reminder(s) sent")
