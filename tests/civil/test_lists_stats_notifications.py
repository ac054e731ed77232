"""Lists with pinned query counts, service-level figures, and notifications."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from accounts.models import User
from core.models import Notification
from tests.civil.conftest import act, create_draft, submitted
from tests.factories import make_user

pytestmark = pytest.mark.django_db
Login = Callable[[User], APIClient]
WIB = ZoneInfo("Asia/Jakarta")


def _without_plan_settings(statements: list[str]) -> list[str]:
    """The statements less those of ``core.sql.generic_plan`` on PostgreSQL (its savepoint,
    the plan setting read, set and put back, the savepoint's release), which read no data;
    the statements run inside it are kept, as is every other statement."""
    kept: list[str] = []
    blocks: set[str] = set()
    for position, statement in enumerate(statements):
        following = statements[position + 1] if position + 1 < len(statements) else ""
        if statement.startswith("SAVEPOINT") and "plan_cache_mode" in following:
            blocks.add(statement.split()[1])
            continue
        released = statement.startswith("RELEASE SAVEPOINT") and statement.split()[2] in blocks
        if not released and "plan_cache_mode" not in statement:
            kept.append(statement)
    return kept


def _statements(client: APIClient, url: str) -> tuple[list[str], Any]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return [q["sql"] for q in ctx.captured_queries], response.json()


def _count_queries(client: APIClient, url: str) -> tuple[int, Any]:
    statements, body = _statements(client, url)
    return len(_without_plan_settings(statements)), body


def test_list_query_counts_do_not_grow_with_page_size(
    login: Login, resident: User, civil_officer: User
) -> None:
    warga, petugas = login(resident), login(civil_officer)
    for _ in range(2):
        submitted(warga)
    # The first list of a process also reads the services, villages and districts (3
    # queries), kept in the process afterwards.
    first, _ = _count_queries(warga, "/api/v1/civil/requests/?page_size=2")
    assert first == 4 + 3
    few_mine, body = _count_queries(warga, "/api/v1/civil/requests/?page_size=2")
    few_queue, _ = _count_queries(petugas, "/api/v1/civil/requests/?page_size=2")
    for _ in range(6):
        submitted(warga)
    many_mine, body = _count_queries(warga, "/api/v1/civil/requests/?page_size=8")
    many_queue, queue = _count_queries(petugas, "/api/v1/civil/requests/?page_size=8")
    assert len(body["results"]) == len(queue["results"]) == 8
    # Without a scope: user, officer districts (which list is hers), then her own list's
    # page ids (sorted without joins) and its rows, no COUNT(*) as each page holds the end
    # of its list; or the queue's page of rows with its total in one statement.
    assert few_mine == many_mine == 4
    assert few_queue == many_queue == 3
    spilled, spilled_body = _count_queries(petugas, "/api/v1/civil/requests/?page_size=3")
    assert spilled == 3  # more rows follow: the queue's rows come with their total
    assert spilled_body["count"] == 8 and len(spilled_body["results"]) == 3
    queue_only, _ = _count_queries(petugas, "/api/v1/civil/requests/?scope=queue&page_size=3")
    assert queue_only == 2  # user; the page's rows with the total (districts a subquery)
    statements, _ = _statements(petugas, "/api/v1/civil/requests/?scope=queue&page_size=3")
    if connection.vendor == "postgresql":  # the queue's statement keeps one plan
        setting = statements.index("SET LOCAL plan_cache_mode = force_generic_plan")
        assert "COUNT(*) OVER ()" in statements[setting + 1]
    mine_only, _ = _count_queries(warga, "/api/v1/civil/requests/?scope=mine&page_size=3")
    assert mine_only == 4  # her own list needs no districts: user, ids, count, rows
    detail_queries, _ = _count_queries(warga, f"/api/v1/civil/requests/{body['results'][0]['id']}/")
    assert detail_queries <= 12


def test_the_queue_in_pages_with_its_total(
    login: Login, resident: User, civil_officer: User, other_district_officer: User
) -> None:
    """The queue's ids come with the list's total (one query); every page agrees on it."""
    from accounts.services import revoke_role

    warga, petugas = login(resident), login(civil_officer)
    sent = [submitted(warga)["id"] for _ in range(5)]
    url = "/api/v1/civil/requests/?scope=queue&page_size=2"
    pages = [petugas.get(f"{url}&page={n}").json() for n in (1, 2, 3)]
    assert [page["count"] for page in pages] == [5, 5, 5]
    listed = [row["id"] for page in pages for row in page["results"]]
    assert listed == sent  # same deadline: the earliest submitted first, none twice
    assert [bool(page["next"]) for page in pages] == [True, True, False]
    assert petugas.get(f"{url}&page=last").json()["results"] == pages[2]["results"]
    create_draft(warga)  # in her district, but a draft is its applicant's alone
    drafts = petugas.get(f"{url}&status=draft").json()
    assert (drafts["count"], drafts["results"]) == (0, [])
    beyond = petugas.get(f"{url}&page=4")
    assert beyond.status_code == 404 and beyond.json()["error"]["code"] == "not_found"
    assert petugas.get(f"{url}&page=x").status_code == 404

    # An officer of another district: an empty queue, not a refusal.
    elsewhere = login(other_district_officer).get(url)
    assert elsewhere.status_code == 200 and elsewhere.json()["count"] == 0
    # Her role revoked: the queue is refused, whatever it held.
    revoke_role(user=civil_officer, role="civil_officer")
    for page in ("1", "2", "x"):  # refused before any question about the page
        refused = petugas.get(f"{url}&page={page}")
        assert refused.status_code == 403, page
        assert refused.json()["error"]["code"] == "permission_denied"


def test_the_queue_holds_what_its_filters_say_in_deadline_order(
    login: Login, resident: User
) -> None:
    """Every filter of the queue against the rule written out here: her districts, open
    states (or the one asked for), service, village, late or not; the earliest deadline
    first, paused requests (no deadline) last; each row as the applicant's own list shows
    it."""
    from accounts.services import assign_role
    from civil.models import CivilRequest
    from core.models import Village
    from core.workdays import local_today

    other = Village.objects.filter(district_id="16.02.03").order_by("code").first()
    foreign = Village.objects.exclude(district_id__in=["16.02.03", "16.02.05"]).first()
    assert other is not None and foreign is not None

    officer = make_user(full_name="Petugas Dua Kecamatan")
    assign_role(user=officer, role="civil_officer", district_codes=["16.02.05", "16.02.03"])
    warga, petugas = login(resident), login(officer)
    ids = [submitted(warga)["id"] for _ in range(7)] + [
        submitted(warga, "kk-tambah-anggota")["id"] for _ in range(2)
    ]
    today = local_today()
    setups: list[dict[str, Any]] = [
        {"due_date": today - dt.timedelta(days=3)},  # late
        {"status": "in_review", "due_date": today - dt.timedelta(days=1)},  # late
        {"status": "needs_revision", "due_date": None},  # paused: no deadline
        {"status": "approved", "due_date": today + dt.timedelta(days=2)},
        {"status": "completed", "output_document_number": "AKTA-1"},  # closed: never listed
        {"district_id": other.district_id, "village_id": other.code},  # her other district
        {"district_id": foreign.district_id, "village_id": foreign.code},  # not hers
        {"due_date": today - dt.timedelta(days=3)},  # kk, late, same deadline as the first
        {"status": "needs_revision", "due_date": today - dt.timedelta(days=9)},  # paused
    ]
    for pk, changes in zip(ids, setups, strict=True):
        CivilRequest.objects.filter(pk=pk).update(**changes)
    mine = {
        row["id"]: row for row in warga.get("/api/v1/civil/requests/?scope=mine").json()["results"]
    }

    def expected(**only: Any) -> list[str]:
        rows = [
            r
            for r in CivilRequest.objects.all()
            if r.district_id in ("16.02.05", "16.02.03")
            and (r.status == only["status"] if "status" in only else r.status in {
                "submitted", "in_review", "approved", "needs_revision"})
            and ("service" not in only or r.service_id == only["service"])
            and ("village" not in only or r.village_id == only["village"])
            and (
                "overdue" not in only
                or only["overdue"] == (
                    r.status in {"submitted", "in_review", "approved"}
                    and r.due_date is not None
                    and r.due_date < today
                )
            )
        ]  # fmt: skip
        rows.sort(key=lambda r: (r.due_date is None, r.due_date or today, r.submitted_at, r.pk))
        return [str(r.pk) for r in rows]

    cases: list[dict[str, Any]] = [
        {},
        {"status": "needs_revision"},
        {"status": "completed"},
        {"service": "kk-tambah-anggota"},
        {"village": other.code},
        {"overdue": True},
        {"overdue": False},
        {"overdue": False, "service": "akta-kelahiran"},
    ]
    for only in cases:
        query = "&".join(f"{k}={str(v).lower()}" for k, v in only.items())
        listed: list[dict[str, Any]] = []
        url: str | None = f"/api/v1/civil/requests/?scope=queue&page_size=2&{query}"
        counts = set()
        while url:
            page = petugas.get(url).json()
            listed += page["results"]
            counts.add(page["count"])
            url = page["next"]
        want = expected(**only)
        assert [row["id"] for row in listed] == want, only
        assert counts == {len(want)}, only
        for row in listed:
            assert row == mine[row["id"]]
    assert expected() and expected(overdue=True) and expected(status="needs_revision")
    for bad in ("village=a%00b", "service=%00", f"village={'9' * 41}"):
        refused = petugas.get(f"/api/v1/civil/requests/?scope=queue&{bad}")
        assert refused.status_code == 400, bad
        assert refused.json()["error"]["code"] == "bad_request"


def test_notifications_list_read_and_read_all(
    login: Login, resident: User, civil_officer: User
) -> None:
    warga, petugas = login(resident), login(civil_officer)
    sent = submitted(warga)
    act(petugas, sent["id"], "claim")
    queries, page = _count_queries(warga, "/api/v1/notifications/")
    assert queries == 2  # user, rows: the list ends on this page, so its counts come from it
    assert page["unread_count"] == 2
    newest = page["results"][0]
    assert newest["title"] == f"Permohonan {sent['tracking_code']}: Diperiksa"
    assert newest["link"] == f"/layanan/adminduk/permohonan/{sent['id']}"
    english = warga.get("/api/v1/notifications/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert english["results"][0]["title"] == f"Request {sent['tracking_code']}: In review"

    read = warga.post(f"/api/v1/notifications/{newest['id']}/read/")
    assert read.status_code == 200 and read.json()["read_at"]
    assert warga.get("/api/v1/notifications/").json()["unread_count"] == 1
    # Someone else's notification is not found.
    assert petugas.post(f"/api/v1/notifications/{newest['id']}/read/").status_code == 404
    assert warga.post("/api/v1/notifications/read-all/").json() == {"marked": 1}
    assert warga.get("/api/v1/notifications/").json()["unread_count"] == 0

    few, _ = _count_queries(warga, "/api/v1/notifications/?page_size=2")
    many, _ = _count_queries(warga, "/api/v1/notifications/?page_size=20")
    assert few == many == 2
    # More follow: all and unread counted together.
    oldest = Notification.objects.filter(user=resident).order_by("created_at").first()
    assert oldest is not None
    Notification.objects.filter(pk=oldest.pk).update(read_at=None)
    spilled, body = _count_queries(warga, "/api/v1/notifications/?page_size=1")
    assert spilled == 3 and body["count"] == 2 and body["next"] and body["unread_count"] == 1
    # The last page but not the first: the unread ones are counted on their own.
    last, body = _count_queries(warga, "/api/v1/notifications/?page_size=1&page=2")
    assert last == 3 and body["count"] == 2 and body["unread_count"] == 1


def test_notifications_go_to_every_configured_sender(
    login: Login, resident: User, settings: Any
) -> None:
    sent_to: list[str] = []

    class Recorder:
        def send(self, notification: Any) -> None:
            sent_to.append(notification.kind)

    import tests.civil.test_lists_stats_notifications as this

    this.Recorder = Recorder  # type: ignore[attr-defined]
    settings.NOTIFICATION_SENDERS = [
        "core.notifications.LogSender",
        "tests.civil.test_lists_stats_notifications.Recorder",
    ]
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        submitted(login(resident))
    assert sent_to == ["civil.status_changed"]


def test_stats_for_officers_and_admins(
    login: Login, resident: User, civil_officer: User, regency_admin: User
) -> None:
    at = lambda day: dt.datetime.fromisoformat(day).replace(hour=9, tzinfo=WIB)  # noqa: E731
    with time_machine.travel(at("2026-12-01"), tick=False):
        warga, petugas = login(resident), login(civil_officer)
        on_time = submitted(warga)
        late = submitted(warga)
        waiting = submitted(warga)
        act(petugas, on_time["id"], "claim")
        act(petugas, on_time["id"], "approve")
        act(petugas, late["id"], "claim")
        act(petugas, late["id"], "approve")
    with time_machine.travel(at("2026-12-02"), tick=False):
        petugas = login(civil_officer)
        act(petugas, on_time["id"], "complete", output_document_number="A-1")
    with time_machine.travel(at("2026-12-10"), tick=False):
        petugas = login(civil_officer)
        act(petugas, late["id"], "complete", output_document_number="A-2")
        figures = petugas.get("/api/v1/civil/stats/").json()
    assert figures["total"] == 3
    assert figures["by_status"]["completed"] == 2
    assert figures["by_status"]["submitted"] == 1
    assert figures["completed"] == 2
    assert figures["completed_on_time_share"] == 0.5
    assert figures["median_completion_hours"] == 120.0  # 24 h and 216 h
    assert figures["overdue_count"] == 1
    assert figures["overdue"][0]["tracking_code"] == waiting["tracking_code"]
    kayu_agung = next(d for d in figures["by_district"] if d["code"] == "16.02.05")
    assert kayu_agung["total"] == 3 and kayu_agung["overdue"] == 1
    officer = figures["by_officer"][0]
    assert officer["name"] == civil_officer.full_name
    assert officer["handled"] == 2 and officer["completed"] == 2
    assert [d["code"] for d in figures["districts"]] == ["16.02.05"]

    regency = login(regency_admin).get("/api/v1/civil/stats/").json()
    assert len(regency["districts"]) == 18
    assert regency["total"] == 3

    assert login(resident).get("/api/v1/civil/stats/").status_code == 403
    assert login(make_user()).get("/api/v1/civil/stats/").json()["error"]["code"] == (
        "permission_denied"
    )


def test_a_service_renamed_in_the_admin_shows_in_lists_after_the_reference_refresh(
    login: Login, resident: User, settings: Any
) -> None:
    from civil.models import ServiceType

    warga = login(resident)
    submitted(warga)

    def listed_name() -> str:
        return str(warga.get("/api/v1/civil/requests/").json()["results"][0]["service"]["name"])

    before = listed_name()
    ServiceType.objects.filter(code="akta-kelahiran").update(name_id="Akta Kelahiran Baru")
    assert listed_name() == before  # kept in the process for REFERENCE_CACHE_SECONDS
    settings.REFERENCE_CACHE_SECONDS = 0
    assert listed_name() == "Akta Kelahiran Baru"


@pytest.mark.parametrize("language", ["id", "en"])
def test_list_rows_are_what_the_declared_fields_describe(
    login: Login, resident: User, civil_officer: User, language: str
) -> None:
    """The list serializer builds its rows by hand; the schema comes from its fields."""
    from django.utils import translation
    from rest_framework import serializers

    from civil import selectors
    from civil.serializers import RequestListSerializer

    warga, petugas = login(resident), login(civil_officer)
    waiting, done = submitted(warga), submitted(warga)
    act(petugas, done["id"], "claim")
    act(petugas, done["id"], "approve")
    act(petugas, done["id"], "complete", output_document_number="A-3")
    rows = selectors.list_rows([uuid.UUID(waiting["id"]), uuid.UUID(done["id"])])
    assert [str(r.pk) for r in rows] == [waiting["id"], done["id"]]
    with translation.override(language):
        serializer = RequestListSerializer(context={"today": dt.date(2026, 12, 1)})
        for row in rows:
            generic = serializers.ModelSerializer.to_representation(serializer, row)
            assert serializer.to_representation(row) == generic
    assert rows[1].assigned_officer is not None and rows[1].completed_at is not None


@pytest.mark.parametrize("language", ["id", "en"])
def test_notification_rows_are_what_the_declared_fields_describe(
    login: Login, resident: User, civil_officer: User, language: str
) -> None:
    from django.utils import timezone, translation
    from rest_framework import serializers

    from core.serializers import NotificationSerializer

    warga, petugas = login(resident), login(civil_officer)
    sent = submitted(warga)
    act(petugas, sent["id"], "claim")
    Notification.objects.filter(user=resident).order_by("created_at").update(read_at=timezone.now())
    act(petugas, sent["id"], "approve")
    rows = list(Notification.objects.filter(user=resident).order_by("created_at"))
    assert {row.read_at is None for row in rows} == {True, False}
    with translation.override(language), timezone.override(WIB):
        one = NotificationSerializer()
        for row in rows:
            built = one.to_representation(row)
            declared = serializers.Serializer.to_representation(one, row)
            declared.update(title=built["title"], body=built["body"])  # rendered, not fields
            assert built == declared
            assert built["created_at"].endswith("+07:00")
