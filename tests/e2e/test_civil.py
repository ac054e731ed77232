"""A resident files a birth certificate with photos; an officer completes it (real browser)."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

from PIL import Image
from playwright.sync_api import expect

from civil.models import CivilRequest
from tests.e2e.test_shell import _log_in


def _photo(tmp_path: Path, name: str) -> str:
    path = tmp_path / f"{name}.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (2400, 1800), (230, 225, 210)).save(buffer, "JPEG", quality=90)
    path.write_bytes(buffer.getvalue())
    return str(path)


def test_resident_files_with_photos_and_officer_completes(
    page: Any, browser: Any, live_server: Any, tmp_path: Path, settings: Any
) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }
    _log_in(page, "081200000001")
    page.get_by_test_id("service-tile").and_(page.locator('[data-service="adminduk"]')).click()
    card = page.locator('[data-testid="civil-service"][data-code="akta-kelahiran"]')
    expect(card).to_contain_text("Gratis")
    card.get_by_test_id("civil-apply").click()

    birth = (dt.date.today() - dt.timedelta(days=10)).isoformat()
    page.locator('input[name="child_name"]').fill("Putri Ayu")
    page.locator('input[name="child_sex"][value="F"]').check()
    page.locator('input[name="birth_date"]').fill(birth)
    page.locator('input[name="birth_place"]').fill("RSUD Kayu Agung")
    page.locator('input[name="mother_nik"]').fill("1602055403920001")
    page.locator('input[name="mother_name"]').fill("Siti Aminah")
    page.locator('input[name="kk_number"]').fill("1602051503150007")
    page.locator('button[type="submit"]').click()

    expect(page.get_by_test_id("tracking-code")).to_be_visible()
    code = page.get_by_test_id("tracking-code").inner_text().strip()
    for kind in ("surat_kelahiran", "buku_nikah", "kk"):
        row = page.locator(f'[data-testid="doc-row"][data-kind="{kind}"]')
        row.locator('input[type="file"]').set_input_files(_photo(tmp_path, kind))
        expect(row.get_by_test_id("doc-uploaded")).to_be_visible()
    page.get_by_test_id("action-submit").click()
    expect(page.get_by_test_id("request-status")).to_contain_text("Diajukan")

    civil_request = CivilRequest.objects.get(tracking_code=re.sub(r"\s", "", code))
    assert civil_request.documents.count() == 3
    stored = civil_request.documents.first()
    assert stored is not None and stored.content_type == "image/jpeg"
    with stored.file.open("rb") as handle:
        assert max(Image.open(handle).size) <= 2400  # shrunk on the phone, re-encoded here

    officer_context = browser.new_context(
        base_url=live_server.url, viewport={"width": 360, "height": 740}
    )
    officer = officer_context.new_page()
    officer.set_default_timeout(15_000)
    try:
        _log_in(officer, "081200000002")
        officer.goto("/petugas/adminduk")
        officer.locator(
            f'[data-testid="queue-row"][data-code="{civil_request.tracking_code}"]'
        ).click()
        officer.get_by_test_id("action-claim").click()
        officer.get_by_test_id("action-approve").click()
        officer.get_by_test_id("action-complete").click()
        officer.locator('input[name="output_document_number"]').fill("1602-LT-E2E-0001")
        officer.get_by_test_id("action-confirm").click()
        expect(officer.get_by_test_id("request-status")).to_contain_text("Selesai")
    finally:
        officer_context.close()

    page.reload()
    expect(page.get_by_test_id("request-status")).to_contain_text("Selesai")
    expect(page.get_by_test_id("output-number")).to_contain_text("1602-LT-E2E-0001")
    expect(page.get_by_test_id("receipt")).to_be_visible()
    expect(page.get_by_test_id("notif-count")).not_to_have_text("0")
    civil_request.refresh_from_db()
    assert civil_request.status == "completed"
