"""Working-day deadlines: weekends and holidays skipped, paused during corrections."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest
import time_machine
from rest_framework.test import APIClient

from accounts.models import User
from civil.models import CivilRequest
from core.models import Holiday
from core.workdays import add_working_days, working_days_between
from tests.civil.conftest import act, submitted

pytestmark = pytest.mark.django_db
Login = Callable[[User], APIClient]
WIB = ZoneInfo("Asia/Jakarta")


def at(day: str, hour: int = 9) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=WIB)


def test_working_day_arithmetic_skips_weekends_and_holidays() -> None:
    # 2026-12-24 (cuti bersama) and 2026-12-25 (Christmas) are in the SKB data.
    assert Holiday.objects.filter(date=dt.date(2026, 12, 25)).exists()
    friday = dt.date(2026, 12, 18)
    assert add_working_days(friday, 1) == dt.date(2026, 12, 21)  # Monday
    assert add_working_days(friday, 3) == dt.date(2026, 12, 23)  # Wednesday
    assert add_working_days(friday, 4) == dt.date(2026, 12, 28)  # skips Thu 24, Fri 25, weekend
    assert working_days_between(friday, dt.date(2026, 12, 28)) == 4
    assert working_days_between(dt.date(2026, 12, 28), friday) == 0
    saturday = dt.date(2026, 12, 19)
    assert add_working_days(saturday, 1) == dt.date(2026, 12, 21)


def test_deadline_is_counted_from_submission(login: Login, resident: User) -> None:
    with time_machine.travel(at("2026-12-18"), tick=False):
        sent = submitted(login(resident))  # birth certificate: 3 working days
    assert sent["due_date"] == "2026-12-23"


def test_deadline_pauses_while_waiting_for_the_resident(
    login: Login, resident: User, civil_officer: User
) -> None:
    with time_machine.travel(at("2026-12-18"), tick=False):  # Friday
        sent = submitted(login(resident))
    with time_machine.travel(at("2026-12-21"), tick=False):  # Monday: 1 working day used
        petugas = login(civil_officer)
        act(petugas, sent["id"], "claim")
        paused = act(petugas, sent["id"], "request-revision", note="Mohon foto ulang.").json()
    assert paused["due_date"] is None
    assert paused["working_days_used"] == 1
    with time_machine.travel(
        at("2026-12-28"), tick=False
    ):  # resumes a week later, holidays between
        resumed = act(login(resident), sent["id"], "resubmit").json()
    # Two working days left from Monday 28: Tue 29, Wed 30.
    assert resumed["due_date"] == "2026-12-30"


def test_overdue_requests_are_flagged_and_filtered(
    login: Login, resident: User, civil_officer: User
) -> None:
    with time_machine.travel(at("2026-12-01"), tick=False):
        late = submitted(login(resident))
    with time_machine.travel(at("2026-12-10"), tick=False):
        warga, petugas = login(resident), login(civil_officer)
        fresh = submitted(warga)
        queue = petugas.get("/api/v1/civil/requests/").json()["results"]
        assert [r["id"] for r in queue] == [late["id"], fresh["id"]]  # oldest deadline first
        assert [r["overdue"] for r in queue] == [True, False]
        only_late = petugas.get("/api/v1/civil/requests/?overdue=true").json()["results"]
        assert [r["id"] for r in only_late] == [late["id"]]
        bad = petugas.get("/api/v1/civil/requests/?overdue=kadang")
        assert bad.status_code == 400


def test_completion_after_the_deadline_is_not_on_time(
    login: Login, resident: User, civil_officer: User
) -> None:
    with time_machine.travel(at("2026-12-01"), tick=False):
        petugas = login(civil_officer)
        sent = submitted(login(resident))
        act(petugas, sent["id"], "claim")
        act(petugas, sent["id"], "approve")
    with time_machine.travel(at("2026-12-15"), tick=False):
        act(login(civil_officer), sent["id"], "complete", output_document_number="AKTA-9")
    assert CivilRequest.objects.get(pk=sent["id"]).flags["on_time"] is False
