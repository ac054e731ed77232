"""The digital Buku KIA: mothers, pregnancies, visits, deliveries, children, immunization,
growth. Private records have UUID keys. Business rules live in ``health.rules`` and
``health.services``; the database holds what it can check itself.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.models import Village
from health.rules.immunization import DoseRule


class Sex(models.TextChoices):
    MALE = "M", _("Laki-laki")
    FEMALE = "F", _("Perempuan")


class Mother(models.Model):
    """One record per NIK. Linked to the resident's account once one exists."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    nik = models.CharField(_("NIK"), max_length=16, unique=True)
    full_name = models.CharField(_("nama lengkap"), max_length=150)
    birth_date = models.DateField(_("tanggal lahir"))
    village = models.ForeignKey(
        Village, on_delete=models.PROTECT, related_name="+", verbose_name=_("desa/kelurahan")
    )
    phone = models.CharField(_("nomor HP"), max_length=16, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="health_mother",
        verbose_name=_("akun warga"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["full_name", "id"]
        verbose_name = _("ibu")
        verbose_name_plural = _("ibu")
        constraints = [
            models.CheckConstraint(
                condition=Q(nik__regex=r"^[0-9]{16}$"), name="health_mother_nik_16_digits"
            ),
        ]

    def __str__(self) -> str:
        from core.nik import mask_nik

        return f"{self.full_name} ({mask_nik(self.nik)})"


class PregnancyStatus(models.TextChoices):
    ONGOING = "ongoing", _("Sedang hamil")
    DELIVERED = "delivered", _("Sudah melahirkan")
    ENDED = "ended", _("Berakhir tanpa persalinan")


class EndReason(models.TextChoices):
    MISCARRIAGE = "miscarriage", _("Keguguran")
    ECTOPIC = "ectopic", _("Kehamilan ektopik")
    MOLAR = "molar", _("Hamil anggur (mola)")
    OTHER = "other", _("Lainnya")


class Pregnancy(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    mother = models.ForeignKey(Mother, on_delete=models.PROTECT, related_name="pregnancies")
    hpht = models.DateField(_("HPHT (hari pertama haid terakhir)"))
    due_date = models.DateField(_("HPL (hari perkiraan lahir)"))
    gravida = models.PositiveSmallIntegerField(_("gravida (kehamilan ke-)"))
    para = models.PositiveSmallIntegerField(_("para (persalinan sebelumnya)"), default=0)
    abortus = models.PositiveSmallIntegerField(_("abortus (keguguran sebelumnya)"), default=0)
    previous_delivery_date = models.DateField(
        _("tanggal persalinan terakhir"), null=True, blank=True
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=PregnancyStatus.choices,
        default=PregnancyStatus.ONGOING,
    )
    ended_on = models.DateField(_("tanggal berakhir"), null=True, blank=True)
    end_reason = models.CharField(
        _("alasan berakhir"), max_length=12, choices=EndReason.choices, blank=True
    )
    # Kept current by the services whenever visits or HPHT change (for lists and stats).
    anc_contacts_done = models.PositiveSmallIntegerField(default=0)
    k1_done = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-hpht", "id"]
        verbose_name = _("kehamilan")
        verbose_name_plural = _("kehamilan")
        constraints = [
            models.UniqueConstraint(
                fields=["mother"],
                condition=Q(status="ongoing"),
                name="health_one_ongoing_pregnancy_per_mother",
            ),
            models.CheckConstraint(condition=Q(gravida__gte=1), name="health_gravida_positive"),
            models.CheckConstraint(condition=Q(para__gte=0), name="health_para_not_negative"),
            models.CheckConstraint(condition=Q(abortus__gte=0), name="health_abortus_not_negative"),
            models.CheckConstraint(
                condition=Q(gravida__gte=F("para") + F("abortus") + 1),
                name="health_gravida_counts_previous",
            ),
            models.CheckConstraint(
                condition=Q(anc_contacts_done__lte=6), name="health_anc_contacts_at_most_6"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["ongoing", "delivered", "ended"]),
                name="health_pregnancy_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mother.full_name} — HPHT {self.hpht:%Y-%m-%d}"


class Provider(models.TextChoices):
    DOCTOR = "doctor", _("Dokter")
    MIDWIFE = "midwife", _("Bidan")


class AntenatalVisit(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pregnancy = models.ForeignKey(Pregnancy, on_delete=models.PROTECT, related_name="visits")
    visit_date = models.DateField(_("tanggal kunjungan"))
    provider = models.CharField(_("pemeriksa"), max_length=10, choices=Provider.choices)
    weight_kg = models.DecimalField(
        _("berat badan (kg)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    height_cm = models.DecimalField(
        _("tinggi badan (cm)"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    systolic = models.PositiveSmallIntegerField(_("sistolik (mmHg)"), null=True, blank=True)
    diastolic = models.PositiveSmallIntegerField(_("diastolik (mmHg)"), null=True, blank=True)
    lila_cm = models.DecimalField(
        _("LiLA (cm)"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    hb_g_dl = models.DecimalField(
        _("Hb (g/dL)"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    fundal_height_cm = models.DecimalField(
        _("tinggi fundus (cm)"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    fetal_heart_rate = models.PositiveSmallIntegerField(_("DJJ (/menit)"), null=True, blank=True)
    iron_tablets = models.PositiveSmallIntegerField(_("tablet tambah darah"), default=0)
    notes = models.TextField(_("catatan"), blank=True, max_length=2000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["visit_date", "created_at"]
        verbose_name = _("kunjungan antenatal")
        verbose_name_plural = _("kunjungan antenatal")
        constraints = [
            models.CheckConstraint(
                condition=Q(systolic__isnull=True)
                | Q(diastolic__isnull=True)
                | Q(systolic__gt=F("diastolic")),
                name="health_visit_systolic_above_diastolic",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pregnancy.mother.full_name} — {self.visit_date:%Y-%m-%d}"


class DeliveryPlace(models.TextChoices):
    HOSPITAL = "hospital", _("Rumah sakit")
    PUSKESMAS = "puskesmas", _("Puskesmas")
    CLINIC = "clinic", _("Klinik / praktik mandiri bidan")
    HOME = "home", _("Rumah")
    OTHER = "other", _("Lainnya")


class Attendant(models.TextChoices):
    DOCTOR = "doctor", _("Dokter")
    MIDWIFE = "midwife", _("Bidan")
    NURSE = "nurse", _("Perawat")
    TRADITIONAL = "traditional", _("Dukun bayi")
    OTHER = "other", _("Lainnya")


class DeliveryMethod(models.TextChoices):
    SPONTANEOUS = "spontaneous", _("Spontan (normal)")
    ASSISTED = "assisted", _("Dengan alat (vakum/forsep)")
    CAESAREAN = "caesarean", _("Operasi sesar")


class MotherCondition(models.TextChoices):
    HEALTHY = "healthy", _("Sehat")
    COMPLICATION = "complication", _("Ada komplikasi")
    DIED = "died", _("Meninggal")


class Delivery(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pregnancy = models.OneToOneField(Pregnancy, on_delete=models.PROTECT, related_name="delivery")
    delivered_at = models.DateTimeField(_("waktu persalinan"))
    place = models.CharField(_("tempat"), max_length=10, choices=DeliveryPlace.choices)
    attendant = models.CharField(_("penolong"), max_length=12, choices=Attendant.choices)
    method = models.CharField(_("cara persalinan"), max_length=12, choices=DeliveryMethod.choices)
    mother_condition = models.CharField(
        _("keadaan ibu"), max_length=12, choices=MotherCondition.choices
    )
    live_births = models.PositiveSmallIntegerField(_("lahir hidup"))
    stillbirths = models.PositiveSmallIntegerField(_("lahir mati"), default=0)
    notes = models.TextField(_("catatan"), blank=True, max_length=2000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("persalinan")
        verbose_name_plural = _("persalinan")
        constraints = [
            models.CheckConstraint(
                condition=Q(live_births__gte=0) & Q(stillbirths__gte=0),
                name="health_delivery_counts_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(live_births__gte=1) | Q(stillbirths__gte=1),
                name="health_delivery_at_least_one_baby",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pregnancy.mother.full_name} — {self.delivered_at:%Y-%m-%d}"


class Child(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    mother = models.ForeignKey(Mother, on_delete=models.PROTECT, related_name="children")
    delivery = models.ForeignKey(
        Delivery, null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    full_name = models.CharField(_("nama"), max_length=150)
    sex = models.CharField(_("jenis kelamin"), max_length=1, choices=Sex.choices)
    birth_date = models.DateField(_("tanggal lahir"))
    birth_weight_g = models.PositiveIntegerField(_("berat lahir (gram)"), null=True, blank=True)
    birth_length_cm = models.DecimalField(
        _("panjang lahir (cm)"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    nik = models.CharField(_("NIK"), max_length=16, blank=True, default="")
    # Kept current by the services.
    basic_immunization_complete_on = models.DateField(null=True, blank=True)
    latest_measurement = models.ForeignKey(
        "GrowthMeasurement", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-birth_date", "full_name", "id"]
        verbose_name = _("anak")
        verbose_name_plural = _("anak")
        constraints = [
            models.UniqueConstraint(
                fields=["nik"], condition=~Q(nik=""), name="health_child_nik_unique"
            ),
            models.CheckConstraint(
                condition=Q(nik="") | Q(nik__regex=r"^[0-9]{16}$"),
                name="health_child_nik_16_digits",
            ),
            models.CheckConstraint(condition=Q(sex__in=["M", "F"]), name="health_child_sex_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.birth_date:%Y-%m-%d})"


class PostnatalContact(models.Model):
    """KF1-KF4 (the mother, ``child`` empty) and KN1-KN3 (one baby)."""

    class Code(models.TextChoices):
        KF1 = "KF1", "KF1"
        KF2 = "KF2", "KF2"
        KF3 = "KF3", "KF3"
        KF4 = "KF4", "KF4"
        KN1 = "KN1", "KN1"
        KN2 = "KN2", "KN2"
        KN3 = "KN3", "KN3"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    delivery = models.ForeignKey(
        Delivery, on_delete=models.PROTECT, related_name="postnatal_contacts"
    )
    child = models.ForeignKey(
        Child, null=True, blank=True, on_delete=models.PROTECT, related_name="postnatal_contacts"
    )
    code = models.CharField(_("kunjungan"), max_length=3, choices=Code.choices)
    contact_date = models.DateField(_("tanggal"))
    notes = models.TextField(_("catatan"), blank=True, max_length=2000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["contact_date", "code"]
        verbose_name = _("kunjungan nifas/neonatal")
        verbose_name_plural = _("kunjungan nifas/neonatal")
        constraints = [
            models.UniqueConstraint(
                fields=["delivery", "code"],
                condition=Q(child__isnull=True),
                name="health_postnatal_mother_once",
            ),
            models.UniqueConstraint(
                fields=["child", "code"],
                condition=Q(child__isnull=False),
                name="health_postnatal_newborn_once",
            ),
            models.CheckConstraint(
                condition=(Q(code__startswith="KF") & Q(child__isnull=True))
                | (Q(code__startswith="KN") & Q(child__isnull=False)),
                name="health_postnatal_child_for_newborn_only",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.contact_date:%Y-%m-%d}"


class ScheduleDose(models.Model):
    """One dose of the national routine schedule. Data, editable in the admin."""

    code = models.SlugField(_("kode"), max_length=20, primary_key=True)
    antigen = models.CharField(_("antigen"), max_length=20)
    dose_number = models.PositiveSmallIntegerField(_("dosis ke-"))
    name_id = models.CharField(_("nama (Indonesia)"), max_length=80)
    name_en = models.CharField(_("nama (Inggris)"), max_length=80)
    age_months = models.PositiveSmallIntegerField(_("usia anjuran (bulan)"), default=0)
    age_days = models.PositiveSmallIntegerField(_("tambahan hari"), default=0)
    earliest_age_days = models.PositiveSmallIntegerField(_("usia paling cepat (hari)"), default=0)
    min_interval_days = models.PositiveSmallIntegerField(
        _("jarak minimal dari dosis sebelumnya (hari)"), default=0
    )
    grace_days = models.PositiveSmallIntegerField(_("batas jatuh tempo (hari)"), default=30)
    in_basic_set = models.BooleanField(_("bagian imunisasi dasar lengkap"), default=False)
    is_active = models.BooleanField(_("aktif"), default=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("dosis jadwal imunisasi")
        verbose_name_plural = _("jadwal imunisasi")
        constraints = [
            models.UniqueConstraint(
                fields=["antigen", "dose_number"], name="health_schedule_antigen_dose_unique"
            ),
            models.CheckConstraint(
                condition=Q(dose_number__gte=1), name="health_dose_number_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.name_id

    def rule(self) -> DoseRule:
        return DoseRule(
            code=self.code,
            antigen=self.antigen,
            dose_number=self.dose_number,
            age_months=self.age_months,
            age_days=self.age_days,
            earliest_age_days=self.earliest_age_days,
            min_interval_days=self.min_interval_days,
            grace_days=self.grace_days,
            in_basic_set=self.in_basic_set,
        )


class Immunization(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="immunizations")
    dose = models.ForeignKey(ScheduleDose, on_delete=models.PROTECT, related_name="+")
    given_on = models.DateField(_("tanggal pemberian"))
    batch_number = models.CharField(_("nomor batch"), max_length=40, blank=True)
    place = models.CharField(_("tempat"), max_length=150, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["given_on", "dose__order"]
        verbose_name = _("imunisasi")
        verbose_name_plural = _("imunisasi")
        constraints = [
            models.UniqueConstraint(fields=["child", "dose"], name="health_immunization_once"),
        ]

    def __str__(self) -> str:
        return f"{self.dose_id} {self.given_on:%Y-%m-%d}"


class Position(models.TextChoices):
    LYING = "lying", _("Berbaring (panjang badan)")
    STANDING = "standing", _("Berdiri (tinggi badan)")


class GrowthMeasurement(models.Model):
    """A weighing (and measuring) with the WHO z-scores computed when it was recorded."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="measurements")
    measured_on = models.DateField(_("tanggal pengukuran"))
    weight_kg = models.DecimalField(_("berat badan (kg)"), max_digits=5, decimal_places=2)
    height_cm = models.DecimalField(
        _("panjang/tinggi badan (cm)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    position = models.CharField(_("posisi"), max_length=8, choices=Position.choices, blank=True)
    head_circumference_cm = models.DecimalField(
        _("lingkar kepala (cm)"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    oedema = models.BooleanField(_("edema"), default=False)
    # Computed by health.rules.growth when recorded.
    age_days = models.PositiveIntegerField()
    height_used_cm = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    wfl_table = models.CharField(max_length=3, blank=True)
    wfa_z = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    wfa_category = models.CharField(max_length=30, blank=True)
    wfa_reason = models.CharField(max_length=30, blank=True)
    lhfa_z = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    lhfa_category = models.CharField(max_length=30, blank=True)
    lhfa_reason = models.CharField(max_length=30, blank=True)
    wfl_z = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    wfl_category = models.CharField(max_length=30, blank=True)
    wfl_reason = models.CharField(max_length=30, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["measured_on", "created_at"]
        verbose_name = _("pengukuran pertumbuhan")
        verbose_name_plural = _("pengukuran pertumbuhan")
        constraints = [
            models.CheckConstraint(
                condition=Q(weight_kg__gt=0) & Q(weight_kg__lte=50),
                name="health_measurement_weight_plausible",
            ),
            models.CheckConstraint(
                condition=Q(height_cm__isnull=True)
                | (Q(height_cm__gte=30) & Q(height_cm__lte=150)),
                name="health_measurement_height_plausible",
            ),
            models.CheckConstraint(
                condition=Q(height_cm__isnull=True) | ~Q(position=""),
                name="health_measurement_position_with_height",
            ),
        ]
        indexes = [models.Index(fields=["child", "measured_on"])]

    def __str__(self) -> str:
        return f"{self.child.full_name} {self.measured_on:%Y-%m-%d}"


class Reminder(models.Model):
    """A reminder sent to a mother about one due item (an ANC contact, a vaccine dose).

    At most one per item per ISO week (``2026-W07``): the daily job is safe to run again,
    and a mother hears of a due item once a week until it is done.
    """

    class Kind(models.TextChoices):
        ANC = "anc", _("Pemeriksaan kehamilan")
        IMMUNIZATION = "immunization", _("Imunisasi")

    id = models.BigAutoField(primary_key=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # "anc:<pregnancy id>:K3" or "imm:<child id>:<dose code>"
    item = models.CharField(max_length=100)
    week = models.CharField(max_length=8)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "week"], name="health_reminder_weekly")
        ]

    def __str__(self) -> str:
        return f"{self.item} {self.week}"
