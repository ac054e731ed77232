"""Every write of the civil-registration service: drafts, documents, and the workflow.

States: draft → submitted → in_review (claimed) → needs_revision ⇄ submitted → approved →
completed; rejected and cancelled end a request. Each transition locks the row, checks the
state, writes the timeline and the audit trail, and notifies the resident.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.exceptions import ValidationError

from accounts.models import User
from civil import selectors
from civil.formdata import validate_form
from civil.models import (
    CLOCK_RUNNING,
    CivilRequest,
    OverdueNotice,
    RequestDocument,
    RequestEvent,
    ServiceType,
    Status,
)
from core.audit import record_event
from core.exceptions import ApiError, Conflict, NotFound
from core.files import clean_document
from core.models import Village
from core.notifications import notify, register_template
from core.workdays import add_working_days, local_today, working_days_between

# Crockford base32 without look-alikes: readable over the phone, 40 random bits.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"

register_template(
    "civil.new_in_queue",
    gettext_lazy("Permohonan baru %(code)s"),
    gettext_lazy("%(service)s dari %(village)s, batas waktu %(due)s."),
)
register_template(
    "civil.status_changed",
    gettext_lazy("Permohonan %(code)s: %(status)s"),
    gettext_lazy("%(service)s — status sekarang %(status)s. %(note)s"),
)

register_template(
    "civil.overdue",
    gettext_lazy("Permohonan %(code)s lewat batas waktu"),
    gettext_lazy("%(service)s dari %(village)s: batas waktu %(due)s, terlambat %(days)s hari."),
)

RESIDENT_EDITABLE = {Status.DRAFT, Status.NEEDS_REVISION}
CANCELLABLE = {Status.DRAFT, Status.SUBMITTED, Status.IN_REVIEW, Status.NEEDS_REVISION}


def new_tracking_code() -> str:
    body = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"AD-{body[:4]}-{body[4:]}"


def _village(code: str | None, applicant: User) -> Village:
    village = None
    if code:
        village = Village.objects.select_related("district").filter(code=code).first()
        if village is None:
            raise ValidationError({"village_code": [_("Desa/kelurahan tidak dikenal.")]})
    elif applicant.village_id:
        village = Village.objects.select_related("district").get(code=applicant.village_id)
    if village is None:
        raise ValidationError({"village_code": [_("Pilih desa/kelurahan tempat tinggal.")]})
    return village


def _event(
    civil_request: CivilRequest,
    *,
    actor: User | None,
    action: str,
    from_status: str = "",
    to_status: str = "",
    note: str = "",
    data: dict[str, Any] | None = None,
    request: HttpRequest | None = None,
) -> None:
    RequestEvent.objects.create(
        request=civil_request,
        actor=actor,
        action=action,
        from_status=from_status,
        to_status=to_status,
        note=note,
        data=data or {},
    )
    record_event(
        action=f"civil.{action}",
        actor=actor,
        obj=civil_request,
        request=request,
        data={"from": from_status, "to": to_status, **(data or {})},
    )


def _notify_status(civil_request: CivilRequest, note: str = "") -> None:
    notify(
        user=civil_request.applicant,
        kind="civil.status_changed",
        params={
            "code": civil_request.tracking_code,
            "status": {"_t": status_msgid(civil_request.status)},
            "service": {"id": civil_request.service.name_id, "en": civil_request.service.name_en},
            "note": note,
        },
        link=f"/layanan/adminduk/permohonan/{civil_request.pk}",
        obj=civil_request,
    )


def _district_officers(district_id: str) -> list[User]:
    return list(
        User.objects.filter(
            role_assignments__role="civil_officer",
            role_assignments__is_active=True,
            role_assignments__districts=district_id,
            is_active=True,
        )
        .distinct()
        .order_by("pk")
    )


def _notify_officers(civil_request: CivilRequest) -> None:
    """The district's officers hear of a request entering their queue."""
    for officer in _district_officers(civil_request.district_id):
        notify(
            user=officer,
            kind="civil.new_in_queue",
            params={
                "code": civil_request.tracking_code,
                "service": {
                    "id": civil_request.service.name_id,
                    "en": civil_request.service.name_en,
                },
                "village": civil_request.village.name,
                "due": civil_request.due_date.isoformat() if civil_request.due_date else "-",
            },
            link=f"/petugas/adminduk/{civil_request.pk}",
            obj=civil_request,
        )


def status_msgid(status: str) -> str:
    """The untranslated label, to be translated when the notification is read."""
    with translation.override("id"):
        return str(Status(status).label)


def _locked(civil_request: CivilRequest) -> CivilRequest:
    return (
        CivilRequest.objects.select_for_update()
        .select_related("service", "applicant", "village")
        .get(pk=civil_request.pk)
    )


