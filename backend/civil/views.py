"""Thin views for civil registration: parse, call a service or selector, serialize."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import FileResponse, HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import HasRole, user_of
from civil import selectors, services
from civil.models import CivilRequest, Status
from civil.receipt import receipt_pdf
from civil.serializers import (
    CancelSerializer,
    CompleteSerializer,
    CreateRequestSerializer,
    DocumentSerializer,
    DocumentUploadSerializer,
    EmptySerializer,
    NoteSerializer,
    ReasonSerializer,
    RequestDetailSerializer,
    RequestListSerializer,
    ServiceTypeSerializer,
    StatsSerializer,
    UpdateRequestSerializer,
)
from config.db_router import reads_from_replica
from core.exceptions import ApiError
from core.idempotency import IDEMPOTENCY_PARAMETER, idempotent
from core.pagination import CountedPagination, StandardPagination
from core.schema import paginated
from core.workdays import local_today


def _detail(request: Request, pk: Any) -> Response:
    obj = selectors.request_detail(user_of(request), pk)
    return Response(RequestDetailSerializer(obj, context={"request": request}).data)


class ServiceListView(APIView):
    """The catalogue: what each service needs, how long it takes, and that it is free."""

    permission_classes = [AllowAny]
    authentication_classes: list[type] = []

    @extend_schema(responses=ServiceTypeSerializer(many=True), operation_id="civil_services_list")
    def get(self, request: Request) -> Response:
        return Response(ServiceTypeSerializer(selectors.service_types(), many=True).data)


def _ensure_officer(request: Request) -> None:
    if not selectors.officer_district_codes(user_of(request)):
        raise ApiError(
            _("Antrian hanya untuk petugas Disdukcapil."),
            code="permission_denied",
            status_code=403,
        )


class RequestListCreateView(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter(
                "scope",
                OpenApiTypes.STR,
                enum=["mine", "queue"],
                description="mine: own requests; queue: the officer's districts "
                "(default for civil officers)",
            ),
            OpenApiParameter("status", OpenApiTypes.STR, enum=[s.value for s in Status]),
            OpenApiParameter("service", OpenApiTypes.STR),
            OpenApiParameter("village", OpenApiTypes.STR),
            OpenApiParameter("overdue", OpenApiTypes.BOOL),
            OpenApiParameter("page", OpenApiTypes.INT),
            OpenApiParameter("page_size", OpenApiTypes.INT),
        ],
        responses=paginated(RequestListSerializer),
        operation_id="civil_requests_list",
    )
    def get(self, request: Request) -> Response:
        params = request.query_params
        scope = params.get("scope") or None
        if scope is None:  # the queue for an officer, her own requests for anyone else
            scope = "queue" if selectors.officer_district_codes(user_of(request)) else "mine"
        if scope not in ("mine", "queue"):
            raise ApiError(_("Nilai tidak valid."), fields={"scope": [_("Pilih mine atau queue.")]})
        status_filter = params.get("status") or None
        if status_filter and status_filter not in Status.values:
            raise ApiError(_("Nilai tidak valid."), fields={"status": [_("Status tidak dikenal.")]})
        if scope == "queue":
            overdue_param = params.get("overdue")
            overdue = None
            if overdue_param is not None:
                if overdue_param.lower() not in ("true", "false", "1", "0"):
                    raise ApiError(
                        _("Nilai tidak valid."), fields={"overdue": [_("Gunakan true atau false.")]}
                    )
                overdue = overdue_param.lower() in ("true", "1")
            # The officer's districts are a subquery of the page's: only an empty page
            # needs to know whether she is an officer at all.
            codes = {name: params.get(name) or None for name in ("service", "village")}
            for name, code in codes.items():
                if code is not None and (len(code) > 40 or "\x00" in code):
                    # A code is a short slug or a region code; PostgreSQL refuses NUL.
                    raise ApiError(
                        _("Nilai tidak valid."), fields={name: [_("Kode tidak dikenal.")]}
                    )
            queue = selectors.OfficerQueue(
                user_of(request),
                status=status_filter,
                service=codes["service"],
                village=codes["village"],
                overdue=overdue,
            )
            paginator: StandardPagination = CountedPagination()
            rows: list[Any]
            try:
                rows = paginator.paginate_queryset(queue, request, view=self) or []  # type: ignore[arg-type]
            except NotFound:  # no such page: refused first if the queue is not hers at all
                _ensure_officer(request)
                raise
            if not rows:
                _ensure_officer(request)
        else:
            qs = selectors.my_requests(user_of(request))
            if status_filter:
                qs = qs.filter(status=status_filter)
            paginator = StandardPagination()
            ids = (
                paginator.paginate_queryset(qs.values_list("pk", flat=True), request, view=self)
                or []
            )
            rows = selectors.list_rows(list(ids))
        data = RequestListSerializer(rows, many=True, context={"today": local_today()}).data
        return paginator.get_paginated_response(data)

    @extend_schema(
        request=CreateRequestSerializer,
        responses={201: RequestDetailSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
        operation_id="civil_requests_create",
    )
    @idempotent()
    def post(self, request: Request) -> Response:
        serializer = CreateRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        created = services.create_request(
            applicant=user_of(request),
            service_code=data["service"],
            form_data=data["form_data"],
            village_code=data.get("village_code") or None,
            request=request,
        )
        response = _detail(request, created.pk)
        response.status_code = status.HTTP_201_CREATED
        return response


class RequestDetailView(APIView):
    @extend_schema(responses=RequestDetailSerializer, operation_id="civil_requests_retrieve")
    def get(self, request: Request, pk: str) -> Response:
        return _detail(request, pk)

    @extend_schema(
        request=UpdateRequestSerializer,
        responses=RequestDetailSerializer,
        operation_id="civil_requests_update",
    )
    def patch(self, request: Request, pk: str) -> Response:
        serializer = UpdateRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        civil_request = selectors.own_request(user_of(request), pk)
        services.update_request(
            user=user_of(request),
            civil_request=civil_request,
            form_data=serializer.validated_data.get("form_data"),
            village_code=serializer.validated_data.get("village_code") or None,
            request=request,
        )
        return _detail(request, pk)


class DocumentUploadView(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(
        request={"multipart/form-data": DocumentUploadSerializer},
        responses={201: DocumentSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
        operation_id="civil_documents_upload",
    )
    @idempotent()
    def post(self, request: Request, pk: str) -> Response:
        civil_request = selectors.own_request(user_of(request), pk)
        serializer = DocumentUploadSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        document = services.upload_document(
            user=user_of(request),
            civil_request=civil_request,
            kind=serializer.validated_data["kind"],
            upload=serializer.validated_data["file"],
            request=request,
        )
        return Response(DocumentSerializer(document).data, status=status.HTTP_201_CREATED)


class DocumentFileView(APIView):
    """The document, only to its owner and the district's officers; every view is audited."""

    @extend_schema(
        responses={(200, "application/octet-stream"): OpenApiResponse(OpenApiTypes.BINARY)},
        operation_id="civil_documents_file",
    )
    def get(self, request: Request, pk: str, document_pk: str) -> FileResponse:
        document = selectors.visible_document(user_of(request), pk, document_pk)
        services.record_document_view(user=user_of(request), document=document, request=request)
        extension = "pdf" if document.content_type == "application/pdf" else "jpg"
        response = FileResponse(
            document.file.open("rb"),
            content_type=document.content_type,
            as_attachment=False,
            filename=f"{document.kind}.{extension}",
        )
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = (
            "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
        )
        return response


