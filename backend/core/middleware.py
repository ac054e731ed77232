"""Probes, request logging (personal data masked), body-size guard and JSON errors for the API."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from core.exceptions import (
    DATABASE_OUTAGE_ERRORS,
    error_body,
    json_error_response,
    service_unavailable_response,
)
from core.log import mask_personal_data, request_id_var
from core.net import client_ip

logger = logging.getLogger("pintuwarga.request")
error_logger = logging.getLogger("pintuwarga.errors")

API_PREFIX = "/api/"


class ProbeMiddleware:
    """``/healthz``, ``/readyz`` and ``/metrics`` before host validation and HTTPS redirect.

    Load balancers, container health checks and Prometheus call these by the container's
    address over plain HTTP; none of them builds a URL from the Host header, and
    ``/metrics`` checks its caller itself.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info in {"/healthz", "/readyz", "/metrics"}:
            from core import views

            if request.path_info == "/healthz":
                return views.healthz(request)
            if request.path_info == "/readyz":
                return views.readyz(request)
            return views.metrics(request)
        return self.get_response(request)


class RequestLogMiddleware:
    """One line per request: method, path, status, time, user. Masked by the log filter too."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request.headers.get("X-Request-ID", "")[:64] or uuid.uuid4().hex
        request.request_id = request_id  # type: ignore[attr-defined]
        # Every record logged while this request runs carries its id (JSON logs), up to
        # Django's own line about an error response; cleared when the response is closed.
        request_id_var.set(request_id)
        started = time.perf_counter()
        response = self.get_response(request)
        elapsed_ms = (time.perf_counter() - started) * 1000
        response["X-Request-ID"] = request_id
        if request.path.startswith(API_PREFIX) or response.status_code >= 400:
            user = getattr(request, "user", None)
            user_id = getattr(user, "pk", None) if user is not None else None
            logger.info(
                "%s %s %s %.1fms user=%s ip=%s rid=%s",
                request.method,
                mask_personal_data(request.path),
                response.status_code,
                elapsed_ms,
                user_id or "-",
                client_ip(request),
                request_id,
            )
        return response


class ApiBodySizeMiddleware:
    """Refuse oversized bodies before anything parses them.

    JSON over ``API_MAX_JSON_BYTES``: 413. Uploads over ``API_MAX_UPLOAD_BYTES``: 400 naming
    the file field, like every other refused file.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(API_PREFIX) and request.method in {"POST", "PUT", "PATCH"}:
            content_type = request.META.get("CONTENT_TYPE", "")
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if content_type.startswith("multipart/"):
                if length > settings.API_MAX_UPLOAD_BYTES:
                    message = _("Berkas terlalu besar (maksimal %(mb)s MB).") % {"mb": 10}
                    return JsonResponse(
                        error_body("file_too_large", message, {"file": [message]}), status=400
                    )
            elif length > settings.API_MAX_JSON_BYTES:
                return json_error_response(
                    413, "payload_too_large", _("Data yang dikirim terlalu besar.")
                )
        return self.get_response(request)


class ApiErrorMiddleware:
    """Under ``/api/``: unknown URLs and unhandled errors answer with the error body."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            request.path.startswith(API_PREFIX)
            and response.status_code == 404
            and not response.get("Content-Type", "").startswith("application/json")
        ):
            return json_error_response(404, "not_found", _("Alamat tidak ditemukan."))
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not request.path.startswith(API_PREFIX):
            return None
        if isinstance(exception, DATABASE_OUTAGE_ERRORS):
            error_logger.error(
                "Database unavailable on %s %s: %s rid=%s",
                request.method,
                mask_personal_data(request.path),
                exception.__class__.__name__,
                getattr(request, "request_id", "-"),
            )
            return service_unavailable_response()
        error_logger.exception(
            "Unhandled error on %s %s rid=%s",
            request.method,
            mask_personal_data(request.path),
            getattr(request, "request_id", "-"),
        )
        return json_error_response(
            500, "server_error", _("Terjadi kesalahan pada server. Silakan coba lagi.")
        )
