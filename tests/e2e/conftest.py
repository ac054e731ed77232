"""Browser tests: Debian's headless Chromium, driven by Playwright, against a live server."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# between browser steps are ordinary synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    index = Path(settings.PWA_BUILD_DIR) / "index.html"
    if not index.is_file():
        pytest.fail("The PWA is not built: run `make test` (it builds pwa/ first).")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"No Chromium at {CHROMIUM}: run scripts/ensure-chromium.sh")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def app_data(reference_data: None) -> None:
    """Reference data and demo accounts, in the live server's database."""
    import importlib

    from django.apps import apps
    from django.core.management import call_command

    from health.models import ScheduleDose

    call_command("seed_demo", "--quiet")
    if not ScheduleDose.objects.exists():
        # The immunization schedule comes with a migration; the flush after an
        # earlier live-server test removed it.
        importlib.import_module("health.migrations.0002_schedule").load(apps, None)


@pytest.fixture
def page(browser: Any, live_server: Any, app_data: None) -> Iterator[Any]:
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 360, "height": 740},
        locale="id-ID",
        service_workers="allow",
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
    # Let the live server finish a request the page (or its service worker) left in
    # flight before the database is flushed: SQLite refuses the flush while it writes.
    time.sleep(0.5)
