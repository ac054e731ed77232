"""The public catalogue (search, filters, caching, query counts) and orders holding stock."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from accounts.models import User
from core.models import Notification
from market import services
from market.models import Order, Product, Shop
from tests.factories import make_user
from tests.market.conftest import open_shop, published_product

pytestmark = pytest.mark.django_db
Login = Callable[[User], APIClient]
URL = "/api/v1/market/products/"


@pytest.fixture
def catalogue(shop: Shop, market_officer_user: User) -> dict[str, Product]:
    other_owner = make_user(full_name="Pak Budi")
    other = open_shop(
        other_owner,
        name="Tenun Pedamaran",
        nib="9120001234569",
        pirt="",
        halal_number="",
        village_code="16.02.03.2002",
    )
    return {
        "keripik": published_product(
            shop, market_officer_user, title="Keripik Pisang Manis", price=15000
        ),
        "kemplang": published_product(
            shop,
            market_officer_user,
            title="Kemplang Ikan Belida",
            price=30000,
            description="Kerupuk ikan panggang",
        ),
        "tenun": published_product(
            other,
            market_officer_user,
            title="Kain Tenun Songket",
            price=750000,
            category="kerajinan",
            description="Tenun tangan",
        ),
    }


def titles(response: Any) -> list[str]:
    assert response.status_code == 200, response.content
    return [p["title"] for p in response.json()["results"]]


def test_anonymous_browsing_with_filters(catalogue: dict[str, Product]) -> None:
    api = APIClient()
    assert titles(api.get(URL)) == [
        "Kain Tenun Songket",
        "Kemplang Ikan Belida",
        "Keripik Pisang Manis",
    ]
    assert titles(api.get(URL, {"category": "kerajinan"})) == ["Kain Tenun Songket"]
    assert titles(api.get(URL, {"district": "16.02.03"})) == ["Kain Tenun Songket"]
    assert titles(api.get(URL, {"village": "16.02.05.1002"})) == [
        "Kemplang Ikan Belida",
        "Keripik Pisang Manis",
    ]
    assert titles(api.get(URL, {"min_price": 20000, "max_price": 100000})) == [
        "Kemplang Ikan Belida"
    ]
    assert titles(api.get(URL, {"verified": "true"})) == [
        "Kemplang Ikan Belida",
        "Keripik Pisang Manis",
    ]
    assert titles(api.get(URL, {"verified": "false"})) == ["Kain Tenun Songket"]
    assert titles(api.get(URL, {"ordering": "price"}))[0] == "Keripik Pisang Manis"
    assert titles(api.get(URL, {"ordering": "-price"}))[0] == "Kain Tenun Songket"
    for bad in (
        {"min_price": "murah"},
        {"verified": "mungkin"},
        {"ordering": "acak"},
        {"min_price": -5},
    ):
        response = api.get(URL, bad)
        assert response.status_code == 400, bad
        assert response.json()["error"]["fields"]


def test_cursor_pages_walk_the_whole_catalogue(catalogue: dict[str, Product]) -> None:
    api = APIClient()
    first = api.get(URL, {"page_size": 2}).json()
    assert len(first["results"]) == 2 and first["next"]
    second = api.get(first["next"]).json()
    assert len(second["results"]) == 1 and second["next"] is None


def test_search_by_word(catalogue: dict[str, Product]) -> None:
    assert titles(APIClient().get(URL, {"q": "pisang"})) == ["Keripik Pisang Manis"]
    assert titles(APIClient().get(URL, {"q": "ikan panggang"})) == ["Kemplang Ikan Belida"]


@pytest.mark.parametrize(
    "query", ["kerip", "kripik", "keripk pisang"], ids=["prefix", "spelling", "typo"]
)
def test_search_prefix_and_typos_on_postgresql(catalogue: dict[str, Product], query: str) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("full-text and trigram search are PostgreSQL features (CI runs them)")
    assert titles(APIClient().get(URL, {"q": query}))[0] == "Keripik Pisang Manis"


def test_anonymous_catalogue_query_count_is_constant(
    catalogue: dict[str, Product], shop: Shop, market_officer_user: User
) -> None:
    def count(page_size: int) -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert APIClient().get(URL, {"page_size": page_size}).status_code == 200
        return len(ctx)

    few = count(1)
    for n in range(4):
        published_product(shop, market_officer_user, title=f"Produk {n}")
    assert count(7) == few <= 3


def test_catalogue_is_cacheable_for_anonymous_users(
    catalogue: dict[str, Product], as_user: Login, resident: User
) -> None:
    api = APIClient()
    first = api.get(URL)
    assert "public" in first["Cache-Control"] and first["ETag"]
    again = api.get(URL, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    detail = api.get(f"{URL}{catalogue['keripik'].pk}/")
    assert (
        api.get(f"{URL}{catalogue['keripik'].pk}/", HTTP_IF_NONE_MATCH=detail["ETag"]).status_code
        == 304
    )
    logged_in = as_user(resident).get(URL)
    assert "private" in logged_in["Cache-Control"]
    assert "ETag" not in logged_in


def test_shop_page_and_categories(catalogue: dict[str, Product], shop: Shop) -> None:
    page = APIClient().get(f"/api/v1/market/shops/{shop.slug}/").json()
    assert page["shop"]["name"] == "Keripik Bu Ani"
    assert len(page["products"]) == 2
    categories = APIClient().get("/api/v1/market/categories/").json()
    assert [c["slug"] for c in categories][:3] == ["kuliner", "minuman", "kerajinan"]
    english = APIClient().get("/api/v1/market/categories/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert english[0]["name"] == "Food"


def _order(client: APIClient, product: Product, quantity: int = 1, **extra: Any) -> Any:
    return client.post(
        "/api/v1/market/orders/",
        {
            "items": [{"product": str(product.pk), "quantity": quantity}],
            "payment_method": "cod",
            "delivery_note": "Antar ke rumah dekat masjid",
            **extra,
        },
        format="json",
    )


def test_order_holds_stock_and_both_sides_follow_it(
    as_user: Login, resident: User, product: Product
) -> None:
    buyer, seller = as_user(resident), as_user(product.shop.owner)
    placed = _order(buyer, product, 3)
    assert placed.status_code == 201, placed.content
    order = placed.json()
    assert order["total"] == 45000
    assert order["status"] == "pending"
    assert order["side"] == "buyer" and order["allowed_actions"] == ["cancel"]
    product.refresh_from_db()
    assert product.stock == 7
    assert Notification.objects.filter(user=product.shop.owner, kind="market.order").count() == 1

    mine = seller.get("/api/v1/market/orders/?role=seller").json()
    assert [o["code"] for o in mine["results"]] == [order["code"]]
    assert mine["results"][0]["allowed_actions"] == ["confirm", "cancel"]
    for action in ("confirm", "send"):
        assert (
            seller.post(
                f"/api/v1/market/orders/{order['id']}/{action}/", {}, format="json"
            ).status_code
            == 200
        )
    done = buyer.post(f"/api/v1/market/orders/{order['id']}/complete/", {}, format="json").json()
    assert done["status"] == "completed"
    assert Notification.objects.filter(user=resident, kind="market.order").count() == 3

    summary = seller.get("/api/v1/market/seller/summary/").json()
    assert summary["orders_by_status"]["completed"] == 1
    assert summary["products_by_status"]["published"] == 1


def test_cancel_returns_the_stock(as_user: Login, resident: User, product: Product) -> None:
    buyer, seller = as_user(resident), as_user(product.shop.owner)
    first = _order(buyer, product, 4).json()
    assert (
        buyer.post(f"/api/v1/market/orders/{first['id']}/cancel/", {}, format="json").json()[
            "status"
        ]
        == "cancelled"
    )
    product.refresh_from_db()
    assert product.stock == 10
    second = _order(buyer, product, 2).json()
    seller.post(f"/api/v1/market/orders/{second['id']}/confirm/", {}, format="json")
    no_reason = seller.post(f"/api/v1/market/orders/{second['id']}/cancel/", {}, format="json")
    assert no_reason.status_code == 400
    cancelled = seller.post(
        f"/api/v1/market/orders/{second['id']}/cancel/",
        {"reason": "Stok habis terjual di pasar"},
        format="json",
    ).json()
    assert cancelled["cancelled_by"] == "seller"
    product.refresh_from_db()
    assert product.stock == 10


def test_order_state_refusals(as_user: Login, resident: User, product: Product) -> None:
    buyer, seller = as_user(resident), as_user(product.shop.owner)
    order = _order(buyer, product).json()
    url = f"/api/v1/market/orders/{order['id']}"
    assert buyer.post(f"{url}/confirm/", {}, format="json").json()["error"]["code"] == "wrong_side"
    assert (
        seller.post(f"{url}/send/", {}, format="json").json()["error"]["code"]
        == "invalid_transition"
    )
    assert seller.post(f"{url}/complete/", {}, format="json").status_code == 409
    seller.post(f"{url}/confirm/", {}, format="json")
    late = buyer.post(f"{url}/cancel/", {}, format="json")
    assert late.status_code == 409
    stranger = as_user(make_user())
    assert stranger.get(f"{url}/").status_code == 404
    assert stranger.post(f"{url}/cancel/", {}, format="json").status_code == 404


def test_order_refusals(
    as_user: Login, resident: User, product: Product, market_officer_user: User
) -> None:
    buyer = as_user(resident)
    too_many = _order(buyer, product, 11)
    assert too_many.status_code == 409
    assert too_many.json()["error"]["code"] == "out_of_stock"
    assert Product.objects.get(pk=product.pk).stock == 10
    own = _order(as_user(product.shop.owner), product)
    assert own.status_code == 400
    other_shop = open_shop(make_user(), name="Toko Lain", nib="9120001234570")
    elsewhere = published_product(other_shop, market_officer_user, title="Madu Hutan")
    mixed = buyer.post(
        "/api/v1/market/orders/",
        {
            "items": [
                {"product": str(product.pk), "quantity": 1},
                {"product": str(elsewhere.pk), "quantity": 1},
            ],
            "payment_method": "cod",
        },
        format="json",
    )
    assert mixed.status_code == 400
    for bad in (
        {"items": [], "payment_method": "cod"},
        {"items": [{"product": str(product.pk), "quantity": 0}], "payment_method": "cod"},
        {"items": [{"product": "bukan-uuid", "quantity": 1}], "payment_method": "cod"},
        {"items": [{"product": str(product.pk), "quantity": 1}], "payment_method": "kredit"},
    ):
        assert buyer.post("/api/v1/market/orders/", bad, format="json").status_code == 400, bad
    assert not Order.objects.exists()


def test_idempotent_order(as_user: Login, resident: User, product: Product) -> None:
    buyer = as_user(resident)
    first = _order(buyer, product, 2, **{}) if False else None  # noqa: F841
    body = {"items": [{"product": str(product.pk), "quantity": 2}], "payment_method": "transfer"}
    a = buyer.post("/api/v1/market/orders/", body, format="json", HTTP_IDEMPOTENCY_KEY="order-1")
    b = buyer.post("/api/v1/market/orders/", body, format="json", HTTP_IDEMPOTENCY_KEY="order-1")
    assert a.json()["id"] == b.json()["id"]
    assert Order.objects.count() == 1
    assert Product.objects.get(pk=product.pk).stock == 8


def test_order_list_query_counts(as_user: Login, resident: User, product: Product) -> None:
    buyer = as_user(resident)

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert buyer.get("/api/v1/market/orders/").status_code == 200
        return len(ctx)

    _order(buyer, product)
    few = count()
    for _ in range(4):
        _order(buyer, product)
    assert count() == few


def test_my_products_query_count(as_user: Login, shop: Shop, market_officer_user: User) -> None:
    client = as_user(shop.owner)
    published_product(shop, market_officer_user, title="Satu")

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/api/v1/market/products/mine/").status_code == 200
        return len(ctx)

    few = count()
    for n in range(3):
        published_product(shop, market_officer_user, title=f"Lagi {n}")
    assert count() == few


@pytest.mark.django_db(transaction=True)
def test_last_item_race_exactly_one_buyer_wins(reference_data: None) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("concurrent transactions on real threads are exercised on PostgreSQL (CI)")
    from accounts.services import assign_role, issue_tokens

    officer = make_user()
    assign_role(user=officer, role="market_officer")
    shop = services.moderate_shop(officer=officer, shop=open_shop(make_user()), action="verify")
    last = published_product(shop, officer, stock=1)
    buyers = [make_user() for _ in range(2)]
    barrier = threading.Barrier(2)
    results: list[int] = []

    def buy(user: User) -> None:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {issue_tokens(user)['access']}")
        barrier.wait()
        results.append(_order(client, last).status_code)
        connection.close()

    threads = [threading.Thread(target=buy, args=(b,)) for b in buyers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [201, 409]
    assert Product.objects.get(pk=last.pk).stock == 0
    assert Order.objects.count() == 1


def test_demo_market_is_idempotent(db: Any) -> None:
    from django.core.management import call_command

    call_command("seed_demo", "--quiet")
    call_command("seed_civil_demo")
    call_command("seed_market_demo")
    call_command("seed_market_demo")
    shop = Shop.objects.get(owner__phone="+6281200000004")
    assert shop.status == "verified"
    assert shop.products.filter(status="published").count() == 4
    assert shop.products.filter(status="pending").count() == 1
    assert Order.objects.filter(shop=shop).count() == 1
    assert Shop.objects.filter(status="pending").count() == 1
    response = APIClient().get(URL)
    assert len(response.json()["results"]) == 4
