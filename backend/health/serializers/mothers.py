"""Mothers: input and output shapes, and the access log."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.models import AuditEvent
from core.nik import mask_nik
from core.phone import mask_phone
from core.serializers import StrictSerializer
from health.models import Mother
from health.rules.dates import age_in_years
from health.rules.pregnancy import trimester
from health.selectors.records import gestational_age
from health.serializers.children import HealthChildListSerializer
from health.serializers.common import HealthGestationalAgeSerializer, HealthVillageBriefSerializer
from health.serializers.pregnancies import HealthPregnancySummarySerializer
from health.services.common import nik_problems, warning_message


class HealthMotherCreateSerializer(StrictSerializer):
    nik = serializers.CharField(max_length=32, help_text="16-digit NIK (a woman's).")
    full_name = serializers.CharField(max_length=150)
    birth_date = serializers.DateField()
    village_code = serializers.CharField(
        max_length=13, help_text="One of the health worker's villages, e.g. 16.02.05.1002."
    )
    phone = serializers.CharField(max_length=32, required=False, allow_blank=True, default="")


class HealthMotherUpdateSerializer(StrictSerializer):
    full_name = serializers.CharField(max_length=150, required=False)
    birth_date = serializers.DateField(required=False)
    village_code = serializers.CharField(max_length=13, required=False)
    phone = serializers.CharField(max_length=32, required=False, allow_blank=True)


class HealthMotherLookupSerializer(StrictSerializer):
    nik = serializers.CharField(max_length=32)


class HealthOngoingPregnancySerializer(serializers.Serializer):
    id = serializers.UUIDField()
    hpht = serializers.DateField()
    due_date = serializers.DateField()
    gestational_age = serializers.SerializerMethodField()
    trimester = serializers.SerializerMethodField()
    anc_contacts_done = serializers.IntegerField()

    @extend_schema_field(HealthGestationalAgeSerializer(allow_null=True))
    def get_gestational_age(self, obj: Any) -> dict[str, int] | None:
        return gestational_age(obj)

    def get_trimester(self, obj: Any) -> int | None:
        age = gestational_age(obj)
        return trimester(age["total_days"]) if age else None


class HealthMotherListSerializer(serializers.Serializer):
    """What a list shows: NIK and phone masked."""

    id = serializers.UUIDField()
    full_name = serializers.CharField()
    nik_masked = serializers.SerializerMethodField()
    birth_date = serializers.DateField()
    age_years = serializers.SerializerMethodField()
    village = HealthVillageBriefSerializer()
    phone_masked = serializers.SerializerMethodField()
    has_account = serializers.SerializerMethodField()
    ongoing_pregnancy = serializers.SerializerMethodField()
    children_count = serializers.IntegerField()

    def get_nik_masked(self, obj: Mother) -> str:
        return mask_nik(obj.nik)

    def get_age_years(self, obj: Mother) -> int:
        return age_in_years(obj.birth_date, timezone.localdate())

    def get_phone_masked(self, obj: Mother) -> str | None:
        return mask_phone(obj.phone) if obj.phone else None

    def get_has_account(self, obj: Mother) -> bool:
        return obj.user_id is not None

    @extend_schema_field(HealthOngoingPregnancySerializer(allow_null=True))
    def get_ongoing_pregnancy(self, obj: Mother) -> dict[str, Any] | None:
        ongoing = getattr(obj, "ongoing_pregnancies", None) or []
        return HealthOngoingPregnancySerializer(ongoing[0]).data if ongoing else None


class HealthDistrictBriefSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class HealthVillageWithDistrictSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    district = HealthDistrictBriefSerializer()


class HealthMotherDetailSerializer(HealthMotherListSerializer):
    """The full record, for the mother herself and her health worker."""

    nik = serializers.CharField()
    phone = serializers.CharField(allow_blank=True)
    village = HealthVillageWithDistrictSerializer()  # type: ignore[assignment]
    created_at = serializers.DateTimeField()
    pregnancies = serializers.SerializerMethodField()
    children = serializers.SerializerMethodField()
    warnings = serializers.SerializerMethodField()
    can_edit = serializers.SerializerMethodField()

    @extend_schema_field(HealthPregnancySummarySerializer(many=True))
    def get_pregnancies(self, obj: Mother) -> list[dict[str, Any]]:
        items = getattr(obj, "all_pregnancies", None)
        if items is None:
            items = list(obj.pregnancies.select_related("delivery").order_by("-hpht"))
        return list(HealthPregnancySummarySerializer(items, many=True).data)

    @extend_schema_field(HealthChildListSerializer(many=True))
    def get_children(self, obj: Mother) -> list[dict[str, Any]]:
        items = getattr(obj, "all_children", None)
        if items is None:
            items = list(obj.children.select_related("latest_measurement"))
        for child in items:
            child.mother = obj
        return list(HealthChildListSerializer(items, many=True).data)

    @extend_schema_field(
        {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
            },
        }
    )
    def get_warnings(self, obj: Mother) -> list[dict[str, str]]:
        codes = self.context.get("warnings")
        if codes is None:
            _info, codes = nik_problems(obj.nik, sex="F", birth_date=obj.birth_date, errors={})
        return [{"code": c, "message": warning_message(c)} for c in codes]

    def get_can_edit(self, obj: Mother) -> bool:
        return bool(self.context.get("can_edit", False))


ACTION_LABELS = {
    "health.mother.read": _("Membuka data ibu"),
    "health.mother.list": _("Melihat daftar ibu"),
    "health.mother.created": _("Membuat Buku KIA"),
    "health.mother.updated": _("Mengubah data ibu"),
    "health.mother.account_linked": _("Menghubungkan akun warga"),
    "health.pregnancy.read": _("Membuka data kehamilan"),
    "health.pregnancy.list": _("Melihat daftar kehamilan"),
    "health.pregnancy.created": _("Mencatat kehamilan"),
    "health.pregnancy.updated": _("Mengubah data kehamilan"),
    "health.pregnancy.ended": _("Mencatat kehamilan berakhir"),
    "health.visit.list": _("Melihat kunjungan antenatal"),
    "health.visit.created": _("Mencatat kunjungan antenatal"),
    "health.delivery.created": _("Mencatat persalinan"),
    "health.postnatal.read": _("Melihat kunjungan nifas/neonatal"),
    "health.postnatal.created": _("Mencatat kunjungan nifas/neonatal"),
    "health.child.read": _("Membuka data anak"),
    "health.child.list": _("Melihat daftar anak"),
    "health.child.created": _("Mencatat anak"),
    "health.child.updated": _("Mengubah data anak"),
    "health.immunization.read": _("Melihat jadwal imunisasi"),
    "health.immunization.created": _("Mencatat imunisasi"),
    "health.measurement.list": _("Melihat pengukuran pertumbuhan"),
    "health.measurement.created": _("Mencatat pengukuran pertumbuhan"),
    "health.growth_chart.read": _("Melihat grafik pertumbuhan"),
    "health.worklist.read": _("Melihat daftar kerja tenaga kesehatan"),
}

ADMIN_READ_LABEL = _("Dibuka di halaman admin")

ROLE_LABELS = {
    "mother": _("Ibu (pemilik buku)"),
    "health_worker": _("Tenaga kesehatan"),
    "admin": _("Admin sistem"),
}


class HealthActorSerializer(serializers.Serializer):
    name = serializers.CharField()
    role = serializers.CharField()
    role_label = serializers.CharField()


class HealthAccessLogEntrySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    at = serializers.DateTimeField(source="created_at")
    action = serializers.CharField()
    action_label = serializers.SerializerMethodField()
    kind = serializers.SerializerMethodField(help_text="read or write")
    actor = serializers.SerializerMethodField()
    is_self = serializers.SerializerMethodField()
    record_type = serializers.SerializerMethodField(help_text="mother, pregnancy or child")
    record_id = serializers.CharField(source="object_id")

    def get_action_label(self, obj: AuditEvent) -> str:
        if obj.action.startswith("health.admin."):
            return str(ADMIN_READ_LABEL)
        return str(ACTION_LABELS.get(obj.action, obj.action))

    def get_kind(self, obj: AuditEvent) -> str:
        return "read" if obj.action.endswith((".read", ".list")) else "write"

    @extend_schema_field(HealthActorSerializer(allow_null=True))
    def get_actor(self, obj: AuditEvent) -> dict[str, str] | None:
        if obj.actor is None:
            return None
        role = str((obj.data or {}).get("as", ""))
        return {
            "name": obj.actor.full_name,
            "role": role,
            "role_label": str(ROLE_LABELS.get(role, role)),
        }

    def get_is_self(self, obj: AuditEvent) -> bool:
        return (obj.data or {}).get("as") == "mother"

    def get_record_type(self, obj: AuditEvent) -> str:
        return obj.object_type.removeprefix("health.")
