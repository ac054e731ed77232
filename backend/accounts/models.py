"""Users (one account per resident, by NIK) and officer role assignments scoped to regions."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import District, Village


class Sex(models.TextChoices):
    MALE = "M", _("Laki-laki")
    FEMALE = "F", _("Perempuan")


class Language(models.TextChoices):
    INDONESIAN = "id", _("Bahasa Indonesia")
    ENGLISH = "en", _("English")


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(
        self, nik: str, phone: str, full_name: str, password: str | None = None, **extra: Any
    ) -> User:
        """Low-level creation (admin, commands). Residents register through services."""
        from core.nik import parse_nik
        from core.phone import normalize_phone

        info = parse_nik(nik)
        extra.setdefault("birth_date", info.birth_date)
        extra.setdefault("sex", info.sex)
        user = self.model(nik=info.nik, phone=normalize_phone(phone), full_name=full_name, **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(
        self, nik: str, phone: str, full_name: str, password: str | None = None, **extra: Any
    ) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(nik, phone, full_name, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    nik = models.CharField(_("NIK"), max_length=16, unique=True)
    full_name = models.CharField(_("nama lengkap"), max_length=150)
    birth_date = models.DateField(_("tanggal lahir"))
    sex = models.CharField(_("jenis kelamin"), max_length=1, choices=Sex.choices)
    phone = models.CharField(_("nomor HP"), max_length=16, unique=True)
    language = models.CharField(
        _("bahasa"), max_length=2, choices=Language.choices, default=Language.INDONESIAN
    )
    village = models.ForeignKey(
        Village,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="residents",
        verbose_name=_("desa/kelurahan"),
    )
    is_active = models.BooleanField(_("aktif"), default=True)
    is_staff = models.BooleanField(_("staf admin"), default=False)
    date_joined = models.DateTimeField(_("terdaftar"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "nik"
    REQUIRED_FIELDS = ["phone", "full_name"]

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(nik__regex=r"^[0-9]{16}$"), name="user_nik_16_digits"
            ),
            models.CheckConstraint(
                condition=models.Q(phone__regex=r"^\+62[0-9]{8,13}$"), name="user_phone_e164_id"
            ),
            models.CheckConstraint(condition=models.Q(sex__in=["M", "F"]), name="user_sex_valid"),
        ]

    def __str__(self) -> str:
        from core.nik import mask_nik

        return f"{self.full_name} ({mask_nik(self.nik)})"

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else ""


class Role(models.TextChoices):
    """Officer roles. Everyone is a resident; a seller is a resident who owns a shop."""

    CIVIL_OFFICER = "civil_officer", _("Petugas Disdukcapil")
    HEALTH_WORKER = "health_worker", _("Tenaga kesehatan (bidan/puskesmas)")
    MARKET_OFFICER = "market_officer", _("Petugas Dinas Koperasi & UMKM")
    REGENCY_ADMIN = "regency_admin", _("Admin kabupaten")


class RoleAssignment(models.Model):
    """A user's officer role and where it applies.

    Civil officers work districts; health workers work villages (and name a facility);
    market officers and regency admins work the whole regency.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("peran"), max_length=20, choices=Role.choices)
    districts = models.ManyToManyField(District, blank=True, related_name="+")
    villages = models.ManyToManyField(Village, blank=True, related_name="+")
    facility = models.CharField(_("fasilitas"), max_length=150, blank=True)
    is_active = models.BooleanField(_("aktif"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("penugasan peran")
        verbose_name_plural = _("penugasan peran")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role"], name="role_assignment_user_role_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()}"
