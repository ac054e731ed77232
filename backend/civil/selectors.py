"""Every read of the civil-registration service, scoped to what the user may see.

A resident sees her own requests. A civil officer sees the submitted (non-draft) requests
of the districts she is assigned. A regency admin sees the figures. Anything else is
not found.
"""

from __future__ import annotations

import datetime as dt
import statistics
import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db import connections
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import get_language

from accounts.models import Role, RoleAssignment, User
from civil.models import (
    CLOCK_RUNNING,
    OPEN_STATES,
    CivilRequest,
    RequestDocument,
    RequestEvent,
    ServiceType,
    Status,
)
from core import sql
from core.exceptions import NotFound
from core.models import District, Village
from core.reference import ReferenceTable
from core.workdays import local_today


def english() -> bool:
    return (get_language() or "id").startswith("en")


def localized(obj: Any, field: str) -> str:
    return str(getattr(obj, f"{field}_en" if english() else f"{field}_id"))


def service_types() -> QuerySet[ServiceType]:
    return ServiceType.objects.filter(is_active=True)


def officer_districts(user: Any) -> QuerySet[Any]:
    """The codes of the districts the user serves as a civil officer (a lazy query: also
    a subquery of the queue's)."""
    through = RoleAssignment.districts.through
    user_id = getattr(user, "pk", None)
    if user_id is None:
        return through.objects.none().values_list("district_id", flat=True)
    return through.objects.filter(
        roleassignment__user_id=user_id,
        roleassignment__role=Role.CIVIL_OFFICER,
        roleassignment__is_active=True,
    ).values_list("district_id", flat=True)


def officer_district_codes(user: Any) -> list[str]:
    if not getattr(user, "is_authenticated", False):
        return []
    return list(officer_districts(user))


def is_regency_admin(user: Any) -> bool:
    return (
        bool(getattr(user, "is_authenticated", False))
        and RoleAssignment.objects.filter(
            user=user, role=Role.REGENCY_ADMIN, is_active=True
        ).exists()
    )


# What a list row shows (civil.serializers.RequestListSerializer): the request's own
# columns and the two people's names, read as plain values; the service, village and
# district come from the process's reference tables. No form data, no model instances.
LIST_COLUMNS = (
    "id",
    "tracking_code",
    "status",
    "created_at",
    "submitted_at",
    "completed_at",
    "due_date",
    "flags",
    "service_id",
    "village_id",
    "district_id",
    "applicant__full_name",
    "applicant__nik",
    "assigned_officer__full_name",
)
SERVICES: ReferenceTable[ServiceType] = ReferenceTable(ServiceType)
VILLAGES: ReferenceTable[Village] = ReferenceTable(Village)
DISTRICTS: ReferenceTable[District] = ReferenceTable(District)


@dataclass(frozen=True, slots=True)
class Person:
    full_name: str
    nik: str = ""


@dataclass(frozen=True, slots=True)
class ListRow:
    """One request as a list shows it (the attributes the list serializer reads)."""

    id: uuid.UUID
    tracking_code: str
    status: str
    created_at: dt.datetime
    submitted_at: dt.datetime | None
    completed_at: dt.datetime | None
    due_date: dt.date | None
    flags: dict[str, Any]
    service: ServiceType
    village: Village
    district: District
    applicant: Person
    assigned_officer: Person | None

    @property
    def pk(self) -> uuid.UUID:
        return self.id


def my_requests(user: User) -> QuerySet[CivilRequest]:
    """Her requests, newest first (ids and sort columns only: ``list_rows`` loads a page)."""
    return CivilRequest.objects.filter(applicant=user).order_by("-created_at", "id")


