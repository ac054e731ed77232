"""Shapes of account input and output."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.models import Language, Sex, User
from core.nik import mask_nik
from core.serializers import DistrictSerializer, StrictSerializer, VillageWithDistrictSerializer


class RegisterSerializer(StrictSerializer):
    nik = serializers.CharField(max_length=32, help_text="16-digit NIK.")
    full_name = serializers.CharField(max_length=150)
    birth_date = serializers.DateField()
    sex = serializers.ChoiceField(choices=Sex.choices)
    phone = serializers.CharField(max_length=32, help_text="0812…, 62812… or +62812…")
    password = serializers.CharField(max_length=128, write_only=True, trim_whitespace=False)


class LoginSerializer(StrictSerializer):
    identifier = serializers.CharField(max_length=32, help_text="NIK or phone number.")
    password = serializers.CharField(max_length=128, write_only=True, trim_whitespace=False)


class RefreshSerializer(StrictSerializer):
    refresh = serializers.CharField(max_length=2000)


class LogoutSerializer(StrictSerializer):
    refresh = serializers.CharField(max_length=2000)


class PasswordChangeSerializer(StrictSerializer):
    current_password = serializers.CharField(max_length=128, trim_whitespace=False)
    new_password = serializers.CharField(max_length=128, trim_whitespace=False)


class TokenPairSerializer(serializers.Serializer):
    access = serializers.CharField()
    refresh = serializers.CharField()


class JurisdictionSerializer(serializers.Serializer):
    districts = DistrictSerializer(many=True)
    villages = serializers.SerializerMethodField()
    facility = serializers.CharField(allow_null=True)

    @extend_schema_field(
        {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"code": {"type": "string"}, "name": {"type": "string"}},
            },
        }
    )
    def get_villages(self, obj: dict[str, Any]) -> list[dict[str, str]]:
        return [{"code": v.code, "name": v.name} for v in obj["villages"]]


class MeSerializer(serializers.Serializer):
    """The owner's own profile: the only place the full NIK is shown."""

    id = serializers.UUIDField(source="user.id")
    nik = serializers.CharField(source="user.nik")
    nik_masked = serializers.SerializerMethodField()
    full_name = serializers.CharField(source="user.full_name")
    birth_date = serializers.DateField(source="user.birth_date")
    sex = serializers.CharField(source="user.sex")
    phone = serializers.CharField(source="user.phone")
    language = serializers.CharField(source="user.language")
    village = VillageWithDistrictSerializer(source="user.village", allow_null=True)
    roles = serializers.ListField(child=serializers.CharField())
    jurisdiction = JurisdictionSerializer()
    date_joined = serializers.DateTimeField(source="user.date_joined")

    def get_nik_masked(self, obj: dict[str, Any]) -> str:
        return mask_nik(obj["user"].nik)


class MeUpdateSerializer(StrictSerializer):
    full_name = serializers.CharField(max_length=150, required=False)
    phone = serializers.CharField(max_length=32, required=False)
    language = serializers.ChoiceField(choices=Language.choices, required=False)
    village_code = serializers.CharField(
        max_length=13, required=False, allow_null=True, allow_blank=True
    )


class AuthResponseSerializer(serializers.Serializer):
    access = serializers.CharField()
    refresh = serializers.CharField()
    user = MeSerializer()


def user_summary(user: User) -> dict[str, Any]:
    return {"id": str(user.pk), "full_name": user.full_name}
