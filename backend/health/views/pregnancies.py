"""A pregnancy: detail with antenatal status and danger signs, corrections, end, visits,
delivery and postnatal contacts."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.exceptions import Conflict
from core.idempotency import IDEMPOTENCY_PARAMETER, idempotent
from health import selectors, services
from health.models import AntenatalVisit
from health.serializers.pregnancies import (
    HealthDeliveryCreateSerializer,
    HealthPostnatalContactCreateSerializer,
    HealthPostnatalContactSerializer,
    HealthPostnatalScheduleSerializer,
    HealthPregnancyDetailSerializer,
    HealthPregnancyEndSerializer,
    HealthPregnancyUpdateSerializer,
    HealthVisitCreateSerializer,
    HealthVisitSerializer,
)
from health.views.base import AuditedListView

TAG = ["health"]


def pregnancy_response(request: Request, pk: Any, *, status_code: int = 200) -> Response:
    pregnancy = selectors.visible_pregnancy(request.user, pk)
    view = selectors.pregnancy_view(pregnancy)
    context = {"can_edit": selectors.can_write(request.user, pregnancy.mother)}
    return Response(HealthPregnancyDetailSerializer(view, context=context).data, status=status_code)


class PregnancyDetailView(APIView):
    @extend_schema(
        tags=TAG,
        operation_id="health_pregnancies_retrieve",
        responses=HealthPregnancyDetailSerializer,
    )
    def get(self, request: Request, pk: str) -> Response:
        pregnancy = selectors.visible_pregnancy(request.user, pk)
        services.record_read(
            user=request.user, action="health.pregnancy.read", record=pregnancy, request=request
        )
        view = selectors.pregnancy_view(pregnancy)
        context = {"can_edit": selectors.can_write(request.user, pregnancy.mother)}
        return Response(HealthPregnancyDetailSerializer(view, context=context).data)

    @extend_schema(
        tags=TAG,
        operation_id="health_pregnancies_update",
        request=HealthPregnancyUpdateSerializer,
        responses=HealthPregnancyDetailSerializer,
    )
    def patch(self, request: Request, pk: str) -> Response:
        pregnancy = selectors.visible_pregnancy(request.user, pk)
        serializer = HealthPregnancyUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        services.update_pregnancy(
            by=request.user,  # type: ignore[arg-type]
            pregnancy=pregnancy,
            data=serializer.validated_data,
            request=request,
        )
        return pregnancy_response(request, pk)


class PregnancyEndView(APIView):
    """A pregnancy that ends without a delivery (miscarriage, ectopic, molar...)."""

    @extend_schema(
        tags=TAG,
        operation_id="health_pregnancies_end",
        request=HealthPregnancyEndSerializer,
        responses=HealthPregnancyDetailSerializer,
    )
    def post(self, request: Request, pk: str) -> Response:
        pregnancy = selectors.visible_pregnancy(request.user, pk)
        serializer = HealthPregnancyEndSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.end_pregnancy(
            by=request.user,  # type: ignore[arg-type]
            pregnancy=pregnancy,
            **serializer.validated_data,
            request=request,
        )
        return pregnancy_response(request, pk)


class VisitListCreateView(AuditedListView):
    """Antenatal visits of a pregnancy, oldest first."""

    serializer_class = HealthVisitSerializer

    def get_pregnancy(self) -> Any:
        if not hasattr(self, "_pregnancy"):
            self._pregnancy = selectors.visible_pregnancy(self.request.user, self.kwargs["pk"])
        return self._pregnancy

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return AntenatalVisit.objects.none()
        return selectors.visit_list(self.get_pregnancy())

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "pregnancy": self.get_pregnancy()}

    def audit_page(self, page: list[Any]) -> None:
        services.record_read(
            user=self.request.user,
            action="health.visit.list",
            record=self.get_pregnancy(),
            request=self.request,
            data={"visits": [str(v.pk) for v in page]},
        )

    @extend_schema(tags=TAG, operation_id="health_pregnancies_visits_list")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=TAG,
        operation_id="health_pregnancies_visits_create",
        request=HealthVisitCreateSerializer,
        responses={201: HealthVisitSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
    )
    @idempotent()
    def post(self, request: Request, pk: str) -> Response:
        pregnancy = self.get_pregnancy()
        serializer = HealthVisitCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        visit = services.record_visit(
            by=request.user,  # type: ignore[arg-type]
            pregnancy=pregnancy,
            **serializer.validated_data,
            request=request,
        )
        return Response(
            HealthVisitSerializer(visit, context={"pregnancy": pregnancy}).data,
            status=status.HTTP_201_CREATED,
        )


class DeliveryCreateView(APIView):
    """Record the birth: one child record per baby born alive, the pregnancy delivered."""

    @extend_schema(
        tags=TAG,
        operation_id="health_pregnancies_delivery_create",
        request=HealthDeliveryCreateSerializer,
        responses={201: HealthPregnancyDetailSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
    )
    @idempotent()
    def post(self, request: Request, pk: str) -> Response:
        pregnancy = selectors.visible_pregnancy(request.user, pk)
        serializer = HealthDeliveryCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.record_delivery(
            by=request.user,  # type: ignore[arg-type]
            pregnancy=pregnancy,
            **serializer.validated_data,
            request=request,
        )
        return pregnancy_response(request, pk, status_code=status.HTTP_201_CREATED)


class PostnatalView(APIView):
    """KF1-KF4 and KN1-KN3 with their windows and states; record one."""

    @extend_schema(
        tags=TAG,
        operation_id="health_pregnancies_postnatal_retrieve",
        responses=HealthPostnatalScheduleSerializer,
    )
    def get(self, request: Request, pk: str) -> Response:
        pregnancy = selectors.visible_pregnancy(request.user, pk)
        view = selectors.postnatal_view(pregnancy)
        if view is None:
            raise Conflict(_("Persalinan belum dicatat."), code="not_delivered")
        services.record_read(
            user=request.user, action="health.postnatal.read", record=pregnancy, request=request
        )
        return Response(HealthPostnatalScheduleSerializer(view).data)

    @extend_schema(
        tags=TAG,
        operation_id="health_pregnancies_postnatal_create",
        request=HealthPostnatalContactCreateSerializer,
        responses={201: HealthPostnatalContactSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
    )
    @idempotent()
    def post(self, request: Request, pk: str) -> Response:
        pregnancy = selectors.visible_pregnancy(request.user, pk)
        serializer = HealthPostnatalContactCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        contact = services.record_postnatal_contact(
            by=request.user,  # type: ignore[arg-type]
            pregnancy=pregnancy,
            **serializer.validated_data,
            request=request,
        )
        return Response(
            HealthPostnatalContactSerializer(contact).data, status=status.HTTP_201_CREATED
        )
