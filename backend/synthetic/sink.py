"""Where generated rows go: ``COPY`` on PostgreSQL, ``bulk_create`` elsewhere.

Rows are tuples in the order of the field names given to :meth:`Sink.table`. Values are
Python values (UUID, date, aware datetime, Decimal, dict for JSON, None); each sink turns
them into what its database wants.
"""

from __future__ import annotations

import abc
import contextlib
import datetime as dt
import json
import tempfile
import time
import uuid
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any

from django.db import connection, models

BULK_BATCH = 2000
COPY_CHUNK_ROWS = 5000

_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_text(value: Any) -> str:
    """One value in PostgreSQL's COPY text format."""
    if value is None:
        return "\\N"
    kind = type(value)
    if kind is str:
        return value.translate(_ESCAPES) if ("\\" in value or "\t" in value or "\n" in value
                                            or "\r" in value) else value  # fmt: skip
    if kind is bool:
        return "t" if value else "f"
    if kind is int or kind is uuid.UUID or kind is Decimal or kind is dt.date:
        return str(value)
    if kind is dt.datetime:
        return value.isoformat(" ")
    if kind is dict or kind is list:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_ESCAPES)
    return str(value).translate(_ESCAPES)


def concrete_field(model: type[models.Model], name: str) -> models.Field[Any, Any]:
    field = model._meta.get_field(name)
    if not isinstance(field, models.Field):
        raise TypeError(f"{model._meta.label}.{name} is not a concrete field")
    return field


def column(model: type[models.Model], name: str) -> str:
    name_in_db = concrete_field(model, name).column
    if name_in_db is None:
        raise TypeError(f"{model._meta.label}.{name} has no column")
    return name_in_db


class TableWriter(abc.ABC):
    """Writes one table's rows: ``COPY`` (PostgreSQL) or ``bulk_create`` (elsewhere)."""

    def __init__(self, sink: Sink, model: type[models.Model], fields: Sequence[str]) -> None:
        self.sink = sink
        self.model = model
        self.fields = list(fields)
        self.count = 0

    @abc.abstractmethod
    def add(self, row: tuple[Any, ...]) -> None: ...

    @abc.abstractmethod
    def close(self) -> None: ...


class _CopyWriter(TableWriter):
    """Spools the table's rows to a temporary file, then sends it with one ``COPY``.

    One connection runs one ``COPY`` at a time, and a generator writes several tables at
    once (a request and its events), so each table waits in its file until it is closed.
    """

    def __init__(self, sink: Sink, model: type[models.Model], fields: Sequence[str]) -> None:
        super().__init__(sink, model, fields)
        meta = model._meta
        columns = ", ".join(connection.ops.quote_name(column(model, name)) for name in self.fields)
        table = connection.ops.quote_name(meta.db_table)
        self._sql = f"COPY {table} ({columns}) FROM STDIN"
        self._file = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115
        self._lines: list[str] = []

    def add(self, row: tuple[Any, ...]) -> None:
        self._lines.append("\t".join([_copy_text(v) for v in row]))
        self.count += 1
        if len(self._lines) >= COPY_CHUNK_ROWS:
            self._flush()

    def _flush(self) -> None:
        if self._lines:
            self._file.write("\n".join(self._lines) + "\n")
            self._lines = []

    def close(self) -> None:
        self._flush()
        self._file.seek(0)
        with connection.cursor() as cursor, cursor.cursor.copy(self._sql) as copy:
            while chunk := self._file.read(1 << 20):
                copy.write(chunk)
        self._file.close()


class _BulkWriter(TableWriter):
    def __init__(self, sink: Sink, model: type[models.Model], fields: Sequence[str]) -> None:
        super().__init__(sink, model, fields)
        self._attnames = [concrete_field(model, name).attname for name in self.fields]
        self._batch: list[models.Model] = []

    def add(self, row: tuple[Any, ...]) -> None:
        self._batch.append(self.model(**dict(zip(self._attnames, row, strict=True))))
        self.count += 1
        if len(self._batch) >= BULK_BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._batch:
            self.model._default_manager.bulk_create(self._batch)
            self._batch = []

    def close(self) -> None:
        self._flush()


class Sink:
    """Opens a writer per table and keeps the row counts and time spent per table."""

    def __init__(self, *, use_copy: bool | None = None) -> None:
        if use_copy is None:
            use_copy = connection.vendor == "postgresql"
        self.use_copy = use_copy
        self.counts: dict[str, int] = {}
        self.seconds: dict[str, float] = {}

    @contextlib.contextmanager
    def table(self, model: type[models.Model], fields: Sequence[str]) -> Iterator[TableWriter]:
        started = time.perf_counter()
        writer_class = _CopyWriter if self.use_copy else _BulkWriter
        with _timestamps_as_given(model):
            writer = writer_class(self, model, fields)
            try:
                yield writer
            finally:
                writer.close()
        label = model._meta.label
        self.counts[label] = self.counts.get(label, 0) + writer.count
        self.seconds[label] = self.seconds.get(label, 0.0) + time.perf_counter() - started


@contextlib.contextmanager
def _timestamps_as_given(model: type[models.Model]) -> Iterator[None]:
    """``auto_now``/``auto_now_add`` would overwrite the generated timeline: off meanwhile."""
    saved: list[tuple[Any, bool, bool]] = []
    for field in model._meta.concrete_fields:
        if isinstance(field, models.DateField) and (field.auto_now or field.auto_now_add):
            saved.append((field, field.auto_now, field.auto_now_add))
            field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add
