"""Reads about users, their roles and where they may act."""

from __future__ import annotations

import re
from typing import Any

from django.db.models import Prefetch, QuerySet

from accounts.models import Role, RoleAssignment, User
from core.models import District, Village
from core.phone import PhoneError, normalize_phone

_NIK_RE = re.compile(r"^\d{16}$")

RESIDENT = "resident"
SELLER = "seller"


def normalize_identifier(identifier: str) -> tuple[str, str] | None:
    """``("nik", value)`` or ``("phone", e164)``; None when it is neither."""
    value = (identifier or "").strip().replace(" ", "").replace("-", "")
    if _NIK_RE.match(value):
        return ("nik", value)
    try:
        return ("phone", normalize_phone(value))
    except PhoneError:
        return None


def user_by_identifier(identifier: str) -> User | None:
    parsed = normalize_identifier(identifier)
    if parsed is None:
        return None
    field, value = parsed
    return User.objects.filter(**{field: value}).first()


def active_assignments(user: User) -> QuerySet[RoleAssignment]:
    return RoleAssignment.objects.filter(user=user, is_active=True).prefetch_related(
        Prefetch("districts", queryset=District.objects.order_by("name")),
        Prefetch("villages", queryset=Village.objects.order_by("name")),
    )


def _is_seller(user: User) -> bool:
    shop = getattr(user, "shop", None)
    return shop is not None


def user_roles(user: User, assignments: list[RoleAssignment] | None = None) -> list[str]:
    """Every user is a resident; officer roles come from active assignments."""
    if assignments is None:
        assignments = list(active_assignments(user))
    roles = [RESIDENT]
    if _is_seller(user):
        roles.append(SELLER)
    order = [choice.value for choice in Role]
    roles.extend(sorted({a.role for a in assignments}, key=order.index))
    return roles


def has_role(user: Any, role: str) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if role == RESIDENT:
        return True
    return RoleAssignment.objects.filter(user=user, role=role, is_active=True).exists()


def jurisdiction(user: User, assignments: list[RoleAssignment] | None = None) -> dict[str, Any]:
    """The districts and villages the user's officer roles cover, and the facility."""
    if assignments is None:
        assignments = list(active_assignments(user))
    districts: dict[str, District] = {}
    villages: dict[str, Village] = {}
    facility = None
    for assignment in assignments:
        for district in assignment.districts.all():
            districts[district.code] = district
        for village in assignment.villages.all():
            villages[village.code] = village
        if assignment.facility and facility is None:
            facility = assignment.facility
    return {
        "districts": sorted(districts.values(), key=lambda d: d.name),
        "villages": sorted(villages.values(), key=lambda v: v.name),
        "facility": facility,
    }


def profile(user: User) -> dict[str, Any]:
    """Everything /me shows, in a fixed number of queries."""
    user = User.objects.select_related("village__district", "shop").get(pk=user.pk)
    assignments = list(active_assignments(user))
    return {
        "user": user,
        "roles": user_roles(user, assignments),
        "jurisdiction": jurisdiction(user, assignments),
    }
