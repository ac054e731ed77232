"""A seller lists a product with a photo; the officer approves it; a buyer orders it."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from django.core.management import call_command
from PIL import Image
from playwright.sync_api import expect

from market.models import Order, Product
from tests.e2e.test_shell import _log_in


def _context(browser: Any, live_server: Any) -> Any:
    context = browser.new_context(base_url=live_server.url, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def test_seller_lists_a_product_and_a_buyer_orders_it(
    page: Any, browser: Any, live_server: Any, tmp_path: Path, settings: Any
) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    call_command("seed_market_demo")
    photo = tmp_path / "kemplang.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (2000, 1500), (200, 150, 60)).save(buffer, "JPEG", quality=90)
    photo.write_bytes(buffer.getvalue())

    # The seller adds a product with a photo and sends it for review.
    _log_in(page, "081200000004")
    page.goto("/umkm/produk-saya/baru")
    page.locator('input[name="title"]').fill("Kemplang Tenggiri Super")
    page.locator('select[name="category"]').select_option("kuliner")
    page.locator('input[name="price"]').fill("32000")
    page.locator('input[name="unit"]').fill("bungkus")
    page.locator('input[name="stock"]').fill("6")
    page.locator('textarea[name="description"]').fill("Kemplang ikan tenggiri panggang, 250 gram.")
    page.locator('button[type="submit"]').first.click()
    page.get_by_test_id("photo-add").locator('input[type="file"]').set_input_files(str(photo))
    expect(page.get_by_test_id("photo-item")).to_have_count(1)
    page.get_by_test_id("product-submit").click()
    expect(page.get_by_test_id("product-status")).to_contain_text("tinjauan")
    product = Product.objects.get(title="Kemplang Tenggiri Super")
    assert product.status == "pending" and product.photos.count() == 1

    # The market officer approves it.
    officer_context, officer = _context(browser, live_server)
    try:
        _log_in(officer, "081200000005")
        officer.goto("/umkm/moderasi")
        officer.locator('[data-testid="moderation-tab"][data-tab="products"]').click()
        row = officer.locator(f'[data-testid="moderation-product"][data-id="{product.pk}"]')
        row.get_by_test_id("approve").click()
        expect(row).to_have_count(0)
    finally:
        officer_context.close()
    product.refresh_from_db()
    assert product.status == "published"

    # A buyer finds it by a word with a typo-free prefix and orders two.
    buyer_context, buyer = _context(browser, live_server)
    try:
        _log_in(buyer, "081200000001")
        buyer.goto("/umkm?q=tenggiri")
        card = buyer.locator(f'[data-testid="product-card"][data-product-id="{product.pk}"]')
        card.locator("a").first.click()
        expect(buyer.get_by_test_id("product-title")).to_contain_text("Kemplang Tenggiri Super")
        expect(buyer.get_by_test_id("product-price")).to_contain_text("Rp 32.000")
        whatsapp = buyer.get_by_test_id("whatsapp")
        assert (whatsapp.get_attribute("href") or "").startswith("https://wa.me/6281200000004")
        buyer.locator('input[name="quantity"]').fill("2")
        buyer.locator('input[name="payment_method"][value="cod"]').check()
        buyer.locator('textarea[name="delivery_note"]').fill("Rumah pagar biru")
        buyer.get_by_test_id("place-order").click()
        expect(buyer.get_by_test_id("order-code")).to_be_visible()
        expect(buyer.get_by_test_id("order-total")).to_contain_text("64.000")
    finally:
        buyer_context.close()
    order = Order.objects.get(items__product=product)
    assert order.total == 64_000
    product.refresh_from_db()
    assert product.stock == 4
