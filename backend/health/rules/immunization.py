"""A child's immunization schedule and the checks on a recorded dose.

The schedule itself is data (``ScheduleDose`` rows). For each dose:

- recommended date = birth date + ``age_months`` calendar months + ``age_days`` days;
- given: a dose is recorded;
- due: the recommended date has come and at most ``grace_days`` have passed since;
- overdue: more than ``grace_days`` have passed since the recommended date;
- not yet: the recommended date has not come.

``earliest_date`` tells when the dose may be given at the soonest: the earliest age, and the
minimum interval after the previous dose of the same antigen once that one is recorded
(``waiting_for`` names the previous dose while it is missing).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from health.rules.dates import add_months, add_years

GIVEN = "given"
DUE = "due"
OVERDUE = "overdue"
NOT_YET = "not_yet"

STATUS_LABELS = {
    GIVEN: gettext_lazy("Sudah diberikan"),
    DUE: gettext_lazy("Jatuh tempo"),
    OVERDUE: gettext_lazy("Terlambat"),
    NOT_YET: gettext_lazy("Belum waktunya"),
}


@dataclass(frozen=True)
class DoseRule:
    code: str
    antigen: str
    dose_number: int
    age_months: int
    age_days: int
    earliest_age_days: int
    min_interval_days: int
    grace_days: int
    in_basic_set: bool = False


@dataclass(frozen=True)
class DoseStatus:
    rule: DoseRule
    status: str
    recommended_date: dt.date
    due_until: dt.date
    earliest_date: dt.date | None
    waiting_for: str | None
    given_on: dt.date | None


def recommended_date(rule: DoseRule, birth_date: dt.date) -> dt.date:
    return add_months(birth_date, rule.age_months) + dt.timedelta(days=rule.age_days)


def previous_rule(rule: DoseRule, rules: Iterable[DoseRule]) -> DoseRule | None:
    return next(
        (r for r in rules if r.antigen == rule.antigen and r.dose_number == rule.dose_number - 1),
        None,
    )


def next_rule(rule: DoseRule, rules: Iterable[DoseRule]) -> DoseRule | None:
    return next(
        (r for r in rules if r.antigen == rule.antigen and r.dose_number == rule.dose_number + 1),
        None,
    )


def schedule(
    *,
    rules: Sequence[DoseRule],
    birth_date: dt.date,
    given: Mapping[str, dt.date],
    today: dt.date,
) -> list[DoseStatus]:
    out: list[DoseStatus] = []
    for rule in rules:
        recommended = recommended_date(rule, birth_date)
        due_until = recommended + dt.timedelta(days=rule.grace_days)
        given_on = given.get(rule.code)
        earliest: dt.date | None = birth_date + dt.timedelta(days=rule.earliest_age_days)
        waiting_for = None
        previous = previous_rule(rule, rules)
        if previous is not None:
            previous_on = given.get(previous.code)
            if previous_on is None:
                waiting_for, earliest = previous.code, None
            elif earliest is not None:
                earliest = max(earliest, previous_on + dt.timedelta(days=rule.min_interval_days))
        if given_on is not None:
            status = GIVEN
        elif today > due_until:
            status = OVERDUE
        elif today >= recommended:
            status = DUE
        else:
            status = NOT_YET
        out.append(
            DoseStatus(
                rule=rule,
                status=status,
                recommended_date=recommended,
                due_until=due_until,
                earliest_date=earliest,
                waiting_for=waiting_for,
                given_on=given_on,
            )
        )
    return out


def refusal(
    *,
    rule: DoseRule,
    rules: Sequence[DoseRule],
    birth_date: dt.date,
    given_on: dt.date,
    given: Mapping[str, dt.date],
    today: dt.date,
) -> tuple[str, str] | None:
    """Why this dose cannot be recorded on ``given_on`` — ``(code, message)`` — or None."""
    if given_on > today:
        return "date_in_future", _("Tanggal imunisasi tidak boleh di masa depan.")
    if given_on < birth_date:
        return "date_before_birth", _("Tanggal imunisasi tidak boleh sebelum tanggal lahir.")
    if rule.code in given:
        return "dose_already_recorded", _("Dosis ini sudah tercatat untuk anak ini.")
    earliest = birth_date + dt.timedelta(days=rule.earliest_age_days)
    if given_on < earliest:
        return "too_early", _(
            "Terlalu dini: dosis ini paling cepat diberikan pada usia %(days)s hari (%(date)s)."
        ) % {"days": rule.earliest_age_days, "date": earliest.isoformat()}
    previous = previous_rule(rule, rules)
    previous_on = given.get(previous.code) if previous is not None else None
    if previous_on is not None and given_on < previous_on + dt.timedelta(
        days=rule.min_interval_days
    ):
        return "interval_too_short", _(
            "Jarak dari dosis sebelumnya minimal %(days)s hari (paling cepat %(date)s)."
        ) % {
            "days": rule.min_interval_days,
            "date": (previous_on + dt.timedelta(days=rule.min_interval_days)).isoformat(),
        }
    following = next_rule(rule, rules)
    following_on = given.get(following.code) if following is not None else None
    if (
        following is not None
        and following_on is not None
        and given_on + dt.timedelta(days=following.min_interval_days) > following_on
    ):
        return "interval_too_short", _(
            "Dosis berikutnya (%(code)s) tercatat %(date)s: jarak minimal %(days)s hari."
        ) % {
            "code": following.code,
            "date": following_on.isoformat(),
            "days": following.min_interval_days,
        }
    return None


def basic_complete_on(rules: Sequence[DoseRule], given: Mapping[str, dt.date]) -> dt.date | None:
    """The date the basic set became complete (its last dose), or None while incomplete."""
    basic = [r for r in rules if r.in_basic_set]
    if not basic or any(r.code not in given for r in basic):
        return None
    return max(given[r.code] for r in basic)


def complete_by_first_birthday(birth_date: dt.date, complete_on: dt.date | None) -> bool:
    return complete_on is not None and complete_on < add_years(birth_date, 1)
