"""Offline-first behaviour in a real browser: the outbox, saved pages, drafts, update prompt."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.core.management import call_command
from playwright.sync_api import expect

from civil.models import CivilRequest
from health.models import Child, GrowthMeasurement
from market.models import Product
from tests.e2e.test_shell import _log_in

MIDWIFE = "081200000003"
RESIDENT = "081200000001"
MOTHER_NIK = "1602055403920001"

# What IndexedDB holds for the signed-in user, store by store.
IDB_COUNTS = """async () => {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('pintuwarga');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const counts = {};
  for (const name of db.objectStoreNames) {
    counts[name] = await new Promise((resolve) => {
      const request = db.transaction(name).objectStore(name).count();
      request.onsuccess = () => resolve(request.result);
    });
  }
  db.close();
  return counts;
}"""

# Every URL kept in Cache Storage by the service worker.
CACHED_URLS = """async () => {
  const urls = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) urls.push(request.url);
  }
  return urls;
}"""

PERSONAL_API = re.compile(r"/api/v1/(me/|civil/requests|health/|market/orders|notifications)")


def _settled(page: Any) -> None:
    """Waits until the session is resumed: leaving the page while its refresh token
    is being rotated would lose the new one."""
    expect(page.get_by_test_id("nav-home")).to_be_visible()


def _controlled(page: Any) -> None:
    """Waits for the service worker, then reloads so that it controls the page."""
    page.evaluate("async () => { await navigator.serviceWorker.ready; }")
    page.reload()
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    _settled(page)


def _child() -> Child:
    call_command("seed_health_demo")
    child = Child.objects.filter(mother__nik=MOTHER_NIK).order_by("birth_date").first()
    assert child is not None
    return child


def _record_measurement(page: Any, day: dt.date, weight: str, height: str) -> None:
    page.get_by_test_id("record-measurement").click()
    page.locator('input[name="measured_on"]').fill(day.isoformat())
    page.locator('input[name="weight_kg"]').fill(weight)
    page.locator('input[name="height_cm"]').fill(height)
    page.locator('[data-testid="measurement-form"] button[type="submit"]').click()


def test_midwife_records_offline_and_each_weighing_arrives_once(page: Any) -> None:
    child = _child()
    before = GrowthMeasurement.objects.filter(child=child).count()
    _log_in(page, MIDWIFE)
    page.goto(f"/kia/anak/{child.pk}")
    expect(page.get_by_test_id("record-measurement")).to_be_visible()
    _settled(page)

    page.context.set_offline(True)
    today = dt.date.today()
    _record_measurement(page, today - dt.timedelta(days=2), "9,1", "76")
    _record_measurement(page, today - dt.timedelta(days=1), "9.3", "76.5")
    pending = page.get_by_test_id("pending-measurement")
    expect(pending).to_have_count(2)
    expect(pending.first).to_contain_text("Menunggu dikirim")
    expect(page.get_by_test_id("outbox-badge")).to_have_attribute("data-waiting", "2")
    assert GrowthMeasurement.objects.filter(child=child).count() == before

    page.context.set_offline(False)  # the `online` event sends the outbox, in order
    expect(pending).to_have_count(0)
    expect(page.get_by_test_id("outbox-badge")).to_have_count(0)
    rows = GrowthMeasurement.objects.filter(child=child).order_by("created_at")
    assert rows.count() == before + 2
    assert [str(m.weight_kg).rstrip("0") for m in rows][-2:] == ["9.1", "9.3"]
    expect(page.locator('[data-testid="growth-point"][data-weight="9.3"]')).to_have_count(1)


def test_a_replay_cut_in_the_middle_creates_no_duplicate(page: Any) -> None:
    child = _child()
    before = GrowthMeasurement.objects.filter(child=child).count()
    _log_in(page, MIDWIFE)
    page.goto(f"/kia/anak/{child.pk}")
    expect(page.get_by_test_id("record-measurement")).to_be_visible()
    _settled(page)
    page.context.set_offline(True)
    today = dt.date.today()
    _record_measurement(page, today - dt.timedelta(days=3), "8.8", "75")
    _record_measurement(page, today - dt.timedelta(days=2), "8.9", "75.5")
    expect(page.get_by_test_id("pending-measurement")).to_have_count(2)

    # The second request reaches the server, but its answer is lost on the way back.
    posts: list[str] = []

    def cut_second_answer(route: Any) -> None:
        if route.request.method != "POST":
            route.continue_()
            return
        posts.append(route.request.headers["idempotency-key"])
        if len(posts) == 2:
            route.fetch()  # the server stores the weighing...
            route.abort("connectionreset")  # ...and the phone never hears back
        else:
            route.continue_()

    page.route(re.compile(r".*/measurements/$"), cut_second_answer)
    page.context.set_offline(False)
    # The first is sent; the second went out, its answer was lost, and it waits again.
    pending = page.get_by_test_id("pending-measurement")
    expect(pending).to_have_count(1)
    expect(pending).to_have_attribute("data-attempts", "1")
    expect(pending).to_have_attribute("data-state", "waiting")
    expect(pending).to_contain_text("Menunggu dikirim")
    assert len(posts) == 2
    assert GrowthMeasurement.objects.filter(child=child).count() == before + 2

    # Sent again with the same key (the app sends its outbox when it starts):
    # the server answers with the first result.
    page.goto("/antrian")
    expect(page.locator('[data-testid="outbox-item"][data-state="sent"]')).to_have_count(2)
    assert len(posts) == 3 and posts[2] == posts[1] and posts[0] != posts[1]
    assert GrowthMeasurement.objects.filter(child=child).count() == before + 2


def test_a_civil_form_survives_a_reload_offline_and_is_sent_later(page: Any) -> None:
    _log_in(page, RESIDENT)
    _controlled(page)
    page.goto("/layanan/adminduk/ajukan/akta-kelahiran")
    page.locator('input[name="child_name"]').fill("Dewi Lestari")
    page.locator('input[name="child_sex"][value="F"]').check()
    born = dt.date.today() - dt.timedelta(days=9)
    page.locator('input[name="birth_date"]').fill(born.isoformat())
    page.locator('input[name="birth_place"]').fill("Puskesmas Kayu Agung")

    page.context.set_offline(True)
    try:
        page.reload()
        expect(page.get_by_test_id("draft-restored")).to_be_visible()
        expect(page.locator('input[name="child_name"]')).to_have_value("Dewi Lestari")
        expect(page.locator('input[name="birth_place"]')).to_have_value("Puskesmas Kayu Agung")
        expect(page.locator('input[name="child_sex"][value="F"]')).to_be_checked()
        page.locator('input[name="mother_nik"]').fill(MOTHER_NIK)
        page.locator('input[name="mother_name"]').fill("Siti Aminah")
        page.locator('input[name="kk_number"]').fill("1602051503150007")
        page.locator('[data-testid="civil-form"] button[type="submit"]').click()
        expect(page.get_by_test_id("civil-queued")).to_be_visible()
        assert not CivilRequest.objects.filter(form_data__child_name="Dewi Lestari").exists()
    finally:
        page.context.set_offline(False)
    # Back online: the request is sent by itself.
    expect(page.get_by_test_id("outbox-badge")).to_have_count(0)
    page.goto("/antrian")
    expect(page.locator('[data-testid="outbox-item"][data-state="sent"]')).to_have_count(1)
    assert CivilRequest.objects.filter(form_data__child_name="Dewi Lestari").count() == 1


def test_pages_seen_before_open_offline_with_their_age_and_logout_clears_them(
    page: Any, settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    child = _child()
    call_command("seed_market_demo")
    product = Product.objects.filter(status="published").order_by("title").first()
    assert product is not None
    _log_in(page, RESIDENT)
    _controlled(page)
    pages = {
        "/layanan/adminduk/permohonan": page.get_by_role("heading", level=1),
        f"/kia/anak/{child.pk}": page.get_by_test_id("growth-chart"),
        f"/umkm/produk/{product.pk}": page.get_by_test_id("product-title"),
    }
    for path, ready in pages.items():
        page.goto(path)
        expect(ready).to_be_visible()
        _settled(page)
        page.wait_for_load_state("networkidle")

    page.context.set_offline(True)
    refresh = page.evaluate("localStorage.getItem('pw.refresh')")
    try:
        for path, ready in pages.items():
            page.goto(path)
            expect(ready).to_be_visible()
            expect(page.get_by_test_id("saved-age")).to_contain_text("Data tersimpan, diperbarui")
        expect(page.get_by_test_id("product-title")).to_contain_text(product.title)
    finally:
        page.context.set_offline(False)
    # Back online, the session is renewed (the refresh token rotates).
    page.wait_for_function(f"localStorage.getItem('pw.refresh') !== {refresh!r}")

    counts = page.evaluate(IDB_COUNTS)
    assert counts["reads"] > 0
    cached = page.evaluate(CACHED_URLS)
    assert not [url for url in cached if PERSONAL_API.search(url)], cached

    page.goto("/profil")
    page.get_by_test_id("logout").click()
    expect(page).to_have_url(re.compile(r"/masuk$"))
    assert page.evaluate(IDB_COUNTS) == {"outbox": 0, "reads": 0}
    leftovers = page.evaluate("() => Object.keys(localStorage).filter((key) => key !== 'pw.lang')")
    assert leftovers == []


def test_the_update_prompt_appears_when_a_new_worker_waits(page: Any) -> None:
    # The first visit installs an older release of the service worker (same code,
    # other bytes); the server's /sw.js is then a new version waiting to take over.
    original = page.request.get("/sw.js").text()
    seen: list[str] = []

    def older(route: Any) -> None:
        seen.append(route.request.url)
        route.fulfill(
            status=200,
            headers={"Content-Type": "text/javascript", "Cache-Control": "no-cache"},
            body=original + "\n// an older release\n",
        )

    page.context.route(re.compile(r".*/sw\.js$"), older)
    _log_in(page, RESIDENT)
    page.evaluate("async () => { await navigator.serviceWorker.ready; }")
    assert seen, "the first install did not go through the route"
    page.context.unroute(re.compile(r".*/sw\.js$"))

    # Opened again: the older worker controls the page, the app checks for an
    # update, and the new one installs and waits.
    page.reload()
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    banner = page.get_by_test_id("update-banner")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("Versi baru tersedia")
    assert page.evaluate(
        "async () => Boolean((await navigator.serviceWorker.getRegistration()).waiting)"
    )
    # Nothing reloads by itself: the page stays as it was until "Perbarui".
    expect(page.get_by_test_id("home")).to_be_visible()
    page.get_by_role("button", name="Perbarui").click()
    page.wait_for_function("async () => !(await navigator.serviceWorker.getRegistration()).waiting")
    expect(page.get_by_test_id("home")).to_be_visible()
