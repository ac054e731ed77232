"""The admin (schedule editable, records read-only and audited) and the English catalogue."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from accounts.models import User
from core.models import AuditEvent
from health.models import Mother
from tests.factories import make_user

PO = Path(settings.BACKEND_DIR) / "health" / "locale" / "en" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")


@pytest.fixture
def staff(db: object) -> Client:
    client = Client()
    client.force_login(make_user(full_name="Admin Sistem", is_staff=True, is_superuser=True))
    return client


def test_schedule_is_editable_records_are_read_only(staff: Client, mother: Mother) -> None:
    assert staff.get("/admin/health/scheduledose/bcg/change/").status_code == 200
    page = staff.get(f"/admin/health/mother/{mother.pk}/change/")
    assert page.status_code == 200
    assert mother.nik.encode() not in page.content  # masked in the admin too
    assert staff.get("/admin/health/mother/add/").status_code == 403
    event = AuditEvent.objects.filter(action="health.admin.mother.read").get()
    assert event.object_id == str(mother.pk) and event.data["as"] == "admin"
    assert staff.get("/admin/health/growthmeasurement/").status_code == 200
    assert AuditEvent.objects.filter(action="health.admin.growthmeasurement.list").exists()


def test_admin_reads_show_in_the_mothers_access_log(
    staff: Client, mother: Mother, mother_user: User
) -> None:
    from rest_framework.test import APIClient

    from accounts.services import issue_tokens

    staff.get(f"/admin/health/mother/{mother.pk}/change/")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {issue_tokens(mother_user)['access']}")
    entry = client.get(f"/api/v1/health/mothers/{mother.pk}/access-log/").json()["results"][0]
    assert entry["actor"]["role"] == "admin"
    assert entry["action_label"] == "Dibuka di halaman admin"


def _unquote(chunk: str) -> str:
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', chunk)
    return "".join(parts).encode().decode("unicode_escape").encode("latin-1").decode("utf-8")


def _entries() -> list[tuple[str, str, bool]]:
    entries = []
    for block in PO.read_text(encoding="utf-8").split("\n\n"):
        match = re.search(r"^msgid (.*?)^msgstr (.*)", block, re.S | re.M)
        if match and _unquote(match.group(1)):
            entries.append((_unquote(match.group(1)), _unquote(match.group(2)), "fuzzy" in block))
    return entries


def test_every_health_message_has_an_english_translation() -> None:
    entries = _entries()
    assert len(entries) > 200
    assert [m for m, s, fuzzy in entries if not s or fuzzy] == []


def test_compiled_health_catalogue_matches_the_source() -> None:
    with MO.open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    assert [m for m, s, _f in _entries() if catalogue.gettext(m) != s] == []


def test_source_strings_are_all_in_the_catalogue() -> None:
    """Every gettext string of the app is in the .po (makemessages was run)."""
    source = Path(settings.BACKEND_DIR) / "health"
    found: set[str] = set()
    for path in source.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r'\b_\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)', text):
            found.add(_unquote(match.group(1)))
    known = {m for m, _s, _f in _entries()}
    assert sorted(found - known) == []
