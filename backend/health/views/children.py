"""Children: list, detail, corrections, immunization schedule and doses, growth
measurements and chart."""

from __future__ import annotations

import uuid
from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.idempotency import IDEMPOTENCY_PARAMETER, idempotent
from health import selectors, services
from health.models import GrowthMeasurement
from health.serializers.children import (
    HealthChildDetailSerializer,
    HealthChildListSerializer,
    HealthChildUpdateSerializer,
    HealthGrowthChartSerializer,
    HealthImmunizationCreateSerializer,
    HealthImmunizationRecordSerializer,
    HealthImmunizationScheduleSerializer,
    HealthMeasurementCreateSerializer,
    HealthMeasurementSerializer,
)
from health.views.base import AuditedListView

TAG = ["health"]


def child_response(request: Request, pk: Any) -> Response:
    child = selectors.visible_child(request.user, pk)
    context = {"can_edit": selectors.can_write(request.user, child.mother)}
    return Response(HealthChildDetailSerializer(child, context=context).data)


class ChildListView(AuditedListView):
    """Children the user may see, youngest first."""

    serializer_class = HealthChildListSerializer
    audit_action = "health.child.list"

    def get_queryset(self) -> Any:
        params = self.request.query_params
        mother = params.get("mother") or None
        if mother is not None:
            try:
                mother = str(uuid.UUID(mother))
            except ValueError as exc:
                raise ValidationError({"mother": [_("Bukan id yang valid.")]}) from exc
        return selectors.child_list(
            self.request.user,
            mother=mother,
            village=params.get("village"),
            q=params.get("q"),
        )

    @extend_schema(
        tags=TAG,
        operation_id="health_children_list",
        parameters=[
            OpenApiParameter("mother", OpenApiTypes.UUID, description="Mother id."),
            OpenApiParameter("village", OpenApiTypes.STR, description="Village code."),
            OpenApiParameter("q", OpenApiTypes.STR, description="Part of the name."),
        ],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class ChildDetailView(APIView):
    @extend_schema(
        tags=TAG, operation_id="health_children_retrieve", responses=HealthChildDetailSerializer
    )
    def get(self, request: Request, pk: str) -> Response:
        child = selectors.visible_child(request.user, pk)
        services.record_read(
            user=request.user, action="health.child.read", record=child, request=request
        )
        context = {"can_edit": selectors.can_write(request.user, child.mother)}
        return Response(HealthChildDetailSerializer(child, context=context).data)

    @extend_schema(
        tags=TAG,
        operation_id="health_children_update",
        request=HealthChildUpdateSerializer,
        responses=HealthChildDetailSerializer,
    )
    def patch(self, request: Request, pk: str) -> Response:
        child = selectors.visible_child(request.user, pk)
        serializer = HealthChildUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        services.update_child(
            by=request.user,  # type: ignore[arg-type]
            child=child,
            data=serializer.validated_data,
            request=request,
        )
        return child_response(request, pk)


class ImmunizationView(APIView):
    """The child's schedule (given / due / overdue / not yet); record a dose."""

    @extend_schema(
        tags=TAG,
        operation_id="health_children_immunizations_retrieve",
        responses=HealthImmunizationScheduleSerializer,
    )
    def get(self, request: Request, pk: str) -> Response:
        child = selectors.visible_child(request.user, pk)
        services.record_read(
            user=request.user, action="health.immunization.read", record=child, request=request
        )
        return Response(
            HealthImmunizationScheduleSerializer(selectors.immunization_view(child)).data
        )

    @extend_schema(
        tags=TAG,
        operation_id="health_children_immunizations_create",
        request=HealthImmunizationCreateSerializer,
        responses={201: HealthImmunizationRecordSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
    )
    @idempotent()
    def post(self, request: Request, pk: str) -> Response:
        child = selectors.visible_child(request.user, pk)
        serializer = HealthImmunizationCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        record = services.record_immunization(
            by=request.user,  # type: ignore[arg-type]
            child=child,
            **serializer.validated_data,
            request=request,
        )
        return Response(
            HealthImmunizationRecordSerializer(record).data, status=status.HTTP_201_CREATED
        )


class MeasurementListCreateView(AuditedListView):
    """Growth measurements with their z-scores, oldest first; record one."""

    serializer_class = HealthMeasurementSerializer

    def get_child(self) -> Any:
        if not hasattr(self, "_child"):
            self._child = selectors.visible_child(
                self.request.user, self.kwargs["pk"], details=self.request.method != "GET"
            )
        return self._child

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return GrowthMeasurement.objects.none()
        return selectors.measurement_list(self.get_child())

    def audit_page(self, page: list[Any]) -> None:
        services.record_read(
            user=self.request.user,
            action="health.measurement.list",
            record=self.get_child(),
            request=self.request,
        )

    @extend_schema(tags=TAG, operation_id="health_children_measurements_list")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=TAG,
        operation_id="health_children_measurements_create",
        request=HealthMeasurementCreateSerializer,
        responses={201: HealthMeasurementSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
    )
    @idempotent()
    def post(self, request: Request, pk: str) -> Response:
        child = self.get_child()
        serializer = HealthMeasurementCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        row = services.record_measurement(
            by=request.user,  # type: ignore[arg-type]
            child=child,
            **serializer.validated_data,
            request=request,
        )
        return Response(HealthMeasurementSerializer(row).data, status=status.HTTP_201_CREATED)


class GrowthChartView(APIView):
    """The child's points and WHO curves (-3, -2, 0, +2, +3 SD) for weight-for-age and
    length/height-for-age, monthly over the child's age range."""

    @extend_schema(
        tags=TAG, operation_id="health_children_growth_chart", responses=HealthGrowthChartSerializer
    )
    def get(self, request: Request, pk: str) -> Response:
        child = selectors.visible_child(request.user, pk, details=False)
        services.record_read(
            user=request.user, action="health.growth_chart.read", record=child, request=request
        )
        return Response(HealthGrowthChartSerializer(selectors.growth_chart(child)).data)
