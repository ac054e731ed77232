from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from civil.models import CivilRequest, RequestEvent, ServiceType


@admin.register(ServiceType)
class ServiceTypeAdmin(admin.ModelAdmin):
    list_display = ["code", "name_id", "service_days", "fee", "is_active", "order"]
    list_editable = ["service_days", "is_active"]
    readonly_fields = ["fee"]


class RequestEventInline(admin.TabularInline):
    model = RequestEvent
    extra = 0
    can_delete = False
    readonly_fields = ("created_at", "actor", "action", "from_status", "to_status", "note")
    fields = readonly_fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(CivilRequest)
class CivilRequestAdmin(admin.ModelAdmin):
    """Read-only: requests change state only through the officers' workflow."""

    list_display = ["tracking_code", "service", "status", "district", "due_date", "submitted_at"]
    list_filter = ["status", "service", "district"]
    search_fields = ["tracking_code"]
    inlines = [RequestEventInline]
    exclude = ["form_data"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
