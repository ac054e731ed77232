"""Thin views of the marketplace."""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import status
from rest_framework.pagination import CursorPagination
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import HasRole, user_of
from core.caching import public_cache
from core.exceptions import ApiError
from core.idempotency import IDEMPOTENCY_PARAMETER, idempotent
from core.pagination import StandardPagination
from core.schema import paginated
from market import selectors, services
from market.models import OrderStatus, ProductStatus, ShopStatus
from market.serializers import (
    CategorySerializer,
    EmptySerializer,
    LogoUploadSerializer,
    ModerationShopSerializer,
    OptionalReasonSerializer,
    OrderInputSerializer,
    OrderSerializer,
    OwnShopSerializer,
    PhotoUploadSerializer,
    ProductDetailSerializer,
    ProductInputSerializer,
    ProductListSerializer,
    ProductUpdateSerializer,
    ReorderSerializer,
    SellerSummarySerializer,
    ShopInputSerializer,
    ShopSerializer,
    ShopUpdateSerializer,
)

ORDERINGS = {
    "newest": ("-published_at", "-id"),
    "price": ("price", "id"),
    "-price": ("-price", "-id"),
    "relevance": ("-relevance", "-published_at"),
}
MarketOfficer = HasRole.of("market_officer")
CATALOGUE_PARAMETERS = frozenset(
    {"q", "category", "district", "village", "min_price", "max_price", "verified",
     "ordering", "cursor", "page_size"}
)  # fmt: skip


