"""One error body everywhere: ``{"error": {"code", "message", "fields"}}``.

``code`` is stable and meant for machines; ``message`` is for people, in Indonesian or in
English when the request asks with ``Accept-Language: en``.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.db import InterfaceError, OperationalError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import set_rollback

logger = logging.getLogger("pintuwarga.errors")


class ApiError(exceptions.APIException):
    """Base for domain refusals raised by services: a status, a code and a message."""

    status_code: int = status.HTTP_400_BAD_REQUEST
    default_code = "bad_request"
    default_detail = "Permintaan tidak dapat diproses."

    def __init__(
        self,
        message: str | None = None,
        *,
        code: str | None = None,
        fields: dict[str, list[str]] | None = None,
        status_code: int | None = None,
    ) -> None:
        super().__init__(detail=message or self.default_detail, code=code or self.default_code)
        self.error_code = code or self.default_code
        self.fields = fields or {}
        if status_code is not None:
            self.status_code = status_code


class Conflict(ApiError):
    """The action is not allowed in the object's current state (409)."""

    status_code: int = status.HTTP_409_CONFLICT
    default_code = "conflict"


class NotFound(ApiError):
    """Missing, or not visible to this user: both answer the same (404)."""

    status_code: int = status.HTTP_404_NOT_FOUND
    default_code = "not_found"


class ServiceUnavailable(ApiError):
    """A service the app depends on (database, cache) cannot be reached (503)."""

    status_code: int = status.HTTP_503_SERVICE_UNAVAILABLE
    default_code = "service_unavailable"
    # Seconds a client should wait before trying again.
    retry_after = 30

    def __init__(self, message: str | None = None, **kwargs: Any) -> None:
        super().__init__(message or service_unavailable_message(), **kwargs)


# The database is unreachable, timed out, or the connection pool had no free connection.
# Errors in the data itself (IntegrityError, DataError, ProgrammingError) stay bugs: 500.
DATABASE_OUTAGE_ERRORS: tuple[type[Exception], ...] = (OperationalError, InterfaceError)


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return f"{exc.__class__.__name__}: {lines[0] if lines else ''}"


def service_unavailable_message() -> str:
    return _("Layanan sedang tidak tersedia. Silakan coba lagi beberapa saat lagi.")


def error_body(code: str, message: str, fields: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "fields": fields or {}}}


def _flatten_fields(detail: Any, prefix: str = "") -> dict[str, list[str]]:
    """DRF ValidationError detail → ``{"field": ["message", ...]}`` with dotted paths."""
    out: dict[str, list[str]] = {}
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            for sub_key, messages in _flatten_fields(value, name).items():
                out.setdefault(sub_key, []).extend(messages)
    elif isinstance(detail, list):
        if all(not isinstance(item, (dict, list)) for item in detail):
            out[prefix or "non_field_errors"] = [str(item) for item in detail]
        else:
            for index, item in enumerate(detail):
                name = f"{prefix}.{index}" if prefix else str(index)
                for sub_key, messages in _flatten_fields(item, name).items():
                    out.setdefault(sub_key, []).extend(messages)
    else:
        out[prefix or "non_field_errors"] = [str(detail)]
    return out


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    headers: dict[str, str] = {}
    if isinstance(exc, RequestDataTooBig):
        exc = ApiError(
            _("Data yang dikirim terlalu besar."), code="payload_too_large", status_code=413
        )
    elif isinstance(exc, Http404):
        exc = NotFound(_("Data tidak ditemukan."))
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, DATABASE_OUTAGE_ERRORS):
        logger.error("database unavailable: %s", _first_line(exc))
        exc = ServiceUnavailable()

    if not isinstance(exc, exceptions.APIException):
        return None  # a bug: ApiErrorMiddleware logs it and answers 500 with the error body

    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header  # type: ignore[attr-defined]
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(exc.wait))  # type: ignore[attr-defined]
    if isinstance(exc, ServiceUnavailable):
        headers["Retry-After"] = str(exc.retry_after)

    if isinstance(exc, ApiError):
        body = error_body(exc.error_code, str(exc.detail), exc.fields)
    elif isinstance(exc, exceptions.ValidationError):
        fields = _flatten_fields(exc.detail)
        non_field = fields.pop("non_field_errors", None)
        message = non_field[0] if non_field else _("Periksa kembali isian Anda.")
        if non_field and len(non_field) > 1:
            fields["non_field_errors"] = non_field
        code = "validation_error"
        body = error_body(code, str(message), fields)
    elif isinstance(exc, exceptions.ParseError):
        body = error_body("parse_error", _("Data yang dikirim bukan JSON yang valid."))
    elif isinstance(exc, exceptions.Throttled):
        body = error_body(
            "throttled",
            _("Terlalu banyak percobaan. Coba lagi dalam %(seconds)s detik.")
            % {"seconds": int(getattr(exc, "wait", None) or 60)},
        )
    else:
        detail = exc.detail
        message = str(exc.default_detail)
        if isinstance(detail, dict) and "detail" in detail:
            message = str(detail["detail"])
        elif not isinstance(detail, (dict, list)):
            message = str(detail)
        codes = exc.get_codes()
        code = str(exc.default_code)
        if isinstance(codes, dict):
            code = str(codes.get("code") or codes.get("detail") or code)
        elif isinstance(codes, list) and codes:
            code = str(codes[0])
        elif isinstance(codes, str):
            code = codes
        body = error_body(code, message)

    set_rollback()
    return Response(body, status=exc.status_code, headers=headers)


def json_error_response(status_code: int, code: str, message: str) -> JsonResponse:
    return JsonResponse(error_body(code, message), status=status_code)


def service_unavailable_response() -> JsonResponse:
    response = json_error_response(503, "service_unavailable", service_unavailable_message())
    response["Retry-After"] = str(ServiceUnavailable.retry_after)
    return response
