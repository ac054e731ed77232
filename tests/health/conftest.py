"""Buku KIA fixtures: villages, a midwife's mother with a resident account, builders."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import Role, User
from core.models import Village
from health import services
from health.models import Child, Mother, Pregnancy
from tests.factories import make_user, nik_for

HOME_DISTRICT = "16.02.05"


def today() -> dt.date:
    return timezone.localdate()


def days_ago(n: int) -> dt.date:
    return today() - dt.timedelta(days=n)


@pytest.fixture
def village(db: Any) -> Village:
    return Village.objects.filter(district_id=HOME_DISTRICT).order_by("code")[0]


@pytest.fixture
def second_village(db: Any) -> Village:
    return Village.objects.filter(district_id=HOME_DISTRICT).order_by("code")[1]


@pytest.fixture
def other_village(db: Any) -> Village:
    return Village.objects.exclude(district_id=HOME_DISTRICT).order_by("code")[0]


@pytest.fixture
def other_midwife(db: Any, other_village: Village) -> User:
    """A health worker of a village in another district."""
    from accounts.services import assign_role

    user = make_user(full_name="Bidan Lain", sex="F")
    assign_role(
        user=user,
        role=Role.HEALTH_WORKER,
        village_codes=[other_village.code],
        facility="Puskesmas Lain",
    )
    return user


def make_mother(
    by: User,
    village: Village,
    *,
    birth_date: dt.date = dt.date(1995, 3, 14),
    nik: str | None = None,
    full_name: str = "Ibu Uji",
    phone: str = "",
) -> Mother:
    mother, _warnings = services.register_mother(
        by=by,
        nik=nik or nik_for(birth_date, "F"),
        full_name=full_name,
        birth_date=birth_date,
        village_code=village.code,
        phone=phone,
    )
    return mother


def make_pregnancy(
    by: User,
    mother: Mother,
    *,
    weeks: int = 20,
    gravida: int = 1,
    para: int = 0,
    abortus: int = 0,
    previous_delivery_date: dt.date | None = None,
) -> Pregnancy:
    return services.register_pregnancy(
        by=by,
        mother=mother,
        hpht=days_ago(weeks * 7),
        gravida=gravida,
        para=para,
        abortus=abortus,
        previous_delivery_date=previous_delivery_date,
    )


def make_child(
    by: User,
    mother: Mother,
    *,
    age_days: int = 100,
    sex: str = "F",
    full_name: str = "Anak Uji",
) -> Child:
    child, _warnings = services.register_child(
        by=by,
        mother=mother,
        full_name=full_name,
        sex=sex,
        birth_date=days_ago(age_days),
        birth_weight_g=3100,
        birth_length_cm=Decimal("49.0"),
        nik="",
    )
    return child


@pytest.fixture
def mother_user(db: Any) -> User:
    """A resident whose NIK is the mother's."""
    return make_user(full_name="Siti Ibu", sex="F", birth_date=dt.date(1995, 3, 14))


@pytest.fixture
def mother(health_worker: User, village: Village, mother_user: User) -> Mother:
    return make_mother(
        health_worker,
        village,
        nik=mother_user.nik,
        birth_date=mother_user.birth_date,
        full_name="Siti Ibu",
        phone=mother_user.phone,
    )


@pytest.fixture
def midwife_api(login: Callable[[User], APIClient], health_worker: User) -> APIClient:
    return login(health_worker)


@pytest.fixture
def mother_api(login: Callable[[User], APIClient], mother_user: User) -> APIClient:
    return login(mother_user)
