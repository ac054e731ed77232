"""Writing the audit trail. Every state change and every read of a private record calls this."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest

from core.models import AuditEvent
from core.net import client_ip


def record_event(
    *,
    action: str,
    actor: Any = None,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    request: HttpRequest | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event. ``actor`` is a user or None (anonymous / system)."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    ip = client_ip(request) if request is not None else None
    return AuditEvent.objects.create(
        action=action,
        actor=actor,
        object_type=object_type,
        object_id=object_id,
        ip_address=ip or None,
        user_agent=(request.headers.get("User-Agent", "")[:300] if request is not None else ""),
        request_id=getattr(request, "request_id", "") if request is not None else "",
        data=data or {},
    )
