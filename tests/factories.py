"""Valid test identities: NIKs that pass every rule, phone numbers that are real mobiles."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from accounts.models import User

PASSWORD = "kata-sandi-aman-2026"
_serial = itertools.count(1)


def nik_for(
    birth_date: dt.date, sex: str, *, district: str = "160205", serial: int | None = None
) -> str:
    day = birth_date.day + (40 if sex == "F" else 0)
    number = serial if serial is not None else next(_serial) + 1000
    return f"{district}{day:02d}{birth_date:%m%y}{number:04d}"


def phone_for(n: int) -> str:
    return f"0813{n:08d}"


def make_user(
    *,
    full_name: str = "Warga Uji",
    sex: str = "M",
    birth_date: dt.date = dt.date(1990, 5, 17),
    password: str = PASSWORD,
    **extra: Any,
) -> User:
    serial = next(_serial) + 2000
    nik = extra.pop("nik", None) or nik_for(birth_date, sex, serial=serial)
    phone = extra.pop("phone", None) or phone_for(serial)
    return User.objects.create_user(
        nik, phone, full_name, password, birth_date=birth_date, sex=sex, **extra
    )
