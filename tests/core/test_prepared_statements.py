"""On PostgreSQL a statement run often on one connection is prepared there."""

from __future__ import annotations

import pytest
from django.db import connection

from core.models import Village

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql"
        or not connection.settings_dict["OPTIONS"].get("prepare_threshold"),
        reason="prepared statements are PostgreSQL's (DB_PREPARED_STATEMENTS)",
    ),
]


def prepared() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_prepared_statements")
        return int(cursor.fetchone()[0])


def test_a_repeated_query_is_prepared_once_and_keeps_answering() -> None:
    before = prepared()
    codes = list(Village.objects.values_list("code", flat=True)[:3])
    threshold = int(connection.settings_dict["OPTIONS"]["prepare_threshold"])
    for code in codes * threshold:
        assert Village.objects.get(code=code).code == code
    assert prepared() == before + 1  # the same statement, whatever its parameters
