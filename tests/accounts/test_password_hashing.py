"""Stored passwords: Argon2id at a cost a 2-core server can afford, older hashes upgraded."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher, identify_hasher
from django.test import override_settings
from rest_framework.test import APIClient

from accounts.models import User
from tests.factories import PASSWORD, make_user

URL = "/api/v1/auth/token/"
HASHERS = ["core.hashers.Argon2idHasher", "django.contrib.auth.hashers.PBKDF2PasswordHasher"]
pytestmark = pytest.mark.django_db


@pytest.fixture
def warga(db: Any) -> User:
    return make_user(full_name="Siti Warga", sex="F", phone="081211113333")


def _log_in(user: User, password: str = PASSWORD) -> int:
    response = APIClient().post(URL, {"identifier": user.nik, "password": password}, format="json")
    return response.status_code


def test_production_settings_hash_new_passwords_with_argon2id() -> None:
    from config import settings

    # The test run puts a fast hasher first; what a deployment uses comes after it.
    production = [h for h in settings.PASSWORD_HASHERS if "MD5" not in h]
    assert production == HASHERS


@override_settings(PASSWORD_HASHERS=HASHERS)
def test_new_password_is_argon2id_with_owasp_parameters(warga: User) -> None:
    warga.set_password("kata-sandi-baru-2026")
    warga.save()
    # argon2$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>
    algorithm, variety, _version, params = warga.password.split("$")[:4]
    assert (algorithm, variety, params) == ("argon2", "argon2id", "m=19456,t=2,p=1")
    assert _log_in(warga, "kata-sandi-baru-2026") == 200
    assert _log_in(warga, "kata-sandi-salah") == 401


@override_settings(PASSWORD_HASHERS=HASHERS)
def test_a_pbkdf2_password_still_works_and_is_rewritten_at_login(warga: User) -> None:
    User.objects.filter(pk=warga.pk).update(
        password=PBKDF2PasswordHasher().encode(PASSWORD, PBKDF2PasswordHasher().salt())
    )
    warga.refresh_from_db()
    assert identify_hasher(warga.password).algorithm == "pbkdf2_sha256"

    assert _log_in(warga) == 200
    warga.refresh_from_db()
    assert identify_hasher(warga.password).algorithm == "argon2"
    assert _log_in(warga) == 200  # and the new hash verifies
