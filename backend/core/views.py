"""Health probes, the public app configuration, regions, and the PWA entry page."""

from __future__ import annotations

import functools
import hmac
import ipaddress
import logging
from functools import cached_property
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    HttpResponseNotFound,
    JsonResponse,
)
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.static import serve
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core import selectors, services
from core.models import Notification
from core.net import client_ip
from core.pagination import CountSavingPaginator, StandardPagination
from core.serializers import (
    AppConfigSerializer,
    DistrictSerializer,
    NotificationSerializer,
    VillageSerializer,
)

logger = logging.getLogger("pintuwarga.health")


@require_safe
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """The process is alive."""
    return JsonResponse({"status": "ok"})


@require_safe
@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    """The database and the cache answer."""
    checks: dict[str, str] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except Exception as exc:
        logger.warning("readyz: database unreachable: %s", exc.__class__.__name__)
        checks["database"] = "error"
    try:
        cache.set("readyz", "1", 5)
        checks["cache"] = "ok" if cache.get("readyz") == "1" else "error"
    except Exception as exc:
        logger.warning("readyz: cache unreachable: %s", exc.__class__.__name__)
        checks["cache"] = "error"
    ready = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if ready else "error", "checks": checks}, status=200 if ready else 503
    )


IpNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


@functools.lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple[IpNetwork, ...]:
    try:
        return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)
    except ValueError as exc:
        raise ImproperlyConfigured(f"METRICS_ALLOWED_IPS: {exc}") from exc


def metrics_allowed(request: HttpRequest) -> bool:
    """From an allowed network, or with ``Authorization: Bearer <METRICS_TOKEN>``."""
    token = str(getattr(settings, "METRICS_TOKEN", "") or "")
    if token:
        scheme, _, given = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() == "bearer" and hmac.compare_digest(given.strip(), token):
            return True
    try:
        address = ipaddress.ip_address(client_ip(request))
    except ValueError:
        return False
    networks = _networks(tuple(getattr(settings, "METRICS_ALLOWED_IPS", ())))
    return any(address in network for network in networks)


@never_cache
def metrics(request: HttpRequest) -> HttpResponse:
    """Prometheus metrics; anyone not allowed gets the same 404 as an unknown address."""
    if request.method not in {"GET", "HEAD"} or not metrics_allowed(request):
        return HttpResponseNotFound(b"Not Found", content_type="text/plain")
    from django_prometheus.exports import ExportToDjangoView

    response: HttpResponse = ExportToDjangoView(request)
    return response


class AppConfigView(APIView):
    """The regency and the services shown on the home screen."""

    permission_classes = [AllowAny]
    authentication_classes: list[type] = []

    @extend_schema(responses=AppConfigSerializer, operation_id="config_retrieve")
    def get(self, request: Request) -> Response:
        return Response(AppConfigSerializer(selectors.app_config()).data)


class DistrictListView(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list[type] = []

    @extend_schema(responses=DistrictSerializer(many=True), operation_id="regions_districts_list")
    def get(self, request: Request) -> Response:
        return Response(DistrictSerializer(selectors.districts(), many=True).data)


class VillageListView(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list[type] = []

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "district", OpenApiTypes.STR, description="District code, e.g. 16.02.05"
            )
        ],
        responses=VillageSerializer(many=True),
        operation_id="regions_villages_list",
    )
    def get(self, request: Request) -> Response:
        district = request.query_params.get("district") or None
        qs = selectors.villages(district_code=district)
        return Response(VillageSerializer(qs, many=True).data)


@require_safe
def public_media(request: HttpRequest, path: str) -> HttpResponseBase:
    """Product photos and logos from local disk; names are random, so cache them for a year."""
    response = serve(request, path, document_root=str(settings.MEDIA_ROOT))
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    response["X-Content-Type-Options"] = "nosniff"
    return response


_MISSING_BUILD = (
    "<!doctype html><html lang=id><meta charset=utf-8><title>Pintu Warga</title>"
    "<p>Aplikasi web belum dibangun. Jalankan <code>make run</code>.</p>"
    "<p>The web app has not been built yet. Run <code>make run</code>.</p>"
)


@require_safe
@never_cache
def pwa_index(request: HttpRequest, path: str = "") -> HttpResponse:
    """Every app route (``/``, ``/layanan/...``) loads the PWA; the app routes on the client."""
    index = Path(settings.PWA_BUILD_DIR) / "index.html"
    try:
        html = index.read_text(encoding="utf-8")
    except FileNotFoundError:
        return HttpResponse(_MISSING_BUILD, status=503)
    return HttpResponse(html, content_type="text/html; charset=utf-8")


class NotificationPaginator(CountSavingPaginator):
    """When a page needs the total, the unread notifications are counted in the same query."""

    unread: int | None = None

    @cached_property
    def count(self) -> int:
        total, self.unread = selectors.notification_totals(self.object_list)  # type: ignore[arg-type]
        return total


class NotificationPagination(StandardPagination):
    django_paginator_class = NotificationPaginator

    def get_paginated_response(self, data: Any) -> Response:
        response = super().get_paginated_response(data)
        page = self.page
        if page is None:  # not paginated: nothing to add
            return response
        paginator: Any = page.paginator
        if paginator.unread is not None:
            unread = paginator.unread
        elif page.number == 1 and not page.has_next():  # the whole list is on this page
            unread = sum(1 for notification in page.object_list if notification.read_at is None)
        else:
            unread = selectors.unread_count(self.request.user)  # type: ignore[union-attr]
        response.data["unread_count"] = unread
        return response

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        result = super().get_paginated_response_schema(schema)
        result["properties"]["unread_count"] = {"type": "integer", "example": 2}
        result["required"] = [*result.get("required", []), "unread_count"]
        return result


class NotificationListView(ListAPIView):
    """The user's notifications, newest first, with the number still unread."""

    serializer_class = NotificationSerializer
    pagination_class = NotificationPagination

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):  # schema generation
            return Notification.objects.none()
        return selectors.notifications_for(self.request.user)


class NotificationReadView(APIView):
    @extend_schema(
        request=None, responses=NotificationSerializer, operation_id="notifications_read"
    )
    def post(self, request: Request, pk: str) -> Response:
        notification = services.mark_notification_read(user=request.user, notification_id=pk)
        return Response(NotificationSerializer(notification).data)


class NotificationReadAllView(APIView):
    @extend_schema(
        request=None,
        responses={200: {"type": "object", "properties": {"marked": {"type": "integer"}}}},
        operation_id="notifications_read_all",
    )
    def post(self, request: Request) -> Response:
        return Response({"marked": services.mark_all_notifications_read(user=request.user)})
