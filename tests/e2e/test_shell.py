"""A resident and an officer use the app shell in a real browser."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from playwright.sync_api import expect

from accounts.models import User
from tests.factories import nik_for

DEMO_PASSWORD = "pintuwarga-demo"


def _log_in(page: Any, identifier: str, password: str = DEMO_PASSWORD) -> None:
    page.goto("/masuk")
    page.locator('input[name="identifier"]').fill(identifier)
    page.locator('input[name="password"]').fill(password)
    page.locator('button[type="submit"]').click()
    expect(page.get_by_test_id("home")).to_be_visible()


def test_register_then_home_then_language_then_logout(page: Any) -> None:
    birth = dt.date(1996, 4, 9)
    nik = nik_for(birth, "F", serial=4321)
    page.goto("/daftar")
    page.locator('input[name="nik"]').fill(nik)
    page.locator('input[name="full_name"]').fill("Ratna Sari")
    page.locator('input[name="birth_date"]').fill(birth.isoformat())
    page.locator('input[name="sex"][value="F"]').check()
    page.locator('input[name="phone"]').fill("0812 9876 5432")
    page.locator('input[name="password"]').fill("rumah-di-kayu-agung-9")
    page.locator('button[type="submit"]').click()

    expect(page.get_by_test_id("home")).to_be_visible()
    expect(page.get_by_test_id("greeting")).to_contain_text("Ratna Sari")
    expect(page.get_by_text("Beranda").first).to_be_visible()
    tiles = page.get_by_test_id("service-tile")
    expect(tiles).to_have_count(3)
    expect(page.get_by_test_id("role-tile")).to_have_count(0)
    user = User.objects.get(nik=nik)
    assert user.phone == "+6281298765432"

    page.get_by_test_id("lang-switch").first.select_option("en")
    expect(page.get_by_text("Home").first).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    user.refresh_from_db()
    assert user.language == "en"

    page.get_by_test_id("nav-profile").first.click()
    page.get_by_test_id("logout").click()
    expect(page).to_have_url(re.compile(r"/masuk$"))
    assert page.evaluate("localStorage.getItem('pw.refresh')") is None
    page.goto("/")
    expect(page.locator('input[name="identifier"]')).to_be_visible()


def test_registration_error_is_shown_next_to_the_field(page: Any) -> None:
    page.goto("/daftar")
    page.locator('input[name="nik"]').fill("9902055403920001")
    page.locator('input[name="full_name"]').fill("Nama Uji")
    page.locator('input[name="birth_date"]').fill("1992-03-14")
    page.locator('input[name="sex"][value="F"]').check()
    page.locator('input[name="phone"]').fill("081277770000")
    page.locator('input[name="password"]').fill("rumah-di-kayu-agung-9")
    page.locator('button[type="submit"]').click()
    expect(page.get_by_text("Kode provinsi dalam NIK tidak dikenal.")).to_be_visible()
    assert not User.objects.filter(full_name="Nama Uji").exists()


def test_wrong_password_shows_the_server_message(page: Any) -> None:
    page.goto("/masuk")
    page.locator('input[name="identifier"]').fill("081200000001")
    page.locator('input[name="password"]').fill("bukan-sandinya")
    page.locator('button[type="submit"]').click()
    expect(page.get_by_test_id("form-error")).to_contain_text("kata sandi salah")


def test_officer_sees_the_screens_for_her_role(page: Any) -> None:
    _log_in(page, "+6281200000002")
    roles = page.get_by_test_id("role-tile")
    expect(roles).to_have_count(1)
    expect(roles.first).to_have_attribute("data-role", "civil_officer")
    expect(page.get_by_text("Kayu Agung").first).to_be_visible()


def test_health_worker_login_by_nik(page: Any) -> None:
    _log_in(page, "1602056111880003")
    expect(page.locator('[data-testid="role-tile"][data-role="health_worker"]')).to_be_visible()


def test_deep_link_loads_the_app(page: Any) -> None:
    response = page.goto("/layanan/adminduk")
    assert response.status == 200
    expect(page.locator('input[name="identifier"]')).to_be_visible()  # not logged in yet


def test_manifest_service_worker_and_offline_shell(page: Any) -> None:
    manifest = page.request.get("/manifest.webmanifest")
    assert manifest.ok
    data = json.loads(manifest.text())
    assert data["name"] == "Pintu Warga"
    assert data["start_url"] == "/"
    assert {icon["sizes"] for icon in data["icons"]} >= {"192x192", "512x512"}
    sw = page.request.get("/sw.js")
    assert sw.ok
    assert "javascript" in sw.headers["content-type"]

    _log_in(page, "081200000001")
    page.evaluate("async () => { await navigator.serviceWorker.ready; }")
    page.reload()
    page.wait_for_function("navigator.serviceWorker.controller !== null")

    page.context.set_offline(True)
    try:
        page.reload()
        expect(page.locator("#app, body").first).to_be_visible()
        expect(page.get_by_text("Pintu Warga").first).to_be_visible()
        page.goto("/profil")
        expect(page.get_by_text("Pintu Warga").first).to_be_visible()
    finally:
        page.context.set_offline(False)
