"""A verified demo shop with published products and an order; a shop and a product waiting
for the market officer. Created through the same services people use. Idempotent."""

from __future__ import annotations

import io
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from PIL import Image, ImageDraw

from accounts.models import Role, RoleAssignment, User
from market import services
from market.models import Order, Shop

DEMO_SHOP = {
    "name": "Dapur Kayu Agung",
    "description": "Olahan ikan dan camilan khas OKI, dibuat setiap hari di Kayuagung.",
    "whatsapp": "081200000004",
    "nib": "9120305160001",
    "pirt": "206160201032530",
    "halal_number": "ID16110000555660924",
}
# title, category, price, unit, stock, colour, description
PRODUCTS = [
    (
        "Kemplang Panggang Ikan Gabus",
        "kuliner",
        25_000,
        "bungkus",
        40,
        (214, 160, 80),
        "Kerupuk ikan gabus dipanggang arang, renyah tanpa minyak. 250 gram.",
    ),
    (
        "Pempek Kapal Selam",
        "kuliner",
        12_000,
        "porsi",
        25,
        (200, 120, 60),
        "Pempek isi telur dengan cuko pedas manis. Dikirim beku.",
    ),
    (
        "Ikan Salai Patin",
        "perikanan",
        60_000,
        "kg",
        8,
        (120, 90, 60),
        "Ikan patin asap dari Sungai Komering, tahan dua minggu.",
    ),
    (
        "Madu Hutan Air Sugihan",
        "pertanian",
        95_000,
        "botol",
        3,
        (230, 180, 40),
        "Madu lebah hutan asli, 500 ml.",
    ),
]


def _photo(title: str, colour: tuple[int, int, int]) -> SimpleUploadedFile:
    image = Image.new("RGB", (1400, 1050), colour)
    draw = ImageDraw.Draw(image)
    draw.ellipse((350, 180, 1050, 880), fill=tuple(min(255, c + 40) for c in colour))
    draw.text((60, 60), title, fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return SimpleUploadedFile(f"{title}.jpg", buffer.getvalue(), content_type="image/jpeg")


class Command(BaseCommand):
    help = "Create the demo shop, products and an order (idempotent)."

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        if not User.objects.filter(phone="+6281200000004").exists():
            call_command("seed_demo", "--quiet")
        seller = User.objects.get(phone="+6281200000004")
        if Shop.objects.filter(owner=seller).exists():
            self.stdout.write("demo shop already present")
            return
        officer = RoleAssignment.objects.get(
            role=Role.MARKET_OFFICER, user__phone="+6281200000005"
        ).user
        buyer = User.objects.get(phone="+6281200000001")
        shop = services.open_shop(
            owner=seller, data={**DEMO_SHOP, "village_code": seller.village_id}
        )
        services.moderate_shop(officer=officer, shop=shop, action="verify")
        products = []
        for title, category, price, unit, stock, colour, description in PRODUCTS:
            product = services.create_product(
                owner=seller,
                data={
                    "title": title,
                    "category": category,
                    "price": price,
                    "unit": unit,
                    "stock": stock,
                    "description": description,
                },
            )
            services.add_photo(owner=seller, product=product, upload=_photo(title, colour))
            services.submit_product(owner=seller, product=product)
            services.moderate_product(officer=officer, product=product, approve=True)
            products.append(product)
        # Waiting for the officer: one new product of the demo shop.
        waiting = services.create_product(
            owner=seller,
            data={
                "title": "Kerupuk Kulit Ikan Belida",
                "category": "kuliner",
                "price": 18_000,
                "unit": "bungkus",
                "stock": 20,
                "description": "Baru: kerupuk kulit ikan.",
            },
        )
        services.add_photo(
            owner=seller, product=waiting, upload=_photo(waiting.title, (180, 140, 90))
        )
        services.submit_product(owner=seller, product=waiting)
        # An order from the demo resident, confirmed by the seller.
        order = services.place_order(
            buyer=buyer,
            items=[
                {"product": products[0].pk, "quantity": 2},
                {"product": products[1].pk, "quantity": 5},
            ],
            payment_method="cod",
            delivery_note="Antar sore hari, rumah cat hijau dekat masjid.",
        )
        services.order_action(user=seller, order=order, action="confirm")
        # A new shop of another resident, waiting for verification.
        other = User.objects.filter(phone="+6281200000012").first()
        if other is not None and not Shop.objects.filter(owner=other).exists():
            services.open_shop(
                owner=other,
                data={
                    "name": "Anyaman Purun Pedamaran",
                    "description": "Tikar dan tas purun.",
                    "village_code": other.village_id or seller.village_id,
                    "whatsapp": "081200000012",
                    "nib": "9120305160002",
                },
            )
        orders = Order.objects.filter(buyer=buyer).count()
        self.stdout.write(f"demo shop with {len(products)} products and {orders} order")
