from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from core.holidays import load_holidays


class Command(BaseCommand):
    help = "Load national holidays and collective leave days (SKB 3 Menteri). Safe to run again."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("years", nargs="*", type=int)

    def handle(self, *args: Any, **options: Any) -> None:
        count = load_holidays(options["years"] or None)
        self.stdout.write(f"{count} holidays loaded")
