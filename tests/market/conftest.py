from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from rest_framework.test import APIClient

from accounts.models import Role, User
from market import services
from market.models import Product, Shop
from tests.factories import make_user

SHOP = {
    "name": "Keripik Bu Ani",
    "description": "Keripik pisang dan singkong khas Kayu Agung.",
    "village_code": "16.02.05.1002",
    "whatsapp": "081255550001",
    "nib": "9120001234567",
    "pirt": "206160201032529",
    "halal_number": "ID16110000123450424",
}


def jpeg(size: tuple[int, int] = (1600, 1200), **save: Any) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 150, 50)).save(buffer, "JPEG", **save)
    return buffer.getvalue()


def upload(name: str = "foto.jpg", content: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content or jpeg(), content_type="image/jpeg")


@pytest.fixture(autouse=True)
def _media(tmp_path: Any, settings: Any) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def market_officer_user(db: Any) -> User:
    from accounts.services import assign_role

    user = make_user(full_name="Petugas UMKM")
    assign_role(user=user, role=Role.MARKET_OFFICER)
    return user


def open_shop(owner: User, **overrides: Any) -> Shop:
    return services.open_shop(owner=owner, data={**SHOP, **overrides})


def published_product(
    shop: Shop,
    officer: User,
    *,
    title: str = "Keripik Pisang Manis",
    price: int = 15_000,
    stock: int = 10,
    category: str = "kuliner",
    description: str = "Renyah, tanpa pengawet.",
) -> Product:
    owner = shop.owner
    product = services.create_product(
        owner=owner,
        data={
            "title": title,
            "description": description,
            "category": category,
            "price": price,
            "unit": "bungkus",
            "stock": stock,
        },
    )
    services.add_photo(owner=owner, product=product, upload=upload())
    services.submit_product(owner=owner, product=product)
    return services.moderate_product(officer=officer, product=product, approve=True)


@pytest.fixture
def seller(db: Any) -> User:
    return make_user(full_name="Ani Penjual", sex="F")


@pytest.fixture
def shop(seller: User, market_officer_user: User) -> Shop:
    shop = open_shop(seller)
    return services.moderate_shop(officer=market_officer_user, shop=shop, action="verify")


@pytest.fixture
def product(shop: Shop, market_officer_user: User) -> Product:
    return published_product(shop, market_officer_user)


@pytest.fixture
def as_user(login: Callable[[User], APIClient]) -> Callable[[User], APIClient]:
    return login