class ReceiptView(APIView):
    @extend_schema(
        responses={(200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY)},
        operation_id="civil_requests_receipt",
    )
    def get(self, request: Request, pk: str) -> HttpResponse:
        civil_request = selectors.visible_request(user_of(request), pk)
        if civil_request.status == Status.DRAFT:
            raise ApiError(
                _("Tanda terima tersedia setelah permohonan diajukan."),
                code="invalid_transition",
                status_code=409,
            )
        response = HttpResponse(receipt_pdf(civil_request), content_type="application/pdf")
        response["Content-Disposition"] = (
            f'attachment; filename="tanda-terima-{civil_request.tracking_code}.pdf"'
        )
        response["Cache-Control"] = "private, no-store"
        return response


def _action_view(
    name: str,
    serializer_class: type,
    lookup: Callable[[Any, Any], CivilRequest],
    run: Callable[[Request, CivilRequest, dict[str, Any]], Any],
    summary: str,
) -> type[APIView]:
    class ActionView(APIView):
        @extend_schema(
            request=serializer_class,
            responses=RequestDetailSerializer,
            parameters=[IDEMPOTENCY_PARAMETER],
            operation_id=f"civil_requests_{name.replace('-', '_')}",
            summary=summary,
        )
        @idempotent()
        def post(self, request: Request, pk: str) -> Response:
            serializer = serializer_class(data=request.data)
            serializer.is_valid(raise_exception=True)
            civil_request = lookup(request.user, pk)
            run(request, civil_request, serializer.validated_data)
            return _detail(request, pk)

    ActionView.__name__ = f"{name.title().replace('-', '')}View"
    return ActionView


