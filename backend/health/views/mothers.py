"""Mothers: list, register, detail, correct, lookup by NIK, her own book, access log, and
the pregnancies and children under a mother."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.exceptions import NotFound
from core.idempotency import IDEMPOTENCY_PARAMETER, idempotent
from core.models import AuditEvent
from health import selectors, services
from health.models import Child, Pregnancy
from health.selectors.access import ensure_writable, reader_role
from health.serializers.children import (
    HealthChildCreateSerializer,
    HealthChildDetailSerializer,
    HealthChildListSerializer,
)
from health.serializers.mothers import (
    HealthAccessLogEntrySerializer,
    HealthMotherCreateSerializer,
    HealthMotherDetailSerializer,
    HealthMotherListSerializer,
    HealthMotherLookupSerializer,
    HealthMotherUpdateSerializer,
)
from health.serializers.pregnancies import (
    HealthPregnancyCreateSerializer,
    HealthPregnancyDetailSerializer,
    HealthPregnancySummarySerializer,
)
from health.views.base import AuditedListView, HealthWorkerOnly, WritesNeedHealthWorker

TAG = ["health"]


def mother_response(
    request: Request, mother: Any, *, status_code: int = 200, warnings: list[str] | None = None
) -> Response:
    context: dict[str, Any] = {"can_edit": selectors.can_write(request.user, mother)}
    if warnings is not None:
        context["warnings"] = warnings
    return Response(HealthMotherDetailSerializer(mother, context=context).data, status=status_code)


class MotherListCreateView(WritesNeedHealthWorker, AuditedListView):
    """Mothers the user may see: a health worker's villages; a resident sees her own."""

    serializer_class = HealthMotherListSerializer
    audit_action = "health.mother.list"

    def get_queryset(self) -> Any:
        params = self.request.query_params
        return selectors.mother_list(
            self.request.user, village=params.get("village"), q=params.get("q")
        )

    @extend_schema(
        tags=TAG,
        operation_id="health_mothers_list",
        parameters=[
            OpenApiParameter("village", OpenApiTypes.STR, description="Village code."),
            OpenApiParameter("q", OpenApiTypes.STR, description="Part of the name."),
        ],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=TAG,
        operation_id="health_mothers_create",
        request=HealthMotherCreateSerializer,
        responses={201: HealthMotherDetailSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
    )
    @idempotent()
    def post(self, request: Request) -> Response:
        serializer = HealthMotherCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        mother, warnings = services.register_mother(
            by=request.user,  # type: ignore[arg-type]
            **serializer.validated_data,
            request=request,
        )
        mother = selectors.mother_detail(request.user, mother.pk)
        return mother_response(request, mother, status_code=201, warnings=warnings)


class MotherMineView(APIView):
    """The logged-in resident's own Buku KIA (found by her NIK); 404 when there is none."""

    @extend_schema(
        tags=TAG, operation_id="health_mothers_mine", responses=HealthMotherDetailSerializer
    )
    def get(self, request: Request) -> Response:
        mother = selectors.own_mother(request.user)
        if mother is None:
            raise NotFound()
        services.link_account(mother=mother, user=request.user, request=request)  # type: ignore[arg-type]
        services.record_read(
            user=request.user, action="health.mother.read", record=mother, request=request
        )
        return mother_response(request, mother)


class MotherLookupView(APIView):
    """Find a mother of the worker's villages by NIK (sent in the body, never in the URL)."""

    permission_classes = [HealthWorkerOnly]

    @extend_schema(
        tags=TAG,
        operation_id="health_mothers_lookup",
        request=HealthMotherLookupSerializer,
        responses=HealthMotherDetailSerializer,
    )
    def post(self, request: Request) -> Response:
        serializer = HealthMotherLookupSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        mother = selectors.mother_by_nik(request.user, serializer.validated_data["nik"].strip())
        services.record_read(
            user=request.user, action="health.mother.read", record=mother, request=request
        )
        return mother_response(request, mother)


class MotherLinkAccountView(APIView):
    """A health worker who has seen the mother in person links her book to her account."""

    permission_classes = [HealthWorkerOnly]

    @extend_schema(
        tags=TAG,
        operation_id="health_mothers_link_account",
        request=None,
        responses=HealthMotherDetailSerializer,
    )
    def post(self, request: Request, pk: str) -> Response:
        mother = selectors.visible_mother(request.user, pk)
        ensure_writable(request.user, mother)
        services.confirm_account(by=request.user, mother=mother, request=request)  # type: ignore[arg-type]
        return mother_response(request, selectors.mother_detail(request.user, pk))


class MotherDetailView(APIView):
    @extend_schema(
        tags=TAG, operation_id="health_mothers_retrieve", responses=HealthMotherDetailSerializer
    )
    def get(self, request: Request, pk: str) -> Response:
        mother = selectors.mother_detail(request.user, pk)
        if reader_role(request.user, mother) == "mother":
            services.link_account(mother=mother, user=request.user, request=request)  # type: ignore[arg-type]
        services.record_read(
            user=request.user, action="health.mother.read", record=mother, request=request
        )
        return mother_response(request, mother)

    @extend_schema(
        tags=TAG,
        operation_id="health_mothers_update",
        request=HealthMotherUpdateSerializer,
        responses=HealthMotherDetailSerializer,
    )
    def patch(self, request: Request, pk: str) -> Response:
        mother = selectors.visible_mother(request.user, pk)
        serializer = HealthMotherUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        services.update_mother(
            by=request.user,  # type: ignore[arg-type]
            mother=mother,
            data=serializer.validated_data,
            request=request,
        )
        return mother_response(request, selectors.mother_detail(request.user, pk))


class MotherAccessLogView(AuditedListView):
    """Who opened or changed the mother's book, newest first. Only the mother sees it."""

    serializer_class = HealthAccessLogEntrySerializer

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return AuditEvent.objects.none()
        mother = selectors.visible_mother(self.request.user, self.kwargs["pk"])
        if reader_role(self.request.user, mother) != "mother":
            raise NotFound()
        exclude_self = self.request.query_params.get("exclude_self") in ("1", "true")
        return selectors.access_log(
            mother, exclude_actor=self.request.user if exclude_self else None
        )

    def audit_page(self, page: list[Any]) -> None:
        """Reading the log is not a read of the health record itself."""

    @extend_schema(
        tags=TAG,
        operation_id="health_mothers_access_log",
        parameters=[
            OpenApiParameter(
                "exclude_self", OpenApiTypes.BOOL, description="Leave out the mother's own reads"
            )
        ],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class MotherPregnanciesView(AuditedListView):
    """A mother's pregnancies (newest first); a health worker opens a new one."""

    serializer_class = HealthPregnancySummarySerializer
    audit_action = "health.pregnancy.list"

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return Pregnancy.objects.none()
        mother = selectors.visible_mother(self.request.user, self.kwargs["pk"])
        return selectors.pregnancy_list(mother)

    @extend_schema(tags=TAG, operation_id="health_mothers_pregnancies_list")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=TAG,
        operation_id="health_mothers_pregnancies_create",
        request=HealthPregnancyCreateSerializer,
        responses={201: HealthPregnancyDetailSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
    )
    @idempotent()
    def post(self, request: Request, pk: str) -> Response:
        mother = selectors.visible_mother(request.user, pk)
        serializer = HealthPregnancyCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        pregnancy = services.register_pregnancy(
            by=request.user,  # type: ignore[arg-type]
            mother=mother,
            **serializer.validated_data,
            request=request,
        )
        pregnancy = selectors.visible_pregnancy(request.user, pregnancy.pk)
        view = selectors.pregnancy_view(pregnancy)
        return Response(
            HealthPregnancyDetailSerializer(view, context={"can_edit": True}).data,
            status=status.HTTP_201_CREATED,
        )


class MotherChildrenView(AuditedListView):
    """A mother's children; a health worker registers a child born before the book."""

    serializer_class = HealthChildListSerializer
    audit_action = "health.child.list"

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return Child.objects.none()
        mother = selectors.visible_mother(self.request.user, self.kwargs["pk"])
        return selectors.child_list(self.request.user, mother=str(mother.pk))

    @extend_schema(tags=TAG, operation_id="health_mothers_children_list")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=TAG,
        operation_id="health_mothers_children_create",
        request=HealthChildCreateSerializer,
        responses={201: HealthChildDetailSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
    )
    @idempotent()
    def post(self, request: Request, pk: str) -> Response:
        mother = selectors.visible_mother(request.user, pk)
        serializer = HealthChildCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        child, _warnings = services.register_child(
            by=request.user,  # type: ignore[arg-type]
            mother=mother,
            **serializer.validated_data,
            request=request,
        )
        child = selectors.visible_child(request.user, child.pk)
        return Response(
            HealthChildDetailSerializer(child, context={"can_edit": True}).data,
            status=status.HTTP_201_CREATED,
        )
