"""Working days: weekends and the holidays in ``core.Holiday`` are skipped."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils import timezone


def holiday_set(start: dt.date, end: dt.date) -> set[dt.date]:
    from core.models import Holiday

    return set(
        Holiday.objects.filter(date__gte=start, date__lte=end).values_list("date", flat=True)
    )


def is_working_day(day: dt.date, holidays: Iterable[dt.date]) -> bool:
    return day.weekday() < 5 and day not in set(holidays)


def add_working_days(start: dt.date, days: int, holidays: set[dt.date] | None = None) -> dt.date:
    """The ``days``-th working day after ``start`` (``start`` itself never counts)."""
    if days <= 0:
        return start
    if holidays is None:
        holidays = holiday_set(start, start + dt.timedelta(days=days * 3 + 30))
    current = start
    counted = 0
    while counted < days:
        current += dt.timedelta(days=1)
        if current.weekday() < 5 and current not in holidays:
            counted += 1
    return current


def working_days_between(start: dt.date, end: dt.date, holidays: set[dt.date] | None = None) -> int:
    """Working days d with start < d <= end (0 when end <= start)."""
    if end <= start:
        return 0
    if holidays is None:
        holidays = holiday_set(start, end)
    count = 0
    current = start
    while current < end:
        current += dt.timedelta(days=1)
        if current.weekday() < 5 and current not in holidays:
            count += 1
    return count


def local_today() -> dt.date:
    return timezone.localdate()


def local_date(moment: dt.datetime) -> dt.date:
    return timezone.localtime(moment).date()
