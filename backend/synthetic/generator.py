"""A synthetic regency: residents, civil requests, the Buku KIA and the UMKM marketplace.

Every figure is drawn from one seeded ``random.Random``: the same seed, scale, date and
starting database give the same rows. Synthetic people are recognisable by their NIK:
the serial (last four digits) is in the reserved range 9000-9999 (see ``markers``).
Everything else synthetic hangs off them (requests, mothers, shops, orders...).

Derived figures are computed with the app's own rules, as the services would: growth
z-scores and categories with ``health.rules.growth``, antenatal contact counts with
``health.rules.pregnancy``, complete basic immunization with ``health.rules.immunization``,
deadlines in working days with the holiday calendar.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import math
import random
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection, transaction
from django.utils import translation

from accounts.models import Role, RoleAssignment, User
from civil.models import CivilRequest, RequestEvent, ServiceType
from core.models import Holiday, Notification, Village
from health.models import (
    AntenatalVisit,
    Child,
    Delivery,
    GrowthMeasurement,
    Immunization,
    Mother,
    PostnatalContact,
    Pregnancy,
    ScheduleDose,
)
from health.rules import growth
from health.rules import immunization as imm_rules
from health.rules import pregnancy as preg_rules
from market.models import Category, Order, OrderItem, OrderStatus, Product, Shop
from synthetic import words
from synthetic.markers import SERIAL_MIN
from synthetic.sink import Sink

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"  # as civil.services / market.services
MOBILE_PREFIXES = (
    "811", "812", "813", "821", "822", "823", "851", "852", "853", "855", "856", "857",
    "858", "859", "877", "878", "817", "818", "819", "831", "832", "838", "881", "882",
    "888", "895", "896", "897", "898", "899",
)  # fmt: skip


@dataclass(frozen=True)
class Volumes:
    residents: int
    civil_requests: int
    pregnancies: int
    children: int
    measurements: int
    shops: int
    products: int
    orders: int

    @classmethod
    def at_scale(cls, scale: float) -> Volumes:
        def n(full: int, minimum: int) -> int:
            return max(minimum, round(full * scale))

        return cls(
            residents=n(800_000, 400),
            civil_requests=n(150_000, 60),
            pregnancies=n(30_000, 12),
            children=n(100_000, 40),
            measurements=n(1_000_000, 200),
            shops=n(5_000, 4),
            products=n(50_000, 30),
            orders=n(200_000, 60),
        )


@dataclass
class Report:
    counts: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    phases: dict[str, float] = field(default_factory=dict)
    notes: dict[str, Any] = field(default_factory=dict)


class WorkCalendar:
    """Working days (weekends and ``core.Holiday`` skipped) as the services count them."""

    def __init__(self, start: dt.date, end: dt.date, holidays: set[dt.date]) -> None:
        self.start = start
        self.days: list[dt.date] = []
        self.cum: list[int] = []
        count = 0
        for offset in range((end - start).days + 1):
            day = start + dt.timedelta(days=offset)
            if day.weekday() < 5 and day not in holidays:
                count += 1
                self.days.append(day)
            self.cum.append(count)

    def _cum(self, day: dt.date) -> int:
        return self.cum[(day - self.start).days]

    def add(self, day: dt.date, n: int) -> dt.date:
        """Like ``core.workdays.add_working_days``: the n-th working day after ``day``."""
        return day if n <= 0 else self.days[self._cum(day) + n - 1]

    def between(self, start: dt.date, end: dt.date) -> int:
        """Like ``core.workdays.working_days_between``."""
        return 0 if end <= start else self._cum(end) - self._cum(start)

    def next_working(self, day: dt.date) -> dt.date:
        return self.add(day, 1) if self._cum(day) == self._cum(day - dt.timedelta(days=1)) else day


def base30(value: int, width: int) -> str:
    out = []
    for _ in range(width):
        value, digit = divmod(value, 30)
        out.append(CODE_ALPHABET[digit])
    return "".join(reversed(out))


def permuted(index: int, salt: int, modulus: int) -> int:
    """A bijection of ``range(modulus)`` (modulus = 30**8 or 10**8): distinct in, distinct out."""
    return (index * 1_103_515_245 + salt) % modulus  # multiplier coprime with 2, 3 and 5


class Generator:
    def __init__(
        self,
        *,
        scale: float,
        seed: int,
        today: dt.date,
        now: dt.datetime,
        sink: Sink,
        log: Callable[[str], None] = lambda _msg: None,
    ) -> None:
        self.scale = scale
        self.volumes = Volumes.at_scale(scale)
        self.rng = random.Random(seed)  # noqa: S311 - reproducible synthetic data, not secrets
        self.salt = seed * 7919
        self.today = today
        self.now = now
        self.sink = sink
        self.log = log
        self.report = Report()
        self.tz = ZoneInfo(settings.TIME_ZONE)
        self.regency = settings.REGENCY_CODE.replace(".", "")

    # --- small helpers ------------------------------------------------------------------

    def new_id(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def at(self, day: dt.date, minute_of_day: int) -> dt.datetime:
        minute_of_day = max(0, min(minute_of_day, 24 * 60 - 1))
        return dt.datetime(
            day.year, day.month, day.day, minute_of_day // 60, minute_of_day % 60,
            self.rng.randrange(60), tzinfo=self.tz,
        )  # fmt: skip

    def office_time(self, day: dt.date) -> dt.datetime:
        return self.at(day, self.rng.randrange(8 * 60, 15 * 60 + 30))

    def any_time(self, day: dt.date) -> dt.datetime:
        return self.at(day, self.rng.randrange(6 * 60, 22 * 60))

    def past(self, moment: dt.datetime) -> bool:
        return moment <= self.now

    def _phase(self, name: str, func: Callable[[], None]) -> None:
        started = time.perf_counter()
        self.log(f"{name}...")
        with transaction.atomic():
            func()
        elapsed = time.perf_counter() - started
        self.report.phases[name] = round(elapsed, 1)
        self.log(f"{name}: {elapsed:.1f} s")

    # --- run -----------------------------------------------------------------------------

    def run(self) -> Report:
        self._load_reference()
        self._phase("residents", self.residents)
        self._phase("civil", self.civil)
        self._phase("health", self.health)
        self._phase("market", self.market)
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            started = time.perf_counter()
            with connection.cursor() as cursor:
                cursor.execute("VACUUM (ANALYZE)")
            self.report.phases["analyze"] = round(time.perf_counter() - started, 1)
        self.report.counts = dict(self.sink.counts)
        self.report.seconds = {k: round(v, 1) for k, v in self.sink.seconds.items()}
        return self.report

    def _load_reference(self) -> None:
        self.villages = list(Village.objects.select_related("district").order_by("code"))
        if not self.villages:
            raise RuntimeError("No villages: run `manage.py load_regions` first.")
        self.services = list(ServiceType.objects.filter(is_active=True).order_by("order", "code"))
        self.doses = [d.rule() for d in ScheduleDose.objects.filter(is_active=True)]
        self.categories = list(Category.objects.values_list("slug", flat=True))
        if not self.services or not self.doses or not self.categories:
            raise RuntimeError("Catalogue data missing: run `manage.py migrate` first.")
        holidays = set(Holiday.objects.values_list("date", flat=True))
        self.calendar = WorkCalendar(
            self.today - dt.timedelta(days=3 * 366), self.today + dt.timedelta(days=400), holidays
        )
        self.taken_niks = set(User.objects.values_list("nik", flat=True))
        self.taken_niks |= set(Mother.objects.values_list("nik", flat=True))
        self.taken_niks |= set(Child.objects.exclude(nik="").values_list("nik", flat=True))
        self.taken_phones = set(User.objects.values_list("phone", flat=True))
        self.serials: dict[str, int] = {}

    def new_nik(self, district_code: str, birth: dt.date, sex: str) -> str:
        """A NIK of this regency, with a serial from the synthetic range (9000-9999)."""
        while True:
            day = birth.day + (40 if sex == "F" else 0)
            prefix = f"{self.regency}{district_code[-2:]}{day:02d}{birth:%m%y}"
            serial = self.serials.get(prefix, 0)
            self.serials[prefix] = serial + 1
            if serial < 10_000 - SERIAL_MIN:
                nik = f"{prefix}{SERIAL_MIN + serial:04d}"
                if nik not in self.taken_niks:
                    self.taken_niks.add(nik)
                    return nik

    # --- residents and officers ---------------------------------------------------------

    def residents(self) -> None:
        rng, n = self.rng, self.volumes.residents
        weights = [
            (2.5 if v.kind == Village.Kind.KELURAHAN else 1.0) * rng.lognormvariate(0, 0.35)
            for v in self.villages
        ]
        cum = list(itertools.accumulate(weights))
        village_of = [bisect.bisect(cum, rng.random() * cum[-1]) for _ in range(n)]
        # Adults with an account: 17-90, fewer at older ages.
        ages = list(range(17, 91))
        age_weights = [
            1.15 if a < 30 else 1.0 if a < 45 else 0.75 if a < 60 else 0.4 if a < 75 else 0.1
            for a in ages
        ]
        age_cum = list(itertools.accumulate(age_weights))
        self.res_id: list[uuid.UUID] = []
        self.res_village: list[int] = village_of
        self.res_sex: list[str] = []
        self.res_birth: list[dt.date] = []
        self.res_name: list[str] = []
        self.res_phone: list[str] = []
        self.res_nik: list[str] = []
        fields = ["id", "password", "last_login", "is_superuser", "nik", "full_name",
                  "birth_date", "sex", "phone", "language", "village", "is_active",
                  "is_staff", "date_joined"]  # fmt: skip
        phone_index = 0
        joined_from = self.today - dt.timedelta(days=720)
        with self.sink.table(User, fields) as out:
            for i in range(n):
                sex = "F" if rng.random() < 0.5 else "M"
                age = ages[bisect.bisect(age_cum, rng.random() * age_cum[-1])]
                birth = self.today - dt.timedelta(days=int(age * 365.25) + rng.randrange(365))
                village = self.villages[village_of[i]]
                nik = self.new_nik(village.district_id, birth, sex)
                first = rng.choice(words.FEMALE_FIRST if sex == "F" else words.MALE_FIRST)
                name = f"{first} {rng.choice(words.FAMILY)}"
                if rng.random() < 0.25:
                    name = f"{name} {rng.choice(words.FAMILY)}"
                while True:
                    prefix = MOBILE_PREFIXES[phone_index % len(MOBILE_PREFIXES)]
                    sub = permuted(phone_index // len(MOBILE_PREFIXES), self.salt, 10**8)
                    phone_index += 1
                    phone = f"+62{prefix}{sub:08d}"
                    if phone not in self.taken_phones:
                        break
                uid = self.new_id()
                joined = joined_from + dt.timedelta(days=rng.randrange(720))
                out.add((
                    uid, f"!{rng.getrandbits(160):040x}", None, False, nik, name, birth, sex,
                    phone, "en" if rng.random() < 0.03 else "id", village.code, True, False,
                    self.any_time(joined),
                ))  # fmt: skip
                self.res_id.append(uid)
                self.res_sex.append(sex)
                self.res_birth.append(birth)
                self.res_name.append(name)
                self.res_phone.append(phone)
                self.res_nik.append(nik)
        self._officers()

    def _officers(self) -> None:
        """Officers are residents too: the first accounts get the regency's roles."""
        rng = self.rng
        by_district: dict[str, list[Village]] = defaultdict(list)
        for v in self.villages:
            by_district[v.district_id].append(v)
        districts = sorted(by_district)
        big = self.scale >= 0.05
        next_user = itertools.count()
        self.civil_officers: dict[str, list[int]] = defaultdict(list)
        self.health_worker_of_village: dict[str, int] = {}
        self.market_officers: list[int] = []
        self.officer_set: set[int] = set()
        assignments: list[tuple[uuid.UUID, int, str, str]] = []  # id, user, role, facility
        district_links: list[tuple[uuid.UUID, str]] = []
        village_links: list[tuple[uuid.UUID, str]] = []
        for code in districts:
            for _ in range(2 if big else 1):
                user = next(next_user)
                rid = self.new_id()
                assignments.append((rid, user, Role.CIVIL_OFFICER, ""))
                district_links.append((rid, code))
                self.civil_officers[code].append(user)
        for code in districts:
            name = by_district[code][0].district.name
            groups = [[v] for v in by_district[code]] if big else [by_district[code]]
            for group in groups:
                user = next(next_user)
                rid = self.new_id()
                assignments.append((rid, user, Role.HEALTH_WORKER, f"Puskesmas {name}"))
                for v in group:
                    village_links.append((rid, v.code))
                    self.health_worker_of_village[v.code] = user
        for _ in range(3 if big else 1):
            user = next(next_user)
            assignments.append((self.new_id(), user, Role.MARKET_OFFICER, ""))
            self.market_officers.append(user)
        self.regency_admin = next(next_user)
        assignments.append((self.new_id(), self.regency_admin, Role.REGENCY_ADMIN, ""))
        self.officer_set = {user for _rid, user, _role, _f in assignments}
        created = self.at(self.today - dt.timedelta(days=740), 9 * 60)
        with self.sink.table(
            RoleAssignment, ["id", "user", "role", "facility", "is_active", "created_at"]
        ) as out:
            for rid, user, role, facility in assignments:
                out.add((rid, self.res_id[user], role, facility, True, created))
        with self.sink.table(
            RoleAssignment.districts.through, ["roleassignment", "district"]
        ) as out:
            for rid, code in district_links:
                out.add((rid, code))
        with self.sink.table(RoleAssignment.villages.through, ["roleassignment", "village"]) as out:
            for rid, code in village_links:
                out.add((rid, code))
        self.report.notes["officers"] = {
            "civil_officer": sum(len(v) for v in self.civil_officers.values()),
            "health_worker": len({u for u in self.health_worker_of_village.values()}),
            "market_officer": len(self.market_officers),
            "regency_admin": 1,
        }
        del rng

    def random_resident(self) -> int:
        n = len(self.res_id)
        while True:
            i = self.rng.randrange(n)
            if i not in self.officer_set:
                return i

    # --- civil registration --------------------------------------------------------------

    SERVICE_WEIGHTS = {
        "akta-kelahiran": 20, "kia": 12, "kk-tambah-anggota": 10, "kk-perubahan-data": 13,
        "ktp-baru": 14, "ktp-hilang": 6, "ktp-rusak": 4, "akta-kematian": 5, "kk-baru": 6,
        "pindah": 5, "datang": 5,
    }  # fmt: skip

    def civil(self) -> None:
        from civil.services import status_msgid

        rng = self.rng
        with translation.override("id"):
            labels = {s: status_msgid(s) for s in ("submitted", "in_review", "needs_revision",
                                                    "approved", "completed", "rejected",
                                                    "cancelled")}  # fmt: skip
        weights = [self.SERVICE_WEIGHTS.get(s.code, 3) for s in self.services]
        service_cum = list(itertools.accumulate(weights))
        req_fields = ["id", "tracking_code", "service", "applicant", "village", "district",
                      "status", "form_data", "flags", "assigned_officer", "revision_note",
                      "rejection_reason", "output_document_number", "created_at", "updated_at",
                      "submitted_at", "completed_at", "closed_at", "due_date",
                      "clock_resumed_on", "working_days_used"]  # fmt: skip
        ev_fields = ["request", "created_at", "actor", "action", "from_status", "to_status",
                     "note", "data"]  # fmt: skip
        notif_fields = ["id", "user", "kind", "params", "link", "object_type", "object_id",
                        "created_at", "read_at", "dispatched_at"]  # fmt: skip
        by_status: dict[str, int] = defaultdict(int)
        overdue = 0
        serial = itertools.count(1)
        with (
            self.sink.table(CivilRequest, req_fields) as requests,
            self.sink.table(RequestEvent, ev_fields) as events,
            self.sink.table(Notification, notif_fields) as notifications,
        ):
            for j in range(self.volumes.civil_requests):
                applicant = self.random_resident()
                village = self.villages[self.res_village[applicant]]
                service = self.services[bisect.bisect(service_cum, rng.random() * service_cum[-1])]
                rid = self.new_id()
                code = base30(permuted(j, self.salt, 30**8), 8)
                tracking = f"AD-{code[:4]}-{code[4:]}"
                state = self._civil_timeline(service.service_days, village.district_id, applicant)
                by_status[state["status"]] += 1
                if (
                    state["status"] in ("submitted", "in_review", "approved")
                    and state["due_date"] is not None
                    and state["due_date"] < self.today
                ):
                    overdue += 1
                output = ""
                if state["status"] == "completed":
                    done = state["completed_at"]
                    output = f"474.{service.order or 1}/{next(serial):06d}/DKPS/{done:%Y}"
                officer = state["officer"]
                requests.add((
                    rid, tracking, service.code, self.res_id[applicant], village.code,
                    village.district_id, state["status"], {}, state["flags"],
                    self.res_id[officer] if officer is not None else None,
                    state["revision_note"], state["rejection_reason"], output,
                    state["created_at"], state["updated_at"], state["submitted_at"],
                    state["completed_at"], state["closed_at"], state["due_date"],
                    state["clock_resumed_on"], state["working_days_used"],
                ))  # fmt: skip
                link = f"/layanan/adminduk/permohonan/{rid}"
                service_name = {"id": service.name_id, "en": service.name_en}
                for action, actor, from_s, to_s, note, data, moment in state["events"]:
                    if action == "completed":
                        data = {"output_document_number": output, "on_time": data["on_time"]}
                        note = output
                    events.add((
                        rid, moment, self.res_id[actor], action, from_s, to_s,
                        "" if action == "completed" else note, data,
                    ))  # fmt: skip
                    if action == "created":
                        continue
                    self._notification(
                        notifications, applicant, "civil.status_changed",
                        {"code": tracking, "status": {"_t": labels[to_s]},
                         "service": service_name, "note": note},
                        link, "civil.civilrequest", rid, moment,
                    )  # fmt: skip
                    if action in ("submitted", "resubmitted"):
                        for officer_user in self.civil_officers[village.district_id]:
                            self._notification(
                                notifications, officer_user, "civil.new_in_queue",
                                {"code": tracking, "service": service_name,
                                 "village": village.name,
                                 "due": (data.get("due_date") or "-")},
                                f"/petugas/adminduk/{rid}", "civil.civilrequest", rid, moment,
                            )  # fmt: skip
        self.report.notes["civil_by_status"] = dict(sorted(by_status.items()))
        self.report.notes["civil_overdue_open"] = overdue

    def _notification(
        self,
        out: Any,
        user: int,
        kind: str,
        params: dict[str, Any],
        link: str,
        object_type: str,
        object_id: uuid.UUID,
        moment: dt.datetime,
    ) -> None:
        rng = self.rng
        read_at = None
        age_days = (self.now - moment).total_seconds() / 86400
        if rng.random() < (0.85 if age_days > 3 else 0.35):
            read_at = moment + dt.timedelta(minutes=rng.randrange(1, 48 * 60))
            if read_at > self.now:
                read_at = None
        out.add((
            self.new_id(), self.res_id[user], kind, params, link, object_type, str(object_id),
            moment, read_at, moment + dt.timedelta(seconds=2),
        ))  # fmt: skip

    def _officer_delay(self) -> int:
        """Working days until an officer acts: mostly quick, sometimes a long backlog."""
        r = self.rng.random()
        if r < 0.4:
            return 0
        if r < 0.7:
            return 1
        if r < 0.85:
            return 2
        if r < 0.95:
            return self.rng.randint(3, 5)
        return self.rng.randint(6, 20)

    def _civil_timeline(self, service_days: int, district: str, applicant: int) -> dict[str, Any]:
        """Walk one request through the workflow until today; return its row and events."""
        rng, cal = self.rng, self.calendar
        days_ago = int(730 * rng.random() ** 1.4)
        created = self.any_time(self.today - dt.timedelta(days=days_ago))
        if created > self.now:
            created = self.now - dt.timedelta(minutes=rng.randrange(1, 600))
        events: list[tuple[str, int, str, str, str, dict[str, Any], dt.datetime]] = []
        s: dict[str, Any] = {
            "status": "draft", "created_at": created, "updated_at": created,
            "submitted_at": None, "completed_at": None, "closed_at": None, "due_date": None,
            "clock_resumed_on": None, "working_days_used": 0, "officer": None,
            "revision_note": "", "rejection_reason": "", "flags": {}, "events": events,
        }  # fmt: skip
        actor_applicant = applicant
        officers = self.civil_officers[district]

        def emit(action: str, actor: int, to_status: str, moment: dt.datetime, note: str = "",
                 data: dict[str, Any] | None = None) -> bool:  # fmt: skip
            if not self.past(moment):
                return False
            events.append((action, actor, s["status"] if action != "created" else "", to_status,
                           note, data or {}, moment))  # fmt: skip
            s["status"] = to_status
            s["updated_at"] = moment
            return True

        emit("created", actor_applicant, "draft", created)
        if rng.random() < 0.04:  # abandoned drafts
            return s
        moment = created + dt.timedelta(minutes=rng.randrange(2, 180))
        submitted_day = moment.astimezone(self.tz).date()
        due = cal.add(submitted_day, service_days)
        if not emit("submitted", actor_applicant, "submitted", moment,
                    data={"due_date": due.isoformat()}):  # fmt: skip
            return s
        s.update(submitted_at=moment, due_date=due, clock_resumed_on=submitted_day)
        if rng.random() < 0.025:  # the resident cancels before anyone looks
            moment += dt.timedelta(hours=rng.randrange(1, 72))
            if emit("cancelled", actor_applicant, "cancelled", moment,
                    note=rng.choice(words.CANCEL_REASONS)):  # fmt: skip
                s.update(closed_at=moment, due_date=None)
            return s
        revisions = 0
        while True:
            day = cal.add(moment.astimezone(self.tz).date(), self._officer_delay())
            officer = rng.choice(officers)
            moment = max(moment + dt.timedelta(minutes=5), self.office_time(day))
            if not emit("claimed", officer, "in_review", moment):
                return s
            s["officer"] = officer
            outcome = rng.random()
            day = cal.add(moment.astimezone(self.tz).date(), self._officer_delay() // 2)
            moment = max(moment + dt.timedelta(minutes=10), self.office_time(day))
            if outcome < 0.10 and revisions < 2:
                note = rng.choice(words.REVISION_NOTES)
                if not emit("revision_requested", officer, "needs_revision", moment, note=note):
                    return s
                revisions += 1
                used = s["working_days_used"] + cal.between(s["clock_resumed_on"], day)
                s.update(revision_note=note, working_days_used=used, due_date=None,
                         clock_resumed_on=None)  # fmt: skip
                if rng.random() < 0.15:  # never corrected: waits, or cancelled later
                    if rng.random() < 0.4:
                        moment += dt.timedelta(days=rng.randrange(14, 40))
                        if emit("cancelled", actor_applicant, "cancelled", moment):
                            s.update(closed_at=moment)
                    return s
                moment = self.any_time(moment.astimezone(self.tz).date()
                                       + dt.timedelta(days=rng.randrange(1, 10)))  # fmt: skip
                rday = moment.astimezone(self.tz).date()
                remaining = max(service_days - s["working_days_used"], 0)
                due = cal.add(rday, remaining) if remaining else rday
                if not emit("resubmitted", actor_applicant, "submitted", moment,
                            data={"due_date": due.isoformat()}):  # fmt: skip
                    return s
                s.update(due_date=due, clock_resumed_on=rday)
                continue
            if outcome < 0.14:
                reason = rng.choice(words.REJECTION_REASONS)
                if emit("rejected", officer, "rejected", moment, note=reason):
                    s.update(rejection_reason=reason, closed_at=moment, clock_resumed_on=None)
                return s
            if not emit("approved", officer, "approved", moment):
                return s
            day = cal.add(moment.astimezone(self.tz).date(), self._officer_delay() // 2)
            moment = max(moment + dt.timedelta(minutes=10), self.office_time(day))
            if not self.past(moment):
                return s
            used = s["working_days_used"] + cal.between(s["clock_resumed_on"], day)
            on_time = s["due_date"] is None or day <= s["due_date"]
            emit("completed", officer, "completed", moment, data={"on_time": on_time})
            s.update(completed_at=moment, closed_at=moment, clock_resumed_on=None,
                     working_days_used=used, flags={"on_time": on_time})  # fmt: skip
            return s

    # --- Buku KIA ------------------------------------------------------------------------

    def health(self) -> None:
        rng, v = self.rng, self.volumes
        # Mothers: women of 18-45 with an account; about 1.35 children under five each.
        eligible = [
            i for i in range(len(self.res_id))
            if self.res_sex[i] == "F" and i not in self.officer_set
            and 18 <= (self.today - self.res_birth[i]).days / 365.25 <= 45
        ]  # fmt: skip
        n_mothers = min(len(eligible), max(1, round(v.children / 1.35)))
        mothers = rng.sample(eligible, n_mothers)
        children_of: dict[int, int] = dict.fromkeys(range(n_mothers), 1)
        for _ in range(v.children - n_mothers):
            m = rng.randrange(n_mothers)
            if children_of[m] < 3:
                children_of[m] += 1
        # Birth dates: youngest first, siblings 15-24 months apart, all under 1,856 days.
        child_rows: list[tuple[int, dt.date, str]] = []  # mother index, birth, sex
        for m in range(n_mothers):
            k = children_of[m]
            span = growth.MAX_AGE_DAYS - (k - 1) * 460
            age = rng.randrange(0, max(1, span))
            for _ in range(k):
                if age > growth.MAX_AGE_DAYS:
                    break
                child_rows.append((m, self.today - dt.timedelta(days=age), rng.choice("MF")))
                age += rng.randrange(456, 730)
        youngest: dict[int, dt.date] = {}
        for m, birth, _sex in child_rows:
            if m not in youngest or birth > youngest[m]:
                youngest[m] = birth

        mother_ids = [self.new_id() for _ in range(n_mothers)]
        mother_fields = ["id", "nik", "full_name", "birth_date", "village", "phone", "user",
                         "created_at", "updated_at", "created_by"]  # fmt: skip
        with self.sink.table(Mother, mother_fields) as out:
            for m, res in enumerate(mothers):
                village = self.villages[self.res_village[res]]
                worker = self.health_worker_of_village.get(village.code)
                linked = rng.random() < 0.6
                created = self.office_time(self.today - dt.timedelta(days=rng.randrange(30, 700)))
                out.add((
                    mother_ids[m], self.res_nik[res], self.res_name[res], self.res_birth[res],
                    village.code, self.res_phone[res], self.res_id[res] if linked else None,
                    created, created, self.res_id[worker] if worker is not None else None,
                ))  # fmt: skip
        self.report.notes["mothers"] = n_mothers
        deliveries = self._pregnancies(mothers, mother_ids, child_rows, youngest)
        self._children(mothers, mother_ids, child_rows, deliveries)

    def _worker(self, res: int) -> uuid.UUID | None:
        worker = self.health_worker_of_village.get(self.villages[self.res_village[res]].code)
        return self.res_id[worker] if worker is not None else None

    def _pregnancies(
        self,
        mothers: list[int],
        mother_ids: list[uuid.UUID],
        child_rows: list[tuple[int, dt.date, str]],
        youngest: dict[int, dt.date],
    ) -> dict[tuple[int, dt.date], uuid.UUID]:
        """Ongoing, delivered (the youngest child's birth) and ended pregnancies."""
        rng, today = self.rng, self.today
        total = self.volumes.pregnancies
        recent = [m for m, b in youngest.items() if 1 <= (today - b).days <= 300]
        rng.shuffle(recent)
        delivered = recent[: round(total * 0.33)]
        taken = set(delivered)
        free = [m for m in range(len(mothers))
                if m not in taken
                and (m not in youngest or (today - youngest[m]).days > 420)]  # fmt: skip
        rng.shuffle(free)
        n_ended = round(total * 0.05)
        ongoing = free[: total - len(delivered) - n_ended]
        ended = free[len(ongoing) : len(ongoing) + n_ended]
        births_of: dict[int, list[dt.date]] = defaultdict(list)
        for m, birth, _sex in child_rows:
            births_of[m].append(birth)

        plans: list[tuple[int, str, dt.date, dt.date | None]] = []  # mother, status, hpht, end
        for m in delivered:
            birth = youngest[m]
            plans.append(
                (m, "delivered", birth - dt.timedelta(days=rng.randrange(259, 288)), birth)
            )
        for m in ongoing:
            plans.append((m, "ongoing", today - dt.timedelta(days=rng.randrange(21, 286)), None))
        for m in ended:
            hpht = today - dt.timedelta(days=rng.randrange(120, 400))
            plans.append((m, "ended", hpht, hpht + dt.timedelta(days=rng.randrange(49, 120))))

        preg_fields = ["id", "mother", "hpht", "due_date", "gravida", "para", "abortus",
                       "previous_delivery_date", "status", "ended_on", "end_reason",
                       "anc_contacts_done", "k1_done", "created_at", "created_by"]  # fmt: skip
        visit_fields = ["id", "pregnancy", "visit_date", "provider", "weight_kg", "height_cm",
                        "systolic", "diastolic", "lila_cm", "hb_g_dl", "fundal_height_cm",
                        "fetal_heart_rate", "iron_tablets", "notes", "recorded_by",
                        "created_at"]  # fmt: skip
        delivery_fields = ["id", "pregnancy", "delivered_at", "place", "attendant", "method",
                           "mother_condition", "live_births", "stillbirths", "notes",
                           "recorded_by", "created_at"]  # fmt: skip
        deliveries: dict[tuple[int, dt.date], uuid.UUID] = {}
        self.delivery_rows: list[tuple[uuid.UUID, int, dt.datetime]] = []
        contact_windows = ((42, 97), (98, 146), (147, 195), (196, 223), (224, 251), (252, 280))
        coverage = (0.96, 0.9, 0.87, 0.84, 0.8, 0.74)
        by_status: dict[str, int] = defaultdict(int)
        with (
            self.sink.table(Pregnancy, preg_fields) as pregnancies,
            self.sink.table(AntenatalVisit, visit_fields) as visits,
            self.sink.table(Delivery, delivery_fields) as delivery_out,
        ):
            for m, status, hpht, end in plans:
                res = mothers[m]
                worker = self._worker(res)
                pid = self.new_id()
                earlier = sorted(b for b in births_of[m] if b < hpht)
                older = rng.choice((0, 0, 1, 1, 2, 3))
                para = len(earlier) + older
                abortus = 1 if rng.random() < 0.1 else 0
                last_day = min(end or today, today)
                height = Decimal(f"{rng.gauss(153, 5.5):.1f}")
                base_weight = rng.gauss(54, 8)
                facts: list[preg_rules.VisitFact] = []
                for number, ((lo, hi), p) in enumerate(zip(contact_windows, coverage, strict=True)):
                    day = hpht + dt.timedelta(days=rng.randint(lo, hi))
                    if day > last_day or rng.random() > p:
                        continue
                    weeks = (day - hpht).days / 7
                    doctor = (number in (0, 4) and rng.random() < 0.75) or rng.random() < 0.05
                    provider = preg_rules.DOCTOR if doctor else preg_rules.MIDWIFE
                    systolic = max(85, min(175, round(rng.gauss(112, 12))))
                    diastolic = max(50, min(systolic - 20, round(rng.gauss(72, 9))))
                    vid = self.new_id()
                    visits.add((
                        vid, pid, day, provider,
                        Decimal(f"{base_weight + weeks * 0.35:.1f}"),
                        height if number == 0 else None,
                        systolic, diastolic,
                        Decimal(f"{rng.gauss(25.5, 2.6):.1f}") if number == 0 else None,
                        Decimal(f"{rng.gauss(11.6, 1.2):.1f}") if number in (0, 4) else None,
                        Decimal(f"{max(0.0, weeks - 4 + rng.gauss(0, 1.5)):.1f}")
                        if weeks >= 20 else None,
                        rng.randint(120, 160) if weeks >= 14 else None,
                        30, "", worker, self.office_time(day),
                    ))  # fmt: skip
                    facts.append(preg_rules.VisitFact(day, provider, str(vid)))
                anc = preg_rules.anc_status(hpht=hpht, visits=facts, today=today)
                k1 = anc.contacts[0].status == preg_rules.DONE
                created = self.office_time(min(hpht + dt.timedelta(days=40), last_day))
                pregnancies.add((
                    pid, mother_ids[m], hpht, preg_rules.due_date(hpht), para + abortus + 1, para,
                    abortus, earlier[-1] if earlier else None, status,
                    end if status == "ended" else None,
                    rng.choice(("miscarriage", "miscarriage", "miscarriage", "molar", "other"))
                    if status == "ended" else "",
                    anc.done, k1, created, worker,
                ))  # fmt: skip
                by_status[status] += 1
                if status == "delivered" and end is not None:
                    did = self.new_id()
                    delivered_at = self.at(end, rng.randrange(0, 24 * 60))
                    place = rng.choices(("puskesmas", "clinic", "hospital", "home"), (4, 3, 2, 1))[
                        0
                    ]
                    attendant = "traditional" if place == "home" and rng.random() < 0.4 else (
                        "doctor" if place == "hospital" else "midwife")  # fmt: skip
                    method = (
                        "caesarean" if place == "hospital" and rng.random() < 0.5 else "spontaneous"
                    )
                    delivery_out.add((
                        did, pid, delivered_at, place, attendant, method, "healthy", 1, 0, "",
                        worker, delivered_at + dt.timedelta(hours=rng.randrange(2, 48)),
                    ))  # fmt: skip
                    deliveries[(m, end)] = did
                    self.delivery_rows.append((did, m, delivered_at))
        self.report.notes["pregnancies_by_status"] = dict(sorted(by_status.items()))
        return deliveries

    # Share of children who get each dose once it is due (RV and PCV are newer, lower).
    DOSE_COVERAGE = {"HB0": 0.86, "BCG": 0.92, "OPV": 0.93, "DPT-HB-Hib": 0.93, "PCV": 0.8,
                     "RV": 0.72, "IPV": 0.85, "MR": 0.9}  # fmt: skip

    def _children(
        self,
        mothers: list[int],
        mother_ids: list[uuid.UUID],
        child_rows: list[tuple[int, dt.date, str]],
        deliveries: dict[tuple[int, dt.date], uuid.UUID],
    ) -> None:
        rng, today = self.rng, self.today
        possible = sum((today - birth).days // 30 + 1 for _m, birth, _s in child_rows)
        p_visit = min(1.0, self.volumes.measurements / max(1, possible))
        child_fields = ["id", "mother", "delivery", "full_name", "sex", "birth_date",
                        "birth_weight_g", "birth_length_cm", "nik",
                        "basic_immunization_complete_on", "latest_measurement", "created_at",
                        "created_by"]  # fmt: skip
        m_fields = ["id", "child", "measured_on", "weight_kg", "height_cm", "position",
                    "head_circumference_cm", "oedema", "age_days", "height_used_cm", "wfl_table",
                    "wfa_z", "wfa_category", "wfa_reason", "lhfa_z", "lhfa_category",
                    "lhfa_reason", "wfl_z", "wfl_category", "wfl_reason", "recorded_by",
                    "created_at"]  # fmt: skip
        i_fields = ["id", "child", "dose", "given_on", "batch_number", "place", "recorded_by",
                    "created_at"]  # fmt: skip
        pn_fields = ["id", "delivery", "child", "code", "contact_date", "notes", "recorded_by",
                     "created_at"]  # fmt: skip
        rules = self.doses
        growth_seconds = 0.0
        stunted = measured_with_height = complete = 0
        with (
            self.sink.table(Child, child_fields) as children,
            self.sink.table(GrowthMeasurement, m_fields) as measurements,
            self.sink.table(Immunization, i_fields) as immunizations,
            self.sink.table(PostnatalContact, pn_fields) as postnatal,
        ):
            for m, birth, sex in child_rows:
                res = mothers[m]
                village = self.villages[self.res_village[res]]
                worker = self._worker(res)
                cid = self.new_id()
                delivery = deliveries.get((m, birth))
                first = rng.choice(words.CHILD_FEMALE if sex == "F" else words.CHILD_MALE)
                name = f"{first} {rng.choice(words.FAMILY)}"
                age_days = (today - birth).days
                nik = ""
                if age_days > 45 and rng.random() < 0.8:
                    nik = self.new_nik(village.district_id, birth, sex)
                # Growth: a child keeps roughly her place on the curves, with drift.
                zw = rng.gauss(-0.55, 1.0)
                zh = 0.5 * zw + rng.gauss(-0.8, 0.95)
                birth_weight = max(1500, round(1000 * growth.table("wfa", sex)[0].lms.value_at(
                    max(-3.5, min(3.0, zw + rng.gauss(0, 0.5)))) / 10) * 10)  # fmt: skip
                birth_length = Decimal(
                    f"{growth.table('lhfa', sex)[0].lms.value_at(max(-3.5, min(3.0, zh))):.1f}"
                )
                latest = None
                last_row: tuple[Any, ...] | None = None
                for month in range(age_days // 30 + 1):
                    if rng.random() > p_visit:
                        continue
                    day = birth + dt.timedelta(
                        days=min(age_days, month * 30 + rng.randrange(0, 10))
                    )
                    zw += rng.gauss(0, 0.12)
                    zh += rng.gauss(0, 0.08)
                    age = (day - birth).days
                    weight = growth.table("wfa", sex)[age].lms.value_at(max(-4.0, min(3.5, zw)))
                    weight = max(0.5, min(50.0, weight + rng.gauss(0, 0.08)))
                    weight_kg = Decimal(f"{weight:.1f}")
                    height_cm = None
                    position = ""
                    if rng.random() < 0.8:
                        length = growth.table("lhfa", sex)[age].lms.value_at(
                            max(-4.5, min(3.5, zh))
                        )
                        standing = (age >= growth.SWITCH_AGE_DAYS) != (rng.random() < 0.06)
                        position = growth.STANDING if standing else growth.LYING
                        length += (-0.7 if standing else 0.7) if (
                            (age < growth.SWITCH_AGE_DAYS) == standing) else 0  # fmt: skip
                        height_cm = Decimal(
                            f"{max(30.0, min(150.0, length + rng.gauss(0, 0.3))):.1f}"
                        )
                    started = time.perf_counter()
                    result = growth.compute(sex=sex, age_days=age, weight_kg=weight_kg,
                                            height_cm=height_cm,
                                            position=position or None)  # fmt: skip
                    growth_seconds += time.perf_counter() - started
                    mid = self.new_id()
                    last_row = (
                        mid, cid, day, weight_kg, height_cm, position, None, False, result.age_days,
                        result.height_used_cm, result.wfl_table or "",
                        result.wfa.value, result.wfa.category or "", result.wfa.reason or "",
                        result.lhfa.value, result.lhfa.category or "", result.lhfa.reason or "",
                        result.wfl.value, result.wfl.category or "", result.wfl.reason or "",
                        worker, self.office_time(day) if day < today else self.now,
                    )  # fmt: skip
                    measurements.add(last_row)
                    latest = mid
                if last_row is not None and last_row[14] is not None:
                    measured_with_height += 1
                    stunted += last_row[15] in ("stunted", "severely_stunted")
                given = self._immunizations(immunizations, cid, birth, village, worker)
                complete_on = imm_rules.basic_complete_on(rules, given)
                complete += complete_on is not None
                created = self.office_time(
                    min(today, birth + dt.timedelta(days=rng.randrange(0, 60)))
                )
                children.add((
                    cid, mother_ids[m], delivery, name, sex, birth, birth_weight, birth_length,
                    nik, complete_on, latest, created, worker,
                ))  # fmt: skip
                if delivery is not None:
                    self._postnatal(postnatal, delivery, cid, birth, worker)
        self.report.notes["growth_compute_seconds"] = round(growth_seconds, 1)
        self.report.notes["children_latest_stunted_share"] = round(
            stunted / max(1, measured_with_height), 3
        )
        self.report.notes["children_basic_immunization_complete"] = complete

    def _immunizations(
        self, out: Any, cid: uuid.UUID, birth: dt.date, village: Village, worker: Any
    ) -> dict[str, dt.date]:
        rng, today = self.rng, self.today
        given: dict[str, dt.date] = {}
        last_of_antigen: dict[str, dt.date] = {}
        skipped_antigens: set[str] = set()
        place = rng.choice((f"Posyandu {village.name}", f"Puskesmas {village.district.name}"))
        for rule in self.doses:
            recommended = imm_rules.recommended_date(rule, birth)
            if recommended > today or rule.antigen in skipped_antigens:
                continue
            if rng.random() > self.DOSE_COVERAGE.get(rule.antigen, 0.8):
                skipped_antigens.add(rule.antigen)  # a child who drops out stays out
                continue
            r = rng.random()
            delay = (
                rng.randrange(0, 15)
                if r < 0.6
                else rng.randrange(15, 61)
                if r < 0.9
                else rng.randrange(61, 181)
            )
            day = recommended + dt.timedelta(days=delay)
            day = max(day, birth + dt.timedelta(days=rule.earliest_age_days))
            if rule.antigen in last_of_antigen:
                day = max(
                    day, last_of_antigen[rule.antigen] + dt.timedelta(days=rule.min_interval_days)
                )
            if day > today:
                continue
            batch = f"{rng.randrange(1000, 9999)}{rng.choice('ABCDEFGH')}{rng.randrange(100, 999)}"
            out.add(
                (self.new_id(), cid, rule.code, day, batch, place, worker, self.office_time(day))
            )
            given[rule.code] = day
            last_of_antigen[rule.antigen] = day
        return given

    def _postnatal(
        self, out: Any, delivery: uuid.UUID, cid: uuid.UUID, birth: dt.date, worker: Any
    ) -> None:
        rng = self.rng
        plan = (("KF1", None, 0, 2), ("KF2", None, 3, 7), ("KF3", None, 8, 28),
                ("KF4", None, 29, 42), ("KN1", cid, 0, 2), ("KN2", cid, 3, 7),
                ("KN3", cid, 8, 28))  # fmt: skip
        for code, child, lo, hi in plan:
            day = birth + dt.timedelta(days=rng.randint(lo, hi))
            if day > self.today or rng.random() > 0.85:
                continue
            out.add((self.new_id(), delivery, child, code, day, "", worker, self.office_time(day)))

    # --- UMKM marketplace ---------------------------------------------------------------

    def market(self) -> None:
        rng, v = self.rng, self.volumes
        with translation.override("id"):
            order_labels = {s.value: str(s.label) for s in OrderStatus}
        shop_fields = ["id", "owner", "name", "slug", "description", "village", "whatsapp",
                       "nib", "pirt", "halal_number", "logo", "status", "status_reason",
                       "verified_at", "created_at", "updated_at"]  # fmt: skip
        owners: list[int] = []
        seen: set[int] = set()
        while len(owners) < v.shops:
            i = self.random_resident()
            if i not in seen:
                seen.add(i)
                owners.append(i)
        shop_ids: list[uuid.UUID] = []
        shop_names: list[str] = []
        shop_category: list[str] = []
        shop_active: list[bool] = []
        cats = [c for c in words.PRODUCTS if c in self.categories]
        cat_weights = {"kuliner": 30, "minuman": 8, "kerajinan": 12, "fashion": 10,
                       "pertanian": 12, "perikanan": 10, "kecantikan": 5, "jasa": 8,
                       "lainnya": 5}  # fmt: skip
        shop_status_counts: dict[str, int] = defaultdict(int)
        with self.sink.table(Shop, shop_fields) as out:
            for s, owner in enumerate(owners):
                category = rng.choices(cats, [cat_weights.get(c, 5) for c in cats])[0]
                first = self.res_name[owner].split(" ")[0]
                honorific = "Bu" if self.res_sex[owner] == "F" else "Pak"
                name = (f"{rng.choice(words.SHOP_PREFIX)} {honorific} {first}"
                        if rng.random() < 0.5 else
                        f"{rng.choice(words.SHOP_PREFIX)} {rng.choice(words.SHOP_SUFFIX)} "
                        f"{first}")  # fmt: skip
                slug = f"{name.lower().replace('.', '').replace(' ', '-')}-{base30(s, 4).lower()}"
                status = rng.choices(
                    ("verified", "pending", "rejected", "suspended"), (78, 14, 4, 4)
                )[0]
                shop_status_counts[status] += 1
                created = self.office_time(self.today - dt.timedelta(days=rng.randrange(10, 700)))
                food = category in ("kuliner", "minuman")
                pirt = ""
                if food and rng.random() < 0.7:
                    # 15 digits: digits 4-7 are the regency, the last two the expiry year
                    pirt = (
                        f"{rng.randint(1, 5)}{rng.randint(10, 99)}{self.regency}"
                        f"{rng.randint(1, 99):02d}{s % 10000:04d}{rng.randint(26, 30)}"
                    )
                village = self.villages[self.res_village[owner]]
                sid = self.new_id()
                out.add((
                    sid, self.res_id[owner], name, slug[:90],
                    f"{words.PRODUCTS[category][0][0]} dan lainnya dari {village.name}.",
                    village.code, self.res_phone[owner], f"91200{s:08d}", pirt,
                    f"ID1611{rng.randrange(10**9, 10**10)}" if food and rng.random() < 0.3 else "",
                    "", status,
                    "Dokumen tidak lengkap." if status in ("rejected", "suspended") else "",
                    created + dt.timedelta(days=2) if status == "verified" else None,
                    created, created,
                ))  # fmt: skip
                shop_ids.append(sid)
                shop_names.append(name)
                shop_category.append(category)
                shop_active.append(status in ("verified", "pending"))
        self.report.notes["shops_by_status"] = dict(sorted(shop_status_counts.items()))

        # Products: a few shops sell a lot, most a handful (Zipf-like).
        weights = [1 / (r + 1) ** 0.6 for r in range(v.shops)]
        rng.shuffle(weights)
        shop_cum = list(itertools.accumulate(weights))
        product_fields = ["id", "shop", "title", "description", "category", "price", "unit",
                          "stock", "status", "rejection_reason", "created_at", "updated_at",
                          "published_at"]  # fmt: skip
        published: dict[int, list[tuple[uuid.UUID, str, str, int]]] = defaultdict(list)
        with self.sink.table(Product, product_fields) as out:
            for _p in range(v.products):
                s = bisect.bisect(shop_cum, rng.random() * shop_cum[-1])
                category = shop_category[s] if rng.random() < 0.85 else rng.choice(cats)
                bases, variants, packs, (low, high), units = words.PRODUCTS[category]
                title = f"{rng.choice(bases)} {rng.choice(variants)}"
                if rng.random() < 0.7:
                    title = f"{title} {rng.choice(packs)}"
                price = int(math.exp(rng.uniform(math.log(low), math.log(high))))
                price = max(500, round(price / 500) * 500)
                status = rng.choices(("published", "pending", "draft", "rejected", "archived"),
                                     (86, 5, 4, 1, 4))[0]  # fmt: skip
                created = self.office_time(self.today - dt.timedelta(days=rng.randrange(1, 600)))
                pid = self.new_id()
                unit = rng.choice(units)
                stock = 0 if rng.random() < 0.08 else rng.randrange(1, 300)
                description = (f"{rng.choice(words.DESCRIPTION_OPENERS)}: {title.lower()}. "
                               f"{rng.choice(words.DESCRIPTION_TAILS)}")  # fmt: skip
                out.add((
                    pid, shop_ids[s], title, description, category, price, unit, stock, status,
                    "Foto tidak sesuai produk." if status == "rejected" else "", created,
                    created, created + dt.timedelta(hours=rng.randrange(1, 72))
                    if status in ("published", "archived") else None,
                ))  # fmt: skip
                if status == "published" and shop_active[s]:
                    published[s].append((pid, title, unit, price))

        selling = sorted(published)
        sell_cum = list(itertools.accumulate(len(published[s]) for s in selling))
        order_fields = ["id", "code", "shop", "buyer", "status", "payment_method",
                        "delivery_note", "total", "cancel_reason", "cancelled_by", "created_at",
                        "updated_at"]  # fmt: skip
        item_fields = ["order", "product", "title", "unit", "unit_price", "quantity"]
        notif_fields = ["id", "user", "kind", "params", "link", "object_type", "object_id",
                        "created_at", "read_at", "dispatched_at"]  # fmt: skip
        order_status_counts: dict[str, int] = defaultdict(int)
        if not selling:
            return
        with (
            self.sink.table(Order, order_fields) as orders,
            self.sink.table(OrderItem, item_fields) as items,
            self.sink.table(Notification, notif_fields) as notifications,
        ):
            for j in range(v.orders):
                s = selling[bisect.bisect(sell_cum, rng.random() * sell_cum[-1])]
                buyer = self.random_resident()
                if buyer == owners[s]:
                    continue
                catalogue = published[s]
                lines = rng.sample(
                    catalogue, min(len(catalogue), rng.choice((1, 1, 1, 2, 2, 3, 4)))
                )
                quantities = [rng.choice((1, 1, 1, 2, 2, 3, 5)) for _ in lines]
                total = sum(line[3] * q for line, q in zip(lines, quantities, strict=True))
                days_ago = int(540 * rng.random() ** 1.3)
                created = self.any_time(self.today - dt.timedelta(days=days_ago))
                if created > self.now:
                    created = self.now - dt.timedelta(minutes=rng.randrange(1, 600))
                if days_ago > 14:
                    status = rng.choices(("completed", "cancelled"), (85, 15))[0]
                else:
                    status = rng.choices(("pending", "confirmed", "sent", "completed", "cancelled"),
                                         (30, 25, 20, 15, 10))[0]  # fmt: skip
                order_status_counts[status] += 1
                cancelled_by = rng.choice(("buyer", "seller")) if status == "cancelled" else ""
                updated = min(self.now, created + dt.timedelta(hours=rng.randrange(1, 96)))
                oid = self.new_id()
                code = base30(permuted(j, self.salt + 1, 30**8), 8)
                order_code = f"UM-{code[:4]}-{code[4:]}"
                orders.add((
                    oid, order_code, shop_ids[s], self.res_id[buyer], status,
                    "cod" if rng.random() < 0.7 else "transfer",
                    "Antar sore hari." if rng.random() < 0.2 else "", total,
                    rng.choice(words.ORDER_CANCEL_REASONS) if cancelled_by else "", cancelled_by,
                    created, updated,
                ))  # fmt: skip
                for line, quantity in zip(lines, quantities, strict=True):
                    items.add((oid, line[0], line[1], line[2], line[3], quantity))
                link = f"/umkm/pesanan/{oid}"
                self._notification(
                    notifications, owners[s], "market.order",
                    {"code": order_code, "shop": shop_names[s],
                     "status": {"_t": order_labels["pending"]}, "note": ""},
                    link, "market.order", oid, created,
                )  # fmt: skip
                self._notification(
                    notifications, buyer, "market.order",
                    {"code": order_code, "shop": shop_names[s],
                     "status": {"_t": order_labels[status]}, "note": ""},
                    link, "market.order", oid, updated,
                )  # fmt: skip
        self.report.notes["orders_by_status"] = dict(sorted(order_status_counts.items()))
