"""The UMKM marketplace: shops, products with photos, and orders that hold stock."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import Village


class Category(models.Model):
    slug = models.SlugField(max_length=30, primary_key=True)
    name_id = models.CharField(max_length=60)
    name_en = models.CharField(max_length=60)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name_id


class ShopStatus(models.TextChoices):
    PENDING = "pending", _("Menunggu verifikasi")
    VERIFIED = "verified", _("Terverifikasi")
    REJECTED = "rejected", _("Ditolak")
    SUSPENDED = "suspended", _("Ditangguhkan")


def logo_path(instance: Shop, filename: str) -> str:
    return f"shops/{instance.pk}/logo-{uuid.uuid4().hex[:8]}.webp"


class Shop(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="shop"
    )
    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=90, unique=True)
    description = models.TextField(max_length=2000, blank=True)
    village = models.ForeignKey(Village, on_delete=models.PROTECT, related_name="+")
    whatsapp = models.CharField(max_length=16, help_text="E.164")
    nib = models.CharField(max_length=13, help_text="Nomor Induk Berusaha (OSS), 13 digits")
    pirt = models.CharField(max_length=15, blank=True, help_text="P-IRT number, 15 digits")
    halal_number = models.CharField(max_length=40, blank=True)
    logo = models.ImageField(upload_to=logo_path, blank=True, max_length=200)
    status = models.CharField(max_length=12, choices=ShopStatus.choices, default=ShopStatus.PENDING)
    status_reason = models.TextField(blank=True)
    verified_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(nib__regex=r"^[0-9]{13}$"), name="shop_nib_13_digits"
            ),
            models.CheckConstraint(
                condition=Q(pirt="") | Q(pirt__regex=r"^[0-9]{15}$"), name="shop_pirt_15_digits"
            ),
        ]
        indexes = [models.Index(fields=["status", "village"])]

    def __str__(self) -> str:
        return self.name


class ProductStatus(models.TextChoices):
    DRAFT = "draft", _("Draf")
    PENDING = "pending", _("Menunggu tinjauan")
    PUBLISHED = "published", _("Tayang")
    REJECTED = "rejected", _("Ditolak")
    ARCHIVED = "archived", _("Diarsipkan")


class Product(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    shop = models.ForeignKey(Shop, on_delete=models.PROTECT, related_name="products")
    title = models.CharField(max_length=120)
    description = models.TextField(max_length=4000, blank=True)
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="products")
    price = models.PositiveBigIntegerField(help_text="Whole rupiah")
    unit = models.CharField(max_length=30, default="pcs")
    stock = models.IntegerField(default=0)
    status = models.CharField(
        max_length=12, choices=ProductStatus.choices, default=ProductStatus.DRAFT
    )
    rejection_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-published_at", "-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(price__gt=0), name="product_price_positive"),
            models.CheckConstraint(condition=Q(stock__gte=0), name="product_stock_not_negative"),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at"]),
            models.Index(fields=["status", "category", "price"]),
            models.Index(fields=["shop", "status"]),
        ]

    def __str__(self) -> str:
        return self.title


def photo_path(instance: ProductPhoto, filename: str) -> str:
    return f"products/{instance.product_id}/{uuid.uuid4().hex}-{filename}"


class ProductPhoto(models.Model):
    """A product photo in WebP at up to three widths; the first by position is the cover."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="photos")
    position = models.PositiveSmallIntegerField(default=0)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    image_320 = models.ImageField(upload_to=photo_path, max_length=200)
    image_640 = models.ImageField(upload_to=photo_path, max_length=200, blank=True)
    image_1280 = models.ImageField(upload_to=photo_path, max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "created_at"]

    def __str__(self) -> str:
        return f"{self.product_id} #{self.position}"


class OrderStatus(models.TextChoices):
    PENDING = "pending", _("Menunggu konfirmasi")
    CONFIRMED = "confirmed", _("Dikonfirmasi")
    SENT = "sent", _("Dikirim")
    COMPLETED = "completed", _("Selesai")
    CANCELLED = "cancelled", _("Dibatalkan")


class PaymentMethod(models.TextChoices):
    COD = "cod", _("Bayar di tempat (COD)")
    TRANSFER = "transfer", _("Transfer bank")


class Order(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    code = models.CharField(max_length=14, unique=True)
    shop = models.ForeignKey(Shop, on_delete=models.PROTECT, related_name="orders")
    buyer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="market_orders"
    )
    status = models.CharField(
        max_length=12, choices=OrderStatus.choices, default=OrderStatus.PENDING
    )
    payment_method = models.CharField(max_length=10, choices=PaymentMethod.choices)
    delivery_note = models.TextField(max_length=1000, blank=True)
    total = models.PositiveBigIntegerField()
    cancel_reason = models.TextField(blank=True)
    cancelled_by = models.CharField(max_length=10, blank=True)  # "buyer" or "seller"
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["buyer", "-created_at"]),
            models.Index(fields=["shop", "status", "-created_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="cancelled") | ~Q(cancelled_by=""),
                name="order_cancel_has_side",
            ),
        ]

    def __str__(self) -> str:
        return self.code


class OrderItem(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="items")
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=120)
    unit = models.CharField(max_length=30)
    unit_price = models.PositiveBigIntegerField()
    quantity = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gte=1), name="order_item_quantity_min"),
            models.UniqueConstraint(fields=["order", "product"], name="order_item_product_once"),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} x {self.title}"

    @property
    def subtotal(self) -> int:
        return self.unit_price * self.quantity
