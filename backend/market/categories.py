"""The marketplace's categories (data; names in both languages)."""

from __future__ import annotations

from typing import Any

CATEGORIES = [
    ("kuliner", "Kuliner", "Food", 1),
    ("minuman", "Minuman", "Drinks", 2),
    ("kerajinan", "Kerajinan", "Crafts", 3),
    ("fashion", "Fashion", "Fashion", 4),
    ("pertanian", "Pertanian", "Farm produce", 5),
    ("perikanan", "Perikanan", "Fish and seafood", 6),
    ("kecantikan", "Kecantikan", "Beauty", 7),
    ("jasa", "Jasa", "Services", 8),
    ("lainnya", "Lainnya", "Other", 9),
]


def sync_categories(model: Any = None) -> None:
    if model is None:
        from market.models import Category

        model = Category
    for slug, name_id, name_en, order in CATEGORIES:
        model.objects.get_or_create(
            slug=slug, defaults={"name_id": name_id, "name_en": name_en, "order": order}
        )
