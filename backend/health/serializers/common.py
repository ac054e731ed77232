"""Small shapes every health response uses. Measurements and z-scores are JSON numbers."""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from health.rules import growth


class HealthVillageBriefSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class HealthPersonBriefSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    full_name = serializers.CharField()


class HealthGestationalAgeSerializer(serializers.Serializer):
    weeks = serializers.IntegerField()
    days = serializers.IntegerField()
    total_days = serializers.IntegerField()


class HealthChildAgeSerializer(serializers.Serializer):
    months = serializers.IntegerField()
    total_days = serializers.IntegerField()


class HealthWarningSerializer(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField()


class HealthZScoreSerializer(serializers.Serializer):
    z = serializers.FloatField(allow_null=True, help_text="Rounded to 2 decimals.")
    category = serializers.CharField(allow_null=True, help_text="Permenkes 2/2020 category code.")
    category_label = serializers.CharField(allow_null=True)
    reason = serializers.CharField(
        allow_null=True, help_text="Why there is no z-score (e.g. age_out_of_range)."
    )
    reason_label = serializers.CharField(allow_null=True)


class HealthWflZScoreSerializer(HealthZScoreSerializer):
    table = serializers.CharField(
        allow_null=True, help_text="wfl (under 731 days) or wfh (from 731 days)."
    )


class HealthZScoresSerializer(serializers.Serializer):
    wfa = HealthZScoreSerializer(help_text="Weight-for-age (BB/U).")
    lhfa = HealthZScoreSerializer(help_text="Length/height-for-age (PB/U, TB/U).")
    wfl = HealthWflZScoreSerializer(help_text="Weight-for-length/height (BB/PB, BB/TB).")


# (language, indicator, category, reason) → their labels: a handful of combinations,
# translated once per process instead of twice for every z-score shown.
_LABELS: dict[tuple[str, str, str | None, str | None], tuple[str | None, str | None]] = {}


def zscore_data(indicator: str, z: Any, category: str | None, reason: str | None) -> dict[str, Any]:
    category, reason = category or None, reason or None
    key = (get_language() or "", indicator, category, reason)
    labels = _LABELS.get(key)
    if labels is None:
        labels = _LABELS[key] = (
            growth.category_label(indicator, category),
            growth.reason_label(reason),
        )
    return {
        "z": float(z) if z is not None else None,
        "category": category,
        "category_label": labels[0],
        "reason": reason,
        "reason_label": labels[1],
    }


def measurement_zscores(m: Any) -> dict[str, Any]:
    """The stored z-scores of a GrowthMeasurement."""
    return {
        "wfa": zscore_data(growth.WFA, m.wfa_z, m.wfa_category, m.wfa_reason),
        "lhfa": zscore_data(growth.LHFA, m.lhfa_z, m.lhfa_category, m.lhfa_reason),
        "wfl": {
            **zscore_data(growth.WFL, m.wfl_z, m.wfl_category, m.wfl_reason),
            "table": m.wfl_table or None,
        },
    }


def result_zscores(result: growth.GrowthResult) -> dict[str, Any]:
    """The z-scores of a computed GrowthResult."""
    return {
        "wfa": zscore_data(growth.WFA, result.wfa.value, result.wfa.category, result.wfa.reason),
        "lhfa": zscore_data(
            growth.LHFA, result.lhfa.value, result.lhfa.category, result.lhfa.reason
        ),
        "wfl": {
            **zscore_data(growth.WFL, result.wfl.value, result.wfl.category, result.wfl.reason),
            "table": result.wfl_table,
        },
    }


def number(value: Any) -> float | None:
    return float(value) if value is not None else None


@extend_schema_field({"type": "number", "nullable": True})
class NumberField(serializers.Field):
    """A decimal shown as a JSON number (read-only)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> float | None:
        return number(value)
