"""``Idempotency-Key`` for creates a phone may retry: the same key and body give the first result.

Records live in the database (durable across processes) and are written in the same
transaction as the work they describe. A key is scoped to the user who
sent it (or to anonymous callers, whose body must then match exactly, so a key alone
reveals nothing). Responses of 5xx and raised refusals are not kept: a retry runs again.
Fields named in ``secret_fields`` (tokens) are never stored; the view re-creates them on a
replay through ``replay_idempotent``.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.request import Request
from rest_framework.response import Response

from core.exceptions import ApiError, Conflict
from core.models import IdempotencyRecord

HEADER = "Idempotency-Key"
REPLAY_HEADER = "Idempotent-Replayed"

IDEMPOTENCY_PARAMETER = OpenApiParameter(
    HEADER,
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=False,
    description=(
        "A client-generated unique key (e.g. a UUID). Sending the same key and body again "
        "returns the first result (with `Idempotent-Replayed: true`) instead of a duplicate."
    ),
)


def _canonical(value: Any) -> Any:
    if isinstance(value, UploadedFile):
        digest = hashlib.sha256()
        for chunk in value.chunks():
            digest.update(chunk)
        value.seek(0)
        return {"file": value.name, "size": value.size, "sha256": digest.hexdigest()}
    if hasattr(value, "lists"):  # QueryDict / MultiValueDict
        return {k: [_canonical(v) for v in vs] for k, vs in value.lists()}
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    return value


def request_fingerprint(request: Request) -> str:
    payload = json.dumps(
        [request.method, request.path, _canonical(request.data)],
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def _valid_key(key: str) -> bool:
    return 0 < len(key) <= 255 and key.isprintable() and key.isascii()


ViewMethod = Callable[..., Response]


def idempotent(*, secret_fields: tuple[str, ...] = ()) -> Callable[[ViewMethod], ViewMethod]:
    def decorator(view_method: ViewMethod) -> ViewMethod:
        @functools.wraps(view_method)
        def wrapper(view: Any, request: Request, *args: Any, **kwargs: Any) -> Response:
            raw_key = request.headers.get(HEADER)
            if raw_key is None:
                return view_method(view, request, *args, **kwargs)
            key = raw_key.strip()
            if not _valid_key(key):
                raise ApiError(
                    _("Idempotency-Key tidak valid (1-255 karakter ASCII)."),
                    code="idempotency_key_invalid",
                )
            scope = f"user:{request.user.pk}" if request.user.is_authenticated else "anon"
            fingerprint = request_fingerprint(request)
            ttl = timedelta(hours=settings.IDEMPOTENCY_TTL_HOURS)

            existing = IdempotencyRecord.objects.filter(scope=scope, key=key).first()
            if existing is not None and existing.created_at < timezone.now() - ttl:
                existing.delete()
                existing = None
            if existing is not None:
                return _replay(view, request, existing, fingerprint)
            # The record, the work and the stored response commit together: a request that
            # dies half-way (a crash, the database gone) leaves nothing behind, and a retry
            # with the same key runs again. A concurrent duplicate waits on the record's
            # unique index and then replays the committed result.
            with transaction.atomic():
                try:
                    with transaction.atomic():
                        record = IdempotencyRecord.objects.create(
                            scope=scope,
                            key=key,
                            method=request.method or "",
                            path=request.path[:300],
                            request_hash=fingerprint,
                        )
                except IntegrityError:
                    existing = IdempotencyRecord.objects.get(scope=scope, key=key)
                    return _replay(view, request, existing, fingerprint)
                response = view_method(view, request, *args, **kwargs)
                if response.status_code >= 500:
                    transaction.set_rollback(True)
                    return response
                body = response.data
                if isinstance(body, dict) and secret_fields:
                    body = {k: v for k, v in body.items() if k not in secret_fields}
                record.status_code = response.status_code
                record.response_body = json.loads(json.dumps(body, default=str))
                record.save(update_fields=["status_code", "response_body"])
            return response

        return wrapper

    return decorator


def _replay(view: Any, request: Request, record: IdempotencyRecord, fingerprint: str) -> Response:
    if record.request_hash != fingerprint:
        raise ApiError(
            _("Idempotency-Key ini sudah dipakai untuk permintaan yang berbeda."),
            code="idempotency_key_reused",
            status_code=422,
        )
    if record.status_code is None:
        raise Conflict(
            _("Permintaan dengan Idempotency-Key ini masih diproses."),
            code="idempotency_in_progress",
        )
    body = record.response_body
    hook = getattr(view, "replay_idempotent", None)
    if hook is not None:
        body = hook(request, body)
    return Response(body, status=record.status_code, headers={REPLAY_HEADER: "true"})
