"""What the health views share: role checks per method and audited pages."""

from __future__ import annotations

from typing import Any

from rest_framework.generics import ListAPIView
from rest_framework.permissions import BasePermission, IsAuthenticated

from accounts.permissions import HasRole
from health.selectors.access import HEALTH_WORKER_ROLE
from health.services import record_reads

HealthWorkerOnly = HasRole.of(HEALTH_WORKER_ROLE)


class WritesNeedHealthWorker:
    """GET for any logged-in user (the queryset is scoped); POST only for health workers."""

    request: Any

    def get_permissions(self) -> list[BasePermission]:
        if self.request.method == "POST":
            return [IsAuthenticated(), HealthWorkerOnly()]
        return [IsAuthenticated()]


class AuditedListView(ListAPIView):
    """A paginated list that writes one read event per record on the page."""

    audit_action = ""

    def audit_page(self, page: list[Any]) -> None:
        record_reads(
            user=self.request.user, action=self.audit_action, records=page, request=self.request
        )

    def paginate_queryset(self, queryset: Any) -> list[Any] | None:
        page = super().paginate_queryset(queryset)
        if page is not None:
            self.audit_page(page)
        return page
