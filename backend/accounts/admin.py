from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from rest_framework.exceptions import ValidationError

from accounts import services
from accounts.models import RoleAssignment, User


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ["full_name", "masked_nik", "phone", "village", "is_active", "date_joined"]
    list_filter = ["is_active", "is_staff", "sex"]
    search_fields = ["full_name", "nik", "phone"]
    readonly_fields = ["id", "nik", "birth_date", "sex", "date_joined", "last_login"]
    fields = [
        "id",
        "nik",
        "full_name",
        "birth_date",
        "sex",
        "phone",
        "language",
        "village",
        "is_active",
        "is_staff",
        "is_superuser",
        "date_joined",
        "last_login",
    ]
    autocomplete_fields = ["village"]
    actions = ["deactivate"]

    @admin.display(description="NIK")
    def masked_nik(self, obj: User) -> str:
        from core.nik import mask_nik

        return mask_nik(obj.nik)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # residents register themselves; officers by `createsuperuser`/commands

    def save_model(self, request: HttpRequest, obj: User, form: ModelForm, change: bool) -> None:
        if "is_active" in form.changed_data:
            services.set_active(user=obj, active=obj.is_active, by=request.user, request=request)  # type: ignore[arg-type]
        super().save_model(request, obj, form, change)

    @admin.action(description="Nonaktifkan akun terpilih")
    def deactivate(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            services.set_active(user=user, active=False, by=request.user, request=request)  # type: ignore[arg-type]


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    """Changes go through the role services, so each one is audited."""

    list_display = ["user", "role", "facility", "is_active", "created_at"]
    list_filter = ["role", "is_active"]
    search_fields = ["user__full_name", "user__phone"]
    fields = ["user", "role", "districts", "villages", "facility", "is_active"]
    filter_horizontal = ["districts", "villages"]
    autocomplete_fields = ["user"]

    def save_model(self, request: HttpRequest, obj: Any, form: ModelForm, change: bool) -> None:
        return None  # written in save_related through the service

    def save_related(
        self, request: HttpRequest, form: ModelForm, formsets: Any, change: bool
    ) -> None:
        data = form.cleaned_data
        by = request.user
        try:
            if data.get("is_active", True):
                assignment = services.assign_role(
                    user=data["user"],
                    role=data["role"],
                    district_codes=[d.code for d in data.get("districts", [])],
                    village_codes=[v.code for v in data.get("villages", [])],
                    facility=data.get("facility", ""),
                    by=by,  # type: ignore[arg-type]
                    request=request,
                )
                form.instance.pk = assignment.pk
            else:
                services.revoke_role(user=data["user"], role=data["role"], by=by, request=request)  # type: ignore[arg-type]
        except ValidationError as exc:
            self.message_user(request, str(exc.detail), level=messages.ERROR)

    def delete_model(self, request: HttpRequest, obj: RoleAssignment) -> None:
        services.revoke_role(user=obj.user, role=obj.role, by=request.user, request=request)  # type: ignore[arg-type]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # revoke by unticking "aktif": the history stays
