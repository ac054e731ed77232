from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from core.regions import load_regions


class Command(BaseCommand):
    help = "Load the regency's districts and villages (Kemendagri codes). Safe to run again."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--regency", help="Regency code, e.g. 16.02 (default: REGENCY_CODE)")

    def handle(self, *args: Any, **options: Any) -> None:
        result = load_regions(options.get("regency"))
        self.stdout.write(
            f"{result.regency_name} ({result.regency_code}): "
            f"{result.districts} districts, {result.villages} villages"
        )
