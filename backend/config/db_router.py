"""Reads of reporting screens on the read replica; everything else on the primary.

With ``DATABASE_REPLICA_URL`` set, ``settings.DATABASES`` has a ``replica`` alias (a
streaming replica of the primary). Code that only reports — the civil and health
dashboards — runs inside ``reporting()`` (or a view method decorated with
``@reads_from_replica``), and its reads go to the replica, so heavy aggregate queries do
not compete with residents' and officers' writes. Reads inside a transaction on the
primary stay on the primary (they may need their own uncommitted writes), and so does
every write, every ``select_for_update`` and every migration. Without a replica nothing
changes. Figures on a dashboard may lag the primary by the replication delay.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

from config.env import REPLICA_ALIAS

_reporting: ContextVar[bool] = ContextVar("pintuwarga_reporting", default=False)

F = TypeVar("F", bound=Callable[..., Any])


@contextmanager
def reporting() -> Iterator[None]:
    """Reads in this block may be served by the read replica."""
    token = _reporting.set(True)
    try:
        yield
    finally:
        _reporting.reset(token)


def reads_from_replica(func: F) -> F:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with reporting():
            return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def replica_configured() -> bool:
    return REPLICA_ALIAS in settings.DATABASES


class ReplicaRouter:
    def db_for_read(self, model: Any, **hints: Any) -> str | None:
        if (
            _reporting.get()
            and replica_configured()
            and not connections[DEFAULT_DB_ALIAS].in_atomic_block
        ):
            return REPLICA_ALIAS
        return None

    def db_for_write(self, model: Any, **hints: Any) -> str | None:
        return None

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        # The replica holds the same rows as the primary.
        if {obj1._state.db, obj2._state.db} <= {DEFAULT_DB_ALIAS, REPLICA_ALIAS}:
            return True
        return None

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        return False if db == REPLICA_ALIAS else None