class OfficerQueue:
    """The officer's districts' open requests, oldest deadline first, paused ones (no
    deadline) after the running ones: a list ``CountedPaginator`` pages.

    A slice runs one statement, written by hand: the page's rows (as ``list_rows`` shows
    them) with the size of the whole queue (``COUNT(*) OVER ()``), her districts a
    subquery of it. The queue is the busiest officer screen and the ORM's building and
    compiling of the two queries it took cost more than the database's work (see
    docs/benchmarks.md); the values still go through each field's own converters, so
    they are what the ORM would give on SQLite and on PostgreSQL.
    """

    def __init__(
        self,
        user: User,
        *,
        status: str | None = None,
        service: str | None = None,
        village: str | None = None,
        overdue: bool | None = None,
    ) -> None:
        self.empty = (
            not getattr(user, "is_authenticated", False)
            or status == Status.DRAFT  # a draft is its applicant's alone
        )
        self._where, self._params = "", []
        if self.empty:
            return
        connection = connections[CivilRequest.objects.db]
        # Plain strings: a driver may send an enum member as its name.
        statuses = [str(status)] if status else sorted(str(state) for state in OPEN_STATES)
        running = sorted(str(state) for state in CLOCK_RUNNING)
        where = [
            f"r.district_id IN ({_officer_districts_sql(connection)})",
            f"r.status IN ({', '.join(['%s'] * len(statuses))})",
        ]
        params: list[Any] = [
            User._meta.pk.get_db_prep_value(user.pk, connection),
            Role.CIVIL_OFFICER.value,
            True,
            *statuses,
        ]
        if service:
            where.append("r.service_id = %s")
            params.append(service)
        if village:
            where.append("r.village_id = %s")
            params.append(village)
        if overdue is not None:
            late = (
                f"(r.status IN ({', '.join(['%s'] * len(running))})"
                " AND r.due_date IS NOT NULL AND r.due_date < %s)"
            )
            where.append(late if overdue else f"NOT {late}")
            params.extend([*running, connection.ops.adapt_datefield_value(local_today())])
        self._where, self._params = " AND ".join(where), params

    def count(self) -> int:
        """The queue's size alone (a page beyond its end, ``page=last``)."""
        if self.empty:
            return 0
        connection = connections[CivilRequest.objects.db]
        with connection.cursor() as cursor:
            cursor.execute(
                # Only table names and placeholders are formatted into the queue's SQL;
                # every value is a parameter.
                f"SELECT COUNT(*) FROM {sql.table(CivilRequest, connection)} r"  # noqa: S608
                f" WHERE {self._where}",
                self._params,
            )
            return int(cursor.fetchone()[0])

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[tuple[ListRow, int]]:
        """The rows of ``[start:stop]``, each with the queue's size."""
        if not isinstance(window, slice) or window.step is not None or window.stop is None:
            raise TypeError("OfficerQueue takes a bounded slice without a step")
        start = window.start or 0
        if self.empty or window.stop <= start:
            return []
        limit = window.stop - start
        connection = connections[CivilRequest.objects.db]
        statement = _QUEUE_PAGE_SQL.format(
            table=sql.table(CivilRequest, connection),
            users=sql.table(User, connection),
            where=self._where,
        )
        # The plan is the covering index's whatever the officer and the filters; planned
        # afresh for each page, as PostgreSQL chose to, planning cost more than running
        # it (docs/benchmarks.md).
        with sql.generic_plan(connection), connection.cursor() as cursor:
            cursor.execute(statement, [*self._params, limit, start])
            fetched = cursor.fetchall()
        steps = sql.converters(_list_fields(), connection)
        return [
            (_list_row(values), int(values[-1]))
            for values in sql.convert(fetched, steps, connection)
        ]


def _officer_districts_sql(connection: Any) -> str:
    """The districts a user serves as an active civil officer (params: her id, the role,
    True): ``officer_districts`` as SQL."""
    through = RoleAssignment.districts.through
    return (
        f"SELECT d.district_id FROM {sql.table(through, connection)} d"  # noqa: S608 (names)
        f" JOIN {sql.table(RoleAssignment, connection)} a ON a.id = d.roleassignment_id"
        " WHERE a.user_id = %s AND a.role = %s AND a.is_active = %s"
    )


# One page of the queue: the ids sorted and cut from the requests alone (the covering
# index civil_queue_idx), with the total; then the page's rows and the two names.
# LIST_COLUMNS' order, then the total.
_QUEUE_ORDER = "r.due_date ASC NULLS LAST, r.submitted_at ASC, r.id ASC"
_QUEUE_PAGE_SQL = (
    "SELECT r.id, r.tracking_code, r.status, r.created_at, r.submitted_at, r.completed_at,"  # noqa: S608
    " r.due_date, r.flags, r.service_id, r.village_id, r.district_id,"
    " a.full_name, a.nik, o.full_name, p.total"
    " FROM (SELECT r.id, COUNT(*) OVER () AS total FROM {table} r WHERE {where}"
    f" ORDER BY {_QUEUE_ORDER} LIMIT %s OFFSET %s) p"
    " JOIN {table} r ON r.id = p.id"
    " JOIN {users} a ON a.id = r.applicant_id"
    " LEFT JOIN {users} o ON o.id = r.assigned_officer_id"
    f" ORDER BY {_QUEUE_ORDER}"
)


def _list_fields() -> list[Any]:
    """The model field of each of ``LIST_COLUMNS``, in that order."""
    fields = []
    for name in LIST_COLUMNS:
        model, field_name = CivilRequest, name
        if "__" in name:
            relation, field_name = name.split("__")
            model = CivilRequest._meta.get_field(relation).related_model  # type: ignore[assignment]
        fields.append(model._meta.get_field(field_name))
    return fields


