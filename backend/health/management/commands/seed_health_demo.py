"""Demo Buku KIA data in the villages of the demo midwife. Safe to run again."""

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from health.services import demo


class Command(BaseCommand):
    help = (
        "Create the demo mothers, pregnancies and children (dates relative to today). "
        "Does nothing while the demo data is current; --reset rebuilds it."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--reset", action="store_true", help="Rebuild even if current.")
        parser.add_argument("--quiet", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = demo.seed(reset=options["reset"])
        except demo.DemoWorkerMissing:
            call_command("seed_demo", quiet=True)
            result = demo.seed(reset=options["reset"])
        if not options["quiet"]:
            if result.created:
                self.stdout.write(f"Buku KIA demo ready: {result.mothers} mothers.")
            else:
                self.stdout.write("Buku KIA demo already current.")
