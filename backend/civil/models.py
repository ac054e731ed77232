"""Civil-registration (adminduk) services, requests, their documents and their timeline."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.files import private_storage
from core.models import District, Village


class ServiceType(models.Model):
    """A service of the catalogue. Requirements, form fields and service time are data."""

    code = models.SlugField(max_length=40, primary_key=True)
    name_id = models.CharField(max_length=120)
    name_en = models.CharField(max_length=120)
    description_id = models.TextField()
    description_en = models.TextField()
    output_id = models.CharField(max_length=120, help_text="What the resident receives")
    output_en = models.CharField(max_length=120)
    # [{"code", "name_id", "name_en", "hint_id", "hint_en", "required": bool}]
    requirements = models.JSONField(default=list)
    # [{"name", "type", "required", "label_id", "label_en", "choices": [[value, id, en]]}]
    form_fields = models.JSONField(default=list)
    service_days = models.PositiveSmallIntegerField(help_text="Working days from submission")
    fee = models.PositiveIntegerField(default=0, help_text="Rupiah. Always 0: UU 24/2013 art. 79A")
    legal_basis = models.CharField(max_length=200, blank=True)
    is_active = models.BooleanField(default=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "code"]
        constraints = [
            models.CheckConstraint(condition=Q(fee=0), name="civil_service_is_free"),
            models.CheckConstraint(condition=Q(service_days__gte=1), name="civil_service_days_min"),
        ]

    def __str__(self) -> str:
        return self.name_id


class Status(models.TextChoices):
    DRAFT = "draft", _("Draf")
    SUBMITTED = "submitted", _("Diajukan")
    IN_REVIEW = "in_review", _("Diperiksa")
    NEEDS_REVISION = "needs_revision", _("Perlu perbaikan")
    APPROVED = "approved", _("Disetujui")
    COMPLETED = "completed", _("Selesai")
    REJECTED = "rejected", _("Ditolak")
    CANCELLED = "cancelled", _("Dibatalkan")


# The deadline clock runs in these states and is paused in NEEDS_REVISION.
CLOCK_RUNNING = {Status.SUBMITTED, Status.IN_REVIEW, Status.APPROVED}
OPEN_STATES = CLOCK_RUNNING | {Status.NEEDS_REVISION}


class CivilRequest(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    tracking_code = models.CharField(max_length=12, unique=True)
    service = models.ForeignKey(ServiceType, on_delete=models.PROTECT, related_name="requests")
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="civil_requests"
    )
    village = models.ForeignKey(Village, on_delete=models.PROTECT, related_name="+")
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    form_data = models.JSONField(default=dict)
    flags = models.JSONField(default=dict, blank=True)
    assigned_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_civil_requests",
    )
    revision_note = models.TextField(blank=True)
    rejection_reason = models.TextField(blank=True)
    output_document_number = models.CharField(max_length=60, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    # Deadline: service_days working days, paused while the resident corrects the request.
    due_date = models.DateField(null=True, blank=True)
    clock_resumed_on = models.DateField(null=True, blank=True)
    working_days_used = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            # The officer queue: its districts and states, in deadline order; the other
            # sort columns included so PostgreSQL sorts a page from the index alone.
            models.Index(
                fields=["district", "status", "due_date"],
                include=["submitted_at", "id"],
                name="civil_queue_idx",
            ),
            models.Index(fields=["applicant", "-created_at"]),
            models.Index(fields=["assigned_officer", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="completed") | ~Q(output_document_number=""),
                name="civil_completed_has_output_number",
            ),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(rejection_reason=""),
                name="civil_rejected_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "cancelled"]) | Q(submitted_at__isnull=False),
                name="civil_submitted_has_time",
            ),
        ]

    def __str__(self) -> str:
        return self.tracking_code


def document_path(instance: RequestDocument, filename: str) -> str:
    return f"civil/{instance.request_id}/{uuid.uuid4().hex}.{filename.rsplit('.', 1)[-1]}"


class RequestDocument(models.Model):
    """A document photographed or scanned by the resident. Private: streamed after checks."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    request = models.ForeignKey(CivilRequest, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=40)
    file = models.FileField(storage=private_storage, upload_to=document_path, max_length=200)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    original_name = models.CharField(max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    superseded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "kind"],
                condition=Q(superseded_at__isnull=True),
                name="civil_one_current_document_per_kind",
            )
        ]

    def __str__(self) -> str:
        return f"{self.request_id} {self.kind}"


class RequestEvent(models.Model):
    """The request's timeline, shown to the resident: who did what, and when."""

    id = models.BigAutoField(primary_key=True)
    request = models.ForeignKey(CivilRequest, on_delete=models.CASCADE, related_name="events")
    created_at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(max_length=40)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    note = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.request_id} {self.action}"


class OverdueNotice(models.Model):
    """The officers were told on ``day`` that this request is past its deadline.

    One row per request per day: the daily scan is safe to run again (by beat and by cron
    at once, or after a crash), it never tells the same officers twice on one day.
    """

    request = models.ForeignKey(CivilRequest, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    recipients = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["request", "day"], name="civil_overdue_notice_daily")
        ]

    def __str__(self) -> str:
        return f"{self.request_id} {self.day}"
