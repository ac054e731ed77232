"""Catalogue and product pages kept in the shared cache, and replaced at once on a change."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.core.cache.backends.dummy import DummyCache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from accounts.models import User
from market import services
from market.models import Product, Shop
from tests.market.conftest import published_product

pytestmark = pytest.mark.django_db
Login = Callable[[User], APIClient]
URL = "/api/v1/market/products/"


@pytest.fixture(autouse=True)
def shared_cache(settings: Any) -> Iterator[None]:
    settings.CATALOGUE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks: Any) -> Callable[[], Any]:
    """Run what the service scheduled for after its commit, as a real request would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def get(api: APIClient, url: str, params: dict[str, Any] | None = None) -> tuple[Any, int]:
    with CaptureQueriesContext(connection) as queries:
        response = api.get(url, params or {})
    assert response.status_code == 200, response.content
    return response.json(), len(queries)


def test_a_repeated_search_is_answered_without_the_database(
    product: Product, as_user: Login, resident: User
) -> None:
    first, first_queries = get(APIClient(), URL, {"q": "keripik", "category": "kuliner"})
    assert [p["title"] for p in first["results"]] == ["Keripik Pisang Manis"]
    assert first_queries >= 2
    # The same question in another order, anonymous then logged in: the same answer,
    # no catalogue query (a logged-in reader costs only the lookup of her account).
    again, queries = get(APIClient(), URL, {"category": "kuliner", "q": "keripik"})
    assert again == first and queries == 0
    mine, queries = get(as_user(resident), URL, {"q": "keripik", "category": "kuliner"})
    assert mine == first and queries == 1
    detail, queries = get(APIClient(), f"{URL}{product.pk}/")
    assert queries >= 2
    detail_again, queries = get(APIClient(), f"{URL}{product.pk}/")
    assert detail_again == detail and queries == 0


def test_a_new_price_shows_at_once(product: Product, on_commit: Callable[[], Any]) -> None:
    api = APIClient()
    get(api, URL)
    get(api, f"{URL}{product.pk}/")
    with on_commit():
        services.update_product(owner=product.shop.owner, product=product, data={"price": 17_500})
    assert get(api, URL)[0]["results"][0]["price"] == 17_500
    assert get(api, f"{URL}{product.pk}/")[0]["price"] == 17_500


def test_the_stock_after_an_order_and_its_cancellation_shows_at_once(
    product: Product, resident: User, on_commit: Callable[[], Any]
) -> None:
    api = APIClient()
    assert get(api, f"{URL}{product.pk}/")[0]["stock"] == 10
    with on_commit():
        order = services.place_order(
            buyer=resident, items=[{"product": product.pk, "quantity": 3}], payment_method="cod"
        )
    assert get(api, f"{URL}{product.pk}/")[0]["stock"] == 7
    assert get(api, URL)[0]["results"][0]["stock"] == 7
    with on_commit():
        services.order_action(user=resident, order=order, action="cancel")
    assert get(api, f"{URL}{product.pk}/")[0]["stock"] == 10


def test_a_suspended_shop_disappears_at_once(
    product: Product, shop: Shop, market_officer_user: User, on_commit: Callable[[], Any]
) -> None:
    api = APIClient()
    assert get(api, URL, {"q": "keripik"})[0]["results"]
    get(api, f"{URL}{product.pk}/")
    with on_commit():
        services.moderate_shop(
            officer=market_officer_user, shop=shop, action="suspend", reason="Izin dicabut"
        )
    assert get(api, URL, {"q": "keripik"})[0]["results"] == []
    assert api.get(f"{URL}{product.pk}/").status_code == 404


def test_a_newly_published_product_appears_at_once(
    product: Product, shop: Shop, market_officer_user: User, on_commit: Callable[[], Any]
) -> None:
    api = APIClient()
    assert len(get(api, URL)[0]["results"]) == 1
    with on_commit():
        published_product(shop, market_officer_user, title="Pempek Kapal Selam")
    assert get(api, URL)[0]["results"][0]["title"] == "Pempek Kapal Selam"


def test_a_sellers_own_draft_is_never_shown_to_anyone_else(
    shop: Shop, as_user: Login, resident: User
) -> None:
    draft = services.create_product(
        owner=shop.owner,
        data={"title": "Resep Rahasia", "category": "kuliner", "price": 1000, "stock": 1},
    )
    seller = as_user(shop.owner)
    assert seller.get(f"{URL}{draft.pk}/").status_code == 200
    assert seller.get(f"{URL}{draft.pk}/").status_code == 200
    assert APIClient().get(f"{URL}{draft.pk}/").status_code == 404
    assert as_user(resident).get(f"{URL}{draft.pk}/").status_code == 404


def test_without_a_reachable_cache_every_answer_is_built(
    product: Product, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("core.answer_cache.cache", DummyCache("dummy", {}))
    first = get(APIClient(), URL, {"q": "keripik"})
    second = get(APIClient(), URL, {"q": "keripik"})
    assert first[0] == second[0] and first[1] == second[1] >= 2


def test_the_cache_is_off_without_a_shared_cache(product: Product, settings: Any) -> None:
    settings.CATALOGUE_CACHE_SECONDS = 0
    get(APIClient(), URL)
    assert get(APIClient(), URL)[1] >= 2


def test_a_query_with_unknown_parameters_is_answered_but_not_kept(product: Product) -> None:
    first, first_queries = get(APIClient(), URL, {"q": "keripik", "utm_source": "wa"})
    again, queries = get(APIClient(), URL, {"q": "keripik", "utm_source": "wa"})
    assert [p["title"] for p in again["results"]] == ["Keripik Pisang Manis"]
    assert again == first and queries == first_queries >= 2
