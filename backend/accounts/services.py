"""Every write about accounts: registration, login, tokens, profile, password, roles."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Iterable
from typing import Any

from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.core.cache import cache
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.exceptions import ValidationError
from rest_framework_simplejwt.exceptions import TokenBackendError, TokenError
from rest_framework_simplejwt.settings import api_settings as jwt_settings
from rest_framework_simplejwt.state import token_backend
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken
from rest_framework_simplejwt.utils import get_md5_hash_password

from accounts import selectors, throttling
from accounts.models import Role, RoleAssignment, User
from core.audit import record_event
from core.cache import CacheUnavailable
from core.exceptions import ApiError, ServiceUnavailable
from core.models import District, Village
from core.net import client_ip
from core.nik import NikError, mask_nik, parse_nik
from core.phone import PhoneError, mask_phone, normalize_phone

logger = logging.getLogger("pintuwarga.accounts")


class LoginFailed(exceptions.AuthenticationFailed):
    default_code = "invalid_credentials"


# --- Tokens ----------------------------------------------------------------------------


def issue_tokens(user: User) -> dict[str, str]:
    refresh = RefreshToken.for_user(user)
    return {"access": str(refresh.access_token), "refresh": str(refresh)}


# A refresh token rotated moments ago is answered with the pair it was rotated into: a phone
# that reloads while its refresh is in flight never stored that pair and would otherwise be
# logged out. After this window a reused token is refused.
ROTATION_GRACE_SECONDS = 30


def _session_over() -> exceptions.AuthenticationFailed:
    return exceptions.AuthenticationFailed(
        _("Sesi Anda sudah berakhir. Silakan masuk kembali."), code="token_invalid"
    )


def _rotation_key(jti: Any) -> str:
    return f"jwt-rotated:{jti}"


def _usable_by(payload: dict[str, Any]) -> User | None:
    user_id = payload.get(jwt_settings.USER_ID_CLAIM)
    user = User.objects.filter(pk=str(user_id)).first() if user_id else None
    if (
        user is None
        or not user.is_active
        or payload.get(jwt_settings.REVOKE_TOKEN_CLAIM) != get_md5_hash_password(user.password)
    ):
        return None
    return user


def _grace_replay(refresh: str) -> dict[str, str] | None:
    try:
        payload = token_backend.decode(refresh, verify=True)  # type: ignore[arg-type]
    except TokenBackendError:
        return None
    if payload.get("token_type") != "refresh" or _usable_by(payload) is None:
        return None
    pair = cache.get(_rotation_key(payload.get("jti")))
    return pair if isinstance(pair, dict) else None


def refresh_tokens(*, refresh: str) -> dict[str, str]:
    """Rotate a refresh token. The old one is blacklisted; a reused one is refused."""
    try:
        token = RefreshToken(refresh)  # type: ignore[arg-type]
    except TokenError as exc:
        replay = _grace_replay(refresh)
        if replay is not None:
            return replay
        raise _session_over() from exc
    user = _usable_by(token.payload)
    if user is None:
        raise _session_over()
    with transaction.atomic():
        # The blacklist row is unique per token: of two concurrent refreshes of one token,
        # exactly one creates it and gets new tokens.
        outstanding = OutstandingToken.objects.filter(jti=token.payload.get("jti")).first()
        if outstanding is None:
            raise _session_over()
        try:
            with transaction.atomic():
                BlacklistedToken.objects.create(token=outstanding)
        except IntegrityError as exc:
            raise _session_over() from exc
        new = RefreshToken.for_user(user)
    pair = {"access": str(new.access_token), "refresh": str(new)}
    cache.set(_rotation_key(token.payload.get("jti")), pair, ROTATION_GRACE_SECONDS)
    return pair


def _blacklist_all(user: User, *, except_jti: str | None = None) -> int:
    count = 0
    for outstanding in OutstandingToken.objects.filter(user=user).exclude(
        blacklistedtoken__isnull=False
    ):
        if except_jti and outstanding.jti == except_jti:
            continue
        BlacklistedToken.objects.get_or_create(token=outstanding)
        count += 1
    return count


# --- Registration and login ------------------------------------------------------------


@transaction.atomic
def register_resident(
    *,
    nik: str,
    full_name: str,
    birth_date: dt.date,
    sex: str,
    phone: str,
    password: str,
    request: HttpRequest | None = None,
) -> User:
    errors: dict[str, list[str]] = {}
    info = None
    try:
        info = parse_nik(nik)
    except NikError as exc:
        errors["nik"] = [exc.message]
    if info is not None:
        if info.sex != sex:
            errors.setdefault("sex", []).append(_("Jenis kelamin tidak sesuai dengan NIK."))
        if info.birth_date != birth_date:
            errors.setdefault("birth_date", []).append(
                _(
                    "Tanggal lahir tidak sesuai dengan NIK. Jika data Anda pernah diperbaiki, "
                    "minta petugas untuk mendaftarkan akun Anda."
                )
            )
        if User.objects.filter(nik=info.nik).exists():
            errors.setdefault("nik", []).append(_("NIK ini sudah terdaftar."))
    e164 = None
    try:
        e164 = normalize_phone(phone)
    except PhoneError as exc:
        errors["phone"] = [exc.message]
    if e164 and User.objects.filter(phone=e164).exists():
        errors.setdefault("phone", []).append(_("Nomor HP ini sudah terdaftar."))
    full_name = " ".join(full_name.split())
    if len(full_name) < 2:
        errors.setdefault("full_name", []).append(_("Nama lengkap wajib diisi."))

    candidate = User(nik=nik, full_name=full_name, phone=e164 or phone)
    try:
        validate_password(password, user=candidate)
    except DjangoValidationError as exc:
        errors["password"] = list(exc.messages)
    if errors:
        raise ValidationError(errors)

    assert info is not None and e164 is not None
    user = User(
        nik=info.nik,
        full_name=full_name,
        birth_date=birth_date,
        sex=sex,
        phone=e164,
    )
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as exc:  # a concurrent registration with the same NIK or phone
        raise ValidationError({"nik": [_("NIK atau nomor HP ini sudah terdaftar.")]}) from exc
    record_event(
        action="account.registered",
        actor=user,
        obj=user,
        request=request,
        data={"nik": mask_nik(user.nik), "district_warning": bool(info.warnings)},
    )
    return user


def login(*, identifier: str, password: str, request: HttpRequest) -> User:
    """Check credentials with brute-force limits; audit success and failure."""
    parsed = selectors.normalize_identifier(identifier)
    counter_key = f"{parsed[0]}:{parsed[1]}" if parsed else identifier.strip().lower()
    ip = client_ip(request)
    try:
        wait = throttling.seconds_blocked(counter_key, ip)
    except CacheUnavailable as exc:
        # Without the counters a password could be guessed without limit: refuse instead.
        logger.warning("login refused: the failed-login counters are unreachable")
        raise ServiceUnavailable() from exc
    if wait:
        record_event(
            action="auth.login_throttled",
            request=request,
            data={"identifier": _masked_identifier(parsed, identifier)},
        )
        raise exceptions.Throttled(wait=wait)

    user = authenticate(request, identifier=identifier, password=password)
    if user is None:
        try:
            throttling.record_failure(counter_key, ip)
        except CacheUnavailable as exc:
            logger.warning("login refused: the failed-login counters are unreachable")
            raise ServiceUnavailable() from exc
        existing = selectors.user_by_identifier(identifier)
        record_event(
            action="auth.login_failed",
            obj=existing,
            request=request,
            data={"identifier": _masked_identifier(parsed, identifier)},
        )
        raise LoginFailed(_("NIK/nomor HP atau kata sandi salah."))
    throttling.clear_identifier(counter_key, ip)
    assert isinstance(user, User)
    record_event(action="auth.login", actor=user, obj=user, request=request)
    return user


def _masked_identifier(parsed: tuple[str, str] | None, raw: str) -> str:
    if parsed is None:
        return "invalid"
    kind, value = parsed
    return mask_nik(value) if kind == "nik" else mask_phone(value)


def logout(*, user: User, refresh: str, request: HttpRequest | None = None) -> None:
    """End this session: its refresh token can no longer be used."""
    try:
        token = RefreshToken(refresh)  # type: ignore[arg-type]
    except TokenError:
        record_event(action="auth.logout", actor=user, obj=user, request=request)
        return  # already unusable: logging out again is not an error
    if str(token.payload.get(jwt_settings.USER_ID_CLAIM)) != str(user.pk):
        raise ApiError(_("Token ini bukan milik Anda."), code="token_not_yours")
    with contextlib.suppress(IntegrityError):
        token.blacklist()
    record_event(action="auth.logout", actor=user, obj=user, request=request)


@transaction.atomic
def change_password(
    *, user: User, current_password: str, new_password: str, request: HttpRequest | None = None
) -> dict[str, str]:
    """Set a new password and end every other session; returns tokens for this one."""
    if not user.check_password(current_password):
        raise ValidationError({"current_password": [_("Kata sandi saat ini salah.")]})
    try:
        validate_password(new_password, user=user)
    except DjangoValidationError as exc:
        raise ValidationError({"new_password": list(exc.messages)}) from exc
    user.set_password(new_password)
    user.save(update_fields=["password"])
    ended = _blacklist_all(user)
    record_event(
        action="account.password_changed",
        actor=user,
        obj=user,
        request=request,
        data={"sessions_ended": ended},
    )
    return issue_tokens(user)


# --- Profile ---------------------------------------------------------------------------


@transaction.atomic
def update_profile(*, user: User, data: dict[str, Any], request: HttpRequest | None = None) -> User:
    changed: list[str] = []
    if "full_name" in data:
        name = " ".join(str(data["full_name"]).split())
        if len(name) < 2:
            raise ValidationError({"full_name": [_("Nama lengkap wajib diisi.")]})
        if name != user.full_name:
            user.full_name = name
            changed.append("full_name")
    if "phone" in data:
        try:
            e164 = normalize_phone(str(data["phone"]))
        except PhoneError as exc:
            raise ValidationError({"phone": [exc.message]}) from exc
        if e164 != user.phone:
            if User.objects.filter(phone=e164).exclude(pk=user.pk).exists():
                raise ValidationError({"phone": [_("Nomor HP ini sudah terdaftar.")]})
            user.phone = e164
            changed.append("phone")
    if "language" in data and data["language"] != user.language:
        user.language = data["language"]
        changed.append("language")
    if "village_code" in data:
        code = data["village_code"]
        village = None
        if code:
            village = Village.objects.filter(code=code).first()
            if village is None:
                raise ValidationError({"village_code": [_("Desa/kelurahan tidak dikenal.")]})
        if user.village_id != (village.code if village else None):
            user.village = village
            changed.append("village")
    if changed:
        try:
            with transaction.atomic():
                user.save(update_fields=changed)
        except IntegrityError as exc:
            raise ValidationError({"phone": [_("Nomor HP ini sudah terdaftar.")]}) from exc
        record_event(
            action="account.profile_updated",
            actor=user,
            obj=user,
            request=request,
            data={"fields": changed},
        )
    return user


@transaction.atomic
def set_active(
    *, user: User, active: bool, by: User | None = None, request: HttpRequest | None = None
) -> User:
    """Deactivate (or reactivate) an account; a deactivated user can neither log in nor refresh."""
    if user.is_active != active:
        user.is_active = active
        user.save(update_fields=["is_active"])
        if not active:
            _blacklist_all(user)
        record_event(
            action="account.activated" if active else "account.deactivated",
            actor=by,
            obj=user,
            request=request,
        )
    return user


# --- Officer roles ---------------------------------------------------------------------


@transaction.atomic
def assign_role(
    *,
    user: User,
    role: str,
    district_codes: Iterable[str] = (),
    village_codes: Iterable[str] = (),
    facility: str = "",
    by: User | None = None,
    request: HttpRequest | None = None,
) -> RoleAssignment:
    """Grant (or update) an officer role with its jurisdiction."""
    if role not in Role.values:
        raise ValidationError({"role": [_("Peran tidak dikenal.")]})
    district_codes = sorted(set(district_codes))
    village_codes = sorted(set(village_codes))
    districts = list(District.objects.filter(code__in=district_codes))
    villages = list(Village.objects.filter(code__in=village_codes))
    missing = sorted(set(district_codes) - {d.code for d in districts}) + sorted(
        set(village_codes) - {v.code for v in villages}
    )
    if missing:
        raise ValidationError({"regions": [_("Wilayah tidak dikenal: %s") % ", ".join(missing)]})
    if role == Role.CIVIL_OFFICER and not districts:
        raise ValidationError({"districts": [_("Petugas Disdukcapil perlu kecamatan tugas.")]})
    if role == Role.HEALTH_WORKER and not villages:
        raise ValidationError({"villages": [_("Tenaga kesehatan perlu desa/kelurahan tugas.")]})
    assignment, created = RoleAssignment.objects.get_or_create(
        user=user, role=role, defaults={"facility": facility, "created_by": by}
    )
    before = (
        assignment.facility,
        assignment.is_active,
        sorted(assignment.districts.values_list("code", flat=True)),
        sorted(assignment.villages.values_list("code", flat=True)),
    )
    after = (facility, True, [d.code for d in districts], [v.code for v in villages])
    if not created and before == after:
        return assignment  # nothing changed: nothing to record
    assignment.facility = facility
    assignment.is_active = True
    assignment.save()
    assignment.districts.set(districts)
    assignment.villages.set(villages)
    record_event(
        action="role.granted" if created or not before[1] else "role.updated",
        actor=by,
        obj=user,
        request=request,
        data={
            "role": role,
            "districts": after[2],
            "villages": after[3],
            "facility": facility,
        },
    )
    return assignment


@transaction.atomic
def revoke_role(
    *, user: User, role: str, by: User | None = None, request: HttpRequest | None = None
) -> bool:
    updated = RoleAssignment.objects.filter(user=user, role=role, is_active=True).update(
        is_active=False
    )
    if updated:
        record_event(
            action="role.revoked", actor=by, obj=user, request=request, data={"role": role}
        )
    return bool(updated)
