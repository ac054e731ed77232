"""Shapes of civil-registration input and output."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.functional import cached_property
from django.utils.translation import get_language
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from civil import selectors
from civil.models import CivilRequest, RequestDocument, RequestEvent, Status
from core.nik import mask_nik
from core.serializers import StrictSerializer, moment_formatter

FREE_LABEL = {"id": "Gratis / Rp0", "en": "Free / Rp0"}


class ServiceTypeSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.SerializerMethodField()
    description = serializers.SerializerMethodField()
    output = serializers.SerializerMethodField()
    requirements = serializers.SerializerMethodField()
    form_fields = serializers.SerializerMethodField()
    service_days = serializers.IntegerField(help_text="Working days from submission")
    fee = serializers.IntegerField(help_text="Rupiah; always 0")
    fee_label = serializers.SerializerMethodField()
    legal_basis = serializers.CharField()

    def get_name(self, obj: Any) -> str:
        return selectors.localized(obj, "name")

    def get_description(self, obj: Any) -> str:
        return selectors.localized(obj, "description")

    def get_output(self, obj: Any) -> str:
        return selectors.localized(obj, "output")

    def get_fee_label(self, obj: Any) -> str:
        return FREE_LABEL["en" if selectors.english() else "id"]

    @extend_schema_field(
        {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "code": {"type": "string"},
                    "name": {"type": "string"},
                    "hint": {"type": "string"},
                    "required": {"type": "boolean"},
                },
            },
        }
    )
    def get_requirements(self, obj: Any) -> list[dict[str, Any]]:
        en = selectors.english()
        return [
            {
                "code": item["code"],
                "name": item["name_en" if en else "name_id"],
                "hint": item["hint_en" if en else "hint_id"],
                "required": item["required"],
            }
            for item in obj.requirements
        ]

    @extend_schema_field(
        {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "name": {"type": "string"},
                    "type": {
                        "type": "string",
                        "enum": [
                            "text",
                            "sex",
                            "past_date",
                            "nik",
                            "nik_female",
                            "nik_male",
                            "nik_list",
                            "kk",
                            "choice",
                        ],
                    },
                    "required": {"type": "boolean"},
                    "label": {"type": "string"},
                    "choices": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "value": {"type": "string"},
                                "label": {"type": "string"},
                            },
                        },
                    },
                },
            },
        }
    )
    def get_form_fields(self, obj: Any) -> list[dict[str, Any]]:
        en = selectors.english()
        fields = []
        for spec in obj.form_fields:
            item = {
                "name": spec["name"],
                "type": spec["type"],
                "required": spec.get("required", True),
                "label": spec["label_en" if en else "label_id"],
            }
            if spec.get("choices"):
                item["choices"] = [
                    {"value": value, "label": label_en if en else label_id}
                    for value, label_id, label_en in spec["choices"]
                ]
            fields.append(item)
        return fields


class CreateRequestSerializer(StrictSerializer):
    service = serializers.CharField(max_length=40)
    village_code = serializers.CharField(max_length=13, required=False, allow_blank=True)
    form_data = serializers.JSONField()


class UpdateRequestSerializer(StrictSerializer):
    village_code = serializers.CharField(max_length=13, required=False, allow_blank=True)
    form_data = serializers.JSONField(required=False)


class DocumentUploadSerializer(StrictSerializer):
    kind = serializers.CharField(max_length=40)
    file = serializers.FileField(allow_empty_file=True, max_length=200)


class NoteSerializer(StrictSerializer):
    note = serializers.CharField(max_length=2000)


class ReasonSerializer(StrictSerializer):
    reason = serializers.CharField(max_length=2000)


class CancelSerializer(StrictSerializer):
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True)


class CompleteSerializer(StrictSerializer):
    output_document_number = serializers.CharField(max_length=60)


class EmptySerializer(StrictSerializer):
    pass


class NamedCodeSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


# Status labels by language, translated once per process.
_STATUS_LABELS: dict[str, dict[str, str]] = {}


def status_labels() -> dict[str, str]:
    language = get_language() or "id"
    labels = _STATUS_LABELS.get(language)
    if labels is None:
        labels = _STATUS_LABELS[language] = {value: str(label) for value, label in Status.choices}
    return labels


class RequestListSerializer(serializers.ModelSerializer):
    """One row of a list. ``context["today"]``, when given, is the date ``overdue`` is
    judged on (computed once per list instead of once per row)."""

    service = serializers.SerializerMethodField()
    status_label = serializers.SerializerMethodField()
    village = serializers.SerializerMethodField()
    district = serializers.SerializerMethodField()
    applicant_name = serializers.CharField(source="applicant.full_name")
    applicant_nik_masked = serializers.SerializerMethodField()
    assigned_officer_name = serializers.SerializerMethodField()
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = CivilRequest
        fields = [
            "id",
            "tracking_code",
            "service",
            "status",
            "status_label",
            "village",
            "district",
            "applicant_name",
            "applicant_nik_masked",
            "assigned_officer_name",
            "created_at",
            "submitted_at",
            "completed_at",
            "due_date",
            "overdue",
            "flags",
        ]

    @extend_schema_field(NamedCodeSerializer)
    def get_service(self, obj: CivilRequest) -> dict[str, str]:
        return {"code": obj.service.code, "name": selectors.localized(obj.service, "name")}

    @extend_schema_field(NamedCodeSerializer)
    def get_village(self, obj: CivilRequest) -> dict[str, str]:
        return {"code": obj.village.code, "name": obj.village.name}

    @extend_schema_field(NamedCodeSerializer)
    def get_district(self, obj: CivilRequest) -> dict[str, str]:
        return {"code": obj.district.code, "name": obj.district.name}

    def get_status_label(self, obj: CivilRequest) -> str:
        return str(Status(obj.status).label)

    def get_applicant_nik_masked(self, obj: CivilRequest) -> str:
        return mask_nik(obj.applicant.nik)

    @extend_schema_field(OpenApiTypes.STR)
    def get_assigned_officer_name(self, obj: CivilRequest) -> str | None:
        return obj.assigned_officer.full_name if obj.assigned_officer else None

    def get_overdue(self, obj: CivilRequest) -> bool:
        return selectors.is_overdue(obj, self.context.get("today"))

    @cached_property
    def _per_list(self) -> tuple[Callable[[Any], str | None], dict[str, str], bool]:
        """What every row of one list shares (the serializer of a list serves its rows):
        how moments are shown, the status labels, the language."""
        return moment_formatter(), status_labels(), selectors.english()

    def to_representation(self, instance: Any) -> dict[str, Any]:
        """The row built directly: DRF's field-by-field walk over 16 fields and 20 rows cost
        more than the list's queries. The declared fields still describe it in the schema;
        a test checks that both give the same answer."""
        if type(self) is not RequestListSerializer:  # the detail adds fields of its own
            return super().to_representation(instance)
        moment, labels, english = self._per_list
        service, officer, due = instance.service, instance.assigned_officer, instance.due_date
        return {
            "id": str(instance.pk),
            "tracking_code": instance.tracking_code,
            "service": {
                "code": service.code,
                "name": service.name_en if english else service.name_id,
            },
            "status": instance.status,
            "status_label": labels[instance.status],
            "village": {"code": instance.village.code, "name": instance.village.name},
            "district": {"code": instance.district.code, "name": instance.district.name},
            "applicant_name": instance.applicant.full_name,
            "applicant_nik_masked": mask_nik(instance.applicant.nik),
            "assigned_officer_name": officer.full_name if officer else None,
            "created_at": moment(instance.created_at),
            "submitted_at": moment(instance.submitted_at),
            "completed_at": moment(instance.completed_at),
            "due_date": None if due is None else due.isoformat(),
            "overdue": self.get_overdue(instance),
            "flags": instance.flags,
        }


class DocumentSerializer(serializers.ModelSerializer):
    kind_name = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    class Meta:
        model = RequestDocument
        fields = ["id", "kind", "kind_name", "content_type", "size", "created_at", "url"]

    def get_kind_name(self, obj: RequestDocument) -> str:
        names = {
            item["code"]: selectors.localized_requirement(item)
            for item in obj.request.service.requirements
        }
        return names.get(obj.kind, obj.kind)

    def get_url(self, obj: RequestDocument) -> str:
        return f"/api/v1/civil/requests/{obj.request_id}/documents/{obj.pk}/file"


class TimelineSerializer(serializers.ModelSerializer):
    actor_name = serializers.SerializerMethodField()
    actor_is_applicant = serializers.SerializerMethodField()
    to_status_label = serializers.SerializerMethodField()

    class Meta:
        model = RequestEvent
        fields = [
            "created_at",
            "action",
            "actor_name",
            "actor_is_applicant",
            "from_status",
            "to_status",
            "to_status_label",
            "note",
            "data",
        ]

    @extend_schema_field(OpenApiTypes.STR)
    def get_actor_name(self, obj: RequestEvent) -> str | None:
        return obj.actor.full_name if obj.actor else None

    def get_actor_is_applicant(self, obj: RequestEvent) -> bool:
        return obj.actor_id == obj.request.applicant_id

    def get_to_status_label(self, obj: RequestEvent) -> str:
        return str(Status(obj.to_status).label) if obj.to_status else ""


REQUIRED_DOCUMENTS_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {
            "code": {"type": "string"},
            "name": {"type": "string"},
            "required": {"type": "boolean"},
            "uploaded": {"type": "boolean"},
        },
    },
}


class RequestDetailSerializer(RequestListSerializer):
    applicant_nik = serializers.SerializerMethodField()
    documents = DocumentSerializer(many=True, source="current_documents")
    required_documents = serializers.SerializerMethodField()
    timeline = TimelineSerializer(many=True, source="events")
    allowed_actions = serializers.SerializerMethodField()
    fee_label = serializers.SerializerMethodField()

    class Meta(RequestListSerializer.Meta):
        fields = [
            *RequestListSerializer.Meta.fields,
            "applicant_nik",
            "form_data",
            "revision_note",
            "rejection_reason",
            "output_document_number",
            "working_days_used",
            "documents",
            "required_documents",
            "timeline",
            "allowed_actions",
            "fee_label",
        ]

    def get_applicant_nik(self, obj: CivilRequest) -> str:
        return obj.applicant.nik

    @extend_schema_field(REQUIRED_DOCUMENTS_SCHEMA)
    def get_required_documents(self, obj: CivilRequest) -> list[dict[str, Any]]:
        required = set(selectors.required_document_codes(obj))
        uploaded = {d.kind for d in getattr(obj, "current_documents", [])}
        return [
            {
                "code": item["code"],
                "name": selectors.localized_requirement(item),
                "required": item["code"] in required,
                "uploaded": item["code"] in uploaded,
            }
            for item in obj.service.requirements
        ]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_allowed_actions(self, obj: CivilRequest) -> list[str]:
        return selectors.allowed_actions(self.context["request"].user, obj)

    def get_fee_label(self, obj: CivilRequest) -> str:
        return FREE_LABEL["en" if selectors.english() else "id"]


class StatsSerializer(serializers.Serializer):
    """Figures are documented in docs/civil.md; the shape is open for dashboards."""

    districts = NamedCodeSerializer(many=True)
    total = serializers.IntegerField()
    by_status = serializers.DictField(child=serializers.IntegerField())
    by_service = serializers.ListField(child=serializers.DictField())
    completed = serializers.IntegerField()
    median_completion_hours = serializers.FloatField(allow_null=True)
    completed_on_time_share = serializers.FloatField(allow_null=True)
    overdue_count = serializers.IntegerField()
    overdue = serializers.ListField(child=serializers.DictField())
    by_district = serializers.ListField(child=serializers.DictField())
    by_officer = serializers.ListField(child=serializers.DictField())
