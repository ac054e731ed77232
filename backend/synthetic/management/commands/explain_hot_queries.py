"""``EXPLAIN (ANALYZE, BUFFERS)`` of every query the hot endpoints run, on PostgreSQL.

Calls each endpoint in-process as a synthetic user (writes inside a transaction that is
rolled back), captures the SQL it ran, and explains each statement (again rolled back).
Prints, per endpoint, the statements by execution time with the plans of the slow ones;
``--out`` writes the same as Markdown.
"""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from rest_framework_simplejwt.tokens import AccessToken

from accounts.models import Role, RoleAssignment, User
from core.models import Notification
from health.models import Child, Mother
from market.models import Product, ProductStatus, ShopStatus
from synthetic.markers import NIK_REGEX

PASSWORD = "explain-Pintu-Warga-2026"  # a synthetic account; its hash is restored after


class _Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "EXPLAIN (ANALYZE, BUFFERS) the queries of the hot endpoints on synthetic data."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", type=Path, default=None)
        parser.add_argument("--slow-ms", type=float, default=1.0, help="show plans above this")
        parser.add_argument("--only", nargs="*", default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("This command explains PostgreSQL plans.")
        synthetic = User.objects.filter(nik__regex=NIK_REGEX)
        resident = (
            synthetic.filter(civil_requests__isnull=False, role_assignments__isnull=True)
            .order_by("nik")
            .first()
        )
        officer_id = (
            RoleAssignment.objects.filter(role=Role.CIVIL_OFFICER, user__in=synthetic)
            .order_by("user__nik")
            .values_list("user_id", flat=True)
            .first()
        )
        mother = Mother.objects.filter(user__in=synthetic, children__isnull=False).first()
        if resident is None or officer_id is None or mother is None or mother.user is None:
            raise CommandError("No synthetic data: run generate_regency first.")
        officer = User.objects.get(pk=officer_id)
        child = Child.objects.filter(mother=mother).order_by("-birth_date").first()
        product = (
            Product.objects.filter(status=ProductStatus.PUBLISHED, shop__status=ShopStatus.VERIFIED)
            .exclude(shop__owner=resident)
            .order_by("id")
            .first()
        )
        assert child is not None and product is not None
        unread = Notification.objects.filter(user=resident, read_at__isnull=True).first()

        def bearer(user: User) -> str:
            return f"Bearer {AccessToken.for_user(user)}"

        local_phone = "0" + resident.phone[3:]
        order_body = {
            "items": [{"product": str(product.pk), "quantity": 1}],
            "payment_method": "cod",
        }
        cases: list[tuple[str, str, str, Any, User | None]] = [
            ("login by phone", "POST", "/api/v1/auth/token/",
             {"identifier": local_phone, "password": PASSWORD}, None),
            ("login by NIK", "POST", "/api/v1/auth/token/",
             {"identifier": resident.nik, "password": PASSWORD}, None),
            ("search: word", "GET", "/api/v1/market/products/?q=pempek", None, resident),
            ("search: prefix", "GET", "/api/v1/market/products/?q=kerup", None, resident),
            ("search: typo", "GET", "/api/v1/market/products/?q=kemplng", None, resident),
            ("search: word + filters", "GET",
             "/api/v1/market/products/?q=tikar&category=kerajinan&district=16.02.03"
             "&max_price=200000", None, resident),
            ("catalogue, no query", "GET", "/api/v1/market/products/", None, resident),
            ("product page", "GET", f"/api/v1/market/products/{product.pk}/", None, resident),
            ("resident's requests", "GET", "/api/v1/civil/requests/?scope=mine", None, resident),
            ("officer queue", "GET", "/api/v1/civil/requests/?scope=queue", None, officer),
            ("officer queue, overdue", "GET", "/api/v1/civil/requests/?scope=queue&overdue=true",
             None, officer),
            ("child growth chart", "GET", f"/api/v1/health/children/{child.pk}/growth-chart/",
             None, mother.user),
            ("child measurements", "GET", f"/api/v1/health/children/{child.pk}/measurements/",
             None, mother.user),
            ("notifications (resident)", "GET", "/api/v1/notifications/", None, resident),
            ("notifications (officer)", "GET", "/api/v1/notifications/", None, officer),
            ("order placement", "POST", "/api/v1/market/orders/", order_body, resident),
        ]  # fmt: skip
        if unread is not None:
            cases.append(
                ("notification read", "POST", f"/api/v1/notifications/{unread.pk}/read/", None,
                 resident)
            )  # fmt: skip
        if options["only"]:
            cases = [c for c in cases if any(o in c[0] for o in options["only"])]
        saved_password = resident.password
        resident.set_password(PASSWORD)
        resident.save(update_fields=["password"])
        report: list[str] = []
        try:
            for title, method, path, body, user in cases:
                report.extend(self._case(title, method, path, body, user, bearer, options))
        finally:
            User.objects.filter(pk=resident.pk).update(password=saved_password)
        text = "\n".join(report)
        self.stdout.write(text)
        if options["out"]:
            options["out"].write_text(text + "\n")

    def _case(
        self,
        title: str,
        method: str,
        path: str,
        body: Any,
        user: User | None,
        bearer: Any,
        options: dict[str, Any],
    ) -> list[str]:
        client = Client(HTTP_HOST="127.0.0.1")
        headers: dict[str, str] = {}
        if user is not None:
            headers["HTTP_AUTHORIZATION"] = bearer(user)
        if method == "POST":
            headers["HTTP_IDEMPOTENCY_KEY"] = f"explain-{uuid.uuid4()}"
        status = 0
        with CaptureQueriesContext(connection) as captured:
            try:
                with transaction.atomic():
                    if method == "GET":
                        response = client.get(path, **headers)  # type: ignore[arg-type]
                    else:
                        response = client.post(
                            path,
                            data=json.dumps(body) if body is not None else "",
                            content_type="application/json",
                            **headers,  # type: ignore[arg-type]
                        )
                    status = response.status_code
                    raise _Rollback
            except _Rollback:
                pass
        lines = [f"### {title}", "", f"`{method} {path.split('?')[0]}` → {status}", ""]
        explained: list[tuple[float, str, str]] = []
        for query in captured.captured_queries:
            sql = query["sql"]
            if not re.match(r"^\s*(SELECT|UPDATE|INSERT|DELETE)", sql, re.IGNORECASE):
                continue
            plan_text, ms = self._explain(sql)
            explained.append((ms, sql, plan_text))
        total = sum(ms for ms, _sql, _plan in explained)
        lines.append(f"{len(explained)} statements, {total:.1f} ms execution in total.")
        lines.append("")
        for ms, sql, plan in sorted(explained, key=lambda item: -item[0]):
            short = re.sub(r"\s+", " ", sql)
            short = short if len(short) < 220 else short[:217] + "..."
            lines.append(f"- {ms:.2f} ms — `{short}`")
            if ms >= options["slow_ms"] or "Seq Scan" in plan:
                lines.extend(["", "```", plan, "```", ""])
        lines.append("")
        return lines

    def _explain(self, sql: str) -> tuple[str, float]:
        """The plan, from a run inside a savepoint that is rolled back (writes undone)."""
        text, ms = "", 0.0
        try:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
                    text = "\n".join(row[0] for row in cursor.fetchall())
                transaction.set_rollback(True)
        except Exception as exc:  # a statement that cannot run alone
            return f"(not explained: {type(exc).__name__})", 0.0
        found = re.search(r"Execution Time: ([0-9.]+) ms", text)
        if found:
            ms = float(found.group(1))
        return text, ms
