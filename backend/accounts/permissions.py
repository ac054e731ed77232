"""Role checks for DRF views. Object visibility is decided by selectors (404, not 403)."""

from __future__ import annotations

from typing import Any, cast

from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from accounts import selectors
from accounts.models import User


def user_of(request: Request) -> User:
    """The authenticated user of a request behind ``IsAuthenticated``."""
    return cast(User, request.user)


class HasRole(BasePermission):
    """``permission_classes = [HasRole.of("civil_officer")]``"""

    roles: tuple[str, ...] = ()

    @classmethod
    def of(cls, *roles: str) -> type[HasRole]:
        return type(f"HasRole_{'_'.join(roles)}", (cls,), {"roles": roles})

    def has_permission(self, request: Request, view: Any) -> bool:
        return any(selectors.has_role(request.user, role) for role in self.roles)
