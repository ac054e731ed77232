"""Reads written as SQL for the busiest screens, with the ORM's own names and converters.

Building and compiling a query costs Django 0.5-0.8 ms of Python each time, more than the
database takes to answer a lookup by primary key or a child's measurements
(docs/benchmarks.md). The few reads that every resident's screen makes are written here
once, as SQL: table and column names come from the models (quoted by the backend), every
value is a parameter, and each value read goes through the converters the ORM applies to
that field on that backend (UUIDs, dates, decimals and booleans on SQLite, JSON on both).
So a row read here is what the ORM would give, on SQLite and on PostgreSQL; the tests
check it against the ORM.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Generic, TypeVar

from django.db import connections, transaction
from django.db.models import Field, Model

M = TypeVar("M", bound=Model)
Converter = tuple[int, list[Callable[..., Any]], Any]

_CONVERTERS: dict[tuple[str, tuple[tuple[str, str], ...]], list[Converter]] = {}


@contextlib.contextmanager
def generic_plan(connection: Any) -> Iterator[None]:
    """On PostgreSQL, the statements run in the block are planned once, for any values,
    and the plan kept by the prepared statement (``plan_cache_mode``, for this
    transaction only). For a statement whose plan the values do not change (the same
    index whatever they are) and which PostgreSQL would otherwise plan afresh each time,
    its estimates for unknown values being worse than for known ones. Elsewhere nothing."""
    if connection.vendor != "postgresql":
        yield
        return
    # In a transaction already (a savepoint, then): ``SET LOCAL`` would outlive the block
    # until that transaction ends, so the setting it found is put back. An error inside
    # rolls the savepoint, and the setting with it, back.
    outer = connection.in_atomic_block
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        if outer:
            cursor.execute("SELECT current_setting('plan_cache_mode')")
            found = str(cursor.fetchone()[0])
        cursor.execute("SET LOCAL plan_cache_mode = force_generic_plan")
        yield
        if outer:
            cursor.execute("SELECT set_config('plan_cache_mode', %s, true)", [found])


def connection_for(model: type[Model]) -> Any:
    return connections[model.objects.db]  # type: ignore[attr-defined]


def table(model: type[Model], connection: Any) -> str:
    return str(connection.ops.quote_name(model._meta.db_table))


def concrete_fields(model: type[Model]) -> list[Field[Any, Any]]:
    return list(model._meta.concrete_fields)


def column(model: type[Model], name: str, alias: str, connection: Any) -> str:
    """``alias."column"`` of one field of the model, by the field's name."""
    field = model._meta.get_field(name)
    return f"{alias}.{connection.ops.quote_name(field.column)}"  # type: ignore[union-attr]


def column_list(fields: Sequence[Field[Any, Any]], alias: str, connection: Any) -> str:
    """``alias."column", …`` for the fields, in their order."""
    quote = connection.ops.quote_name
    return ", ".join(f"{alias}.{quote(field.column)}" for field in fields)


def converters(fields: Sequence[Field[Any, Any]], connection: Any) -> list[Converter]:
    """For each field that needs them, its position and its converters from the database's
    value to Python's, as the ORM's compiler applies them (the backend's, then the
    field's); looked up once per database and list of fields."""
    # Per connection alias: a converter is bound to its connection (its time zone).
    key = (connection.alias, tuple((f.model._meta.label, f.name) for f in fields))
    found = _CONVERTERS.get(key)
    if found is None:
        found = []
        for position, field in enumerate(fields):
            column = field.get_col(field.model._meta.db_table)
            steps = [
                *connection.ops.get_db_converters(column),
                *column.get_db_converters(connection),
            ]
            if steps:
                found.append((position, steps, column))
        _CONVERTERS[key] = found
    return found


def convert(
    rows: Sequence[Sequence[Any]], steps: list[Converter], connection: Any, *, offset: int = 0
) -> list[list[Any]]:
    """The rows with the converters applied to the columns from ``offset`` on."""
    out = []
    for row in rows:
        values = list(row)
        for position, functions, column in steps:
            value = values[offset + position]
            for function in functions:
                value = function(value, column, connection)
            values[offset + position] = value
        out.append(values)
    return out


def instances(model: type[M], values: Sequence[Sequence[Any]], connection: Any) -> list[M]:
    """Model instances, as loaded from the database, from converted values of every
    concrete field in ``concrete_fields`` order."""
    names = [field.attname for field in concrete_fields(model)]
    return [model.from_db(connection.alias, names, list(row)) for row in values]


class PagedRows(Generic[M]):
    """One model's rows matching a ``WHERE`` clause in a fixed order, read a page at a time:
    what a paginator slices (one statement per page) and counts (one more, only when
    asked). ``where`` and ``order`` hold column names and placeholders only; every value
    is in ``params``."""

    ordered = True  # the paginator's check: the order is in the SQL

    def __init__(
        self, model: type[M], *, where: str, params: Sequence[Any], order: str, alias: str = "t"
    ) -> None:
        self.model = model
        self.connection = connection_for(model)
        self._from = f"FROM {table(model, self.connection)} {alias} WHERE {where}"
        self._select = column_list(concrete_fields(model), alias, self.connection)
        self._order = order
        self._params = list(params)

    def count(self) -> int:
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) {self._from}", self._params)
            return int(cursor.fetchone()[0])

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[M]:
        if not isinstance(window, slice) or window.step is not None or window.stop is None:
            raise TypeError("PagedRows takes a bounded slice without a step")
        start = window.start or 0
        if window.stop <= start:
            return []
        return self._read(" LIMIT %s OFFSET %s", [window.stop - start, start])

    def __iter__(self) -> Iterator[M]:
        """Every row, in order."""
        return iter(self._read("", []))

    def _read(self, limit: str, limit_params: list[int]) -> list[M]:
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {self._select} {self._from} ORDER BY {self._order}{limit}",
                [*self._params, *limit_params],
            )
            fetched = cursor.fetchall()
        steps = converters(concrete_fields(self.model), self.connection)
        return instances(self.model, convert(fetched, steps, self.connection), self.connection)
