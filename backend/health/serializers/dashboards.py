"""The health worker's worklist and the aggregate figures."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from health.models import Child, Mother
from health.rules import immunization, postnatal
from health.rules import pregnancy as rules
from health.selectors.stats import Area, Figures, Stats, percentage
from health.selectors.worklist import (
    AncItem,
    GrowthItem,
    ImmunizationItem,
    PostnatalItem,
)
from health.serializers.children import dose_name
from health.serializers.common import (
    HealthGestationalAgeSerializer,
    HealthPersonBriefSerializer,
    HealthVillageBriefSerializer,
    HealthZScoresSerializer,
    measurement_zscores,
)


class HealthMotherRefSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    full_name = serializers.CharField()
    village = HealthVillageBriefSerializer()


def _mother(mother: Mother) -> dict[str, Any]:
    return {
        "id": str(mother.pk),
        "full_name": mother.full_name,
        "village": {"code": mother.village.code, "name": mother.village.name},
    }


class HealthChildRefSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    full_name = serializers.CharField()
    sex = serializers.CharField()
    birth_date = serializers.DateField()


def _child(child: Child) -> dict[str, Any]:
    return {
        "id": str(child.pk),
        "full_name": child.full_name,
        "sex": child.sex,
        "birth_date": child.birth_date,
    }


class HealthAncItemSerializer(serializers.Serializer):
    pregnancy_id = serializers.UUIDField()
    mother = HealthMotherRefSerializer()
    gestational_age = HealthGestationalAgeSerializer()
    contact = serializers.CharField()
    status = serializers.CharField(help_text="due or overdue")
    status_label = serializers.CharField()
    due_by = serializers.DateField()
    doctor_needed = serializers.BooleanField()


class HealthPostnatalItemSerializer(serializers.Serializer):
    pregnancy_id = serializers.UUIDField()
    mother = HealthMotherRefSerializer()
    code = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    child = HealthPersonBriefSerializer(allow_null=True)
    status = serializers.CharField(help_text="due or overdue")
    status_label = serializers.CharField()
    window_start = serializers.DateTimeField()
    window_end = serializers.DateTimeField()


class HealthPendingDoseSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    status = serializers.CharField(help_text="due or overdue")
    status_label = serializers.CharField()
    recommended_date = serializers.DateField()


class HealthImmunizationItemSerializer(serializers.Serializer):
    child = HealthChildRefSerializer()
    mother = HealthMotherRefSerializer()
    doses = HealthPendingDoseSerializer(many=True)


class HealthGrowthItemSerializer(serializers.Serializer):
    child = HealthChildRefSerializer()
    mother = HealthMotherRefSerializer()
    measured_on = serializers.DateField()
    problems = serializers.ListField(
        child=serializers.CharField(), help_text="stunted, wasted, underweight"
    )
    zscores = HealthZScoresSerializer()


class HealthWorklistSerializer(serializers.Serializer):
    as_of = serializers.DateField()
    anc = serializers.SerializerMethodField()
    postnatal = serializers.SerializerMethodField()
    immunization = serializers.SerializerMethodField()
    growth = serializers.SerializerMethodField()

    @extend_schema_field(HealthAncItemSerializer(many=True))
    def get_anc(self, obj: Any) -> list[dict[str, Any]]:
        items: list[AncItem] = obj.anc
        rows = []
        for item in items:
            weeks, days = rules.weeks_days(item.gestational_days)
            rows.append(
                {
                    "pregnancy_id": item.pregnancy.pk,
                    "mother": _mother(item.pregnancy.mother),
                    "gestational_age": {
                        "weeks": weeks,
                        "days": days,
                        "total_days": item.gestational_days,
                    },
                    "contact": item.contact.code,
                    "status": item.contact.status,
                    "status_label": str(rules.STATUS_LABELS[item.contact.status]),
                    "due_by": item.contact.due_by,
                    "doctor_needed": item.contact.doctor_needed,
                }
            )
        return list(HealthAncItemSerializer(rows, many=True).data)

    @extend_schema_field(HealthPostnatalItemSerializer(many=True))
    def get_postnatal(self, obj: Any) -> list[dict[str, Any]]:
        items: list[PostnatalItem] = obj.postnatal
        rows = [
            {
                "pregnancy_id": item.delivery.pregnancy_id,
                "mother": _mother(item.delivery.pregnancy.mother),
                "code": item.contact.window.code,
                "label": str(postnatal.CONTACT_LABELS[item.contact.window.code]),
                "child": (
                    {"id": item.child.pk, "full_name": item.child.full_name} if item.child else None
                ),
                "status": item.contact.status,
                "status_label": str(rules.STATUS_LABELS[item.contact.status]),
                "window_start": item.contact.window.starts_at,
                "window_end": item.contact.window.ends_at,
            }
            for item in items
        ]
        return list(HealthPostnatalItemSerializer(rows, many=True).data)

    @extend_schema_field(HealthImmunizationItemSerializer(many=True))
    def get_immunization(self, obj: Any) -> list[dict[str, Any]]:
        items: list[ImmunizationItem] = obj.immunization
        rows = [
            {
                "child": _child(item.child),
                "mother": _mother(item.child.mother),
                "doses": [
                    {
                        "code": dose.code,
                        "name": dose_name(dose),
                        "status": status.status,
                        "status_label": str(immunization.STATUS_LABELS[status.status]),
                        "recommended_date": status.recommended_date,
                    }
                    for dose, status in item.doses
                ],
            }
            for item in items
        ]
        return list(HealthImmunizationItemSerializer(rows, many=True).data)

    @extend_schema_field(HealthGrowthItemSerializer(many=True))
    def get_growth(self, obj: Any) -> list[dict[str, Any]]:
        items: list[GrowthItem] = obj.growth
        rows = [
            {
                "child": _child(item.child),
                "mother": _mother(item.child.mother),
                "measured_on": item.child.latest_measurement.measured_on,
                "problems": item.problems,
                "zscores": measurement_zscores(item.child.latest_measurement),
            }
            for item in items
            if item.child.latest_measurement is not None
        ]
        return list(HealthGrowthItemSerializer(rows, many=True).data)


# --- Stats --------------------------------------------------------------------------------


class HealthCoverageSerializer(serializers.Serializer):
    eligible = serializers.IntegerField(help_text="Denominator.")
    count = serializers.IntegerField(help_text="Numerator.")
    pct = serializers.FloatField(allow_null=True, help_text="Percent, 1 decimal; null if 0/0.")


def coverage(count: int, eligible: int) -> dict[str, Any]:
    return {"eligible": eligible, "count": count, "pct": percentage(count, eligible)}


class HealthPregnancyFiguresSerializer(serializers.Serializer):
    ongoing = serializers.IntegerField()
    k1 = HealthCoverageSerializer()
    k6 = HealthCoverageSerializer()


class HealthDoseCoverageSerializer(HealthCoverageSerializer):
    code = serializers.CharField()
    name = serializers.CharField()


class HealthImmunizationFiguresSerializer(serializers.Serializer):
    doses = HealthDoseCoverageSerializer(many=True)
    basic_complete_by_12_months = HealthCoverageSerializer()


class HealthGrowthFiguresSerializer(serializers.Serializer):
    children_under_five = serializers.IntegerField()
    measured = serializers.IntegerField(help_text="With at least one measurement.")
    measured_this_month = HealthCoverageSerializer(help_text="Over children under five.")
    stunting = HealthCoverageSerializer()
    wasting = HealthCoverageSerializer()
    underweight = HealthCoverageSerializer()


class HealthAreaFiguresSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    district_code = serializers.CharField(allow_blank=True)
    pregnancies = HealthPregnancyFiguresSerializer()
    immunization = HealthImmunizationFiguresSerializer()
    growth = HealthGrowthFiguresSerializer()


class HealthStatsSerializer(serializers.Serializer):
    as_of = serializers.DateField()
    month_start = serializers.DateField()
    total = HealthAreaFiguresSerializer()
    districts = HealthAreaFiguresSerializer(many=True)
    villages = HealthAreaFiguresSerializer(many=True)


def figures_data(area: Area, doses: list[Any]) -> dict[str, Any]:
    f: Figures = area.figures
    return {
        "code": area.code,
        "name": area.name,
        "district_code": area.district_code,
        "pregnancies": {
            "ongoing": f.ongoing,
            "k1": coverage(f.k1, f.k1_eligible),
            "k6": coverage(f.k6, f.k6_eligible),
        },
        "immunization": {
            "doses": [
                {
                    "code": dose.code,
                    "name": dose_name(dose),
                    **coverage(
                        f.doses.get(dose.code, [0, 0])[1], f.doses.get(dose.code, [0, 0])[0]
                    ),
                }
                for dose in doses
            ],
            "basic_complete_by_12_months": coverage(f.basic_complete, f.basic_cohort),
        },
        "growth": {
            "children_under_five": f.under_five,
            "measured": f.measured,
            "measured_this_month": coverage(f.measured_this_month, f.under_five),
            "stunting": coverage(f.stunted, f.haz_n),
            "wasting": coverage(f.wasted, f.whz_n),
            "underweight": coverage(f.underweight, f.waz_n),
        },
    }


def stats_data(result: Stats, total_name: str) -> dict[str, Any]:
    return {
        "as_of": result.as_of,
        "month_start": result.month_start,
        "total": figures_data(Area("", total_name, result.total), result.doses),
        "districts": [figures_data(a, result.doses) for a in result.districts],
        "villages": [figures_data(a, result.doses) for a in result.villages],
    }
