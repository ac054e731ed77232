"""On PostgreSQL a statement run often on one connection is prepared there."""

from __future__ import annotations

import pytest
from django.db import connection, transaction

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


def plan_mode() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW plan_cache_mode")
        return str(cursor.fetchone()[0])


@pytest.mark.django_db(transaction=True)
def test_a_generic_plan_is_kept_for_the_block_only() -> None:
    from core.sql import generic_plan

    assert plan_mode() == "auto"
    threshold = int(connection.settings_dict["OPTIONS"]["prepare_threshold"])
    for _ in range(threshold + 2):
        with generic_plan(connection):
            assert plan_mode() == "force_generic_plan"
            assert Village.objects.filter(code="16.02.05.2001").count() <= 1
    assert plan_mode() == "auto"  # the next statement on the connection plans as usual
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements"
            " WHERE statement LIKE %s",
            ["%COUNT(*)%core_village%"],
        )
        [(generic, custom)] = cursor.fetchall()
        assert generic >= 1 and custom == 0  # planned once, for any value
    with pytest.raises(ZeroDivisionError), generic_plan(connection):
        raise ZeroDivisionError  # an error inside: the setting goes with the transaction
    assert plan_mode() == "auto"


def test_inside_a_transaction_the_setting_found_is_put_back() -> None:
    from core.sql import generic_plan

    with transaction.atomic():  # the test's own transaction is around it as well
        with generic_plan(connection):
            assert plan_mode() == "force_generic_plan"
        assert plan_mode() == "auto"  # not for the rest of the outer transaction
        with pytest.raises(ZeroDivisionError), generic_plan(connection):
            raise ZeroDivisionError
        assert plan_mode() == "auto"
