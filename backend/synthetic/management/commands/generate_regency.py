"""Fill the database with a synthetic regency (800,000 residents at scale 1.0).

For load tests and query plans, never for production: synthetic people carry NIK serials
9000-9999, and ``--reset`` deletes exactly those people and what belongs to them.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from synthetic.generator import Generator
from synthetic.reset import delete_synthetic, synthetic_user_count
from synthetic.sink import Sink


class Command(BaseCommand):
    help = "Generate a synthetic regency (residents, civil requests, Buku KIA, UMKM)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", type=float, default=1.0, help="1.0 = 800,000 residents")
        parser.add_argument("--seed", type=int, default=42)
        parser.add_argument(
            "--reset", action="store_true", help="delete the synthetic rows first, then generate"
        )
        parser.add_argument(
            "--delete-only", action="store_true", help="delete the synthetic rows and stop"
        )
        parser.add_argument(
            "--today", type=dt.date.fromisoformat, default=None,
            help="the generation date (YYYY-MM-DD; default: today), for reproducible timelines",
        )  # fmt: skip
        parser.add_argument(
            "--no-copy", action="store_true", help="bulk_create even on PostgreSQL (slower)"
        )
        parser.add_argument("--report", type=Path, default=None, help="write figures as JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        scale = options["scale"]
        if not 0 < scale <= 5:
            raise CommandError("--scale must be in (0, 5].")
        existing = synthetic_user_count()
        if options["reset"] or options["delete_only"]:
            if existing:
                self.stdout.write(f"Deleting {existing} synthetic residents and their data...")
                started = time.perf_counter()
                delete_synthetic(log=self.stdout.write)
                self.stdout.write(f"Deleted in {time.perf_counter() - started:.1f} s.")
            if options["delete_only"]:
                return
        elif existing:
            raise CommandError(
                f"The database already holds {existing} synthetic residents; "
                "run again with --reset to replace them."
            )
        if options["today"] is not None:
            today = options["today"]
            now = dt.datetime.combine(today, dt.time(16, 0), tzinfo=timezone.get_current_timezone())
        else:
            now = timezone.localtime()
            today = now.date()
        started = time.perf_counter()
        generator = Generator(
            scale=scale,
            seed=options["seed"],
            today=today,
            now=now,
            sink=Sink(use_copy=False if options["no_copy"] else None),
            log=lambda msg: self.stdout.write(f"  {msg}"),
        )
        report = generator.run()
        total = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"Generated in {total:.1f} s (scale {scale})."))
        for label, count in sorted(report.counts.items()):
            self.stdout.write(f"  {label:36} {count:>10}  {report.seconds.get(label, 0):>7.1f} s")
        for key, value in report.notes.items():
            self.stdout.write(f"  {key}: {value}")
        if options["report"]:
            options["report"].write_text(
                json.dumps(
                    {
                        "scale": scale,
                        "seed": options["seed"],
                        "today": today.isoformat(),
                        "total_seconds": round(total, 1),
                        "phases": report.phases,
                        "counts": report.counts,
                        "seconds": report.seconds,
                        "notes": report.notes,
                    },
                    indent=2,
                )
            )
