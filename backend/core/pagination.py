from __future__ import annotations

from typing import cast

from django.utils.translation import gettext_lazy as _
from rest_framework.pagination import PageNumberPagination


class StandardPagination(PageNumberPagination):
    # Lazy: translated when the error is raised, in the request's language.
    invalid_page_message = cast(str, _("Halaman tidak valid."))
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