def list_rows(ids: list[Any]) -> list[ListRow]:
    """The rows of one page, in the order of ``ids``: one query of plain values, the
    applicant and the officer joined (a join of the service, village and district tables
    made PostgreSQL plan longer than it ran; building model instances cost more than
    the query)."""
    by_pk = {}
    rows = CivilRequest.objects.filter(pk__in=ids).order_by().values_list(*LIST_COLUMNS)
    for values in rows:
        by_pk[values[0]] = _list_row(values)
    return [by_pk[pk] for pk in ids if pk in by_pk]


def _list_row(values: Any) -> ListRow:
    """A row from the values of ``LIST_COLUMNS``, in that order."""
    (pk, code, status, created, submitted, completed, due, flags) = values[:8]
    service, village, district, name, nik, officer = values[8:14]
    return ListRow(
        id=pk,
        tracking_code=code,
        status=status,
        created_at=created,
        submitted_at=submitted,
        completed_at=completed,
        due_date=due,
        flags=flags,
        service=SERVICES.get(service),
        village=VILLAGES.get(village),
        district=DISTRICTS.get(district),
        applicant=Person(full_name=name, nik=nik),
        assigned_officer=Person(full_name=officer) if officer is not None else None,
    )


def _visible(user: User) -> Q:
    districts = officer_district_codes(user)
    return Q(applicant=user) | (Q(district_id__in=districts) & ~Q(status=Status.DRAFT))


def visible_request(user: User, pk: Any) -> CivilRequest:
    found = (
        CivilRequest.objects.filter(_visible(user), pk=pk)
        .select_related("service", "applicant", "village", "district", "assigned_officer")
        .first()
    )
    if found is None:
        raise NotFound()
    return found


def request_detail(user: User, pk: Any) -> CivilRequest:
    found = (
        CivilRequest.objects.filter(_visible(user), pk=pk)
        .select_related("service", "applicant", "village", "district", "assigned_officer")
        .prefetch_related(
            Prefetch(
                "events",
                queryset=RequestEvent.objects.select_related("actor").order_by("created_at", "id"),
            ),
            Prefetch(
                "documents",
                queryset=RequestDocument.objects.filter(superseded_at__isnull=True).order_by(
                    "created_at"
                ),
                to_attr="current_documents",
            ),
        )
        .first()
    )
    if found is None:
        raise NotFound()
    return found


def visible_document(user: User, request_pk: Any, document_pk: Any) -> RequestDocument:
    civil_request = visible_request(user, request_pk)
    document = (
        RequestDocument.objects.filter(request=civil_request, pk=document_pk)
        .select_related("request")
        .first()
    )
    if document is None:
        raise NotFound()
    return document


def required_document_codes(civil_request: CivilRequest) -> list[str]:
    codes = [item["code"] for item in civil_request.service.requirements if item["required"]]
    for extra in civil_request.flags.get("extra_required_documents", []):
        if extra not in codes:
            codes.append(extra)
    return codes


def missing_documents(civil_request: CivilRequest) -> list[tuple[str, str]]:
    present = set(
        RequestDocument.objects.filter(
            request=civil_request, superseded_at__isnull=True
        ).values_list("kind", flat=True)
    )
    names = {
        item["code"]: localized_requirement(item) for item in civil_request.service.requirements
    }
    return [
        (code, names.get(code, code))
        for code in required_document_codes(civil_request)
        if code not in present
    ]


def localized_requirement(item: dict[str, Any]) -> str:
    return str(item["name_en"] if english() else item["name_id"])


def is_overdue(civil_request: CivilRequest, today: dt.date | None = None) -> bool:
    today = today or local_today()
    return (
        civil_request.status in CLOCK_RUNNING
        and civil_request.due_date is not None
        and civil_request.due_date < today
    )


