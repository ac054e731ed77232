"""Shops, products, photos and moderation."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from django.core.files.storage import default_storage
from PIL import Image
from rest_framework.test import APIClient

from accounts.models import User
from market.models import Product, ProductPhoto, Shop
from tests.factories import make_user
from tests.market.conftest import SHOP, jpeg, open_shop, published_product, upload

pytestmark = pytest.mark.django_db
Login = Callable[[User], APIClient]


def test_resident_opens_a_shop_and_becomes_a_seller(as_user: Login, seller: User) -> None:
    client = as_user(seller)
    assert client.get("/api/v1/me/").json()["roles"] == ["resident"]
    response = client.post("/api/v1/market/shops/", SHOP, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "pending"
    assert body["slug"] == "keripik-bu-ani"
    assert body["whatsapp"] == "+6281255550001"
    assert "seller" in client.get("/api/v1/me/").json()["roles"]
    again = client.post("/api/v1/market/shops/", {**SHOP, "name": "Toko Kedua"}, format="json")
    assert again.status_code == 409


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("nib", "12345"),
        ("nib", "91200012345ab"),
        ("pirt", "2160201010020"),  # 13 digits
        ("pirt", "206999901032529"),  # unknown regency 99.99
        ("pirt", "206160201032520"),  # expired in 2020
        ("whatsapp", "+14155552671"),
        ("village_code", "99.99.99.9999"),
    ],
)
def test_shop_identifiers_are_checked(as_user: Login, seller: User, field: str, value: str) -> None:
    response = as_user(seller).post("/api/v1/market/shops/", {**SHOP, field: value}, format="json")
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]
    assert not Shop.objects.exists()


def test_photo_is_cleaned_and_made_in_three_sizes(as_user: Login, shop: Shop) -> None:
    client = as_user(shop.owner)
    created = client.post(
        "/api/v1/market/products/",
        {"title": "Kemplang Ikan", "category": "kuliner", "price": 25000, "stock": 4},
        format="json",
    ).json()
    image = Image.new("RGB", (2000, 1000), "white")
    image.paste((0, 0, 255), (0, 0, 500, 1000))  # blue band on the left
    exif = Image.Exif()
    exif[0x0112] = 6  # to be rotated 90° clockwise
    exif[0x8825] = {1: "S", 2: (3.0, 24.0, 0.0), 3: "E", 4: (104.0, 49.0, 0.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    assert Image.open(io.BytesIO(buffer.getvalue())).getexif().get_ifd(0x8825)  # GPS is there
    response = client.post(
        f"/api/v1/market/products/{created['id']}/photos/",
        {"file": upload("kemplang.jpg", buffer.getvalue())},
        format="multipart",
    )
    assert response.status_code == 201, response.content
    photo = ProductPhoto.objects.get()
    assert (photo.width, photo.height) == (1000, 2000)
    for width in (320, 640, 1280):
        stored = getattr(photo, f"image_{width}")
        with default_storage.open(stored.name) as handle:
            data = handle.read()
        result = Image.open(io.BytesIO(data))
        assert result.format == "WEBP"
        assert result.width == min(width, 1000)
        assert not result.getexif()
        assert b"Exif" not in data
        top = result.getpixel((result.width // 2, 2))
        assert isinstance(top, tuple) and top[2] > 200  # the blue band is on top now
    cover = response.json()["cover"]
    assert cover["srcset"].count("w,") == 2
    media = APIClient().get(cover["src"])
    assert media.status_code == 200
    assert "immutable" in media["Cache-Control"]


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("a.jpg", jpeg()[:300], "corrupt_file"),
        ("a.jpg", b"", "file_empty"),
        ("a.jpg", b"%PDF-1.4\n", "unsupported_file_type"),
        ("a.txt", b"hello", "unsupported_file_type"),
        ("a.pdf", jpeg(), "file_type_mismatch"),
    ],
)
def test_bad_photos_are_400(
    as_user: Login, shop: Shop, name: str, content: bytes, code: str
) -> None:
    client = as_user(shop.owner)
    created = client.post(
        "/api/v1/market/products/",
        {"title": "Produk Uji", "category": "lainnya", "price": 1000},
        format="json",
    ).json()
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        f"/api/v1/market/products/{created['id']}/photos/",
        {"file": SimpleUploadedFile(name, content)},
        format="multipart",
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == code
    assert not ProductPhoto.objects.exists()


def test_at_most_eight_photos(shop: Shop) -> None:
    from core.exceptions import ApiError
    from market import services

    product = services.create_product(
        owner=shop.owner, data={"title": "Tikar", "category": "kerajinan", "price": 50000}
    )
    for _ in range(8):
        services.add_photo(
            owner=shop.owner, product=product, upload=upload(content=jpeg((400, 300)))
        )
    with pytest.raises(ApiError):
        services.add_photo(
            owner=shop.owner, product=product, upload=upload(content=jpeg((400, 300)))
        )


def test_product_lifecycle_and_review_rules(
    as_user: Login, shop: Shop, market_officer_user: User
) -> None:
    client, officer = as_user(shop.owner), as_user(market_officer_user)
    draft = client.post(
        "/api/v1/market/products/",
        {
            "title": "Pempek Lenjer",
            "description": "Ikan belida",
            "category": "kuliner",
            "price": 30000,
            "unit": "porsi",
            "stock": 5,
        },
        format="json",
    ).json()
    assert draft["status"] == "draft"
    no_photo = client.post(f"/api/v1/market/products/{draft['id']}/submit/", {}, format="json")
    assert no_photo.status_code == 400
    assert no_photo.json()["error"]["code"] == "photo_required"
    client.post(
        f"/api/v1/market/products/{draft['id']}/photos/", {"file": upload()}, format="multipart"
    )
    assert (
        client.post(f"/api/v1/market/products/{draft['id']}/submit/", {}, format="json").json()[
            "status"
        ]
        == "pending"
    )
    # Not public while pending.
    assert APIClient().get(f"/api/v1/market/products/{draft['id']}/").status_code == 404
    queue = officer.get("/api/v1/market/moderation/products/").json()
    assert [p["id"] for p in queue["results"]] == [draft["id"]]
    approved = officer.post(
        f"/api/v1/market/moderation/products/{draft['id']}/approve/", {}, format="json"
    )
    assert approved.json()["status"] == "published"
    assert APIClient().get(f"/api/v1/market/products/{draft['id']}/").status_code == 200

    # Price and stock change without review.
    cheaper = client.patch(
        f"/api/v1/market/products/{draft['id']}/", {"price": 28000, "stock": 9}, format="json"
    )
    assert cheaper.json()["status"] == "published"
    assert cheaper.json()["price"] == 28000
    # A new title goes back to review and leaves the catalogue.
    renamed = client.patch(
        f"/api/v1/market/products/{draft['id']}/", {"title": "Pempek Lenjer Besar"}, format="json"
    )
    assert renamed.json()["status"] == "pending"
    assert APIClient().get(f"/api/v1/market/products/{draft['id']}/").status_code == 404
    # A new photo too.
    officer.post(f"/api/v1/market/moderation/products/{draft['id']}/approve/", {}, format="json")
    client.post(
        f"/api/v1/market/products/{draft['id']}/photos/", {"file": upload()}, format="multipart"
    )
    assert Product.objects.get(pk=draft["id"]).status == "pending"

    reject = officer.post(
        f"/api/v1/market/moderation/products/{draft['id']}/reject/", {}, format="json"
    )
    assert reject.status_code == 400
    rejected = officer.post(
        f"/api/v1/market/moderation/products/{draft['id']}/reject/",
        {"reason": "Foto kedua bukan produk ini."},
        format="json",
    ).json()
    assert rejected["status"] == "rejected"
    assert rejected["rejection_reason"] == "Foto kedua bukan produk ini."
    again = officer.post(
        f"/api/v1/market/moderation/products/{draft['id']}/approve/", {}, format="json"
    )
    assert again.status_code == 409


def test_photo_reorder_and_delete(as_user: Login, shop: Shop, market_officer_user: User) -> None:
    product = published_product(shop, market_officer_user)
    client = as_user(shop.owner)
    second = client.post(
        f"/api/v1/market/products/{product.pk}/photos/", {"file": upload()}, format="multipart"
    ).json()
    ids = [p["id"] for p in second["photos"]]
    reordered = client.post(
        f"/api/v1/market/products/{product.pk}/photos/reorder/",
        {"photos": ids[::-1]},
        format="json",
    ).json()
    assert [p["id"] for p in reordered["photos"]] == ids[::-1]
    assert reordered["cover"]["id"] == ids[-1]
    bad = client.post(
        f"/api/v1/market/products/{product.pk}/photos/reorder/", {"photos": ids[:1]}, format="json"
    )
    assert bad.status_code == 400
    assert (
        client.delete(f"/api/v1/market/products/{product.pk}/photos/{ids[0]}/").status_code == 204
    )
    assert ProductPhoto.objects.filter(product=product).count() == 1


def test_seller_a_cannot_see_or_touch_seller_b(
    as_user: Login, shop: Shop, market_officer_user: User
) -> None:
    draft_b = published_product(shop, market_officer_user)
    hidden_b = Product.objects.create(shop=shop, title="Rahasia", category_id="kuliner", price=1000)
    seller_a = make_user(full_name="Penjual A")
    open_shop(seller_a, name="Toko A", nib="9120001234568")
    client = as_user(seller_a)
    assert client.get(f"/api/v1/market/products/{hidden_b.pk}/").status_code == 404
    for method, url, body in [
        ("patch", f"/api/v1/market/products/{draft_b.pk}/", {"price": 1}),
        ("patch", f"/api/v1/market/products/{hidden_b.pk}/", {"price": 1}),
        ("post", f"/api/v1/market/products/{hidden_b.pk}/submit/", {}),
        ("post", f"/api/v1/market/products/{draft_b.pk}/archive/", {}),
        ("post", f"/api/v1/market/products/{draft_b.pk}/photos/reorder/", {"photos": []}),
    ]:
        response = getattr(client, method)(url, body, format="json")
        assert response.status_code == 404, url
    photo = draft_b.photos.first()
    assert photo is not None
    assert (
        client.delete(f"/api/v1/market/products/{draft_b.pk}/photos/{photo.pk}/").status_code == 404
    )
    mine = client.get("/api/v1/market/products/mine/").json()
    assert mine["count"] == 0
    assert Product.objects.get(pk=draft_b.pk).price == 15000


def test_shop_moderation_and_suspension_hides_products(
    as_user: Login, shop: Shop, market_officer_user: User, resident: User
) -> None:
    product = published_product(shop, market_officer_user)
    officer = as_user(market_officer_user)
    assert APIClient().get(f"/api/v1/market/products/{product.pk}/").status_code == 200
    missing = officer.post(f"/api/v1/market/moderation/shops/{shop.pk}/suspend/", {}, format="json")
    assert missing.status_code == 400
    suspended = officer.post(
        f"/api/v1/market/moderation/shops/{shop.pk}/suspend/",
        {"reason": "Laporan penipuan sedang diperiksa."},
        format="json",
    )
    assert suspended.json()["status"] == "suspended", suspended.content
    assert APIClient().get(f"/api/v1/market/products/{product.pk}/").status_code == 404
    assert APIClient().get(f"/api/v1/market/shops/{shop.slug}/").status_code == 404
    assert APIClient().get("/api/v1/market/products/").json()["results"] == []
    officer.post(f"/api/v1/market/moderation/shops/{shop.pk}/reinstate/", {}, format="json")
    assert APIClient().get(f"/api/v1/market/products/{product.pk}/").status_code == 200
    # Wrong role.
    assert as_user(resident).get("/api/v1/market/moderation/shops/").status_code == 403
    assert (
        as_user(resident)
        .post(f"/api/v1/market/moderation/shops/{shop.pk}/verify/", {}, format="json")
        .status_code
        == 403
    )


def test_new_permit_numbers_are_verified_again(as_user: Login, shop: Shop) -> None:
    client = as_user(shop.owner)
    assert client.get("/api/v1/market/shops/mine/").json()["status"] == "verified"
    changed = client.patch("/api/v1/market/shops/mine/", {"description": "Baru"}, format="json")
    assert changed.json()["status"] == "verified"
    changed = client.patch("/api/v1/market/shops/mine/", {"halal_number": "ID999"}, format="json")
    assert changed.json()["status"] == "pending"


def test_whatsapp_link_has_the_product_and_no_personal_data(shop: Shop, product: Product) -> None:
    body = APIClient().get(f"/api/v1/market/products/{product.pk}/").json()
    url = body["whatsapp_url"]
    assert url.startswith("https://wa.me/6281255550001?text=")
    from urllib.parse import unquote

    text = unquote(url.split("text=", 1)[1])
    assert "Keripik Pisang Manis" in text and "Rp 15.000" in text
    assert body["shop"]["verified"] is True and body["shop"]["halal"] is True
    assert body["shop"]["pirt"] is True


def test_every_bad_shop_field_is_reported_at_once(as_user: Login, seller: User) -> None:
    response = as_user(seller).post(
        "/api/v1/market/shops/",
        {**SHOP, "name": "A", "nib": "1", "pirt": "12", "whatsapp": "+14155552671"},
        format="json",
    )
    assert response.status_code == 400
    assert {"name", "nib", "pirt", "whatsapp"} <= set(response.json()["error"]["fields"])


def test_only_the_seller_sees_the_buyers_phone_and_links_are_absolute(
    as_user: Login, resident: User, product: Product
) -> None:
    order = (
        as_user(resident)
        .post(
            "/api/v1/market/orders/",
            {"items": [{"product": str(product.pk), "quantity": 1}], "payment_method": "cod"},
            format="json",
        )
        .json()
    )
    assert order["buyer_phone"] is None
    seen_by_seller = as_user(product.shop.owner).get(f"/api/v1/market/orders/{order['id']}/")
    assert seen_by_seller.json()["buyer_phone"] == resident.phone
    from urllib.parse import unquote

    url = APIClient().get(f"/api/v1/market/products/{product.pk}/").json()["whatsapp_url"]
    assert f"http://testserver/umkm/produk/{product.pk}" in unquote(url)
