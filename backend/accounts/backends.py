"""Log in with a NIK or a phone number in any usual form (0812…, 62812…, +62812…)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest

from accounts import selectors
from accounts.models import User


class IdentifierBackend(ModelBackend):
    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        identifier = kwargs.get("identifier") or username
        if not identifier or password is None:
            return None
        user = selectors.user_by_identifier(identifier)
        if user is None:
            User().set_password(password)  # same work as a real check: no timing oracle
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
