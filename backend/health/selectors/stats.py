"""Aggregate figures per village, district and in total. No record leaves this module.

Definitions (also in docs/health.md), all "as of" today in the regency's time zone:

- Pregnancy cohort: ongoing pregnancies and pregnancies delivered in the last 365 days.
  K1: cohort pregnancies that have passed the first trimester (ongoing at 14+0 or more, or
  delivered) — numerator: those with the K1 contact (a visit in T1). K6: pregnancies
  delivered in the last 365 days — numerator: those with all 6 contacts (1/2/3 per
  trimester).
- Immunization coverage per dose: children under five whose recommended date plus grace
  has passed (they should have it by now) — numerator: those with the dose recorded.
- Complete basic immunization by 12 months: children whose first birthday fell in the
  last 12 months — numerator: those with every dose of the basic set recorded before
  their first birthday.
- Growth, from each child's latest measurement, children under five: measured this month
  (latest measurement in the current calendar month), stunting (length/height-for-age
  z < -2), wasting (weight-for-length/height z < -2), underweight (weight-for-age z < -2);
  each prevalence over the children whose latest measurement has that z-score.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from accounts.selectors import has_role
from core.models import Village
from health.models import Child, Immunization, Pregnancy, PregnancyStatus, ScheduleDose
from health.rules import growth, immunization
from health.rules import pregnancy as rules
from health.rules.dates import add_months, add_years
from health.selectors.access import REGENCY_ADMIN_ROLE, worker_village_codes

COHORT_DAYS = 365


@dataclass
class Figures:
    ongoing: int = 0
    k1_eligible: int = 0
    k1: int = 0
    k6_eligible: int = 0
    k6: int = 0
    under_five: int = 0
    measured_this_month: int = 0
    measured: int = 0
    haz_n: int = 0
    stunted: int = 0
    whz_n: int = 0
    wasted: int = 0
    waz_n: int = 0
    underweight: int = 0
    basic_cohort: int = 0
    basic_complete: int = 0
    doses: dict[str, list[int]] = field(default_factory=dict)  # code → [eligible, given]

    def add(self, other: Figures) -> None:
        for name in self.__dataclass_fields__:
            if name == "doses":
                for code, (eligible, given) in other.doses.items():
                    pair = self.doses.setdefault(code, [0, 0])
                    pair[0] += eligible
                    pair[1] += given
            else:
                setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class Area:
    code: str
    name: str
    figures: Figures
    district_code: str = ""


@dataclass
class Stats:
    as_of: dt.date
    month_start: dt.date
    doses: list[ScheduleDose]
    total: Figures
    districts: list[Area]
    villages: list[Area]


def latest_birth_date_for(rule: immunization.DoseRule, on: dt.date) -> dt.date:
    """The latest birth date whose recommended date + grace is before ``on``."""
    target = on - dt.timedelta(days=rule.grace_days + rule.age_days + 1)
    candidate = add_months(target, -rule.age_months)
    while add_months(candidate + dt.timedelta(days=1), rule.age_months) <= target:
        candidate += dt.timedelta(days=1)
    while add_months(candidate, rule.age_months) > target:
        candidate -= dt.timedelta(days=1)
    return candidate


def _scope(user: Any, district: str | None, prefix: str = "") -> Q:
    """Regency admins see every village; health workers their own villages."""
    scope = Q()
    if not has_role(user, REGENCY_ADMIN_ROLE):
        scope &= Q(**{f"{prefix}mother__village_id__in": worker_village_codes(user)})
    if district:
        scope &= Q(**{f"{prefix}mother__village__district_id": district})
    return scope


def percentage(numerator: int, denominator: int) -> float | None:
    return round(100 * numerator / denominator, 1) if denominator else None


def stats(user: Any, *, district: str | None = None, now: dt.datetime | None = None) -> Stats:
    now = now or timezone.now()
    on = timezone.localtime(now).date()
    scope = _scope(user, district)
    per_village: dict[str, Figures] = defaultdict(Figures)

    # Pregnancies
    t1_passed = on - dt.timedelta(days=rules.T1_LAST_DAY + 1)
    delivered = Q(status=PregnancyStatus.DELIVERED)
    k1_eligible = delivered | Q(status=PregnancyStatus.ONGOING, hpht__lte=t1_passed)
    pregnancy_rows = (
        Pregnancy.objects.filter(scope)
        .filter(
            Q(status=PregnancyStatus.ONGOING)
            | Q(delivered, delivery__delivered_at__gte=now - dt.timedelta(days=COHORT_DAYS))
        )
        .values("mother__village_id")
        .annotate(
            ongoing=Count("id", filter=Q(status=PregnancyStatus.ONGOING)),
            k1_eligible=Count("id", filter=k1_eligible),
            k1=Count("id", filter=k1_eligible & Q(k1_done=True)),
            k6_eligible=Count("id", filter=delivered),
            k6=Count("id", filter=delivered & Q(anc_contacts_done=len(rules.CONTACT_PLAN))),
        )
        .order_by()
    )
    for row in pregnancy_rows:
        figures = per_village[row["mother__village_id"]]
        for name in ("ongoing", "k1_eligible", "k1", "k6_eligible", "k6"):
            setattr(figures, name, row[name])

    # Children under five: growth and dose eligibility
    under_five = on - dt.timedelta(days=growth.MAX_AGE_DAYS)
    month_start = on.replace(day=1)
    doses = list(ScheduleDose.objects.filter(is_active=True).order_by("order", "code"))
    cutoffs = {d.code: latest_birth_date_for(d.rule(), on) for d in doses}
    latest = "latest_measurement__"
    dose_counts = {
        f"eligible__{code}": Count("id", filter=Q(birth_date__lte=cutoff))
        for code, cutoff in cutoffs.items()
    }
    child_rows = (
        Child.objects.filter(scope, birth_date__gte=under_five)
        .values("mother__village_id")
        .annotate(
            under_five=Count("id"),
            measured_this_month=Count("id", filter=Q(**{f"{latest}measured_on__gte": month_start})),
            measured=Count("id", filter=Q(**{f"{latest}isnull": False})),
            haz_n=Count("id", filter=Q(**{f"{latest}lhfa_z__isnull": False})),
            stunted=Count("id", filter=Q(**{f"{latest}lhfa_z__lt": -2})),
            whz_n=Count("id", filter=Q(**{f"{latest}wfl_z__isnull": False})),
            wasted=Count("id", filter=Q(**{f"{latest}wfl_z__lt": -2})),
            waz_n=Count("id", filter=Q(**{f"{latest}wfa_z__isnull": False})),
            underweight=Count("id", filter=Q(**{f"{latest}wfa_z__lt": -2})),
            **dose_counts,
        )
        .order_by()
    )
    for child_row in child_rows:
        figures = per_village[child_row["mother__village_id"]]
        for name in (
            "under_five",
            "measured_this_month",
            "measured",
            "haz_n",
            "stunted",
            "whz_n",
            "wasted",
            "waz_n",
            "underweight",
        ):
            setattr(figures, name, child_row[name])  # type: ignore[literal-required]
        for code in cutoffs:
            figures.doses[code] = [child_row[f"eligible__{code}"], 0]  # type: ignore[literal-required]

    if cutoffs:
        given_filter = Q()
        for code, cutoff in cutoffs.items():
            given_filter |= Q(dose_id=code, child__birth_date__lte=cutoff)
        given_rows = (
            Immunization.objects.filter(
                given_filter, _scope(user, district, "child__"), child__birth_date__gte=under_five
            )
            .values("child__mother__village_id", "dose_id")
            .annotate(n=Count("id"))
            .order_by()
        )
        for given_row in given_rows:
            figures = per_village[given_row["child__mother__village_id"]]
            figures.doses.setdefault(given_row["dose_id"], [0, 0])[1] = given_row["n"]

    # Complete basic immunization by the first birthday
    cohort = Child.objects.filter(
        scope, birth_date__lte=add_years(on, -1), birth_date__gt=add_years(on, -2)
    ).values_list("mother__village_id", "birth_date", "basic_immunization_complete_on")
    for village_code, birth_date, complete_on in cohort:
        figures = per_village[village_code]
        figures.basic_cohort += 1
        if immunization.complete_by_first_birthday(birth_date, complete_on):
            figures.basic_complete += 1

    villages = {
        v.code: v
        for v in Village.objects.filter(code__in=list(per_village)).select_related("district")
    }
    village_areas: list[Area] = []
    district_figures: dict[str, Area] = {}
    total = Figures()
    for code in sorted(per_village, key=lambda c: (villages[c].district.name, villages[c].name)):
        village, figures = villages[code], per_village[code]
        for dose in doses:
            figures.doses.setdefault(dose.code, [0, 0])
        village_areas.append(Area(code, village.name, figures, village.district_id))
        area = district_figures.setdefault(
            village.district_id, Area(village.district_id, village.district.name, Figures())
        )
        area.figures.add(figures)
        total.add(figures)
    for dose in doses:
        total.doses.setdefault(dose.code, [0, 0])
        for area in district_figures.values():
            area.figures.doses.setdefault(dose.code, [0, 0])
    return Stats(
        as_of=on,
        month_start=month_start,
        doses=doses,
        total=total,
        districts=sorted(district_figures.values(), key=lambda a: a.name),
        villages=village_areas,
    )
