from __future__ import annotations

from typing import Any, cast

from django.core.paginator import Page, Paginator
from django.utils.translation import gettext_lazy as _
from rest_framework.pagination import PageNumberPagination


class CountSavingPaginator(Paginator):
    """Django's paginator without the ``COUNT(*)`` when a page reaches the end of the list.

    The page is read with one row more than it shows: when that row is not there, the
    total is known (the rows before this page plus the rows on it) and is not counted.
    Most lists a resident opens (her requests, her notifications, a child's measurements)
    fit in one page. When more rows follow, the total is counted as usual and the rows
    already read are kept.
    """

    def page(self, number: Any) -> Page:
        try:
            wanted = int(number)
        except (TypeError, ValueError):
            return super().page(number)
        if wanted < 1 or self.orphans or "count" in self.__dict__:
            return super().page(number)
        bottom = (wanted - 1) * self.per_page
        rows = list(self.object_list[bottom : bottom + self.per_page + 1])
        if len(rows) > self.per_page:
            self.validate_number(wanted)  # counts the rows (more follow this page)
            return Page(rows[: self.per_page], wanted, self)
        if rows or wanted == 1:
            self.__dict__["count"] = bottom + len(rows)  # this page ends the list
            return Page(rows, wanted, self)
        return super().page(number)  # beyond the end: the usual "invalid page"


class CountedPaginator(CountSavingPaginator):
    """Pages of a list whose items come as ``(item, total)`` pairs, the total being the
    size of the whole list (``COUNT(*) OVER ()``, as ``civil.selectors.OfficerQueue``
    reads it): a page and its total in one query. The total is read off the page's first
    row; the page holds the items alone. A list asked for a page it does not reach is
    counted on its own (``count()``)."""

    def page(self, number: Any) -> Page:
        try:
            wanted = int(number)
        except (TypeError, ValueError):
            wanted = 0
        if wanted >= 1 and not self.orphans and "count" not in self.__dict__:
            bottom = (wanted - 1) * self.per_page
            rows = list(self.object_list[bottom : bottom + self.per_page])
            if rows:
                self.__dict__["count"] = rows[0][1]
                return Page([item for item, _total in rows], wanted, self)
        page = super().page(number)  # an empty list, or a page beyond its end
        page.object_list = [item for item, _total in page.object_list]
        return page


class StandardPagination(PageNumberPagination):
    # Lazy: translated when the error is raised, in the request's language.
    invalid_page_message = cast(str, _("Halaman tidak valid."))
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    django_paginator_class = CountSavingPaginator


class CountedPagination(StandardPagination):
    django_paginator_class = CountedPaginator
