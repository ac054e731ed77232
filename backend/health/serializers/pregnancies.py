"""Pregnancies, antenatal visits, deliveries and postnatal contacts."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.serializers import StrictSerializer
from health.models import (
    AntenatalVisit,
    Attendant,
    DeliveryMethod,
    DeliveryPlace,
    EndReason,
    MotherCondition,
    PostnatalContact,
    Pregnancy,
    Provider,
    Sex,
)
from health.rules import limits, postnatal
from health.rules import pregnancy as rules
from health.selectors.records import (
    PostnatalView,
    PregnancyView,
    gestational_age,
    visit_measurements,
)
from health.serializers.common import (
    HealthGestationalAgeSerializer,
    HealthPersonBriefSerializer,
    NumberField,
)

# --- Input --------------------------------------------------------------------------------


class HealthPregnancyCreateSerializer(StrictSerializer):
    hpht = serializers.DateField(help_text="First day of the last menstrual period.")
    gravida = serializers.IntegerField(
        min_value=1, max_value=30, help_text="This pregnancy's number."
    )
    para = serializers.IntegerField(
        min_value=0, max_value=30, default=0, help_text="Previous births."
    )
    abortus = serializers.IntegerField(min_value=0, max_value=30, default=0)
    previous_delivery_date = serializers.DateField(required=False, allow_null=True, default=None)


class HealthPregnancyUpdateSerializer(StrictSerializer):
    hpht = serializers.DateField(required=False)
    gravida = serializers.IntegerField(min_value=1, max_value=30, required=False)
    para = serializers.IntegerField(min_value=0, max_value=30, required=False)
    abortus = serializers.IntegerField(min_value=0, max_value=30, required=False)
    previous_delivery_date = serializers.DateField(required=False, allow_null=True)


class HealthPregnancyEndSerializer(StrictSerializer):
    ended_on = serializers.DateField()
    reason = serializers.ChoiceField(choices=EndReason.choices)


def _decimal(limits_pair: tuple[Any, Any], digits: int, places: int) -> serializers.DecimalField:
    return serializers.DecimalField(
        max_digits=digits,
        decimal_places=places,
        min_value=limits_pair[0],
        max_value=limits_pair[1],
        required=False,
        allow_null=True,
        default=None,
    )


def _integer(limits_pair: tuple[int, int]) -> serializers.IntegerField:
    return serializers.IntegerField(
        min_value=limits_pair[0],
        max_value=limits_pair[1],
        required=False,
        allow_null=True,
        default=None,
    )


class HealthVisitCreateSerializer(StrictSerializer):
    visit_date = serializers.DateField()
    provider = serializers.ChoiceField(choices=Provider.choices)
    weight_kg = _decimal(limits.MOTHER_WEIGHT_KG, 4, 1)
    height_cm = _decimal(limits.MOTHER_HEIGHT_CM, 4, 1)
    systolic = _integer(limits.SYSTOLIC)
    diastolic = _integer(limits.DIASTOLIC)
    lila_cm = _decimal(limits.LILA_CM, 4, 1)
    hb_g_dl = _decimal(limits.HB_G_DL, 4, 1)
    fundal_height_cm = _decimal(limits.FUNDAL_HEIGHT_CM, 4, 1)
    fetal_heart_rate = _integer(limits.FETAL_HEART_RATE)
    iron_tablets = serializers.IntegerField(
        min_value=limits.IRON_TABLETS[0], max_value=limits.IRON_TABLETS[1], default=0
    )
    notes = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class HealthBabySerializer(StrictSerializer):
    full_name = serializers.CharField(
        max_length=150,
        required=False,
        allow_blank=True,
        default="",
        help_text='Empty: "Bayi Ny. <mother>" (numbered for twins).',
    )
    sex = serializers.ChoiceField(choices=Sex.choices)
    birth_weight_g = serializers.IntegerField(
        min_value=limits.BIRTH_WEIGHT_G[0],
        max_value=limits.BIRTH_WEIGHT_G[1],
        required=False,
        allow_null=True,
        default=None,
        help_text="Grams.",
    )
    birth_length_cm = _decimal(limits.BIRTH_LENGTH_CM, 4, 1)
    nik = serializers.CharField(max_length=32, required=False, allow_blank=True, default="")


class HealthDeliveryCreateSerializer(StrictSerializer):
    delivered_at = serializers.DateTimeField(help_text="Date and time of birth (ISO 8601).")
    place = serializers.ChoiceField(choices=DeliveryPlace.choices)
    attendant = serializers.ChoiceField(choices=Attendant.choices)
    method = serializers.ChoiceField(choices=DeliveryMethod.choices)
    mother_condition = serializers.ChoiceField(choices=MotherCondition.choices)
    babies = serializers.ListField(
        child=HealthBabySerializer(),
        max_length=limits.MAX_BABIES,
        help_text="Babies born alive: one child record each.",
    )
    stillbirths = serializers.IntegerField(min_value=0, max_value=limits.MAX_BABIES, default=0)
    notes = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class HealthPostnatalContactCreateSerializer(StrictSerializer):
    code = serializers.ChoiceField(choices=PostnatalContact.Code.choices)
    contact_date = serializers.DateField()
    child_id = serializers.UUIDField(
        required=False, allow_null=True, default=None, help_text="The baby (KN contacts)."
    )
    notes = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


# --- Output -------------------------------------------------------------------------------


def _trimester(age: dict[str, int] | None) -> int | None:
    return rules.trimester(age["total_days"]) if age else None


class HealthPregnancySummarySerializer(serializers.Serializer):
    id = serializers.UUIDField()
    hpht = serializers.DateField()
    due_date = serializers.DateField()
    status = serializers.CharField()
    status_label = serializers.CharField(source="get_status_display")
    gravida = serializers.IntegerField()
    para = serializers.IntegerField()
    abortus = serializers.IntegerField()
    gestational_age = serializers.SerializerMethodField()
    trimester = serializers.SerializerMethodField()
    anc_contacts_done = serializers.IntegerField()
    k1_done = serializers.BooleanField()
    delivered_at = serializers.SerializerMethodField()
    ended_on = serializers.DateField(allow_null=True)

    @extend_schema_field(HealthGestationalAgeSerializer(allow_null=True))
    def get_gestational_age(self, obj: Pregnancy) -> dict[str, int] | None:
        return gestational_age(obj)

    def get_trimester(self, obj: Pregnancy) -> int | None:
        return _trimester(gestational_age(obj))

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_delivered_at(self, obj: Pregnancy) -> str | None:
        delivery = getattr(obj, "delivery", None) if obj.status == "delivered" else None
        return (
            serializers.DateTimeField().to_representation(delivery.delivered_at)
            if delivery
            else None
        )


class HealthContactSerializer(serializers.Serializer):
    code = serializers.CharField()
    trimester = serializers.IntegerField()
    status = serializers.CharField(help_text="done, due, overdue, missed or upcoming")
    status_label = serializers.SerializerMethodField()
    window_start = serializers.DateField()
    window_end = serializers.DateField(allow_null=True, help_text="null: until delivery")
    due_from = serializers.DateField()
    due_by = serializers.DateField()
    visit_id = serializers.SerializerMethodField()
    visit_date = serializers.DateField(allow_null=True)
    provider = serializers.CharField(allow_blank=True)
    doctor_needed = serializers.BooleanField(
        help_text="No doctor visit yet in this trimester (T1 and T3 need one)."
    )

    def get_status_label(self, obj: rules.Contact) -> str:
        return str(rules.STATUS_LABELS[obj.status])

    @extend_schema_field(serializers.UUIDField(allow_null=True))
    def get_visit_id(self, obj: rules.Contact) -> str | None:
        return obj.visit_id or None


class HealthDoctorRuleSerializer(serializers.Serializer):
    trimester_1 = serializers.BooleanField()
    trimester_3 = serializers.BooleanField()
    met = serializers.BooleanField()


class HealthAncSerializer(serializers.Serializer):
    done = serializers.IntegerField()
    minimum = serializers.IntegerField(
        source="required", help_text="Contacts the standard asks: 6."
    )
    complete = serializers.BooleanField()
    contacts = HealthContactSerializer(many=True)
    next = HealthContactSerializer(allow_null=True)
    doctor_rule = serializers.SerializerMethodField()

    @extend_schema_field(HealthDoctorRuleSerializer)
    def get_doctor_rule(self, obj: rules.AncStatus) -> dict[str, bool]:
        return {
            "trimester_1": obj.doctor_t1 is not None,
            "trimester_3": obj.doctor_t3 is not None,
            "met": obj.doctor_rule_met,
        }


class HealthDangerSignSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    value = serializers.CharField(allow_blank=True)
    visit_date = serializers.DateField(allow_null=True)


class HealthChildBriefSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    full_name = serializers.CharField()
    sex = serializers.CharField()
    birth_date = serializers.DateField()
    birth_weight_g = serializers.IntegerField(allow_null=True)
    birth_length_cm = NumberField()


class HealthDeliverySerializer(serializers.Serializer):
    id = serializers.UUIDField()
    delivered_at = serializers.DateTimeField()
    place = serializers.CharField()
    place_label = serializers.CharField(source="get_place_display")
    attendant = serializers.CharField()
    attendant_label = serializers.CharField(source="get_attendant_display")
    method = serializers.CharField()
    method_label = serializers.CharField(source="get_method_display")
    mother_condition = serializers.CharField()
    mother_condition_label = serializers.CharField(source="get_mother_condition_display")
    live_births = serializers.IntegerField()
    stillbirths = serializers.IntegerField()
    notes = serializers.CharField(allow_blank=True)
    gestational_age = serializers.SerializerMethodField()
    children = serializers.SerializerMethodField()

    @extend_schema_field(HealthGestationalAgeSerializer)
    def get_gestational_age(self, obj: Any) -> dict[str, int] | None:
        return gestational_age(obj.pregnancy, timezone.localtime(obj.delivered_at).date())

    @extend_schema_field(HealthChildBriefSerializer(many=True))
    def get_children(self, obj: Any) -> list[dict[str, Any]]:
        children = self.context.get("children")
        if children is None:
            children = list(obj.children.order_by("full_name"))
        return list(HealthChildBriefSerializer(children, many=True).data)


class HealthPregnancyDetailSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="pregnancy.id")
    mother = HealthPersonBriefSerializer(source="pregnancy.mother")
    hpht = serializers.DateField(source="pregnancy.hpht")
    due_date = serializers.DateField(source="pregnancy.due_date")
    status = serializers.CharField(source="pregnancy.status")
    status_label = serializers.CharField(source="pregnancy.get_status_display")
    gravida = serializers.IntegerField(source="pregnancy.gravida")
    para = serializers.IntegerField(source="pregnancy.para")
    abortus = serializers.IntegerField(source="pregnancy.abortus")
    previous_delivery_date = serializers.DateField(
        source="pregnancy.previous_delivery_date", allow_null=True
    )
    ended_on = serializers.DateField(source="pregnancy.ended_on", allow_null=True)
    end_reason = serializers.CharField(source="pregnancy.end_reason", allow_blank=True)
    gestational_age = serializers.SerializerMethodField()
    trimester = serializers.SerializerMethodField()
    anc = HealthAncSerializer()
    danger_signs = HealthDangerSignSerializer(many=True)
    visits_count = serializers.IntegerField()
    delivery = serializers.SerializerMethodField()
    can_edit = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField(source="pregnancy.created_at")

    @extend_schema_field(HealthGestationalAgeSerializer(allow_null=True))
    def get_gestational_age(self, obj: PregnancyView) -> dict[str, int] | None:
        return gestational_age(obj.pregnancy)

    def get_trimester(self, obj: PregnancyView) -> int | None:
        return _trimester(gestational_age(obj.pregnancy))

    @extend_schema_field(HealthDeliverySerializer(allow_null=True))
    def get_delivery(self, obj: PregnancyView) -> dict[str, Any] | None:
        if obj.delivery is None:
            return None
        return dict(HealthDeliverySerializer(obj.delivery, context={"children": obj.children}).data)

    def get_can_edit(self, obj: PregnancyView) -> bool:
        return bool(self.context.get("can_edit", False))


class HealthVisitSerializer(serializers.ModelSerializer):
    provider_label = serializers.CharField(source="get_provider_display", read_only=True)
    weight_kg = NumberField()
    height_cm = NumberField()
    lila_cm = NumberField()
    hb_g_dl = NumberField()
    fundal_height_cm = NumberField()
    gestational_age = serializers.SerializerMethodField()
    trimester = serializers.SerializerMethodField()
    danger_signs = serializers.SerializerMethodField()
    recorded_by = serializers.SerializerMethodField()

    class Meta:
        model = AntenatalVisit
        fields = [
            "id",
            "visit_date",
            "provider",
            "provider_label",
            "weight_kg",
            "height_cm",
            "systolic",
            "diastolic",
            "lila_cm",
            "hb_g_dl",
            "fundal_height_cm",
            "fetal_heart_rate",
            "iron_tablets",
            "notes",
            "gestational_age",
            "trimester",
            "danger_signs",
            "recorded_by",
            "created_at",
        ]

    def _hpht(self, obj: AntenatalVisit) -> Any:
        pregnancy = self.context.get("pregnancy") or obj.pregnancy
        return pregnancy.hpht

    @extend_schema_field(HealthGestationalAgeSerializer)
    def get_gestational_age(self, obj: AntenatalVisit) -> dict[str, int]:
        days = rules.gestational_days(self._hpht(obj), obj.visit_date)
        weeks, rest = rules.weeks_days(days)
        return {"weeks": weeks, "days": rest, "total_days": days}

    def get_trimester(self, obj: AntenatalVisit) -> int:
        return rules.trimester(rules.gestational_days(self._hpht(obj), obj.visit_date))

    @extend_schema_field(HealthDangerSignSerializer(many=True))
    def get_danger_signs(self, obj: AntenatalVisit) -> list[dict[str, Any]]:
        signs = rules.visit_danger_signs(visit_measurements(obj))
        return list(HealthDangerSignSerializer(signs, many=True).data)

    @extend_schema_field(HealthPersonBriefSerializer(allow_null=True))
    def get_recorded_by(self, obj: AntenatalVisit) -> dict[str, Any] | None:
        user = obj.recorded_by
        return {"id": str(user.pk), "full_name": user.full_name} if user else None


class HealthPostnatalScheduleItemSerializer(serializers.Serializer):
    code = serializers.CharField(source="window.code")
    who = serializers.CharField(source="window.who", help_text="mother or newborn")
    label = serializers.SerializerMethodField()  # type: ignore[assignment]
    child = serializers.SerializerMethodField()
    window_start = serializers.DateTimeField(source="window.starts_at")
    window_end = serializers.DateTimeField(source="window.ends_at")
    window_start_date = serializers.DateField(source="window.start_date")
    window_end_date = serializers.DateField(source="window.end_date")
    status = serializers.CharField(help_text="done, due, overdue or upcoming")
    status_label = serializers.SerializerMethodField()
    contact_date = serializers.DateField(allow_null=True)
    contact_id = serializers.SerializerMethodField()

    def get_label(self, obj: postnatal.ScheduledContact) -> str:
        return str(postnatal.CONTACT_LABELS[obj.window.code])

    @extend_schema_field(HealthPersonBriefSerializer(allow_null=True))
    def get_child(self, obj: postnatal.ScheduledContact) -> dict[str, str] | None:
        child = self.context.get("children", {}).get(obj.child_id)
        return {"id": str(child.pk), "full_name": child.full_name} if child else None

    def get_status_label(self, obj: postnatal.ScheduledContact) -> str:
        return str(rules.STATUS_LABELS[obj.status])

    @extend_schema_field(serializers.UUIDField(allow_null=True))
    def get_contact_id(self, obj: postnatal.ScheduledContact) -> str | None:
        return obj.contact_id or None


class HealthPostnatalScheduleSerializer(serializers.Serializer):
    delivered_at = serializers.DateTimeField(source="delivery.delivered_at")
    contacts = serializers.SerializerMethodField()

    @extend_schema_field(HealthPostnatalScheduleItemSerializer(many=True))
    def get_contacts(self, obj: PostnatalView) -> list[dict[str, Any]]:
        return list(
            HealthPostnatalScheduleItemSerializer(
                obj.contacts, many=True, context={"children": obj.children}
            ).data
        )


class HealthPostnatalContactSerializer(serializers.ModelSerializer):
    child_id = serializers.UUIDField(allow_null=True, read_only=True)

    class Meta:
        model = PostnatalContact
        fields = ["id", "code", "contact_date", "child_id", "notes", "created_at"]
