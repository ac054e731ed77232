"""The audit trail of health records: every read and every change.

An event's object is the mother, a pregnancy or a child: the records that make up one
Buku KIA. Events about parts of them (a visit, a dose, a measurement) name that part in
``data``. So a mother's access log is the events on her, her pregnancies and her
children, found through the audit trail's (object_type, object_id) index.

A list writes one event per record shown, in one insert, so reading a page costs the same
number of queries whatever its size.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.http import HttpRequest

from core.audit import record_event
from core.models import AuditEvent
from core.net import client_ip
from health.models import Child, Mother, Pregnancy
from health.selectors.access import reader_role

Record = Mother | Pregnancy | Child


def mother_of(record: Record) -> Mother:
    return record if isinstance(record, Mother) else record.mother


def record_read(
    *,
    user: Any,
    action: str,
    record: Record,
    request: HttpRequest | None,
    data: dict[str, Any] | None = None,
    role: str | None = None,
) -> None:
    """``role`` overrides how the reader is shown (e.g. ``admin`` for the Django admin)."""
    mother = mother_of(record)
    record_event(
        action=action,
        actor=user,
        obj=record,
        request=request,
        data={"mother": str(mother.pk), "as": role or reader_role(user, mother), **(data or {})},
    )


def record_reads(
    *,
    user: Any,
    action: str,
    records: Iterable[Record],
    request: HttpRequest | None,
) -> None:
    """One event per record, written in one statement."""
    actor = user if getattr(user, "is_authenticated", False) else None
    ip = (client_ip(request) or None) if request is not None else None
    agent = request.headers.get("User-Agent", "")[:300] if request is not None else ""
    request_id = getattr(request, "request_id", "") if request is not None else ""
    events = []
    for record in records:
        mother = mother_of(record)
        events.append(
            AuditEvent(
                action=action,
                actor=actor,
                object_type=record._meta.label_lower,
                object_id=str(record.pk),
                ip_address=ip,
                user_agent=agent,
                request_id=request_id,
                data={"mother": str(mother.pk), "as": reader_role(user, mother)},
            )
        )
    if events:
        AuditEvent.objects.bulk_create(events)


def record_change(
    *,
    user: Any,
    action: str,
    record: Record,
    request: HttpRequest | None,
    data: dict[str, Any] | None = None,
) -> None:
    mother = mother_of(record)
    record_event(
        action=action,
        actor=user,
        obj=record,
        request=request,
        data={"mother": str(mother.pk), "as": reader_role(user, mother), **(data or {})},
    )
