"""Open to anyone (cadres, other regency systems): the z-score calculator and the schedule.
Nothing personal is read or stored."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from health import selectors
from health.models import ScheduleDose
from health.serializers.children import (
    HealthScheduleDoseSerializer,
    HealthZScoreQuerySerializer,
    HealthZScoreResultSerializer,
)
from health.serializers.common import result_zscores

TAG = ["health"]


class ZScoreCalculatorView(APIView):
    """WHO 2006 z-scores (weight-for-age, length/height-for-age, weight-for-length/height)
    with Permenkes 2/2020 categories; nothing is stored."""

    permission_classes = [AllowAny]
    authentication_classes: list[type] = []

    @extend_schema(
        tags=TAG,
        operation_id="health_growth_zscores",
        parameters=[
            OpenApiParameter("sex", OpenApiTypes.STR, required=True, enum=["M", "F"]),
            OpenApiParameter("birth_date", OpenApiTypes.DATE, required=True),
            OpenApiParameter("measured_on", OpenApiTypes.DATE, required=True),
            OpenApiParameter("weight_kg", OpenApiTypes.NUMBER, description="0 < kg <= 50"),
            OpenApiParameter(
                "height_cm", OpenApiTypes.NUMBER, description="30-150 cm, as measured"
            ),
            OpenApiParameter(
                "position",
                OpenApiTypes.STR,
                enum=["lying", "standing"],
                description="Required with height_cm.",
            ),
            OpenApiParameter("oedema", OpenApiTypes.BOOL, description="Bilateral pitting oedema."),
        ],
        responses=HealthZScoreResultSerializer,
    )
    def get(self, request: Request) -> Response:
        query = HealthZScoreQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        result = selectors.zscores(**query.validated_data)
        return Response(
            HealthZScoreResultSerializer(
                {
                    "age_days": result.age_days,
                    "height_used_cm": result.height_used_cm,
                    "height_correction_cm": result.height_correction_cm,
                    "zscores": result_zscores(result),
                }
            ).data
        )


class ScheduleView(APIView):
    """The national routine immunization schedule (active doses)."""

    permission_classes = [AllowAny]
    authentication_classes: list[type] = []

    @extend_schema(
        tags=TAG,
        operation_id="health_schedule_list",
        responses=HealthScheduleDoseSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        doses = ScheduleDose.objects.filter(is_active=True).order_by("order", "code")
        return Response(HealthScheduleDoseSerializer(doses, many=True).data)
