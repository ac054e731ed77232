"""Data every installation starts with: the services shown on the home screen."""

from __future__ import annotations

from typing import Any

PUBLIC_SERVICES = [
    {
        "code": "adminduk",
        "name_id": "Adminduk",
        "name_en": "Civil registration",
        "description_id": (
            "Akta kelahiran, KK, KTP-el, KIA, pindah-datang: ajukan dari rumah. Gratis."
        ),
        "description_en": (
            "Birth certificates, family cards, ID cards, moving: apply from home. Free."
        ),
        "order": 1,
        "available": True,
    },
    {
        "code": "kia",
        "name_id": "Buku KIA",
        "name_en": "Mother & child health book",
        "description_id": "Kehamilan, imunisasi, dan pertumbuhan anak dalam satu buku digital.",
        "description_en": "Pregnancy, immunization and child growth in one digital book.",
        "order": 2,
        "available": True,
    },
    {
        "code": "umkm",
        "name_id": "Pasar UMKM",
        "name_en": "Local marketplace",
        "description_id": "Belanja produk usaha kecil dari desa-desa di kabupaten.",
        "description_en": "Buy from the small businesses of the regency's villages.",
        "order": 3,
        "available": True,
    },
]


def sync_public_services(model: Any = None) -> None:
    """Create the services that are missing; keep what an admin edited (names, availability)."""
    if model is None:
        from core.models import PublicService

        model = PublicService
    for service in PUBLIC_SERVICES:
        model.objects.get_or_create(
            code=service["code"], defaults={k: v for k, v in service.items() if k != "code"}
        )
