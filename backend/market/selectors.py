"""Every read of the marketplace.

The public sees published products of active shops (pending or verified; a suspended or
rejected shop's products disappear). A seller sees all of her own. A market officer sees
the moderation queues. Orders are visible to their buyer and their shop's owner only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.db import connection, transaction
from django.db.models import BooleanField, Count, FloatField, Prefetch, Q, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.utils.translation import get_language

from accounts.models import Role, RoleAssignment, User
from core.answer_cache import Generation
from core.exceptions import NotFound
from market.models import (
    Category,
    Order,
    OrderStatus,
    Product,
    ProductPhoto,
    ProductStatus,
    Shop,
    ShopStatus,
)

ACTIVE_SHOP = (ShopStatus.PENDING, ShopStatus.VERIFIED)
LOW_STOCK = 5
# Catalogue pages and public product pages are the same for everyone who may see them;
# with a shared cache they are kept until a service changes the catalogue
# (``services._catalogue_changed``) or CATALOGUE_CACHE_SECONDS pass.
CATALOGUE = Generation("catalogue", "CATALOGUE_CACHE_SECONDS")


def english() -> bool:
    return (get_language() or "id").startswith("en")


def categories() -> QuerySet[Category]:
    return Category.objects.all()


def is_market_officer(user: Any) -> bool:
    return (
        bool(getattr(user, "is_authenticated", False))
        and RoleAssignment.objects.filter(
            user=user, role=Role.MARKET_OFFICER, is_active=True
        ).exists()
    )


def _photos() -> Prefetch:
    return Prefetch("photos", queryset=ProductPhoto.objects.order_by("position", "created_at"))


def _with_relations(qs: QuerySet[Product]) -> QuerySet[Product]:
    return qs.select_related("shop__village__district", "category").prefetch_related(_photos())


def public_products() -> QuerySet[Product]:
    return _with_relations(
        Product.objects.filter(status=ProductStatus.PUBLISHED, shop__status__in=ACTIVE_SHOP)
    )


def _terms(q: str) -> list[str]:
    return [t for t in (re.sub(r"[^\w]", "", word) for word in q.lower().split()) if t][:8]


def search_page(
    qs: QuerySet[Product], q: str, paginate: Callable[[QuerySet[Product]], list[Product]]
) -> list[Product]:
    """One page of results for words, prefixes and typos: PostgreSQL full text, then
    trigram; a plain fallback on SQLite. ``paginate`` reads one page of a queryset.

    On PostgreSQL, full text on the stored ``search_document`` column (title weighted above
    description, every word as a prefix) answers first, through its GIN index. Only when
    its page is empty does the typo search run: ``title %> phrase`` (word similarity at
    least ``pg_trgm.word_similarity_threshold``, 0.5 in our connection options), through
    the trigram index. Either way the query never reads the whole catalogue, and nothing
    is counted: the page itself tells whether full text found anything. Annotates
    ``relevance`` (higher is better).
    """
    terms = _terms(q)
    if not terms:
        return paginate(qs.annotate(relevance=Value(0.0, output_field=FloatField())))
    if connection.vendor != "postgresql":
        condition = Q()
        for term in terms:
            condition &= Q(title__icontains=term) | Q(description__icontains=term)
        return paginate(
            qs.filter(condition).annotate(relevance=Value(0.0, output_field=FloatField()))
        )
    tsquery = " & ".join(f"{term}:*" for term in terms)
    matches = RawSQL(
        "market_product.search_document @@ to_tsquery('simple', %s)",
        (tsquery,),
        output_field=BooleanField(),
    )
    rank = RawSQL(
        "ts_rank(market_product.search_document, to_tsquery('simple', %s))",
        (tsquery,),
        output_field=FloatField(),
    )
    with transaction.atomic():
        with connection.cursor() as cursor:
            # How many products the words match decides the plan: a statement prepared
            # on the connection (DB_PREPARED_STATEMENTS) must not settle on one generic
            # plan for every search. Planned for its words each time.
            cursor.execute("SET LOCAL plan_cache_mode = force_custom_plan")
        page = paginate(qs.filter(matches).annotate(relevance=rank))
        if page:
            return page
        from django.contrib.postgres.search import TrigramWordSimilarity

        phrase = " ".join(terms)
        typos = qs.filter(title__trigram_word_similar=phrase).annotate(
            relevance=TrigramWordSimilarity(phrase, "title")
        )
        # The planner prices ``%>`` as a cheap operator and, for some words, reads the
        # whole catalogue computing it per row (~200 ms at regency size) instead of
        # taking the trigram index (~25 ms): only the index, for this query.
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
        return paginate(typos)


def filter_products(
    qs: QuerySet[Product],
    *,
    category: str | None = None,
    district: str | None = None,
    village: str | None = None,
    min_price: int | None = None,
    max_price: int | None = None,
    verified: bool | None = None,
) -> QuerySet[Product]:
    if category:
        qs = qs.filter(category_id=category)
    if district:
        qs = qs.filter(shop__village__district_id=district)
    if village:
        qs = qs.filter(shop__village_id=village)
    if min_price is not None:
        qs = qs.filter(price__gte=min_price)
    if max_price is not None:
        qs = qs.filter(price__lte=max_price)
    if verified is not None:
        qs = (
            qs.filter(shop__status=ShopStatus.VERIFIED)
            if verified
            else qs.exclude(shop__status=ShopStatus.VERIFIED)
        )
    return qs


def is_public(product: Product) -> bool:
    """Seen the same way by everyone: published, in a shop that is active."""
    return product.status == ProductStatus.PUBLISHED and product.shop.status in ACTIVE_SHOP


def product_for(user: Any, pk: Any) -> Product:
    """A published product of an active shop, or the seller's own product in any state, or
    (for a market officer) any product that is not a draft. Read by its id, then judged:
    the reader's role is looked up only for a product the public may not see."""
    found = _with_relations(Product.objects.filter(pk=pk)).first()
    if found is None:
        raise NotFound()
    if is_public(found):
        return found
    if getattr(user, "is_authenticated", False) and (
        found.shop.owner_id == user.pk
        or (found.status != ProductStatus.DRAFT and is_market_officer(user))
    ):
        return found
    raise NotFound()


