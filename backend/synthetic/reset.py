# ruff: noqa: S608, E501  (a table of SQL statements; names come from model metadata)
"""Delete synthetic rows only: the people with a reserved NIK serial and what hangs off them.

Plain SQL in dependency order (the ORM's cascade collector would load millions of rows).
Rows of real people that merely point at a synthetic person (an officer who recorded a
measurement, say) keep their row: nullable references are cleared.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.apps import apps
from django.db import connection, models, transaction

from accounts.models import RoleAssignment, User
from civil.models import CivilRequest, OverdueNotice, RequestDocument, RequestEvent
from core.models import Notification, NotificationDelivery
from health.models import (
    AntenatalVisit,
    Child,
    Delivery,
    GrowthMeasurement,
    Immunization,
    Mother,
    PostnatalContact,
    Pregnancy,
    Reminder,
)
from market.models import Order, OrderItem, Product, ProductPhoto, Shop
from synthetic.markers import SERIAL_MIN
from synthetic.sink import column

# 12 digits, then a serial 9000-9999: LIKE works the same on PostgreSQL and SQLite.
NIK_LIKE = "_" * 12 + str(SERIAL_MIN)[0] + "___"


def _t(model: type[models.Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _c(model: type[models.Model], name: str) -> str:
    return connection.ops.quote_name(column(model, name))


def synthetic_user_count() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*) FROM {_t(User)} WHERE {_c(User, 'nik')} LIKE %s", [NIK_LIKE]
        )
        return int(cursor.fetchone()[0])


def delete_synthetic(log: Callable[[str], None] = print) -> dict[str, int]:
    users = f"SELECT {_c(User, 'id')} FROM {_t(User)} WHERE {_c(User, 'nik')} LIKE %s"
    mothers = f"SELECT id FROM {_t(Mother)} WHERE {_c(Mother, 'nik')} LIKE %s"
    children = f"SELECT id FROM {_t(Child)} WHERE {_c(Child, 'mother')} IN ({mothers})"
    pregnancies = f"SELECT id FROM {_t(Pregnancy)} WHERE {_c(Pregnancy, 'mother')} IN ({mothers})"
    deliveries = (
        f"SELECT id FROM {_t(Delivery)} WHERE {_c(Delivery, 'pregnancy')} IN ({pregnancies})"
    )
    shops = f"SELECT id FROM {_t(Shop)} WHERE {_c(Shop, 'owner')} IN ({users})"
    orders = (
        f"SELECT id FROM {_t(Order)} WHERE {_c(Order, 'buyer')} IN ({users}) "
        f"OR {_c(Order, 'shop')} IN ({shops})"
    )
    requests = (
        f"SELECT id FROM {_t(CivilRequest)} WHERE {_c(CivilRequest, 'applicant')} IN ({users})"
    )
    notifications = (
        f"SELECT id FROM {_t(Notification)} WHERE {_c(Notification, 'user')} IN ({users})"
    )
    roles = f"SELECT id FROM {_t(RoleAssignment)} WHERE {_c(RoleAssignment, 'user')} IN ({users})"
    p = NIK_LIKE
    steps: list[tuple[str, str, int]] = [
        # (label, SQL, number of NIK parameters)
        ("market.OrderItem", f"DELETE FROM {_t(OrderItem)} WHERE {_c(OrderItem, 'order')} IN ({orders})", 2),
        ("market.Order", f"DELETE FROM {_t(Order)} WHERE id IN ({orders})", 2),
        ("market.ProductPhoto", f"DELETE FROM {_t(ProductPhoto)} WHERE {_c(ProductPhoto, 'product')} IN (SELECT id FROM {_t(Product)} WHERE {_c(Product, 'shop')} IN ({shops}))", 1),
        ("market.Product", f"DELETE FROM {_t(Product)} WHERE {_c(Product, 'shop')} IN ({shops})", 1),
        ("market.Shop", f"DELETE FROM {_t(Shop)} WHERE id IN ({shops})", 1),
        ("health.Child.latest", f"UPDATE {_t(Child)} SET {_c(Child, 'latest_measurement')} = NULL WHERE id IN ({children})", 1),
        ("health.GrowthMeasurement", f"DELETE FROM {_t(GrowthMeasurement)} WHERE {_c(GrowthMeasurement, 'child')} IN ({children})", 1),
        ("health.Immunization", f"DELETE FROM {_t(Immunization)} WHERE {_c(Immunization, 'child')} IN ({children})", 1),
        ("health.PostnatalContact", f"DELETE FROM {_t(PostnatalContact)} WHERE {_c(PostnatalContact, 'delivery')} IN ({deliveries}) OR {_c(PostnatalContact, 'child')} IN ({children})", 2),
        ("health.Child", f"DELETE FROM {_t(Child)} WHERE id IN ({children})", 1),
        ("health.Delivery", f"DELETE FROM {_t(Delivery)} WHERE id IN ({deliveries})", 1),
        ("health.AntenatalVisit", f"DELETE FROM {_t(AntenatalVisit)} WHERE {_c(AntenatalVisit, 'pregnancy')} IN ({pregnancies})", 1),
        ("health.Pregnancy", f"DELETE FROM {_t(Pregnancy)} WHERE id IN ({pregnancies})", 1),
        ("health.Mother", f"DELETE FROM {_t(Mother)} WHERE {_c(Mother, 'nik')} LIKE %s", 1),
        ("health.Reminder", f"DELETE FROM {_t(Reminder)} WHERE {_c(Reminder, 'user')} IN ({users})", 1),
        ("core.NotificationDelivery", f"DELETE FROM {_t(NotificationDelivery)} WHERE {_c(NotificationDelivery, 'notification')} IN ({notifications})", 1),
        ("core.Notification", f"DELETE FROM {_t(Notification)} WHERE id IN ({notifications})", 1),
        ("civil.OverdueNotice", f"DELETE FROM {_t(OverdueNotice)} WHERE {_c(OverdueNotice, 'request')} IN ({requests})", 1),
        ("civil.RequestDocument", f"DELETE FROM {_t(RequestDocument)} WHERE {_c(RequestDocument, 'request')} IN ({requests})", 1),
        ("civil.RequestEvent", f"DELETE FROM {_t(RequestEvent)} WHERE {_c(RequestEvent, 'request')} IN ({requests})", 1),
        ("civil.CivilRequest", f"DELETE FROM {_t(CivilRequest)} WHERE id IN ({requests})", 1),
        ("accounts.RoleAssignment.districts", f"DELETE FROM {_t(RoleAssignment.districts.through)} WHERE roleassignment_id IN ({roles})", 1),
        ("accounts.RoleAssignment.villages", f"DELETE FROM {_t(RoleAssignment.villages.through)} WHERE roleassignment_id IN ({roles})", 1),
        ("accounts.RoleAssignment", f"DELETE FROM {_t(RoleAssignment)} WHERE id IN ({roles})", 1),
    ]  # fmt: skip
    counts: dict[str, int] = {}
    with transaction.atomic(), connection.cursor() as cursor:
        for label, sql, n in steps:
            started = time.perf_counter()
            cursor.execute(sql, [p] * n)
            counts[label] = cursor.rowcount
            log(f"  {label}: {cursor.rowcount} rows, {time.perf_counter() - started:.1f} s")
        # Whatever else points at a synthetic person: tokens, groups, audit-free leftovers.
        for model in apps.get_models(include_auto_created=True):
            for f in model._meta.concrete_fields:
                if not (f.is_relation and f.related_model is User):
                    continue
                if f.column is None:
                    continue
                table, col = _t(model), connection.ops.quote_name(f.column)
                if model._meta.label in ("core.AuditEvent",):
                    continue  # append-only; its actor has no constraint
                if f.null:
                    sql = f"UPDATE {table} SET {col} = NULL WHERE {col} IN ({users})"
                else:
                    sql = f"DELETE FROM {table} WHERE {col} IN ({users})"
                cursor.execute(sql, [p])
                if cursor.rowcount:
                    counts[f"{model._meta.label}.{f.name}"] = cursor.rowcount
        cursor.execute(f"DELETE FROM {_t(User)} WHERE {_c(User, 'nik')} LIKE %s", [p])
        counts["accounts.User"] = cursor.rowcount
    return counts
