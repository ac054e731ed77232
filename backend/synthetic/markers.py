"""How synthetic rows are recognised: people whose NIK serial is in the reserved range.

The last four digits of a NIK are a serial (never 0000). The generator gives synthetic
residents, mothers and children serials 9000-9999 only; every other synthetic row belongs
to one of them (their requests, pregnancies, shops, orders, notifications...).
"""

from __future__ import annotations

from django.db.models import Q

SERIAL_MIN = 9000
NIK_REGEX = r"^[0-9]{12}9[0-9]{3}$"


def is_synthetic_nik(nik: str) -> bool:
    return len(nik) == 16 and nik.isdigit() and int(nik[12:]) >= SERIAL_MIN


def synthetic_nik_q(prefix: str = "") -> Q:
    return Q(**{f"{prefix}nik__regex": NIK_REGEX})
