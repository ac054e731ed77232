"""A midwife records a measurement; the mother sees it on her child's growth chart."""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from playwright.sync_api import expect

from health.models import Child, GrowthMeasurement
from tests.e2e.test_shell import _log_in


def test_midwife_records_a_measurement_and_the_mother_sees_it(
    page: Any, browser: Any, live_server: Any
) -> None:
    call_command("seed_health_demo")
    child = Child.objects.filter(mother__nik="1602055403920001").order_by("birth_date").first()
    assert child is not None
    before = GrowthMeasurement.objects.filter(child=child).count()

    _log_in(page, "081200000003")
    page.goto(f"/kia/anak/{child.pk}")
    page.get_by_test_id("record-measurement").click()
    page.locator('input[name="weight_kg"]').fill("9.4")
    page.locator('input[name="height_cm"]').fill("77.5")
    page.locator('input[name="position"][value="lying"]').check()
    page.locator('button[type="submit"]').last.click()
    expect(page.get_by_test_id("zscore-wfa").first).to_be_visible()
    for _ in range(50):  # the app may send it through its outbox a moment later
        if GrowthMeasurement.objects.filter(child=child).count() > before:
            break
        page.wait_for_timeout(200)
    assert GrowthMeasurement.objects.filter(child=child).count() == before + 1
    saved = GrowthMeasurement.objects.filter(child=child).order_by("-created_at").first()
    assert saved is not None and str(saved.weight_kg) in {"9.4", "9.40", "9.400"}

    mother_context = browser.new_context(
        base_url=live_server.url, viewport={"width": 360, "height": 740}
    )
    mother = mother_context.new_page()
    mother.set_default_timeout(15_000)
    try:
        _log_in(mother, "081200000001")
        mother.goto("/kia")
        expect(mother.get_by_test_id("kia-home")).to_be_visible()
        card = mother.locator(f'[data-testid="child-card"][data-child-id="{child.pk}"]')
        card.locator("a").first.click()
        chart = mother.get_by_test_id("growth-chart")
        expect(chart).to_be_visible()
        points = mother.get_by_test_id("growth-point")
        expect(points).to_have_count(before + 1)
        expect(mother.locator('[data-testid="growth-point"][data-weight="9.4"]')).to_have_count(1)
    finally:
        mother_context.close()
