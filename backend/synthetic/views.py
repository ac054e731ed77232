"""A constant answer through the app's whole stack (middleware, DRF, JWT authentication).

The baseline of the load test: what one request costs before any domain work. Active only
with ``BENCHMARK_ENDPOINTS=1`` in the environment or ``BENCHMARK_ENDPOINTS = True`` in the
settings; otherwise it answers 404 like any unknown path.
"""

from __future__ import annotations

import os

from django.conf import settings
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.exceptions import NotFound


def benchmark_endpoints_enabled() -> bool:
    return bool(getattr(settings, "BENCHMARK_ENDPOINTS", False)) or (
        os.environ.get("BENCHMARK_ENDPOINTS", "").strip() == "1"
    )


class BareView(APIView):
    """``{"ok": true}`` for an authenticated user."""

    @extend_schema(exclude=True)
    def get(self, request: Request) -> Response:
        if not benchmark_endpoints_enabled():
            raise NotFound()
        return Response({"ok": True})