def _require_state(civil_request: CivilRequest, allowed: set[Status], action: str) -> None:
    if civil_request.status not in allowed:
        raise Conflict(
            _("Tindakan '%(action)s' tidak dapat dilakukan pada status %(status)s.")
            % {"action": action, "status": Status(civil_request.status).label},
            code="invalid_transition",
        )


def _require_owner(user: User, civil_request: CivilRequest) -> None:
    if civil_request.applicant_id != user.pk:
        raise NotFound(_("Data tidak ditemukan."))


def _require_assigned(officer: User, civil_request: CivilRequest) -> None:
    if civil_request.assigned_officer_id != officer.pk:
        raise Conflict(
            _("Permohonan ini sedang ditangani petugas lain. Ambil dulu permohonannya."),
            code="not_assigned",
        )


# --- Resident --------------------------------------------------------------------------


@transaction.atomic
def create_request(
    *,
    applicant: User,
    service_code: str,
    form_data: Any,
    village_code: str | None = None,
    request: HttpRequest | None = None,
) -> CivilRequest:
    service = ServiceType.objects.filter(code=service_code, is_active=True).first()
    if service is None:
        raise ValidationError({"service": [_("Layanan tidak dikenal.")]})
    village = _village(village_code, applicant)
    clean, flags = validate_form(service.code, service.form_fields, form_data, today=local_today())
    for _attempt in range(5):
        try:
            with transaction.atomic():
                civil_request = CivilRequest.objects.create(
                    tracking_code=new_tracking_code(),
                    service=service,
                    applicant=applicant,
                    village=village,
                    district_id=village.district_id,
                    form_data=clean,
                    flags=flags,
                )
            break
        except IntegrityError:  # a tracking-code collision: draw again
            continue
    else:  # pragma: no cover - 5 collisions in 30^8 codes
        raise ApiError(_("Gagal membuat kode pelacakan. Coba lagi."), code="tracking_code")
    _event(
        civil_request, actor=applicant, action="created", to_status=Status.DRAFT, request=request
    )
    return civil_request


@transaction.atomic
def update_request(
    *,
    user: User,
    civil_request: CivilRequest,
    form_data: Any = None,
    village_code: str | None = None,
    request: HttpRequest | None = None,
) -> CivilRequest:
    civil_request = _locked(civil_request)
    _require_owner(user, civil_request)
    _require_state(civil_request, RESIDENT_EDITABLE, "update")
    if village_code:
        village = _village(village_code, user)
        civil_request.village = village
        civil_request.district_id = village.district_id
    if form_data is not None:
        clean, flags = validate_form(
            civil_request.service.code,
            civil_request.service.form_fields,
            form_data,
            today=local_today(),
        )
        civil_request.form_data = clean
        civil_request.flags = flags
    civil_request.save()
    _event(civil_request, actor=user, action="updated", request=request)
    return civil_request


@transaction.atomic
def upload_document(
    *,
    user: User,
    civil_request: CivilRequest,
    kind: str,
    upload: UploadedFile,
    request: HttpRequest | None = None,
) -> RequestDocument:
    civil_request = _locked(civil_request)
    _require_owner(user, civil_request)
    _require_state(civil_request, RESIDENT_EDITABLE, "upload")
    kinds = {item["code"] for item in civil_request.service.requirements}
    if kind not in kinds:
        raise ValidationError({"kind": [_("Jenis dokumen tidak dikenal untuk layanan ini.")]})
    clean = clean_document(upload)
    now = timezone.now()
    replaced = RequestDocument.objects.filter(
        request=civil_request, kind=kind, superseded_at__isnull=True
    ).update(superseded_at=now)
    document = RequestDocument(
        request=civil_request,
        kind=kind,
        content_type=clean.content_type,
        size=clean.size,
        sha256=clean.sha256,
        original_name=(upload.name or "")[:200],
        uploaded_by=user,
    )
    document.file.save(f"document.{clean.extension}", ContentFile(clean.content), save=False)
    document.save()
    _event(
        civil_request,
        actor=user,
        action="document_uploaded",
        data={"kind": kind, "document": str(document.pk), "replaced": bool(replaced)},
        request=request,
    )
    return document


def _check_documents(civil_request: CivilRequest) -> None:
    missing = selectors.missing_documents(civil_request)
    if missing:
        names = ", ".join(name for _code, name in missing)
        raise ApiError(
            _("Dokumen wajib belum lengkap: %(names)s.") % {"names": names},
            code="documents_missing",
            fields={"documents": [code for code, _name in missing]},
        )


def _start_clock(civil_request: CivilRequest) -> None:
    today = local_today()
    remaining = max(civil_request.service.service_days - civil_request.working_days_used, 0)
    civil_request.clock_resumed_on = today
    civil_request.due_date = add_working_days(today, remaining) if remaining else today


