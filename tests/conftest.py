"""Fixtures shared by every suite: regions loaded once, users, authenticated clients."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.apps import apps as django_apps
from django.core.cache import cache
from rest_framework.test import APIClient

from accounts.models import Role, User
from tests.factories import make_user


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> None:
    from core.bootstrap import sync_public_services
    from core.holidays import load_holidays
    from core.regions import load_regions

    with django_db_blocker.unblock():
        load_regions()
        load_holidays()
        sync_public_services()


@pytest.fixture
def reference_data(transactional_db: Any) -> None:
    """Reference data again, for tests whose flush removed what migrations loaded."""
    from civil.catalogue import sync_catalogue
    from core.bootstrap import sync_public_services
    from core.holidays import load_holidays
    from core.regions import load_regions
    from market.categories import sync_categories

    load_regions()
    load_holidays()
    sync_public_services()
    sync_catalogue()
    sync_categories()
    # The immunization schedule is data loaded by a migration.
    importlib.import_module("health.migrations.0002_schedule").load(django_apps, None)


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    from core.reference import ReferenceTable

    cache.clear()
    ReferenceTable.clear_all()  # a test may rename a service or flush the regions
    yield
    cache.clear()


@pytest.fixture
def api() -> APIClient:
    return APIClient()


@pytest.fixture
def login(api: APIClient) -> Callable[[User], APIClient]:
    """A client authenticated as ``user`` with a real access token."""

    def _login(user: User) -> APIClient:
        from accounts.services import issue_tokens

        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {issue_tokens(user)['access']}")
        return client

    return _login


@pytest.fixture
def resident(db: Any) -> User:
    return make_user(full_name="Siti Warga", sex="F")


@pytest.fixture
def civil_officer(db: Any) -> User:
    from accounts.services import assign_role

    user = make_user(full_name="Petugas Capil")
    assign_role(user=user, role=Role.CIVIL_OFFICER, district_codes=["16.02.05"])
    return user


@pytest.fixture
def health_worker(db: Any) -> User:
    from accounts.services import assign_role
    from core.models import Village

    user = make_user(full_name="Bidan Desa", sex="F")
    villages = Village.objects.filter(district_id="16.02.05").values_list("code", flat=True)
    assign_role(
        user=user,
        role=Role.HEALTH_WORKER,
        village_codes=list(villages),
        facility="Puskesmas Kayu Agung",
    )
    return user


@pytest.fixture
def market_officer(db: Any) -> User:
    from accounts.services import assign_role

    user = make_user(full_name="Petugas Koperasi")
    assign_role(user=user, role=Role.MARKET_OFFICER)
    return user


@pytest.fixture
def regency_admin(db: Any) -> User:
    from accounts.services import assign_role

    user = make_user(full_name="Admin Kabupaten")
    assign_role(user=user, role=Role.REGENCY_ADMIN)
    return user
