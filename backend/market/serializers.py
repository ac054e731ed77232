"""Shapes of marketplace input and output."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from django.conf import settings
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.serializers import StrictSerializer
from market import selectors
from market.models import Category, Order, OrderItem, Product, ProductPhoto, Shop

PHOTO_SCHEMA = {
    "type": "object",
    "nullable": True,
    "properties": {
        "id": {"type": "string"},
        "src": {"type": "string"},
        "srcset": {"type": "string"},
        "width": {"type": "integer"},
        "height": {"type": "integer"},
    },
}


def photo_data(photo: ProductPhoto) -> dict[str, Any]:
    sources = [
        (width, getattr(photo, f"image_{width}"))
        for width in (320, 640, 1280)
        if getattr(photo, f"image_{width}")
    ]
    return {
        "id": str(photo.pk),
        "src": sources[min(1, len(sources) - 1)][1].url,
        "srcset": ", ".join(f"{field.url} {min(width, photo.width)}w" for width, field in sources),
        "width": photo.width,
        "height": photo.height,
    }


def whatsapp_url(number: str, text: str) -> str:
    return f"https://wa.me/{number.lstrip('+')}?text={quote(text)}"


class CategorySerializer(serializers.ModelSerializer):
    name = serializers.SerializerMethodField()

    class Meta:
        model = Category
        fields = ["slug", "name"]

    def get_name(self, obj: Category) -> str:
        return obj.name_en if selectors.english() else obj.name_id


class ShopBriefSerializer(serializers.ModelSerializer):
    village = serializers.CharField(source="village.name")
    district = serializers.CharField(source="village.district.name")
    verified = serializers.SerializerMethodField()
    halal = serializers.SerializerMethodField()
    pirt = serializers.SerializerMethodField()

    class Meta:
        model = Shop
        fields = ["id", "name", "slug", "village", "district", "verified", "halal", "pirt"]

    def get_verified(self, obj: Shop) -> bool:
        return obj.status == "verified"

    def get_halal(self, obj: Shop) -> bool:
        return bool(obj.halal_number)

    def get_pirt(self, obj: Shop) -> bool:
        return bool(obj.pirt)


class ProductListSerializer(serializers.ModelSerializer):
    shop = ShopBriefSerializer()
    category = serializers.CharField(source="category_id")
    cover = serializers.SerializerMethodField()

    class Meta:
        model = Product
        fields = [
            "id",
            "title",
            "price",
            "unit",
            "stock",
            "status",
            "rejection_reason",
            "category",
            "shop",
            "cover",
            "published_at",
        ]

    @extend_schema_field(PHOTO_SCHEMA)
    def get_cover(self, obj: Product) -> dict[str, Any] | None:
        photos = list(obj.photos.all())
        return photo_data(photos[0]) if photos else None


class ProductDetailSerializer(ProductListSerializer):
    photos = serializers.SerializerMethodField()
    whatsapp_url = serializers.SerializerMethodField()
    category_name = serializers.SerializerMethodField()

    class Meta(ProductListSerializer.Meta):
        fields = [
            *ProductListSerializer.Meta.fields,
            "description",
            "photos",
            "whatsapp_url",
            "category_name",
            "updated_at",
        ]

    @extend_schema_field({"type": "array", "items": PHOTO_SCHEMA})
    def get_photos(self, obj: Product) -> list[dict[str, Any]]:
        return [photo_data(photo) for photo in obj.photos.all()]

    def get_category_name(self, obj: Product) -> str:
        return obj.category.name_en if selectors.english() else obj.category.name_id

    def get_whatsapp_url(self, obj: Product) -> str:
        """A chat with the seller about this product; no personal data of the buyer in it."""
        path = f"/umkm/produk/{obj.pk}"
        request = self.context.get("request")
        base = getattr(settings, "PUBLIC_BASE_URL", "")
        link = f"{base}{path}" if base or request is None else request.build_absolute_uri(path)
        price = f"{obj.price:,}".replace(",", ".")
        text = (
            f"Halo {obj.shop.name}, saya tertarik dengan {obj.title} "
            f"(Rp {price}/{obj.unit}) di Pintu Warga: {link}"
        )
        return whatsapp_url(obj.shop.whatsapp, text)


class ShopSerializer(serializers.ModelSerializer):
    village = serializers.SerializerMethodField()
    logo = serializers.SerializerMethodField()
    whatsapp_url = serializers.SerializerMethodField()
    verified = serializers.SerializerMethodField()

    class Meta:
        model = Shop
        fields = [
            "id",
            "name",
            "slug",
            "description",
            "village",
            "logo",
            "whatsapp_url",
            "nib",
            "pirt",
            "halal_number",
            "status",
            "verified",
            "verified_at",
            "created_at",
        ]

    @extend_schema_field(
        {
            "type": "object",
            "properties": {
                "code": {"type": "string"},
                "name": {"type": "string"},
                "district": {"type": "string"},
            },
        }
    )
    def get_village(self, obj: Shop) -> dict[str, str]:
        return {
            "code": obj.village.code,
            "name": obj.village.name,
            "district": obj.village.district.name,
        }

    @extend_schema_field(OpenApiTypes.STR)
    def get_logo(self, obj: Shop) -> str | None:
        return obj.logo.url if obj.logo else None

    def get_whatsapp_url(self, obj: Shop) -> str:
        return whatsapp_url(
            obj.whatsapp, f"Halo {obj.name}, saya melihat toko Anda di Pintu Warga."
        )

    def get_verified(self, obj: Shop) -> bool:
        return obj.status == "verified"


class OwnShopSerializer(ShopSerializer):
    class Meta(ShopSerializer.Meta):
        fields = [*ShopSerializer.Meta.fields, "whatsapp", "status_reason"]


class ModerationShopSerializer(OwnShopSerializer):
    owner_name = serializers.CharField(source="owner.full_name")

    class Meta(OwnShopSerializer.Meta):
        fields = [*OwnShopSerializer.Meta.fields, "owner_name"]


class ShopInputSerializer(StrictSerializer):
    name = serializers.CharField(max_length=80)
    description = serializers.CharField(max_length=2000, required=False, allow_blank=True)
    village_code = serializers.CharField(max_length=13)
    whatsapp = serializers.CharField(max_length=32)
    nib = serializers.CharField(max_length=20)
    pirt = serializers.CharField(max_length=25, required=False, allow_blank=True)
    halal_number = serializers.CharField(max_length=40, required=False, allow_blank=True)


class ShopUpdateSerializer(ShopInputSerializer):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False


class ProductInputSerializer(StrictSerializer):
    title = serializers.CharField(max_length=120, min_length=3)
    description = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    category = serializers.CharField(max_length=30)
    price = serializers.IntegerField(min_value=1, max_value=1_000_000_000)
    unit = serializers.CharField(max_length=30, required=False)
    stock = serializers.IntegerField(min_value=0, max_value=1_000_000, required=False)


class ProductUpdateSerializer(ProductInputSerializer):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False


class PhotoUploadSerializer(StrictSerializer):
    file = serializers.FileField(allow_empty_file=True, max_length=200)


class LogoUploadSerializer(PhotoUploadSerializer):
    pass


class ReorderSerializer(StrictSerializer):
    photos = serializers.ListField(child=serializers.UUIDField(), max_length=8)


class OptionalReasonSerializer(StrictSerializer):
    reason = serializers.CharField(max_length=1000, required=False, allow_blank=True)


class EmptySerializer(StrictSerializer):
    pass


class OrderLineInputSerializer(StrictSerializer):
    product = serializers.UUIDField()
    quantity = serializers.IntegerField(min_value=1, max_value=999)


class OrderInputSerializer(StrictSerializer):
    items = OrderLineInputSerializer(many=True, allow_empty=False)
    payment_method = serializers.ChoiceField(choices=["cod", "transfer"])
    delivery_note = serializers.CharField(max_length=1000, required=False, allow_blank=True)


class OrderItemSerializer(serializers.ModelSerializer):
    product = serializers.UUIDField(source="product_id")
    subtotal = serializers.IntegerField()

    class Meta:
        model = OrderItem
        fields = ["product", "title", "unit", "unit_price", "quantity", "subtotal"]


class OrderSerializer(serializers.ModelSerializer):
    shop = ShopBriefSerializer()
    buyer_name = serializers.CharField(source="buyer.full_name")
    buyer_phone = serializers.SerializerMethodField()
    status_label = serializers.SerializerMethodField()
    items = OrderItemSerializer(many=True)
    side = serializers.SerializerMethodField()
    allowed_actions = serializers.SerializerMethodField()

    class Meta:
        model = Order
        fields = [
            "id",
            "code",
            "shop",
            "buyer_name",
            "buyer_phone",
            "status",
            "status_label",
            "payment_method",
            "delivery_note",
            "total",
            "items",
            "cancel_reason",
            "cancelled_by",
            "created_at",
            "updated_at",
            "side",
            "allowed_actions",
        ]

    def get_status_label(self, obj: Order) -> str:
        from market.models import OrderStatus

        return str(OrderStatus(obj.status).label)

    @extend_schema_field(OpenApiTypes.STR)
    def get_buyer_phone(self, obj: Order) -> str | None:
        """Only the seller of this order sees the buyer's number, to arrange delivery."""
        return obj.buyer.phone if self.get_side(obj) == "seller" else None

    def get_side(self, obj: Order) -> str:
        user = self.context["request"].user
        return "seller" if obj.shop.owner_id == user.pk else "buyer"

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_allowed_actions(self, obj: Order) -> list[str]:
        side = self.get_side(obj)
        status = obj.status
        actions = []
        if side == "seller":
            if status == "pending":
                actions += ["confirm", "cancel"]
            elif status == "confirmed":
                actions += ["send", "cancel"]
            elif status == "sent":
                actions.append("complete")
        else:
            if status == "pending":
                actions.append("cancel")
            elif status == "sent":
                actions.append("complete")
        return actions


class SellerSummarySerializer(serializers.Serializer):
    shop = serializers.DictField()
    orders_by_status = serializers.DictField(child=serializers.IntegerField())
    products_by_status = serializers.DictField(child=serializers.IntegerField())
    low_stock = serializers.ListField(child=serializers.DictField())
    low_stock_threshold = serializers.IntegerField()