def _pause_clock(civil_request: CivilRequest) -> None:
    if civil_request.clock_resumed_on is not None:
        used = working_days_between(civil_request.clock_resumed_on, local_today())
        civil_request.working_days_used += used
    civil_request.clock_resumed_on = None
    civil_request.due_date = None


@transaction.atomic
def submit(
    *, user: User, civil_request: CivilRequest, request: HttpRequest | None = None
) -> CivilRequest:
    civil_request = _locked(civil_request)
    _require_owner(user, civil_request)
    _require_state(civil_request, {Status.DRAFT}, "submit")
    _check_documents(civil_request)
    civil_request.status = Status.SUBMITTED
    civil_request.submitted_at = timezone.now()
    civil_request.working_days_used = 0
    _start_clock(civil_request)
    civil_request.save()
    _event(
        civil_request,
        actor=user,
        action="submitted",
        from_status=Status.DRAFT,
        to_status=Status.SUBMITTED,
        data={"due_date": civil_request.due_date.isoformat() if civil_request.due_date else None},
        request=request,
    )
    _notify_status(civil_request)
    _notify_officers(civil_request)
    return civil_request


@transaction.atomic
def resubmit(
    *, user: User, civil_request: CivilRequest, request: HttpRequest | None = None
) -> CivilRequest:
    civil_request = _locked(civil_request)
    _require_owner(user, civil_request)
    _require_state(civil_request, {Status.NEEDS_REVISION}, "resubmit")
    _check_documents(civil_request)
    civil_request.status = Status.SUBMITTED
    _start_clock(civil_request)
    civil_request.save()
    _event(
        civil_request,
        actor=user,
        action="resubmitted",
        from_status=Status.NEEDS_REVISION,
        to_status=Status.SUBMITTED,
        request=request,
    )
    _notify_status(civil_request)
    _notify_officers(civil_request)
    return civil_request


@transaction.atomic
def cancel(
    *, user: User, civil_request: CivilRequest, reason: str = "", request: HttpRequest | None = None
) -> CivilRequest:
    civil_request = _locked(civil_request)
    _require_owner(user, civil_request)
    _require_state(civil_request, CANCELLABLE, "cancel")
    previous = civil_request.status
    civil_request.status = Status.CANCELLED
    civil_request.closed_at = timezone.now()
    civil_request.due_date = None
    civil_request.save()
    _event(
        civil_request,
        actor=user,
        action="cancelled",
        from_status=previous,
        to_status=Status.CANCELLED,
        note=reason,
        request=request,
    )
    _notify_status(civil_request)
    return civil_request


# --- Officer ---------------------------------------------------------------------------


@transaction.atomic
def claim(
    *, officer: User, civil_request: CivilRequest, request: HttpRequest | None = None
) -> CivilRequest:
    """Take a submitted request. Of two officers claiming at once, exactly one wins."""
    civil_request = _locked(civil_request)
    _require_state(civil_request, {Status.SUBMITTED}, "claim")
    civil_request.status = Status.IN_REVIEW
    civil_request.assigned_officer = officer
    civil_request.save()
    _event(
        civil_request,
        actor=officer,
        action="claimed",
        from_status=Status.SUBMITTED,
        to_status=Status.IN_REVIEW,
        request=request,
    )
    _notify_status(civil_request)
    return civil_request


@transaction.atomic
def request_revision(
    *, officer: User, civil_request: CivilRequest, note: str, request: HttpRequest | None = None
) -> CivilRequest:
    note = note.strip()
    if not note:
        raise ValidationError({"note": [_("Tuliskan apa yang perlu diperbaiki.")]})
    civil_request = _locked(civil_request)
    _require_state(civil_request, {Status.IN_REVIEW}, "request-revision")
    _require_assigned(officer, civil_request)
    civil_request.status = Status.NEEDS_REVISION
    civil_request.revision_note = note
    _pause_clock(civil_request)
    civil_request.save()
    _event(
        civil_request,
        actor=officer,
        action="revision_requested",
        from_status=Status.IN_REVIEW,
        to_status=Status.NEEDS_REVISION,
        note=note,
        request=request,
    )
    _notify_status(civil_request, note)
    return civil_request


@transaction.atomic
def approve(
    *, officer: User, civil_request: CivilRequest, request: HttpRequest | None = None
) -> CivilRequest:
    civil_request = _locked(civil_request)
    _require_state(civil_request, {Status.IN_REVIEW}, "approve")
    _require_assigned(officer, civil_request)
    civil_request.status = Status.APPROVED
    civil_request.save()
    _event(
        civil_request,
        actor=officer,
        action="approved",
        from_status=Status.IN_REVIEW,
        to_status=Status.APPROVED,
        request=request,
    )
    _notify_status(civil_request)
    return civil_request


