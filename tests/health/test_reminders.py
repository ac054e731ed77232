"""Reminders to mothers: due antenatal contacts and vaccine doses, at most once a week."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.core.management import call_command
from django.db.models import Q
from django.utils import timezone

from accounts.models import User
from core.models import Notification, Village
from health.models import Mother, Reminder
from health.selectors.worklist import anc_items, immunization_items
from health.services.reminders import iso_week, send_health_reminders
from health.tasks import send_health_reminders as reminders_task
from tests.health.conftest import make_child, make_mother, make_pregnancy

pytestmark = pytest.mark.django_db


def reminders_for(user: User) -> list[Notification]:
    return list(Notification.objects.filter(user=user, kind__startswith="health.").order_by("kind"))


@pytest.fixture
def due(health_worker: User, mother: Mother, village: Village) -> dict[str, Any]:
    pregnancy = make_pregnancy(health_worker, mother, weeks=8)  # K1 is due
    child = make_child(health_worker, mother, age_days=100)  # several doses due
    stranger = make_mother(health_worker, village, full_name="Tanpa Akun")
    make_pregnancy(health_worker, stranger, weeks=8)
    return {"pregnancy": pregnancy, "child": child}


def test_mothers_with_an_account_are_reminded_once_a_week(
    due: dict[str, Any], mother_user: User
) -> None:
    today = timezone.localdate()
    assert any(i.pregnancy.pk == due["pregnancy"].pk for i in anc_items(Q(), today))
    doses = next(i for i in immunization_items(Q(), today) if i.child.pk == due["child"].pk).doses
    assert len(doses) > 1

    assert send_health_reminders() == 2
    anc, immunization = reminders_for(mother_user)
    assert anc.kind == "health.anc_due"
    assert anc.params["contact"] == "K1"
    assert anc.link == "/layanan/kia"
    assert immunization.kind == "health.immunization_due"
    # One reminder per child, naming every dose that is due.
    for dose, _status in doses:
        assert dose.name_id in immunization.params["doses"]["id"]
    week = iso_week(today)
    assert Reminder.objects.filter(week=week, user=mother_user).count() == 1 + len(doses)
    # The mother without an account gets nothing (her midwife sees her on the worklist).
    assert Notification.objects.filter(kind__startswith="health.").count() == 2

    # Run again (beat and cron, a retry): nothing new this week.
    assert send_health_reminders() == 0
    reminders_task.apply()
    assert len(reminders_for(mother_user)) == 2

    # Still due a week later: reminded again, once.
    next_week = timezone.now() + dt.timedelta(days=7)
    assert send_health_reminders(now=next_week) == 2
    assert send_health_reminders(now=next_week) == 0
    assert len(reminders_for(mother_user)) == 4


def test_reminder_text_in_both_languages(
    due: dict[str, Any], mother_user: User, login: Any
) -> None:
    send_health_reminders()
    client = login(mother_user)
    titles = {n["title"] for n in client.get("/api/v1/notifications/").json()["results"]}
    assert titles == {"Saatnya periksa kehamilan (K1)", "Jadwal imunisasi anak"}
    english = client.get("/api/v1/notifications/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert {n["title"] for n in english["results"]} == {
        "Time for an antenatal check-up (K1)",
        "Child immunization due",
    }


def test_a_linked_account_is_reminded_and_an_inactive_one_is_not(
    health_worker: User, village: Village
) -> None:
    from tests.factories import make_user

    linked = make_user(full_name="Ibu Tertaut", sex="F")
    mother = make_mother(health_worker, village, full_name="Ibu Tertaut")
    Mother.objects.filter(pk=mother.pk).update(user=linked)
    make_pregnancy(health_worker, mother, weeks=8)
    gone = make_user(full_name="Ibu Nonaktif", sex="F", is_active=False)
    other = make_mother(health_worker, village, nik=gone.nik, phone=gone.phone)
    make_pregnancy(health_worker, other, weeks=8)

    out = io.StringIO()
    call_command("send_health_reminders", stdout=out)
    assert out.getvalue().strip() == "1 reminder(s) sent"
    assert [n.kind for n in reminders_for(linked)] == ["health.anc_due"]
    assert reminders_for(gone) == []
