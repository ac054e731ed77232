"""The health worker's worklist and the aggregate figures."""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import HasRole
from config.db_router import reads_from_replica
from health import selectors, services
from health.selectors.access import HEALTH_WORKER_ROLE, REGENCY_ADMIN_ROLE
from health.serializers.dashboards import (
    HealthStatsSerializer,
    HealthWorklistSerializer,
    stats_data,
)
from health.views.base import HealthWorkerOnly

TAG = ["health"]


class WorklistView(APIView):
    """Who is due or overdue (antenatal, postnatal, vaccines) and which children show
    stunting, wasting or underweight, in the health worker's villages."""

    permission_classes = [HealthWorkerOnly]

    @extend_schema(
        tags=TAG,
        operation_id="health_worklist",
        parameters=[OpenApiParameter("village", OpenApiTypes.STR, description="Village code.")],
        responses=HealthWorklistSerializer,
    )
    def get(self, request: Request) -> Response:
        result = selectors.worklist(request.user, village=request.query_params.get("village"))
        services.record_reads(
            user=request.user,
            action="health.worklist.read",
            records=[*result.mothers(), *result.children()],
            request=request,
        )
        return Response(HealthWorklistSerializer(result).data)


class StatsView(APIView):
    """Aggregate figures per village and district: regency admins see the whole regency,
    health workers their villages. No record, no name."""

    permission_classes = [HasRole.of(REGENCY_ADMIN_ROLE, HEALTH_WORKER_ROLE)]

    @extend_schema(
        tags=TAG,
        operation_id="health_stats",
        parameters=[
            OpenApiParameter("district", OpenApiTypes.STR, description="District code filter.")
        ],
        responses=HealthStatsSerializer,
    )
    @reads_from_replica
    def get(self, request: Request) -> Response:
        result = selectors.stats(request.user, district=request.query_params.get("district"))
        return Response(HealthStatsSerializer(stats_data(result, _("Total"))).data)
