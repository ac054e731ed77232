"""Small tables that hardly change (districts, villages, the civil services), kept per process.

A list of 20 civil requests names each row's service, village and district. Joining those
three tables in SQL made PostgreSQL spend more time planning the query (about 2 ms for the
six-table join) than running it; a dictionary in the process answers in microseconds.
Regions change only when ``load_regions`` runs; a service's name may be edited in the
admin, so every table is read again after ``REFERENCE_CACHE_SECONDS`` (and at once when a
row is missing, e.g. a region loaded since).
"""

from __future__ import annotations

import threading
import time
from typing import Any, Generic, TypeVar

from django.conf import settings
from django.db import models

M = TypeVar("M", bound=models.Model)


class ReferenceTable(Generic[M]):
    tables: list[ReferenceTable[Any]] = []

    def __init__(self, model: type[M]) -> None:
        self.model = model
        self.rows: dict[Any, M] = {}
        self.loaded_at = float("-inf")
        self.lock = threading.Lock()
        ReferenceTable.tables.append(self)

    def _fresh(self) -> bool:
        ttl = float(settings.REFERENCE_CACHE_SECONDS)
        return time.monotonic() - self.loaded_at < ttl

    def _load(self) -> None:
        rows = {row.pk: row for row in self.model._default_manager.all()}
        with self.lock:
            self.rows, self.loaded_at = rows, time.monotonic()

    def get(self, pk: Any) -> M:
        """The row; ``DoesNotExist`` when the table has no such row even after a reload."""
        if not self._fresh() or pk not in self.rows:
            self._load()
        try:
            return self.rows[pk]
        except KeyError:
            raise self.model.DoesNotExist(f"{self.model.__name__} {pk!r}") from None  # type: ignore[attr-defined]

    def clear(self) -> None:
        with self.lock:
            self.rows, self.loaded_at = {}, float("-inf")

    @classmethod
    def clear_all(cls) -> None:
        for table in cls.tables:
            table.clear()