# --- Figures ---------------------------------------------------------------------------


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def stats(user: User) -> dict[str, Any]:
    """Service-level figures for the officer's districts, or the whole regency for admins."""
    if is_regency_admin(user):
        districts = list(District.objects.order_by("name"))
    else:
        codes = officer_district_codes(user)
        districts = list(District.objects.filter(code__in=codes).order_by("name"))
    codes = [d.code for d in districts]
    base = CivilRequest.objects.filter(district_id__in=codes).exclude(status=Status.DRAFT)
    today = local_today()

    by_status = {s.value: 0 for s in Status if s != Status.DRAFT}
    for row in base.values("status").annotate(n=Count("id")):
        by_status[row["status"]] = row["n"]

    services = {s.code: s for s in ServiceType.objects.all()}
    by_service: dict[str, dict[str, Any]] = {}
    for row in base.values("service_id", "status").annotate(n=Count("id")):
        entry = by_service.setdefault(
            row["service_id"],
            {
                "code": row["service_id"],
                "name": localized(services[row["service_id"]], "name"),
                "total": 0,
                "by_status": {},
            },
        )
        entry["total"] += row["n"]
        entry["by_status"][row["status"]] = row["n"]

    completed: list[dict[str, Any]] = [
        dict(row)
        for row in base.filter(status=Status.COMPLETED).values(
            "district_id", "assigned_officer_id", "submitted_at", "completed_at", "flags"
        )
    ]
    overdue_qs = (
        base.filter(status__in=CLOCK_RUNNING, due_date__lt=today)
        .select_related("service", "district", "assigned_officer")
        .order_by("due_date")
    )
    overdue = list(overdue_qs[:200])

    def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
        hours = [
            (r["completed_at"] - r["submitted_at"]).total_seconds() / 3600
            for r in rows
            if r["completed_at"] and r["submitted_at"]
        ]
        on_time = sum(1 for r in rows if r["flags"].get("on_time"))
        return {
            "completed": len(rows),
            "median_completion_hours": _median(hours),
            "completed_on_time_share": _share(on_time, len(rows)),
        }

    per_district_completed: dict[str, list[dict[str, Any]]] = defaultdict(list)
    per_officer_completed: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for done in completed:
        per_district_completed[done["district_id"]].append(done)
        per_officer_completed[done["assigned_officer_id"]].append(done)

    totals = dict(base.values_list("district_id").annotate(n=Count("id")))
    open_counts = dict(
        base.filter(status__in=OPEN_STATES).values_list("district_id").annotate(n=Count("id"))
    )
    overdue_counts = dict(
        base.filter(status__in=CLOCK_RUNNING, due_date__lt=today)
        .values_list("district_id")
        .annotate(n=Count("id"))
    )
    by_district = [
        {
            "code": d.code,
            "name": d.name,
            "total": totals.get(d.code, 0),
            "open": open_counts.get(d.code, 0),
            "overdue": overdue_counts.get(d.code, 0),
            **summarise(per_district_completed.get(d.code, [])),
        }
        for d in districts
    ]

    officer_rows = (
        base.exclude(assigned_officer__isnull=True)
        .values("assigned_officer_id", "assigned_officer__full_name")
        .annotate(
            handled=Count("id"),
            open=Count("id", filter=Q(status__in=OPEN_STATES)),
            overdue=Count("id", filter=Q(status__in=CLOCK_RUNNING, due_date__lt=today)),
        )
        .order_by("assigned_officer__full_name")
    )
    by_officer = [
        {
            "id": str(row["assigned_officer_id"]),
            "name": row["assigned_officer__full_name"],
            "handled": row["handled"],
            "open": row["open"],
            "overdue": row["overdue"],
            **summarise(per_officer_completed.get(row["assigned_officer_id"], [])),
        }
        for row in officer_rows
    ]

    return {
        "districts": [{"code": d.code, "name": d.name} for d in districts],
        "total": sum(by_status.values()),
        "by_status": by_status,
        "by_service": sorted(by_service.values(), key=lambda e: e["code"]),
        **summarise(completed),
        "overdue_count": overdue_qs.count(),
        "overdue": [
            {
                "id": str(r.pk),
                "tracking_code": r.tracking_code,
                "service": localized(r.service, "name"),
                "district": r.district.name,
                "status": r.status,
                "due_date": r.due_date,
                "days_overdue": (today - r.due_date).days if r.due_date else 0,
                "assigned_officer": r.assigned_officer.full_name if r.assigned_officer else None,
            }
            for r in overdue
        ],
        "by_district": by_district,
        "by_officer": by_officer,
    }


def own_request(user: User, pk: Any) -> CivilRequest:
    found = CivilRequest.objects.filter(applicant=user, pk=pk).first()
    if found is None:
        raise NotFound()
    return found


def officer_request(user: User, pk: Any) -> CivilRequest:
    """A request in one of the officer's districts (never a draft); else not found."""
    found = (
        CivilRequest.objects.filter(district_id__in=officer_district_codes(user), pk=pk)
        .exclude(status=Status.DRAFT)
        .first()
    )
    if found is None:
        raise NotFound()
    return found


def allowed_actions(user: User, civil_request: CivilRequest) -> list[str]:
    actions: list[str] = []
    status = civil_request.status
    if civil_request.applicant_id == user.pk:
        if status in (Status.DRAFT, Status.NEEDS_REVISION):
            actions += ["update", "upload"]
        if status == Status.DRAFT:
            actions.append("submit")
        if status == Status.NEEDS_REVISION:
            actions.append("resubmit")
        if status in (Status.DRAFT, Status.SUBMITTED, Status.IN_REVIEW, Status.NEEDS_REVISION):
            actions.append("cancel")
    if status != Status.DRAFT and civil_request.district_id in officer_district_codes(user):
        assigned = civil_request.assigned_officer_id == user.pk
        if status == Status.SUBMITTED:
            actions.append("claim")
        elif status == Status.IN_REVIEW and assigned:
            actions += ["request-revision", "approve", "reject"]
        elif status == Status.APPROVED and assigned:
            actions += ["complete", "reject"]
    return actions
