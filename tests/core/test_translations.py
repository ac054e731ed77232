"""Every message people see exists in English too, and the compiled catalogue is current."""

from __future__ import annotations

import gettext
import re
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

CATALOGUES = sorted(Path(settings.BACKEND_DIR).glob("**/locale/*/LC_MESSAGES/django.po"))


def _unquote(chunk: str) -> str:
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', chunk)
    return "".join(parts).encode().decode("unicode_escape").encode("latin-1").decode("utf-8")


def _entries(po: Path) -> list[tuple[str, str, bool]]:
    entries = []
    for block in po.read_text(encoding="utf-8").split("\n\n"):
        match = re.search(r"^msgid (.*?)^msgstr (.*)", block, re.S | re.M)
        if not match:
            continue
        msgid, msgstr = _unquote(match.group(1)), _unquote(match.group(2))
        if msgid:
            entries.append((msgid, msgstr, "#, fuzzy" in block))
    return entries


def test_there_are_catalogues() -> None:
    names = {po.relative_to(settings.BACKEND_DIR).parts[0] for po in CATALOGUES}
    assert {"locale", "civil", "market"} <= names


@pytest.mark.parametrize(
    "po", CATALOGUES, ids=lambda p: f"{p.parent.parent.parent.parent.name}-{p.parent.parent.name}"
)
def test_every_message_has_an_english_translation(po: Path) -> None:
    entries = _entries(po)
    assert entries
    untranslated = [msgid for msgid, msgstr, fuzzy in entries if not msgstr or fuzzy]
    assert untranslated == []


@pytest.mark.parametrize(
    "po", CATALOGUES, ids=lambda p: f"{p.parent.parent.parent.parent.name}-{p.parent.parent.name}"
)
def test_compiled_catalogue_matches_the_source(po: Path) -> None:
    with po.with_suffix(".mo").open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    stale = [msgid for msgid, msgstr, _ in _entries(po) if catalogue.gettext(msgid) != msgstr]
    assert stale == [], f"run: msgfmt -o django.mo django.po in {po.parent}"


def test_framework_messages_are_indonesian_too(api: Any) -> None:
    response = api.get("/api/v1/health/growth/zscores/?sex=M&weight_kg=abc")
    fields = response.json()["error"]["fields"]
    assert "A valid number is required." not in str(fields)