@transaction.atomic
def complete(
    *,
    officer: User,
    civil_request: CivilRequest,
    output_document_number: str,
    request: HttpRequest | None = None,
) -> CivilRequest:
    number = " ".join(output_document_number.split())
    if not number:
        raise ValidationError(
            {"output_document_number": [_("Nomor dokumen yang terbit wajib diisi.")]}
        )
    civil_request = _locked(civil_request)
    _require_state(civil_request, {Status.APPROVED}, "complete")
    _require_assigned(officer, civil_request)
    now = timezone.now()
    on_time = civil_request.due_date is None or local_today() <= civil_request.due_date
    if civil_request.clock_resumed_on is not None:
        civil_request.working_days_used += working_days_between(
            civil_request.clock_resumed_on, local_today()
        )
    civil_request.status = Status.COMPLETED
    civil_request.output_document_number = number
    civil_request.completed_at = now
    civil_request.closed_at = now
    civil_request.clock_resumed_on = None
    civil_request.flags = {**civil_request.flags, "on_time": on_time}
    civil_request.save()
    _event(
        civil_request,
        actor=officer,
        action="completed",
        from_status=Status.APPROVED,
        to_status=Status.COMPLETED,
        data={"output_document_number": number, "on_time": on_time},
        request=request,
    )
    _notify_status(civil_request, number)
    return civil_request


@transaction.atomic
def reject(
    *, officer: User, civil_request: CivilRequest, reason: str, request: HttpRequest | None = None
) -> CivilRequest:
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": [_("Alasan penolakan wajib diisi.")]})
    civil_request = _locked(civil_request)
    _require_state(civil_request, {Status.IN_REVIEW, Status.APPROVED}, "reject")
    _require_assigned(officer, civil_request)
    previous = civil_request.status
    civil_request.status = Status.REJECTED
    civil_request.rejection_reason = reason
    civil_request.closed_at = timezone.now()
    civil_request.clock_resumed_on = None
    civil_request.save()
    _event(
        civil_request,
        actor=officer,
        action="rejected",
        from_status=previous,
        to_status=Status.REJECTED,
        note=reason,
        request=request,
    )
    _notify_status(civil_request, reason)
    return civil_request


# --- Reading a private document is recorded too ------------------------------------------


def record_document_view(
    *, user: User, document: RequestDocument, request: HttpRequest | None = None
) -> None:
    civil_request = document.request
    if user.pk != civil_request.applicant_id:
        RequestEvent.objects.create(
            request=civil_request,
            actor=user,
            action="document_viewed",
            data={"kind": document.kind, "document": str(document.pk)},
        )
    record_event(
        action="civil.document_viewed",
        actor=user,
        obj=document,
        request=request,
        data={"request": str(civil_request.pk), "kind": document.kind},
    )


# --- Daily overdue scan ----------------------------------------------------------------


def scan_overdue_requests(*, today: dt.date | None = None) -> int:
    """Tell the officers about every request past its deadline, once per request per day.

    The assigned officer hears of it when the request is claimed (and still an active
    officer); otherwise every civil officer of the district does. Returns the number of
    requests notified. Each request is its own transaction, so a crash halfway loses
    nothing and a second run notifies only what the first did not.
    """
    today = today or local_today()
    overdue = (
        CivilRequest.objects.filter(status__in=CLOCK_RUNNING, due_date__lt=today)
        .exclude(pk__in=OverdueNotice.objects.filter(day=today).values("request_id"))
        .select_related("service", "village", "assigned_officer")
        .order_by("due_date", "pk")
    )
    officers_by_district: dict[str, list[User]] = {}
    notified = 0
    for civil_request in list(overdue):
        assigned = civil_request.assigned_officer
        if assigned is not None and assigned.is_active:
            recipients = [assigned]
        else:
            if civil_request.district_id not in officers_by_district:
                officers_by_district[civil_request.district_id] = _district_officers(
                    civil_request.district_id
                )
            recipients = officers_by_district[civil_request.district_id]
        try:
            with transaction.atomic():
                OverdueNotice.objects.create(
                    request=civil_request, day=today, recipients=len(recipients)
                )
                for officer in recipients:
                    notify(
                        user=officer,
                        kind="civil.overdue",
                        params={
                            "code": civil_request.tracking_code,
                            "service": {
                                "id": civil_request.service.name_id,
                                "en": civil_request.service.name_en,
                            },
                            "village": civil_request.village.name,
                            "due": civil_request.due_date.isoformat()
                            if civil_request.due_date
                            else "-",
                            "days": (today - civil_request.due_date).days
                            if civil_request.due_date
                            else 0,
                        },
                        link=f"/petugas/adminduk/{civil_request.pk}",
                        obj=civil_request,
                    )
        except IntegrityError:
            continue  # another run of the scan got there first
        notified += 1
    return notified
