"""Admin: the immunization schedule is editable data; health records are read-only here
(changes go through the API, where they are checked and audited) and every record opened
here is audited like a read through the API."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest, HttpResponse

from core.audit import record_event
from core.nik import mask_nik
from health.models import (
    AntenatalVisit,
    Child,
    Delivery,
    GrowthMeasurement,
    Immunization,
    Mother,
    PostnatalContact,
    Pregnancy,
    ScheduleDose,
)
from health.services.audit import record_read


@admin.register(ScheduleDose)
class ScheduleDoseAdmin(admin.ModelAdmin):
    list_display = [
        "code",
        "name_id",
        "antigen",
        "dose_number",
        "age_months",
        "earliest_age_days",
        "min_interval_days",
        "grace_days",
        "in_basic_set",
        "is_active",
        "order",
    ]
    list_editable = ["grace_days", "in_basic_set", "is_active", "order"]
    list_filter = ["antigen", "is_active", "in_basic_set"]
    ordering = ["order", "code"]


class ReadOnlyRecordAdmin(admin.ModelAdmin):
    """View only; opening a record writes a read event on the mother's book."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def book_record(self, obj: Any) -> Mother | Pregnancy | Child:
        return obj

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        obj = self.get_object(request, object_id)
        if obj is not None:
            record_read(
                user=request.user,
                action=f"health.admin.{self.model._meta.model_name}.read",
                record=self.book_record(obj),
                request=request,
                data={"record": str(obj.pk)},
                role="admin",
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        record_event(
            action=f"health.admin.{self.model._meta.model_name}.list",
            actor=request.user,
            object_type=self.model._meta.label_lower,
            request=request,
        )
        return super().changelist_view(request, extra_context)


@admin.register(Mother)
class MotherAdmin(ReadOnlyRecordAdmin):
    list_display = ["full_name", "nik_masked", "village", "has_account", "created_at"]
    list_select_related = ["village", "user"]
    search_fields = ["full_name"]
    exclude = ["nik", "phone"]
    readonly_fields = ["nik_masked"]

    @admin.display(description="NIK")
    def nik_masked(self, obj: Mother) -> str:
        return mask_nik(obj.nik)

    @admin.display(boolean=True)
    def has_account(self, obj: Mother) -> bool:
        return obj.user_id is not None


@admin.register(Pregnancy)
class PregnancyAdmin(ReadOnlyRecordAdmin):
    list_display = ["mother", "hpht", "due_date", "status", "anc_contacts_done", "k1_done"]
    list_filter = ["status"]
    list_select_related = ["mother"]


@admin.register(AntenatalVisit)
class AntenatalVisitAdmin(ReadOnlyRecordAdmin):
    list_display = ["pregnancy", "visit_date", "provider", "systolic", "diastolic", "hb_g_dl"]
    list_select_related = ["pregnancy__mother"]

    def book_record(self, obj: Any) -> Pregnancy:
        return obj.pregnancy


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyRecordAdmin):
    list_display = ["pregnancy", "delivered_at", "place", "attendant", "live_births", "stillbirths"]
    list_select_related = ["pregnancy__mother"]

    def book_record(self, obj: Any) -> Pregnancy:
        return obj.pregnancy


@admin.register(PostnatalContact)
class PostnatalContactAdmin(ReadOnlyRecordAdmin):
    list_display = ["delivery", "code", "child", "contact_date"]
    list_select_related = ["delivery__pregnancy__mother", "child"]

    def book_record(self, obj: Any) -> Pregnancy:
        return obj.delivery.pregnancy


@admin.register(Child)
class ChildAdmin(ReadOnlyRecordAdmin):
    list_display = ["full_name", "sex", "birth_date", "mother", "basic_immunization_complete_on"]
    list_select_related = ["mother"]
    search_fields = ["full_name"]
    exclude = ["nik"]


@admin.register(Immunization)
class ImmunizationAdmin(ReadOnlyRecordAdmin):
    list_display = ["child", "dose", "given_on"]
    list_select_related = ["child", "dose"]
    list_filter = ["dose"]

    def book_record(self, obj: Any) -> Child:
        return obj.child


@admin.register(GrowthMeasurement)
class GrowthMeasurementAdmin(ReadOnlyRecordAdmin):
    list_display = ["child", "measured_on", "weight_kg", "height_cm", "wfa_z", "lhfa_z", "wfl_z"]
    list_select_related = ["child"]

    def book_record(self, obj: Any) -> Child:
        return obj.child