def product_after_action(pk: Any) -> Product:
    """The product just changed by an authorised action, with what its detail shows."""
    return _with_relations(Product.objects.filter(pk=pk)).get()


def own_product(user: User, pk: Any) -> Product:
    found = Product.objects.filter(shop__owner=user, pk=pk).first()
    if found is None:
        raise NotFound()
    return found


def seller_products(user: User, status: str | None = None) -> QuerySet[Product]:
    qs = _with_relations(Product.objects.filter(shop__owner=user)).order_by("-updated_at")
    return qs.filter(status=status) if status else qs


def own_shop(user: User) -> Shop:
    shop = Shop.objects.select_related("village__district").filter(owner=user).first()
    if shop is None:
        raise NotFound()
    return shop


def public_shop(slug: str, user: Any = None) -> Shop:
    visible = Q(status__in=ACTIVE_SHOP)
    if getattr(user, "is_authenticated", False):
        visible |= Q(owner=user)
        if is_market_officer(user):
            visible = Q()
    shop = Shop.objects.select_related("village__district").filter(visible, slug=slug).first()
    if shop is None:
        raise NotFound()
    return shop


def shop_by_id_for_officer(pk: Any) -> Shop:
    shop = Shop.objects.select_related("village__district", "owner").filter(pk=pk).first()
    if shop is None:
        raise NotFound()
    return shop


def moderation_shops(status: str | None = None) -> QuerySet[Shop]:
    qs = Shop.objects.select_related("village__district", "owner").order_by("created_at")
    return qs.filter(status=status or ShopStatus.PENDING)


def moderation_products() -> QuerySet[Product]:
    return _with_relations(Product.objects.filter(status=ProductStatus.PENDING)).order_by(
        "updated_at"
    )


def _orders() -> QuerySet[Order]:
    return Order.objects.select_related("shop__village__district", "buyer").prefetch_related(
        "items"
    )


def buyer_orders(user: User) -> QuerySet[Order]:
    return _orders().filter(buyer=user).order_by("-created_at")


def seller_orders(user: User, status: str | None = None) -> QuerySet[Order]:
    qs = _orders().filter(shop__owner=user).order_by("-created_at")
    return qs.filter(status=status) if status else qs


def order_for(user: User, pk: Any) -> Order:
    found = _orders().filter(Q(buyer=user) | Q(shop__owner=user), pk=pk).first()
    if found is None:
        raise NotFound()
    return found


def seller_summary(user: User) -> dict[str, Any]:
    shop = own_shop(user)
    by_status = {s.value: 0 for s in OrderStatus}
    for row in Order.objects.filter(shop=shop).values("status").annotate(n=Count("id")):
        by_status[row["status"]] = row["n"]
    products = Product.objects.filter(shop=shop)
    product_counts = {s.value: 0 for s in ProductStatus}
    for row in products.values("status").annotate(n=Count("id")):
        product_counts[row["status"]] = row["n"]
    low = list(
        products.filter(status=ProductStatus.PUBLISHED, stock__lte=LOW_STOCK)
        .order_by("stock", "title")
        .values("id", "title", "stock", "unit")[:50]
    )
    return {
        "shop": {"id": str(shop.pk), "name": shop.name, "slug": shop.slug, "status": shop.status},
        "orders_by_status": by_status,
        "products_by_status": product_counts,
        "low_stock": [{**row, "id": str(row["id"])} for row in low],
        "low_stock_threshold": LOW_STOCK,
    }