class ProductCursorPagination(CursorPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 60
    ordering = ORDERINGS["newest"]

    def get_ordering(self, request: Request, queryset: Any, view: Any) -> tuple[str, ...]:
        return getattr(view, "chosen_ordering", self.ordering)


def _int_param(request: Request, name: str) -> int | None:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return None
    try:
        value = int(raw)
    except ValueError as exc:
        raise ApiError(
            _("Nilai tidak valid."), fields={name: [_("Harus bilangan bulat.")]}
        ) from exc
    if value < 0:
        raise ApiError(_("Nilai tidak valid."), fields={name: [_("Tidak boleh negatif.")]})
    return value


def _bool_param(request: Request, name: str) -> bool | None:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return None
    if raw.lower() not in ("true", "false", "1", "0"):
        raise ApiError(_("Nilai tidak valid."), fields={name: [_("Gunakan true atau false.")]})
    return raw.lower() in ("true", "1")


class CategoryListView(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list[type] = []

    @extend_schema(responses=CategorySerializer(many=True), operation_id="market_categories_list")
    @public_cache(max_age=3600)
    def get(self, request: Request) -> Response:
        return Response(CategorySerializer(selectors.categories(), many=True).data)


class ProductListCreateView(APIView):
    """Public catalogue (search, filters, cursor pages); sellers create products here too."""

    def get_permissions(self) -> list[Any]:
        return [AllowAny()] if self.request.method == "GET" else [IsAuthenticated()]

    @extend_schema(
        parameters=[
            OpenApiParameter("q", OpenApiTypes.STR, description="Words, prefixes; typos tolerated"),
            OpenApiParameter("category", OpenApiTypes.STR),
            OpenApiParameter("district", OpenApiTypes.STR),
            OpenApiParameter("village", OpenApiTypes.STR),
            OpenApiParameter("min_price", OpenApiTypes.INT),
            OpenApiParameter("max_price", OpenApiTypes.INT),
            OpenApiParameter("verified", OpenApiTypes.BOOL),
            OpenApiParameter("ordering", OpenApiTypes.STR, enum=list(ORDERINGS)),
            OpenApiParameter("cursor", OpenApiTypes.STR),
            OpenApiParameter("page_size", OpenApiTypes.INT),
        ],
        responses=paginated(ProductListSerializer, cursor=True),
        operation_id="market_products_list",
    )
    @public_cache(max_age=60)
    def get(self, request: Request) -> Response:
        # The same page for everyone: cached, keyed by the sorted query (the page links
        # are absolute, hence the host). A query with parameters the catalogue does not
        # know is answered but not kept: odd URLs must not fill the cache, and the page
        # links would carry them to other visitors.
        params = sorted(request.query_params.lists())
        known = all(name in CATALOGUE_PARAMETERS for name, _values in params)
        key = ("list", request.get_host(), get_language(), params)
        return Response(
            selectors.CATALOGUE.get_or_build(key, lambda: (self.catalogue_page(request), known))
        )

    def catalogue_page(self, request: Request) -> Any:
        params = request.query_params
        q = (params.get("q") or "").strip()[:100]
        ordering = params.get("ordering") or ("relevance" if q else "newest")
        if ordering not in ORDERINGS:
            raise ApiError(_("Nilai tidak valid."), fields={"ordering": [", ".join(ORDERINGS)]})
        qs = selectors.filter_products(
            selectors.public_products(),
            category=params.get("category") or None,
            district=params.get("district") or None,
            village=params.get("village") or None,
            min_price=_int_param(request, "min_price"),
            max_price=_int_param(request, "max_price"),
            verified=_bool_param(request, "verified"),
        )
        if ordering == "relevance" and not q:
            ordering = "newest"
        self.chosen_ordering = ORDERINGS[ordering]
        paginator = ProductCursorPagination()

        def paginate(candidates: Any) -> list[Any]:
            return list(paginator.paginate_queryset(candidates, request, view=self) or [])

        page = selectors.search_page(qs, q, paginate)
        return paginator.get_paginated_response(ProductListSerializer(page, many=True).data).data

    @extend_schema(
        request=ProductInputSerializer,
        responses={201: ProductDetailSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
        operation_id="market_products_create",
    )
    @idempotent()
    def post(self, request: Request) -> Response:
        serializer = ProductInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        product = services.create_product(
            owner=user_of(request), data=serializer.validated_data, request=request
        )
        detail = selectors.product_for(request.user, product.pk)
        return Response(ProductDetailSerializer(detail).data, status=status.HTTP_201_CREATED)


class ProductDetailView(APIView):
    def get_permissions(self) -> list[Any]:
        return [AllowAny()] if self.request.method == "GET" else [IsAuthenticated()]

    @extend_schema(responses=ProductDetailSerializer, operation_id="market_products_retrieve")
    @public_cache(max_age=60)
    def get(self, request: Request, pk: str) -> Response:
        def build() -> tuple[Any, bool]:
            detail = selectors.product_for(request.user, pk)
            data = ProductDetailSerializer(detail, context={"request": request}).data
            # A seller's own draft or a product under review is not for the cache.
            return data, selectors.is_public(detail)

        key = ("product", request.get_host(), get_language(), pk)
        return Response(selectors.CATALOGUE.get_or_build(key, build))

    @extend_schema(
        request=ProductUpdateSerializer,
        responses=ProductDetailSerializer,
        operation_id="market_products_update",
    )
    def patch(self, request: Request, pk: str) -> Response:
        serializer = ProductUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        product = selectors.own_product(user_of(request), pk)
        services.update_product(
            owner=user_of(request), product=product, data=serializer.validated_data, request=request
        )
        return Response(ProductDetailSerializer(selectors.product_for(request.user, pk)).data)


def _product_action(name: str, summary: str) -> type[APIView]:
    class ProductActionView(APIView):
        @extend_schema(
            request=EmptySerializer,
            responses=ProductDetailSerializer,
            operation_id=f"market_products_{name}",
            summary=summary,
        )
        def post(self, request: Request, pk: str) -> Response:
            EmptySerializer(data=request.data).is_valid(raise_exception=True)
            product = selectors.own_product(user_of(request), pk)
            run = services.submit_product if name == "submit" else services.archive_product
            run(owner=user_of(request), product=product, request=request)
            return Response(ProductDetailSerializer(selectors.product_for(request.user, pk)).data)

    ProductActionView.__name__ = f"Product{name.title()}View"
    return ProductActionView


ProductSubmitView = _product_action("submit", "Seller sends a draft for review")
ProductArchiveView = _product_action("archive", "Seller takes a product off the catalogue")


class ProductPhotoView(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(
        request={"multipart/form-data": PhotoUploadSerializer},
        responses={201: ProductDetailSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
        operation_id="market_product_photos_add",
    )
    @idempotent()
    def post(self, request: Request, pk: str) -> Response:
        product = selectors.own_product(user_of(request), pk)
        serializer = PhotoUploadSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.add_photo(
            owner=user_of(request),
            product=product,
            upload=serializer.validated_data["file"],
            request=request,
        )
        detail = selectors.product_for(request.user, pk)
        return Response(ProductDetailSerializer(detail).data, status=status.HTTP_201_CREATED)


class ProductPhotoDeleteView(APIView):
    @extend_schema(request=None, responses={204: None}, operation_id="market_product_photos_delete")
    def delete(self, request: Request, pk: str, photo_pk: str) -> Response:
        product = selectors.own_product(user_of(request), pk)
        services.delete_photo(owner=user_of(request), product=product, photo_id=photo_pk)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ProductPhotoReorderView(APIView):
    @extend_schema(
        request=ReorderSerializer,
        responses=ProductDetailSerializer,
        operation_id="market_product_photos_reorder",
    )
    def post(self, request: Request, pk: str) -> Response:
        serializer = ReorderSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        product = selectors.own_product(user_of(request), pk)
        services.reorder_photos(
            owner=user_of(request), product=product, photo_ids=serializer.validated_data["photos"]
        )
        return Response(ProductDetailSerializer(selectors.product_for(request.user, pk)).data)


class MyProductsView(APIView):
    @extend_schema(
        parameters=[OpenApiParameter("status", OpenApiTypes.STR, enum=ProductStatus.values)],
        responses=paginated(ProductListSerializer),
        operation_id="market_my_products",
    )
    def get(self, request: Request) -> Response:
        wanted = request.query_params.get("status") or None
        if wanted and wanted not in ProductStatus.values:
            raise ApiError(_("Nilai tidak valid."), fields={"status": [_("Status tidak dikenal.")]})
        paginator = StandardPagination()
        page = paginator.paginate_queryset(
            selectors.seller_products(user_of(request), wanted), request, view=self
        )
        return paginator.get_paginated_response(ProductListSerializer(page, many=True).data)


class ShopCreateView(APIView):
    @extend_schema(
        request=ShopInputSerializer,
        responses={201: OwnShopSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
        operation_id="market_shops_open",
    )
    @idempotent()
    def post(self, request: Request) -> Response:
        serializer = ShopInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.open_shop(owner=user_of(request), data=serializer.validated_data, request=request)
        return Response(
            OwnShopSerializer(selectors.own_shop(user_of(request))).data,
            status=status.HTTP_201_CREATED,
        )


class MyShopView(APIView):
    @extend_schema(responses=OwnShopSerializer, operation_id="market_my_shop")
    def get(self, request: Request) -> Response:
        return Response(OwnShopSerializer(selectors.own_shop(user_of(request))).data)

    @extend_schema(
        request=ShopUpdateSerializer,
        responses=OwnShopSerializer,
        operation_id="market_my_shop_update",
    )
    def patch(self, request: Request) -> Response:
        serializer = ShopUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        shop = selectors.own_shop(user_of(request))
        services.update_shop(
            owner=user_of(request), shop=shop, data=serializer.validated_data, request=request
        )
        return Response(OwnShopSerializer(selectors.own_shop(user_of(request))).data)


class MyShopLogoView(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(
        request={"multipart/form-data": LogoUploadSerializer},
        responses=OwnShopSerializer,
        operation_id="market_my_shop_logo",
    )
    def post(self, request: Request) -> Response:
        serializer = LogoUploadSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        shop = selectors.own_shop(user_of(request))
        services.set_logo(
            owner=user_of(request), shop=shop, upload=serializer.validated_data["file"]
        )
        return Response(OwnShopSerializer(selectors.own_shop(user_of(request))).data)


class SellerSummaryView(APIView):
    @extend_schema(responses=SellerSummarySerializer, operation_id="market_seller_summary")
    def get(self, request: Request) -> Response:
        return Response(SellerSummarySerializer(selectors.seller_summary(user_of(request))).data)


class ShopPublicView(APIView):
    """A shop's page: its details and its published products."""

    permission_classes = [AllowAny]

    @extend_schema(
        responses=inline_serializer(
            "ShopPage", {"shop": ShopSerializer(), "products": ProductListSerializer(many=True)}
        ),
        operation_id="market_shops_retrieve",
    )
    @public_cache(max_age=60)
    def get(self, request: Request, slug: str) -> Response:
        shop = selectors.public_shop(slug, request.user)
        products = selectors.public_products().filter(shop=shop).order_by("-published_at")[:100]
        return Response(
            {
                "shop": ShopSerializer(shop).data,
                "products": ProductListSerializer(products, many=True).data,
            }
        )


class OrderListCreateView(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter("role", OpenApiTypes.STR, enum=["buyer", "seller"]),
            OpenApiParameter("status", OpenApiTypes.STR, enum=OrderStatus.values),
        ],
        responses=paginated(OrderSerializer),
        operation_id="market_orders_list",
    )
    def get(self, request: Request) -> Response:
        role = request.query_params.get("role") or "buyer"
        wanted = request.query_params.get("status") or None
        if role not in ("buyer", "seller"):
            raise ApiError(_("Nilai tidak valid."), fields={"role": ["buyer, seller"]})
        if wanted and wanted not in OrderStatus.values:
            raise ApiError(_("Nilai tidak valid."), fields={"status": [_("Status tidak dikenal.")]})
        user = user_of(request)
        qs = (
            selectors.seller_orders(user, wanted)
            if role == "seller"
            else selectors.buyer_orders(user)
        )
        if role == "buyer" and wanted:
            qs = qs.filter(status=wanted)
        paginator = StandardPagination()
        page = paginator.paginate_queryset(qs, request, view=self)
        data = OrderSerializer(page, many=True, context={"request": request}).data
        return paginator.get_paginated_response(data)

    @extend_schema(
        request=OrderInputSerializer,
        responses={201: OrderSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
        operation_id="market_orders_create",
    )
    @idempotent()
    def post(self, request: Request) -> Response:
        serializer = OrderInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        order = services.place_order(
            buyer=user_of(request),
            items=data["items"],
            payment_method=data["payment_method"],
            delivery_note=data.get("delivery_note", ""),
            request=request,
        )
        detail = selectors.order_for(user_of(request), order.pk)
        return Response(
            OrderSerializer(detail, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


class OrderDetailView(APIView):
    @extend_schema(responses=OrderSerializer, operation_id="market_orders_retrieve")
    def get(self, request: Request, pk: str) -> Response:
        order = selectors.order_for(user_of(request), pk)
        return Response(OrderSerializer(order, context={"request": request}).data)


def _order_action(name: str) -> type[APIView]:
    class OrderActionView(APIView):
        @extend_schema(
            request=OptionalReasonSerializer,
            responses=OrderSerializer,
            operation_id=f"market_orders_{name}",
        )
        def post(self, request: Request, pk: str) -> Response:
            serializer = OptionalReasonSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            order = selectors.order_for(user_of(request), pk)
            services.order_action(
                user=user_of(request),
                order=order,
                action=name,
                reason=serializer.validated_data.get("reason", ""),
                request=request,
            )
            fresh = selectors.order_for(user_of(request), pk)
            return Response(OrderSerializer(fresh, context={"request": request}).data)

    OrderActionView.__name__ = f"Order{name.title()}View"
    return OrderActionView


ORDER_ACTION_VIEWS = {name: _order_action(name) for name in services.ORDER_ACTIONS}


class ModerationShopsView(APIView):
    permission_classes = [MarketOfficer]

    @extend_schema(
        parameters=[OpenApiParameter("status", OpenApiTypes.STR, enum=ShopStatus.values)],
        responses=paginated(ModerationShopSerializer),
        operation_id="market_moderation_shops",
    )
    def get(self, request: Request) -> Response:
        wanted = request.query_params.get("status") or None
        if wanted and wanted not in ShopStatus.values:
            raise ApiError(_("Nilai tidak valid."), fields={"status": [_("Status tidak dikenal.")]})
        paginator = StandardPagination()
        page = paginator.paginate_queryset(selectors.moderation_shops(wanted), request, view=self)
        return paginator.get_paginated_response(ModerationShopSerializer(page, many=True).data)


def _shop_moderation(action: str) -> type[APIView]:
    class ShopModerationView(APIView):
        permission_classes = [MarketOfficer]

        @extend_schema(
            request=OptionalReasonSerializer,
            responses=ModerationShopSerializer,
            operation_id=f"market_moderation_shops_{action}",
        )
        def post(self, request: Request, pk: str) -> Response:
            serializer = OptionalReasonSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            shop = selectors.shop_by_id_for_officer(pk)
            services.moderate_shop(
                officer=user_of(request),
                shop=shop,
                action=action,
                reason=serializer.validated_data.get("reason", ""),
                request=request,
            )
            return Response(ModerationShopSerializer(selectors.shop_by_id_for_officer(pk)).data)

    ShopModerationView.__name__ = f"Shop{action.title()}View"
    return ShopModerationView


SHOP_MODERATION_VIEWS = {
    a: _shop_moderation(a) for a in ("verify", "reject", "suspend", "reinstate")
}


class ModerationProductsView(APIView):
    permission_classes = [MarketOfficer]

    @extend_schema(
        responses=paginated(ProductDetailSerializer), operation_id="market_moderation_products"
    )
    def get(self, request: Request) -> Response:
        paginator = StandardPagination()
        page = paginator.paginate_queryset(selectors.moderation_products(), request, view=self)
        return paginator.get_paginated_response(ProductDetailSerializer(page, many=True).data)


def _product_moderation(approve: bool) -> type[APIView]:
    name = "approve" if approve else "reject"

    class ProductModerationView(APIView):
        permission_classes = [MarketOfficer]

        @extend_schema(
            request=OptionalReasonSerializer,
            responses=ProductDetailSerializer,
            operation_id=f"market_moderation_products_{name}",
        )
        def post(self, request: Request, pk: str) -> Response:
            serializer = OptionalReasonSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            product = selectors.product_for(request.user, pk)
            services.moderate_product(
                officer=user_of(request),
                product=product,
                approve=approve,
                reason=serializer.validated_data.get("reason", ""),
                request=request,
            )
            return Response(ProductDetailSerializer(selectors.product_after_action(pk)).data)

    ProductModerationView.__name__ = f"Product{name.title()}ModerationView"
    return ProductModerationView


ProductApproveView = _product_moderation(True)
ProductRejectView = _product_moderation(False)
