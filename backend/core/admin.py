from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from core.models import AuditEvent, District, NotificationDelivery, PublicService, Village


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]


@admin.register(Village)
class VillageAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "district"]
    list_filter = ["kind", "district"]
    search_fields = ["code", "name"]


@admin.register(PublicService)
class PublicServiceAdmin(admin.ModelAdmin):
    list_display = ["code", "name_id", "available", "order"]


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the trail can be searched, never edited."""

    list_display = ["created_at", "action", "actor", "object_type", "object_id", "ip_address"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_id", "request_id"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(NotificationDelivery)
class NotificationDeliveryAdmin(admin.ModelAdmin):
    """Read-only: which sender had which notification. A row left ``sending`` means the
    worker died while sending; it is never sent again (check the channel by hand)."""

    list_display = ["notification_id", "sender", "status", "attempts", "claimed_at", "sent_at"]
    list_filter = ["status", "sender"]
    search_fields = ["notification__id"]
    readonly_fields = [
        "notification",
        "sender",
        "status",
        "attempts",
        "claimed_at",
        "sent_at",
        "error",
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
