"""Serializer pieces every domain uses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from rest_framework import serializers

from core.models import District, Village


def moment_formatter() -> Callable[[dt.datetime | None], str | None]:
    """Shows a moment as DRF's ``DateTimeField`` does (ISO 8601 in the current time zone,
    "Z" for UTC), for rows built by hand: the time zone is looked up once per list
    instead of once per value, which cost more than the rest of a list row."""
    zone = timezone.get_current_timezone()

    def show(value: dt.datetime | None) -> str | None:
        if value is None:
            return None
        text = value.astimezone(zone).isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text

    return show


class StrictSerializer(serializers.Serializer):
    """Refuses fields it does not know, naming them, instead of silently ignoring them."""

    def to_internal_value(self, data: Any) -> Any:
        unknown: dict[str, list[str]] = {}
        if isinstance(data, dict):
            writable = {name for name, field in self.fields.items() if not field.read_only}
            unknown = {
                str(key): [_("Kolom ini tidak dikenal.")] for key in data if key not in writable
            }
        try:
            value = super().to_internal_value(data)
        except serializers.ValidationError as exc:
            if unknown and isinstance(exc.detail, dict):
                raise serializers.ValidationError({**exc.detail, **unknown}) from exc
            raise
        if unknown:
            raise serializers.ValidationError(unknown)
        return value


class DistrictSerializer(serializers.ModelSerializer):
    class Meta:
        model = District
        fields = ["code", "name"]


class VillageSerializer(serializers.ModelSerializer):
    district = serializers.CharField(source="district_id", read_only=True)

    class Meta:
        model = Village
        fields = ["code", "name", "kind", "district", "postal_code"]


class VillageWithDistrictSerializer(serializers.ModelSerializer):
    district = DistrictSerializer(read_only=True)

    class Meta:
        model = Village
        fields = ["code", "name", "kind", "district"]


class RegencySerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    short_name = serializers.CharField()
    timezone = serializers.CharField()


class PublicServiceSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    description = serializers.CharField()
    available = serializers.BooleanField()


class AppConfigSerializer(serializers.Serializer):
    regency = RegencySerializer()
    services = PublicServiceSerializer(many=True)


class NotificationSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    kind = serializers.CharField()
    title = serializers.CharField(read_only=True)
    body = serializers.CharField(read_only=True)
    link = serializers.CharField()
    created_at = serializers.DateTimeField()
    read_at = serializers.DateTimeField(allow_null=True)

    @cached_property
    def _moment(self) -> Callable[[dt.datetime | None], str | None]:
        """How moments are shown, looked up once for the rows of a list (the serializer of
        a list serves all its rows)."""
        return moment_formatter()

    def to_representation(self, instance: Any) -> dict[str, Any]:
        """Title and body rendered once per notification, in the reader's language; the
        row built directly (a test checks it against the declared fields)."""
        from core.notifications import render

        title, body = render(instance)
        return {
            "id": str(instance.id),
            "kind": instance.kind,
            "title": title,
            "body": body,
            "link": instance.link,
            "created_at": self._moment(instance.created_at),
            "read_at": self._moment(instance.read_at),
        }
