"""Reads shared by every domain."""

from __future__ import annotations

from typing import Any, TypeVar

from django.conf import settings
from django.db.models import Count, Model, QuerySet
from django.utils.translation import get_language

from core.models import District, Notification, PublicService, Village
from core.regions import regency_name

M = TypeVar("M", bound=Model)


def unique_or_none(queryset: QuerySet[M]) -> M | None:
    """The row of a lookup by a unique key (a primary key, a slug), or None.

    ``.first()`` would sort by the model's ordering first: compiling an ``ORDER BY`` of
    two or three columns costs about 0.4 ms of Python, more than the query itself takes
    in the database. ``get()`` drops the ordering. Several rows are a bug, not a miss:
    ``MultipleObjectsReturned`` is raised as usual.
    """
    try:
        return queryset.get()
    except queryset.model.DoesNotExist:  # type: ignore[attr-defined]
        return None


def districts() -> QuerySet[District]:
    return District.objects.all()


def villages(*, district_code: str | None = None) -> QuerySet[Village]:
    qs = Village.objects.all()
    if district_code:
        qs = qs.filter(district_id=district_code)
    return qs


def app_config() -> dict[str, Any]:
    english = (get_language() or "id").startswith("en")
    services = [
        {
            "code": s.code,
            "name": s.name_en if english else s.name_id,
            "description": s.description_en if english else s.description_id,
            "available": s.available,
        }
        for s in PublicService.objects.all()
    ]
    return {
        "regency": {
            "code": settings.REGENCY_CODE,
            "name": regency_name(),
            "short_name": settings.REGENCY_SHORT_NAME,
            "timezone": settings.TIME_ZONE,
        },
        "services": services,
    }


def notifications_for(user: Any) -> QuerySet[Notification]:
    return Notification.objects.filter(user=user).order_by("-created_at")


def notification_totals(notifications: QuerySet[Notification]) -> tuple[int, int]:
    """How many notifications a list holds, and how many of them are unread: one query,
    answered from the ``(user, read_at, created_at)`` index alone (``COUNT(read_at)``
    counts the read ones; a filtered count of ids would read every row)."""
    totals = notifications.aggregate(total=Count("*"), read=Count("read_at"))
    return int(totals["total"]), int(totals["total"]) - int(totals["read"])


def unread_count(user: Any) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
