"""The synthetic regency at scale 0.001: valid identities, sensible proportions, and the
app's own endpoints still answer on it."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from rest_framework.test import APIClient, APIRequestFactory, force_authenticate
from synthetic.markers import NIK_REGEX, is_synthetic_nik
from synthetic.views import BareView

from accounts.models import Role, RoleAssignment, User
from civil.models import CivilRequest, RequestEvent
from core.models import District, Notification, Village
from core.nik import parse_nik
from core.phone import normalize_phone
from health.models import Child, GrowthMeasurement, Immunization, Mother, Pregnancy
from health.rules import growth
from market.models import Order, OrderItem, Product, Shop

TODAY = dt.date(2026, 3, 2)
OKI_DISTRICTS = {"02", "03", "04", "05", "08", "11", "12", "13", "14", "15", "17", "18", "19",
                 "20", "21", "22", "23", "24"}  # fmt: skip


def generate(*extra: str) -> None:
    call_command(
        "generate_regency", "--scale", "0.001", "--seed", "3", "--today", TODAY.isoformat(),
        *extra, stdout=_Null(),
    )  # fmt: skip


class _Null:
    def write(self, *_args: Any) -> None:
        pass

    def flush(self) -> None:
        pass


def client_for(user: User) -> APIClient:
    from accounts.services import issue_tokens

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {issue_tokens(user)['access']}")
    return client


@pytest.mark.django_db
def test_tiny_regency_is_valid_and_proportionate() -> None:
    generate()
    users = list(User.objects.filter(nik__regex=NIK_REGEX))
    assert len(users) == 800
    for user in users:
        info = parse_nik(user.nik, today=TODAY)
        assert info.regency_code == "16.02"
        assert user.nik[4:6] in OKI_DISTRICTS
        assert info.birth_date == user.birth_date
        assert info.sex == user.sex
        assert int(info.serial) >= 9000 and is_synthetic_nik(user.nik)
        assert normalize_phone(user.phone) == user.phone
        assert user.phone.startswith("+628")
        assert not user.has_usable_password()
        assert user.village is not None and user.village.district_id.endswith(user.nik[4:6])
    assert len({u.phone for u in users}) == len(users)

    # Spread over the regency: every district, most villages (2-3 residents each here).
    by_district = Counter(u.village.district_id for u in users if u.village)
    assert set(by_district) == set(District.objects.values_list("code", flat=True))
    assert len({u.village_id for u in users}) > 0.7 * Village.objects.count()
    # Officers for every district's queue.
    assert RoleAssignment.objects.filter(role=Role.CIVIL_OFFICER).count() >= 18

    # Civil registration: all states, codes unique, completed ones numbered, timelines.
    requests = list(CivilRequest.objects.all())
    assert len(requests) == 150
    statuses = Counter(r.status for r in requests)
    assert statuses["completed"] > 0.6 * len(requests)
    assert len(statuses) >= 4
    assert len({r.tracking_code for r in requests}) == len(requests)
    for r in requests:
        assert r.status != "completed" or r.output_document_number
        assert r.status in ("draft", "cancelled") or r.submitted_at is not None
        assert r.created_at <= r.updated_at
    first_events = RequestEvent.objects.filter(action="created").count()
    assert first_events == len(requests)
    assert RequestEvent.objects.count() > 3 * len(requests)

    # Buku KIA: 30 pregnancies, ~100 children, ~1,000 measurements scored like the app.
    assert Pregnancy.objects.count() == 30
    assert 80 <= Child.objects.count() <= 100
    assert 700 <= GrowthMeasurement.objects.count() <= 1300
    assert Immunization.objects.count() > 5 * Child.objects.count()
    for book in Mother.objects.all():
        parse_nik(book.nik, today=TODAY)
        assert is_synthetic_nik(book.nik)
    for kid in Child.objects.exclude(nik=""):
        assert parse_nik(kid.nik, today=TODAY).birth_date == kid.birth_date
    for m in GrowthMeasurement.objects.select_related("child")[:200]:
        result = growth.compute(
            sex=m.child.sex,
            age_days=m.age_days,
            weight_kg=m.weight_kg,
            height_cm=m.height_cm,
            position=m.position or None,
        )
        assert m.age_days == (m.measured_on - m.child.birth_date).days
        assert m.wfa_z == result.wfa.value and m.wfa_category == (result.wfa.category or "")
        assert m.lhfa_z == result.lhfa.value and m.wfl_z == result.wfl.value
    scored = GrowthMeasurement.objects.exclude(wfa_z=None)
    assert scored.filter(wfa_z__lt=Decimal("-2")).count() < 0.4 * scored.count()
    assert all(c.latest_measurement_id for c in Child.objects.filter(measurements__isnull=False))

    # Marketplace.
    assert Shop.objects.count() == 5 and Product.objects.count() == 50
    assert 150 <= Order.objects.count() <= 200
    for order in Order.objects.prefetch_related("items")[:50]:
        assert order.total == sum(i.unit_price * i.quantity for i in order.items.all())
    assert OrderItem.objects.count() >= Order.objects.count()
    assert Notification.objects.count() > len(requests)

    # The app's list endpoints answer on this data.
    officer = User.objects.filter(role_assignments__role=Role.CIVIL_OFFICER).first()
    assert officer is not None
    response = client_for(officer).get("/api/v1/civil/requests/?scope=queue")
    assert response.status_code == 200, response.content
    applicant = requests[0].applicant
    resident = client_for(applicant)
    assert resident.get("/api/v1/civil/requests/").status_code == 200
    notifications = resident.get("/api/v1/notifications/")
    assert notifications.status_code == 200
    assert resident.get("/api/v1/market/products/?q=pempek").status_code == 200
    product = Product.objects.filter(status="published", shop__status="verified").first()
    if product is not None:
        assert resident.get(f"/api/v1/market/products/{product.pk}/").status_code == 200
    mother = Mother.objects.filter(user__isnull=False, children__isnull=False).first()
    if mother is not None and mother.user is not None:
        child = mother.children.first()
        assert child is not None
        own = client_for(mother.user)
        assert own.get(f"/api/v1/health/children/{child.pk}/growth-chart/").status_code == 200
        assert own.get(f"/api/v1/health/children/{child.pk}/measurements/").status_code == 200


@pytest.mark.django_db
def test_refuses_twice_and_reset_is_deterministic() -> None:
    generate()
    niks = sorted(User.objects.filter(nik__regex=NIK_REGEX).values_list("nik", flat=True))
    codes = sorted(CivilRequest.objects.values_list("tracking_code", flat=True))
    with pytest.raises(CommandError, match="--reset"):
        generate()
    generate("--reset")
    assert sorted(User.objects.filter(nik__regex=NIK_REGEX).values_list("nik", flat=True)) == niks
    assert sorted(CivilRequest.objects.values_list("tracking_code", flat=True)) == codes
    generate("--delete-only")
    assert not User.objects.filter(nik__regex=NIK_REGEX).exists()
    assert not CivilRequest.objects.exists() and not GrowthMeasurement.objects.exists()


@pytest.mark.django_db
def test_reset_keeps_real_people(resident: User) -> None:
    generate()
    generate("--delete-only")
    assert User.objects.filter(pk=resident.pk).exists()


@pytest.mark.django_db
def test_bare_endpoint_only_when_enabled(resident: User, monkeypatch: Any) -> None:
    monkeypatch.delenv("BENCHMARK_ENDPOINTS", raising=False)
    factory = APIRequestFactory()
    request = factory.get("/api/v1/bench/bare/")
    force_authenticate(request, user=resident)
    with override_settings(BENCHMARK_ENDPOINTS=False):
        assert BareView.as_view()(request).status_code == 404
    request = factory.get("/api/v1/bench/bare/")
    force_authenticate(request, user=resident)
    with override_settings(BENCHMARK_ENDPOINTS=True):
        response = BareView.as_view()(request)
        assert response.status_code == 200
        assert response.data == {"ok": True}
    anonymous = factory.get("/api/v1/bench/bare/")
    with override_settings(BENCHMARK_ENDPOINTS=True):
        assert BareView.as_view()(anonymous).status_code == 401
