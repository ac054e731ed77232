"""Children, immunization, growth measurements, the z-score calculator and growth charts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.nik import mask_nik
from core.serializers import StrictSerializer, moment_formatter
from health.models import Child, GrowthMeasurement, Immunization, Position, ScheduleDose, Sex
from health.rules import immunization, limits
from health.rules.dates import age_in_months
from health.selectors.records import ImmunizationView
from health.serializers.common import (
    HealthChildAgeSerializer,
    HealthPersonBriefSerializer,
    HealthVillageBriefSerializer,
    HealthZScoresSerializer,
    NumberField,
    measurement_zscores,
    number,
)
from health.services.common import nik_problems, warning_message

# --- Input --------------------------------------------------------------------------------


class HealthChildCreateSerializer(StrictSerializer):
    full_name = serializers.CharField(max_length=150)
    sex = serializers.ChoiceField(choices=Sex.choices)
    birth_date = serializers.DateField()
    birth_weight_g = serializers.IntegerField(
        min_value=limits.BIRTH_WEIGHT_G[0],
        max_value=limits.BIRTH_WEIGHT_G[1],
        required=False,
        allow_null=True,
        default=None,
        help_text="Grams.",
    )
    birth_length_cm = serializers.DecimalField(
        max_digits=4,
        decimal_places=1,
        min_value=limits.BIRTH_LENGTH_CM[0],
        max_value=limits.BIRTH_LENGTH_CM[1],
        required=False,
        allow_null=True,
        default=None,
    )
    nik = serializers.CharField(max_length=32, required=False, allow_blank=True, default="")


class HealthChildUpdateSerializer(StrictSerializer):
    full_name = serializers.CharField(max_length=150, required=False)
    sex = serializers.ChoiceField(choices=Sex.choices, required=False)
    birth_date = serializers.DateField(required=False)
    birth_weight_g = serializers.IntegerField(
        min_value=limits.BIRTH_WEIGHT_G[0],
        max_value=limits.BIRTH_WEIGHT_G[1],
        required=False,
        allow_null=True,
    )
    birth_length_cm = serializers.DecimalField(
        max_digits=4,
        decimal_places=1,
        min_value=limits.BIRTH_LENGTH_CM[0],
        max_value=limits.BIRTH_LENGTH_CM[1],
        required=False,
        allow_null=True,
    )
    nik = serializers.CharField(max_length=32, required=False, allow_blank=True)


class HealthImmunizationCreateSerializer(StrictSerializer):
    dose_code = serializers.CharField(max_length=20, help_text="A schedule dose code, e.g. bcg.")
    given_on = serializers.DateField()
    batch_number = serializers.CharField(
        max_length=40, required=False, allow_blank=True, default=""
    )
    place = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")


class HealthMeasurementCreateSerializer(StrictSerializer):
    measured_on = serializers.DateField()
    weight_kg = serializers.DecimalField(
        max_digits=5,
        decimal_places=2,
        min_value=limits.CHILD_WEIGHT_KG[0],
        max_value=limits.CHILD_WEIGHT_KG[1],
    )
    height_cm = serializers.DecimalField(
        max_digits=5,
        decimal_places=2,
        min_value=limits.CHILD_HEIGHT_CM[0],
        max_value=limits.CHILD_HEIGHT_CM[1],
        required=False,
        allow_null=True,
        default=None,
        help_text="Length (lying) or height (standing), as measured.",
    )
    position = serializers.ChoiceField(
        choices=Position.choices, required=False, allow_blank=True, default=""
    )
    head_circumference_cm = serializers.DecimalField(
        max_digits=4,
        decimal_places=1,
        min_value=limits.HEAD_CIRCUMFERENCE_CM[0],
        max_value=limits.HEAD_CIRCUMFERENCE_CM[1],
        required=False,
        allow_null=True,
        default=None,
    )
    oedema = serializers.BooleanField(
        required=False, default=False, help_text="Bilateral pitting oedema."
    )


class HealthZScoreQuerySerializer(serializers.Serializer):
    """Other systems may send float exports (10.399999619): up to 9 decimals are accepted."""

    sex = serializers.ChoiceField(choices=Sex.choices)
    birth_date = serializers.DateField()
    measured_on = serializers.DateField()
    weight_kg = serializers.DecimalField(
        max_digits=12,
        decimal_places=9,
        min_value=limits.CHILD_WEIGHT_KG[0],
        max_value=limits.CHILD_WEIGHT_KG[1],
        required=False,
        allow_null=True,
        default=None,
    )
    height_cm = serializers.DecimalField(
        max_digits=12,
        decimal_places=9,
        min_value=limits.CHILD_HEIGHT_CM[0],
        max_value=limits.CHILD_HEIGHT_CM[1],
        required=False,
        allow_null=True,
        default=None,
    )
    position = serializers.ChoiceField(
        choices=Position.choices, required=False, allow_blank=True, default=""
    )
    oedema = serializers.BooleanField(required=False, default=False)


# --- Output -------------------------------------------------------------------------------


class HealthLatestMeasurementSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    measured_on = serializers.DateField()
    age_days = serializers.IntegerField()
    weight_kg = NumberField()
    height_cm = NumberField()
    zscores = serializers.SerializerMethodField()

    @extend_schema_field(HealthZScoresSerializer)
    def get_zscores(self, obj: GrowthMeasurement) -> dict[str, Any]:
        return measurement_zscores(obj)


def _age(child: Child) -> dict[str, int]:
    on = timezone.localdate()
    return {
        "months": age_in_months(child.birth_date, on),
        "total_days": (on - child.birth_date).days,
    }


class HealthChildListSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    full_name = serializers.CharField()
    sex = serializers.CharField()
    sex_label = serializers.CharField(source="get_sex_display")
    birth_date = serializers.DateField()
    age = serializers.SerializerMethodField()
    nik_masked = serializers.SerializerMethodField()
    mother = HealthPersonBriefSerializer()
    latest_measurement = HealthLatestMeasurementSerializer(allow_null=True)
    basic_immunization_complete = serializers.SerializerMethodField()

    @extend_schema_field(HealthChildAgeSerializer)
    def get_age(self, obj: Child) -> dict[str, int]:
        return _age(obj)

    def get_nik_masked(self, obj: Child) -> str | None:
        return mask_nik(obj.nik) if obj.nik else None

    def get_basic_immunization_complete(self, obj: Child) -> bool:
        return obj.basic_immunization_complete_on is not None


class HealthChildDetailSerializer(HealthChildListSerializer):
    nik = serializers.CharField(allow_blank=True)
    birth_weight_g = serializers.IntegerField(allow_null=True, help_text="Grams.")
    birth_length_cm = NumberField()
    village = HealthVillageBriefSerializer(source="mother.village")
    delivery_id = serializers.UUIDField(allow_null=True)
    basic_immunization_complete_on = serializers.DateField(allow_null=True)
    warnings = serializers.SerializerMethodField()
    can_edit = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()

    @extend_schema_field(
        {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
            },
        }
    )
    def get_warnings(self, obj: Child) -> list[dict[str, str]]:
        if not obj.nik:
            return []
        _info, codes = nik_problems(obj.nik, sex=obj.sex, birth_date=obj.birth_date, errors={})
        return [{"code": c, "message": warning_message(c)} for c in codes]

    def get_can_edit(self, obj: Child) -> bool:
        return bool(self.context.get("can_edit", False))


def dose_name(dose: ScheduleDose) -> str:
    return dose.name_en if (get_language() or "id").startswith("en") else dose.name_id


class HealthScheduleDoseSerializer(serializers.ModelSerializer):
    name = serializers.SerializerMethodField()

    class Meta:
        model = ScheduleDose
        fields = [
            "code",
            "antigen",
            "dose_number",
            "name",
            "name_id",
            "name_en",
            "age_months",
            "age_days",
            "earliest_age_days",
            "min_interval_days",
            "grace_days",
            "in_basic_set",
            "is_active",
        ]

    def get_name(self, obj: ScheduleDose) -> str:
        return dose_name(obj)


class HealthImmunizationRecordSerializer(serializers.ModelSerializer):
    dose_code = serializers.CharField(source="dose_id")

    class Meta:
        model = Immunization
        fields = ["id", "dose_code", "given_on", "batch_number", "place", "created_at"]


class HealthDoseStatusSerializer(serializers.Serializer):
    code = serializers.CharField()
    antigen = serializers.CharField()
    dose_number = serializers.IntegerField()
    name = serializers.CharField()
    in_basic_set = serializers.BooleanField()
    age_months = serializers.IntegerField()
    recommended_date = serializers.DateField()
    due_until = serializers.DateField(help_text="Overdue after this date.")
    earliest_date = serializers.DateField(
        allow_null=True, help_text="Soonest allowed date; null while the previous dose is missing."
    )
    waiting_for = serializers.CharField(allow_null=True, help_text="Previous dose still missing.")
    status = serializers.CharField(help_text="given, due, overdue or not_yet")
    status_label = serializers.CharField()
    immunization = HealthImmunizationRecordSerializer(allow_null=True)


class HealthImmunizationScheduleSerializer(serializers.Serializer):
    child = HealthPersonBriefSerializer()
    birth_date = serializers.DateField(source="child.birth_date")
    basic_complete_on = serializers.DateField(allow_null=True)
    complete_by_first_birthday = serializers.BooleanField()
    doses = serializers.SerializerMethodField()

    @extend_schema_field(HealthDoseStatusSerializer(many=True))
    def get_doses(self, obj: ImmunizationView) -> list[dict[str, Any]]:
        rows = [
            {
                "code": dose.code,
                "antigen": dose.antigen,
                "dose_number": dose.dose_number,
                "name": dose_name(dose),
                "in_basic_set": dose.in_basic_set,
                "age_months": dose.age_months,
                "recommended_date": status.recommended_date,
                "due_until": status.due_until,
                "earliest_date": status.earliest_date,
                "waiting_for": status.waiting_for,
                "status": status.status,
                "status_label": str(immunization.STATUS_LABELS[status.status]),
                "immunization": record,
            }
            for dose, status, record in obj.doses
        ]
        return list(HealthDoseStatusSerializer(rows, many=True).data)


class HealthMeasurementSerializer(serializers.ModelSerializer):
    weight_kg = NumberField()
    height_cm = NumberField()
    head_circumference_cm = NumberField()
    height_used_cm = NumberField(help_text="After the ±0.7 cm lying/standing correction.")
    zscores = serializers.SerializerMethodField()

    class Meta:
        model = GrowthMeasurement
        fields = [
            "id",
            "measured_on",
            "age_days",
            "weight_kg",
            "height_cm",
            "position",
            "head_circumference_cm",
            "oedema",
            "height_used_cm",
            "zscores",
            "created_at",
        ]

    @extend_schema_field(HealthZScoresSerializer)
    def get_zscores(self, obj: GrowthMeasurement) -> dict[str, Any]:
        return measurement_zscores(obj)

    @cached_property
    def _moment(self) -> Callable[[dt.datetime | None], str | None]:
        """How moments are shown, looked up once for the rows of a list."""
        return moment_formatter()

    def to_representation(self, instance: Any) -> dict[str, Any]:
        """Built directly: building this ModelSerializer's fields and walking them cost
        more than reading a child's measurements. The declared fields still describe it
        in the schema; a test checks that both give the same answer."""
        return {
            "id": str(instance.id),
            "measured_on": instance.measured_on.isoformat(),
            "age_days": instance.age_days,
            "weight_kg": number(instance.weight_kg),
            "height_cm": number(instance.height_cm),
            "position": instance.position,
            "head_circumference_cm": number(instance.head_circumference_cm),
            "oedema": instance.oedema,
            "height_used_cm": number(instance.height_used_cm),
            "zscores": measurement_zscores(instance),
            "created_at": self._moment(instance.created_at),
        }


class HealthZScoreResultSerializer(serializers.Serializer):
    age_days = serializers.IntegerField()
    height_used_cm = serializers.FloatField(allow_null=True)
    height_correction_cm = serializers.FloatField()
    zscores = HealthZScoresSerializer()


class HealthCurvePointSerializer(serializers.Serializer):
    age_days = serializers.IntegerField()
    sd3neg = serializers.FloatField()
    sd2neg = serializers.FloatField()
    sd0 = serializers.FloatField()
    sd2 = serializers.FloatField()
    sd3 = serializers.FloatField()


class HealthCurvesSerializer(serializers.Serializer):
    wfa = HealthCurvePointSerializer(many=True, help_text="Weight (kg) at -3, -2, 0, +2, +3 SD.")
    lhfa = HealthCurvePointSerializer(
        many=True, help_text="Length/height (cm) at -3, -2, 0, +2, +3 SD."
    )


class HealthChartPointSerializer(serializers.Serializer):
    measured_on = serializers.DateField()
    age_days = serializers.IntegerField()
    weight_kg = NumberField()
    height_cm = NumberField(source="height_used_cm")
    wfa_z = NumberField()
    lhfa_z = NumberField()
    wfl_z = NumberField()


class HealthGrowthChartSerializer(serializers.Serializer):
    child = HealthPersonBriefSerializer()
    sex = serializers.CharField(source="child.sex")
    birth_date = serializers.DateField(source="child.birth_date")
    age_days = serializers.IntegerField()
    points = HealthChartPointSerializer(many=True)
    curves = serializers.SerializerMethodField()

    @extend_schema_field(HealthCurvesSerializer)
    def get_curves(self, chart: Any) -> dict[str, Any]:
        # Already plain numbers from the WHO tables: sent as they are, without a field
        # object per value (a chart holds up to 2 x 62 rows of 6 numbers).
        return dict(chart.curves)

    def to_representation(self, instance: Any) -> dict[str, Any]:
        """Built directly, as the measurement list is (a test checks it against the
        declared fields)."""
        child = instance.child
        return {
            "child": {"id": str(child.id), "full_name": child.full_name},
            "sex": child.sex,
            "birth_date": child.birth_date.isoformat(),
            "age_days": instance.age_days,
            "points": [
                {
                    "measured_on": point.measured_on.isoformat(),
                    "age_days": point.age_days,
                    "weight_kg": number(point.weight_kg),
                    "height_cm": number(point.height_used_cm),
                    "wfa_z": number(point.wfa_z),
                    "lhfa_z": number(point.lhfa_z),
                    "wfl_z": number(point.wfl_z),
                }
                for point in instance.points
            ],
            "curves": self.get_curves(instance),
        }
