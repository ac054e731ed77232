"""On PostgreSQL the product table leaves room on its pages for stock updates."""

from __future__ import annotations

import pytest
from django.db import connection

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL storage options"),
]


def test_products_leave_room_for_stock_updates_and_are_vacuumed_early() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = 'market_product'")
        options = set(cursor.fetchone()[0] or [])
    assert {"fillfactor=90", "autovacuum_vacuum_scale_factor=0.02"} <= options
