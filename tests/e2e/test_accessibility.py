"""axe-core on every main screen: no serious or critical violations, 44 px touch targets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management import call_command
from playwright.sync_api import expect

from civil.models import CivilRequest
from health.models import Child
from market.models import Product, Shop
from tests.e2e.test_shell import _log_in

AXE = Path(__file__).resolve().parents[2] / "pwa" / "node_modules" / "axe-core" / "axe.min.js"

RUN_AXE = """async () => {
  const result = await axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    resultTypes: ['violations'],
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
}"""

# Controls people tap: buttons, form fields, selects, and links styled as buttons or
# standing alone. Links inside a sentence are exempt (WCAG 2.5.5/2.5.8 inline exception).
SMALL_TARGETS = """() => {
  const small = [];
  const controls = document.querySelectorAll(
    'button, select, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), ' +
    'textarea, a.button, header a, nav a, [role=button], label:has(> input[type=checkbox]), ' +
    'label:has(> input[type=radio])'
  );
  for (const el of controls) {
    if (el.closest('[hidden], .visually-hidden, .skip-link')) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.width < 43.5 || box.height < 43.5) {
      small.push(`${el.tagName.toLowerCase()}${el.className ? '.' + el.className : ''} ` +
        `"${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}" ` +
        `${Math.round(box.width)}x${Math.round(box.height)}`);
    }
  }
  return small;
}"""


def _check(page: Any, name: str) -> list[str]:
    page.wait_for_load_state("networkidle")
    page.add_script_tag(path=str(AXE))
    problems = [
        f"{name}: {v['impact']} {v['id']} ({v['help']}) {v['nodes']}"
        for v in page.evaluate(RUN_AXE)
    ]
    small = page.evaluate(SMALL_TARGETS)
    problems += [f"{name}: touch target under 44 px: {target}" for target in small]
    return problems


def _screens(page: Any, screens: list[tuple[str, str, str]]) -> list[str]:
    problems: list[str] = []
    for name, path, ready in screens:
        page.goto(path)
        expect(page.locator(ready).first).to_be_visible()
        problems += _check(page, name)
    return problems


def _health_data() -> None:
    call_command("seed_health_demo")


def test_public_screens(page: Any, settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    call_command("seed_market_demo")
    product = Product.objects.filter(status="published").first()
    shop = Shop.objects.filter(status="verified").first()
    assert product is not None and shop is not None
    problems = _screens(
        page,
        [
            ("login", "/masuk", 'input[name="identifier"]'),
            ("register", "/daftar", 'input[name="nik"]'),
            ("market catalogue", "/umkm", '[data-testid="product-card"]'),
            ("product", f"/umkm/produk/{product.pk}", '[data-testid="product-title"]'),
            ("shop", f"/umkm/toko/{shop.slug}", '[data-testid="product-card"]'),
        ],
    )
    assert problems == [], "\n".join(problems)


def test_resident_screens(page: Any) -> None:
    _health_data()
    call_command("seed_civil_demo")
    request = CivilRequest.objects.filter(applicant__phone="+6281200000001").first()
    child = Child.objects.filter(mother__nik="1602055403920001").first()
    assert request is not None and child is not None
    request_path = f"/layanan/adminduk/permohonan/{request.pk}"
    _log_in(page, "081200000001")
    problems = _check(page, "home")
    problems += _screens(
        page,
        [
            ("profile", "/profil", '[data-testid="logout"]'),
            ("civil catalogue", "/layanan/adminduk", '[data-testid="civil-service"]'),
            ("civil form", "/layanan/adminduk/ajukan/akta-kelahiran", '[data-testid="civil-form"]'),
            ("my requests", "/layanan/adminduk/permohonan", '[data-testid="request-row"]'),
            ("civil request", request_path, '[data-testid="tracking-code"]'),
            ("KIA book", "/kia", '[data-testid="kia-home"]'),
            ("KIA child", f"/kia/anak/{child.pk}", '[data-testid="growth-chart"]'),
            ("outbox", "/antrian", '[data-testid="outbox-page"]'),
        ],
    )
    assert problems == [], "\n".join(problems)


def test_officer_screens(
    page: Any, browser: Any, live_server: Any, settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    _health_data()
    call_command("seed_civil_demo")
    call_command("seed_market_demo")
    problems: list[str] = []

    _log_in(page, "081200000002")
    problems += _screens(page, [("civil queue", "/petugas/adminduk", '[data-testid="queue-row"]')])

    for phone, screens in (
        ("081200000003", [("KIA worklist", "/kia/worklist", '[data-testid="worklist"]')]),
        ("081200000004", [("seller dashboard", "/umkm/toko-saya", '[data-testid="shop-status"]')]),
        ("081200000005", [("moderation", "/umkm/moderasi", '[data-testid="moderation-tab"]')]),
    ):
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": 360, "height": 740}, locale="id-ID"
        )
        other = context.new_page()
        other.set_default_timeout(15_000)
        try:
            _log_in(other, phone)
            problems += _screens(other, screens)
        finally:
            context.close()
    assert problems == [], "\n".join(problems)
