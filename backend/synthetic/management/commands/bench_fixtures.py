"""Request lists for the load test, drawn from the synthetic regency.

Gives a known password to a few hundred synthetic residents and to the synthetic officers,
mints access tokens for them, and writes one file per scenario with one request per line:
``METHOD<TAB>PATH<TAB>TOKEN<TAB>BODY`` (``-`` for none). ``benchmarks/wrk/replay.lua``
replays them. Only synthetic accounts are touched.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.db.models import Exists, OuterRef
from rest_framework_simplejwt.tokens import AccessToken

from accounts.models import Role, RoleAssignment, User
from civil.models import CivilRequest
from core.models import Notification
from health.models import Child, Mother
from market.models import Product, ProductStatus, Shop, ShopStatus
from synthetic import words
from synthetic.markers import NIK_REGEX

BENCH_STOCK = 1_000_000


def _local_phone(e164: str) -> str:
    return "0" + e164[3:]


class Command(BaseCommand):
    help = "Write request lists (with tokens) for the load test from synthetic accounts."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", type=Path, required=True)
        parser.add_argument("--residents", type=int, default=400)
        parser.add_argument("--products", type=int, default=2000)
        parser.add_argument("--password", default="bench-Pintu-Warga-2026")
        parser.add_argument("--hours", type=int, default=6, help="access token lifetime")
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args: Any, **options: Any) -> None:
        rng = random.Random(options["seed"])  # noqa: S311 - picks test accounts, not secrets
        out: Path = options["out"]
        out.mkdir(parents=True, exist_ok=True)
        synthetic = User.objects.filter(nik__regex=NIK_REGEX)
        n = options["residents"]
        shop_owners = Shop.objects.values("owner_id")
        residents = list(
            synthetic.filter(
                Exists(CivilRequest.objects.filter(applicant=OuterRef("pk"))),
                Exists(Notification.objects.filter(user=OuterRef("pk"))),
                role_assignments__isnull=True,
            )
            .exclude(pk__in=shop_owners)
            .order_by("nik")
            .values_list("pk", flat=True)[:n]
        )
        officers = list(
            RoleAssignment.objects.filter(
                role=Role.CIVIL_OFFICER, is_active=True, user__in=synthetic
            ).values_list("user_id", flat=True)
        )
        mother_users = list(
            Mother.objects.filter(user__in=synthetic, user__isnull=False, children__isnull=False)
            .order_by("nik")
            .values_list("user_id", flat=True)
            .distinct()[:n]
        )
        if not residents or not officers or not mother_users:
            raise CommandError("No synthetic data: run generate_regency first.")
        chosen = set(residents) | set(officers) | set(mother_users)
        hashed = make_password(options["password"])
        with transaction.atomic():
            User.objects.filter(pk__in=chosen).update(password=hashed)
            products = list(
                Product.objects.filter(
                    status=ProductStatus.PUBLISHED, shop__status=ShopStatus.VERIFIED
                )
                .order_by("id")
                .values_list("pk", "shop__owner_id")[: options["products"]]
            )
            Product.objects.filter(pk__in=[p for p, _o in products]).update(stock=BENCH_STOCK)
        users = {u.pk: u for u in User.objects.filter(pk__in=chosen)}
        lifetime = dt.timedelta(hours=options["hours"])

        def token(pk: Any) -> str:
            access = AccessToken.for_user(users[pk])
            access.set_exp(lifetime=lifetime)
            return str(access)

        tokens = {pk: token(pk) for pk in chosen}
        children: dict[Any, list[str]] = {}
        for child_id, user_id in Child.objects.filter(mother__user_id__in=mother_users).values_list(
            "pk", "mother__user_id"
        ):
            children.setdefault(user_id, []).append(str(child_id))

        def line(method: str, path: str, who: Any = None, body: Any = None) -> str:
            return "\t".join(
                [
                    method,
                    path,
                    tokens[who] if who is not None else "-",
                    json.dumps(body, separators=(",", ":")) if body is not None else "-",
                ]
            )

        files: dict[str, list[str]] = {}
        files["bare"] = [line("GET", "/api/v1/bench/bare/", r) for r in residents]
        login = []
        for pk in residents:
            user = users[pk]
            identifier = user.nik if rng.random() < 0.5 else _local_phone(user.phone)
            body = {"identifier": identifier, "password": options["password"]}
            login.append(line("POST", "/api/v1/auth/token/", None, body))
        files["login"] = login
        search = []
        district_codes = [f"16.02.{c:02d}" for c in (2, 3, 5, 11, 13, 18)]
        for i in range(600):
            category = rng.choice(list(words.PRODUCTS))
            base = rng.choice(words.PRODUCTS[category][0]).split(" ")[0].lower()
            kind = i % 3
            if kind == 0:
                q = base  # a whole word
            elif kind == 1:
                q = base[: max(3, len(base) - 2)]  # a prefix, as typed
            else:
                cut = rng.randrange(1, len(base) - 1) if len(base) > 3 else 1
                q = base[:cut] + base[cut + 1 :]  # a typo: one letter missing
            params = [f"q={q}"]
            if rng.random() < 0.3:
                params.append(f"category={category}")
            if rng.random() < 0.2:
                params.append(f"district={rng.choice(district_codes)}")
            if rng.random() < 0.2:
                params.append("max_price=50000")
            search.append(
                line("GET", "/api/v1/market/products/?" + "&".join(params), rng.choice(residents))
            )
        files["search"] = search
        files["product"] = [
            line("GET", f"/api/v1/market/products/{p}/", rng.choice(residents))
            for p, _owner in products[:1000]
        ]
        files["my_requests"] = [
            line("GET", "/api/v1/civil/requests/?scope=mine", r) for r in residents
        ]
        queue = []
        for officer in officers:
            queue.append(line("GET", "/api/v1/civil/requests/?scope=queue", officer))
            queue.append(line("GET", "/api/v1/civil/requests/?scope=queue&overdue=true", officer))
            queue.append(
                line("GET", "/api/v1/civil/requests/?scope=queue&status=submitted", officer)
            )
        files["officer_queue"] = queue
        growth = []
        for user_id, ids in children.items():
            for child in ids:
                growth.append(
                    line("GET", f"/api/v1/health/children/{child}/growth-chart/", user_id)
                )
                growth.append(
                    line("GET", f"/api/v1/health/children/{child}/measurements/", user_id)
                )
        files["child_growth"] = growth
        files["notifications"] = [line("GET", "/api/v1/notifications/", r) for r in residents] + [
            line("GET", "/api/v1/notifications/", o) for o in officers
        ]
        orders = []
        for i in range(2000):
            product, owner = products[i % len(products)]
            buyer = rng.choice(residents)
            if buyer == owner:
                continue
            body = {"items": [{"product": str(product), "quantity": 1}], "payment_method": "cod"}
            orders.append(line("POST", "/api/v1/market/orders/", buyer, body))
        files["order"] = orders
        unread = list(
            Notification.objects.filter(user_id__in=residents, read_at__isnull=True).values_list(
                "pk", "user_id"
            )[:5000]
        )
        files["notification_read"] = [
            line("POST", f"/api/v1/notifications/{pk}/read/", user_id) for pk, user_id in unread
        ]
        for name, lines in files.items():
            rng.shuffle(lines)
            (out / f"{name}.tsv").write_text("\n".join(lines) + "\n")
            self.stdout.write(f"{name}: {len(lines)} requests")
