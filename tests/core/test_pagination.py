"""Pages count their list only when more rows follow them."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db import connection
from django.db.models import Count, QuerySet, Window
from django.test.utils import CaptureQueriesContext

from core.models import Village
from core.pagination import CountedPaginator, CountSavingPaginator

pytestmark = pytest.mark.django_db


def page_of(queryset: QuerySet[Village], number: object) -> tuple[list[str], int, bool, int]:
    paginator = CountSavingPaginator(queryset, 20)
    with CaptureQueriesContext(connection) as queries:
        page = paginator.page(number)
        rows = [v.code for v in page.object_list]
        total, more = paginator.count, page.has_next()
    return rows, total, more, len(queries)


def test_totals_and_queries_per_page() -> None:
    villages = Village.objects.order_by("code")
    everything = list(villages.values_list("code", flat=True))
    assert len(everything) == 327
    rows, total, more, queries = page_of(villages, 1)
    assert (rows, total, more, queries) == (everything[:20], 327, True, 2)  # rows, COUNT
    rows, total, more, queries = page_of(villages, "17")
    assert (rows, total, more, queries) == (everything[320:], 327, False, 1)  # the end
    small = villages.filter(code__in=everything[:7])
    assert page_of(small, 1) == (everything[:7], 7, False, 1)
    assert page_of(villages.none(), 1) == ([], 0, False, 0)


@pytest.mark.parametrize("number", [18, 0, -1, "2.5", "satu"])
def test_pages_that_do_not_exist_are_refused(number: object) -> None:
    with pytest.raises((EmptyPage, PageNotAnInteger)):
        CountSavingPaginator(Village.objects.order_by("code"), 20).page(number)


def ids_with_total(queryset: QuerySet[Village]) -> QuerySet[Any]:
    """Each row's key with the size of the whole list, as a counted list gives them."""
    return queryset.annotate(total=Window(Count("*"))).values_list("pk", "total")


def test_a_counted_page_reads_its_total_with_its_ids() -> None:
    villages = Village.objects.order_by("code")
    everything = list(villages.values_list("code", flat=True))
    for number, expected in ((1, everything[:20]), ("9", everything[160:180]),
                             (17, everything[320:])):  # fmt: skip
        paginator = CountedPaginator(ids_with_total(villages), 20)
        with CaptureQueriesContext(connection) as queries:
            page = paginator.page(number)
            assert (list(page.object_list), paginator.count) == (expected, 327)
        assert len(queries) == 1
        assert page.has_next() is (number != 17)
    empty = CountedPaginator(ids_with_total(villages.none()), 20)
    assert (list(empty.page(1).object_list), empty.count) == ([], 0)


@pytest.mark.parametrize("number", [18, 0, -1, "2.5", "satu"])
def test_counted_pages_that_do_not_exist_are_refused(number: object) -> None:
    with pytest.raises((EmptyPage, PageNotAnInteger)):
        CountedPaginator(ids_with_total(Village.objects.order_by("code")), 20).page(number)
