"""Postnatal contacts: mother KF1-KF4, newborn KN1-KN3, scheduled from the delivery time.

Windows (Kemenkes): KF1 6 h-2 d, KF2 day 3-7, KF3 day 8-28, KF4 day 29-42; KN1 6-48 h,
KN2 day 3-7, KN3 day 8-28. Hours count from the delivery time; "day n" is the n-th
calendar day after the day of delivery (the day of delivery is day 0), in the regency's
time zone. A contact is recorded with a date; it must fall inside its window.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MOTHER = "mother"
NEWBORN = "newborn"

# code, who, (start, end) — ("h", n) hours after delivery or ("d", n) days after its date
PLAN: tuple[tuple[str, str, tuple[str, int], tuple[str, int]], ...] = (
    ("KF1", MOTHER, ("h", 6), ("h", 48)),
    ("KF2", MOTHER, ("d", 3), ("d", 7)),
    ("KF3", MOTHER, ("d", 8), ("d", 28)),
    ("KF4", MOTHER, ("d", 29), ("d", 42)),
    ("KN1", NEWBORN, ("h", 6), ("h", 48)),
    ("KN2", NEWBORN, ("d", 3), ("d", 7)),
    ("KN3", NEWBORN, ("d", 8), ("d", 28)),
)
CODES = tuple(code for code, *_rest in PLAN)
MOTHER_CODES = tuple(code for code, who, *_rest in PLAN if who == MOTHER)
NEWBORN_CODES = tuple(code for code, who, *_rest in PLAN if who == NEWBORN)
LAST_WINDOW_DAYS = 42

CONTACT_LABELS = {
    "KF1": _("Kunjungan nifas 1 (6 jam-2 hari)"),
    "KF2": _("Kunjungan nifas 2 (hari ke-3 sampai ke-7)"),
    "KF3": _("Kunjungan nifas 3 (hari ke-8 sampai ke-28)"),
    "KF4": _("Kunjungan nifas 4 (hari ke-29 sampai ke-42)"),
    "KN1": _("Kunjungan neonatal 1 (6-48 jam)"),
    "KN2": _("Kunjungan neonatal 2 (hari ke-3 sampai ke-7)"),
    "KN3": _("Kunjungan neonatal 3 (hari ke-8 sampai ke-28)"),
}

DONE = "done"
DUE = "due"
OVERDUE = "overdue"
UPCOMING = "upcoming"


@dataclass(frozen=True)
class Window:
    code: str
    who: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    start_date: dt.date
    end_date: dt.date

    def contains(self, day: dt.date) -> bool:
        return self.start_date <= day <= self.end_date


def _bound(delivered_at: dt.datetime, spec: tuple[str, int], *, end: bool) -> dt.datetime:
    unit, amount = spec
    local = timezone.localtime(delivered_at)
    if unit == "h":
        return local + dt.timedelta(hours=amount)
    day = local.date() + dt.timedelta(days=amount)
    moment = dt.datetime.combine(day, dt.time.max if end else dt.time.min)
    return timezone.make_aware(moment, timezone.get_current_timezone())


def windows(delivered_at: dt.datetime) -> list[Window]:
    out = []
    for code, who, start, end in PLAN:
        starts_at = _bound(delivered_at, start, end=False)
        ends_at = _bound(delivered_at, end, end=True)
        out.append(
            Window(
                code=code,
                who=who,
                starts_at=starts_at,
                ends_at=ends_at,
                start_date=timezone.localtime(starts_at).date(),
                end_date=timezone.localtime(ends_at).date(),
            )
        )
    return out


def window_for(delivered_at: dt.datetime, code: str) -> Window:
    return next(w for w in windows(delivered_at) if w.code == code)


@dataclass(frozen=True)
class ContactFact:
    code: str
    contact_date: dt.date
    child_id: str = ""
    contact_id: str = ""


@dataclass(frozen=True)
class ScheduledContact:
    window: Window
    status: str
    child_id: str = ""  # newborn contacts: one row per baby
    contact_date: dt.date | None = None
    contact_id: str = ""


def schedule(
    *,
    delivered_at: dt.datetime,
    child_ids: Iterable[str],
    contacts: Iterable[ContactFact],
    now: dt.datetime,
) -> list[ScheduledContact]:
    """Every KF contact once and every KN contact per baby, with its state at ``now``:
    done, due (inside the window), overdue (window passed) or upcoming."""
    recorded = {(c.code, c.child_id): c for c in contacts}
    kids = list(child_ids)
    out: list[ScheduledContact] = []
    for window in windows(delivered_at):
        targets = [""] if window.who == MOTHER else kids
        for child_id in targets:
            fact = recorded.get((window.code, child_id))
            if fact is not None:
                status = DONE
            elif now > window.ends_at:
                status = OVERDUE
            elif now >= window.starts_at:
                status = DUE
            else:
                status = UPCOMING
            out.append(
                ScheduledContact(
                    window=window,
                    status=status,
                    child_id=child_id,
                    contact_date=fact.contact_date if fact else None,
                    contact_id=fact.contact_id if fact else "",
                )
            )
    return out