ACTIONS: dict[str, type[APIView]] = {
    "submit": _action_view(
        "submit",
        EmptySerializer,
        selectors.own_request,
        lambda r, c, d: services.submit(user=user_of(r), civil_request=c, request=r),
        "Resident submits a draft (refused while a required document is missing)",
    ),
    "resubmit": _action_view(
        "resubmit",
        EmptySerializer,
        selectors.own_request,
        lambda r, c, d: services.resubmit(user=user_of(r), civil_request=c, request=r),
        "Resident resubmits after a correction",
    ),
    "cancel": _action_view(
        "cancel",
        CancelSerializer,
        selectors.own_request,
        lambda r, c, d: services.cancel(
            user=user_of(r), civil_request=c, reason=d.get("reason", ""), request=r
        ),
        "Resident cancels before approval",
    ),
    "claim": _action_view(
        "claim",
        EmptySerializer,
        selectors.officer_request,
        lambda r, c, d: services.claim(officer=user_of(r), civil_request=c, request=r),
        "Officer takes a submitted request",
    ),
    "request-revision": _action_view(
        "request-revision",
        NoteSerializer,
        selectors.officer_request,
        lambda r, c, d: services.request_revision(
            officer=user_of(r), civil_request=c, note=d["note"], request=r
        ),
        "Officer asks the resident for a correction (the deadline pauses)",
    ),
    "approve": _action_view(
        "approve",
        EmptySerializer,
        selectors.officer_request,
        lambda r, c, d: services.approve(officer=user_of(r), civil_request=c, request=r),
        "Officer approves",
    ),
    "complete": _action_view(
        "complete",
        CompleteSerializer,
        selectors.officer_request,
        lambda r, c, d: services.complete(
            officer=user_of(r),
            civil_request=c,
            output_document_number=d["output_document_number"],
            request=r,
        ),
        "Officer completes with the number of the document issued",
    ),
    "reject": _action_view(
        "reject",
        ReasonSerializer,
        selectors.officer_request,
        lambda r, c, d: services.reject(
            officer=user_of(r), civil_request=c, reason=d["reason"], request=r
        ),
        "Officer rejects with a reason",
    ),
}


class StatsView(APIView):
    permission_classes = [HasRole.of("civil_officer", "regency_admin")]

    @extend_schema(responses=StatsSerializer, operation_id="civil_stats")
    @reads_from_replica
    def get(self, request: Request) -> Response:
        return Response(StatsSerializer(selectors.stats(user_of(request))).data)
