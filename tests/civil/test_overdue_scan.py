"""The daily overdue scan tells officers once per overdue request per day."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.test import TestCase
from rest_framework.test import APIClient

from accounts.models import User
from civil.models import OverdueNotice
from civil.services import scan_overdue_requests
from civil.tasks import scan_overdue_requests as scan_task
from core.models import Notification
from tests.civil.conftest import act, submitted

pytestmark = pytest.mark.django_db
Login = Callable[[User], APIClient]
WIB = ZoneInfo("Asia/Jakarta")


def at(day: str, hour: int = 9) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=WIB)


def overdue_notices(user: User) -> list[str]:
    return sorted(
        n.params["code"] for n in Notification.objects.filter(user=user, kind="civil.overdue")
    )


def test_overdue_requests_are_notified_once_a_day(
    login: Login, resident: User, civil_officer: User, second_officer: User
) -> None:
    with time_machine.travel(at("2026-12-01"), tick=False):
        warga, petugas = login(resident), login(civil_officer)
        claimed = submitted(warga)
        unclaimed = submitted(warga)
        paused = submitted(warga)
        act(petugas, claimed["id"], "claim")
        act(petugas, paused["id"], "claim")
        act(petugas, paused["id"], "request-revision", note="Foto KK buram.")
    with time_machine.travel(at("2026-12-02"), tick=False):
        assert scan_overdue_requests() == 0  # nothing late yet
    with time_machine.travel(at("2026-12-09"), tick=False):
        recent = submitted(login(resident))

    with time_machine.travel(at("2026-12-10", hour=7), tick=False):
        with TestCase.captureOnCommitCallbacks(execute=True):
            out = io.StringIO()
            call_command("scan_overdue_requests", stdout=out)
        assert out.getvalue().strip() == "2 overdue request(s) notified"
        # The officer who claimed it hears of it; an unclaimed one goes to the district.
        assert overdue_notices(civil_officer) == sorted(
            [claimed["tracking_code"], unclaimed["tracking_code"]]
        )
        assert overdue_notices(second_officer) == [unclaimed["tracking_code"]]
        notice = Notification.objects.filter(user=second_officer, kind="civil.overdue").get()
        assert notice.link == f"/petugas/adminduk/{unclaimed['id']}"
        assert notice.params["days"] > 0

        # Again the same day (beat and cron, or a retry after a crash): nothing new.
        assert scan_overdue_requests() == 0
        scan_task.apply()
        assert Notification.objects.filter(kind="civil.overdue").count() == 3
        assert OverdueNotice.objects.count() == 2
        assert recent["tracking_code"] not in overdue_notices(civil_officer)

    with time_machine.travel(at("2026-12-11", hour=7), tick=False):
        assert scan_overdue_requests() == 2  # still late the next day: told again, once
        assert scan_overdue_requests() == 0
    assert Notification.objects.filter(kind="civil.overdue").count() == 6


def test_overdue_notice_reads_in_both_languages(
    login: Login, resident: User, civil_officer: User
) -> None:
    with time_machine.travel(at("2026-12-01"), tick=False):
        late = submitted(login(resident))
    with time_machine.travel(at("2026-12-10"), tick=False):
        scan_overdue_requests()
        petugas = login(civil_officer)
        item = next(
            n
            for n in petugas.get("/api/v1/notifications/").json()["results"]
            if n["kind"] == "civil.overdue"
        )
        assert item["title"] == f"Permohonan {late['tracking_code']} lewat batas waktu"
        english = petugas.get("/api/v1/notifications/", HTTP_ACCEPT_LANGUAGE="en").json()
        titles = [n["title"] for n in english["results"]]
        assert f"Request {late['tracking_code']} is past its deadline" in titles
