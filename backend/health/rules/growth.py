"""WHO 2006 Child Growth Standards: z-scores as WHO's igrowup computes them.

- Age in completed days (``measured_on - birth_date``); the tables run 0-1856 days.
- Under 731 days length is measured lying: a standing measurement gets +0.7 cm. From 731
  days height is measured standing: a lying measurement gets -0.7 cm. Length/height-for-age
  uses the corrected value.
- Weight-for-length (45-110 cm) under 731 days, weight-for-height (65-120 cm) from 731
  days, on the corrected value. Between two 0.1 cm rows L, M and S are interpolated
  linearly (igrowup's R macro does the same).
- z = ((y/M)^L - 1) / (L·S). For the weight-based indicators beyond ±3 SD WHO's restricted
  rule applies, with SD2 and SD3 computed from L, M and S at that age or length:
  z > 3 → 3 + (y - SD3)/(SD3 - SD2); z < -3 → -3 + (y - SD-3)/(SD-2 - SD-3).
- Rounded to 2 decimals (half away from zero). Categories (Permenkes 2/2020) are read
  from the rounded value, so the number shown and the category always agree.

Out-of-range inputs give no z-score and a reason code; they are not errors.
"""

from __future__ import annotations

import csv
import functools
import math
from dataclasses import dataclass
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from pathlib import Path

from django.utils.translation import gettext_lazy as _

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "who"

MAX_AGE_DAYS = 1856
SWITCH_AGE_DAYS = 731  # from this age: standing height, weight-for-height
CORRECTION_CM = Decimal("0.7")
WFL_RANGE = (Decimal("45"), Decimal("110"))
WFH_RANGE = (Decimal("65"), Decimal("120"))
TWO_PLACES = Decimal("0.01")

LYING = "lying"
STANDING = "standing"

# Reason codes for a missing z-score.
AGE_OUT_OF_RANGE = "age_out_of_range"
HEIGHT_OUT_OF_RANGE = "height_out_of_range"
HEIGHT_MISSING = "height_missing"
WEIGHT_MISSING = "weight_missing"
OEDEMA = "oedema"

REASON_LABELS = {
    AGE_OUT_OF_RANGE: _("Usia di luar tabel WHO (0-1856 hari)."),
    HEIGHT_OUT_OF_RANGE: _("Panjang/tinggi badan di luar tabel WHO untuk indikator ini."),
    HEIGHT_MISSING: _("Panjang/tinggi badan tidak diukur."),
    WEIGHT_MISSING: _("Berat badan tidak diukur."),
    OEDEMA: _("Ada edema: skor-z berbasis berat badan tidak dihitung."),
}

# Permenkes 2/2020 categories: (code, label, upper bound inclusive or None = no bound).
WFA = "wfa"
LHFA = "lhfa"
WFL = "wfl"
WFH = "wfh"  # the table used for weight-for-height

CATEGORY_LABELS = {
    WFA: {
        "severely_underweight": _("Berat badan sangat kurang"),
        "underweight": _("Berat badan kurang"),
        "normal": _("Berat badan normal"),
        "risk_of_overweight": _("Risiko berat badan lebih"),
    },
    LHFA: {
        "severely_stunted": _("Sangat pendek"),
        "stunted": _("Pendek"),
        "normal": _("Normal"),
        "tall": _("Tinggi"),
    },
    WFL: {
        "severely_wasted": _("Gizi buruk"),
        "wasted": _("Gizi kurang"),
        "normal": _("Gizi baik (normal)"),
        "possible_risk_of_overweight": _("Berisiko gizi lebih"),
        "overweight": _("Gizi lebih"),
        "obese": _("Obesitas"),
    },
}

INDICATOR_LABELS = {
    WFA: _("Berat badan menurut umur (BB/U)"),
    LHFA: _("Panjang/tinggi badan menurut umur (PB/U atau TB/U)"),
    WFL: _("Berat badan menurut panjang/tinggi badan (BB/PB atau BB/TB)"),
}


def categorize(indicator: str, z: Decimal | None) -> str | None:
    """The Permenkes 2/2020 category code of a rounded z-score."""
    if z is None:
        return None
    if indicator == WFA:
        if z < -3:
            return "severely_underweight"
        if z < -2:
            return "underweight"
        return "normal" if z <= 1 else "risk_of_overweight"
    if indicator == LHFA:
        if z < -3:
            return "severely_stunted"
        if z < -2:
            return "stunted"
        return "normal" if z <= 3 else "tall"
    if z < -3:
        return "severely_wasted"
    if z < -2:
        return "wasted"
    if z <= 1:
        return "normal"
    if z <= 2:
        return "possible_risk_of_overweight"
    return "overweight" if z <= 3 else "obese"


def category_label(indicator: str, code: str | None) -> str | None:
    if not code:
        return None
    return str(CATEGORY_LABELS[indicator][code])


def reason_label(code: str | None) -> str | None:
    return str(REASON_LABELS[code]) if code else None


# --- Tables ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lms:
    L: float
    M: float
    S: float

    def z(self, y: float, *, restricted: bool) -> float:
        if self.L == 0:
            z = math.log(y / self.M) / self.S
        else:
            z = ((y / self.M) ** self.L - 1) / (self.L * self.S)
        if restricted and z > 3:
            sd3, sd2 = self.value_at(3), self.value_at(2)
            z = 3 + (y - sd3) / (sd3 - sd2)
        elif restricted and z < -3:
            sd3, sd2 = self.value_at(-3), self.value_at(-2)
            z = -3 + (y - sd3) / (sd2 - sd3)
        return z

    def value_at(self, k: float) -> float:
        """The measurement at ``k`` SD: M·(1 + L·S·k)^(1/L)."""
        if self.L == 0:
            return self.M * math.exp(self.S * k)
        return self.M * (1 + self.L * self.S * k) ** (1 / self.L)


@dataclass(frozen=True)
class Row:
    lms: Lms
    sd: tuple[float, ...]  # published values at -3, -2, -1, 0, +1, +2, +3 SD


SD_COLUMNS = ("SD3neg", "SD2neg", "SD1neg", "SD0", "SD1", "SD2", "SD3")


def _sex_file(sex: str) -> str:
    return "boys" if sex == "M" else "girls"


@functools.cache
def table(name: str, sex: str) -> dict[int, Row]:
    """``wfa``/``lhfa`` keyed by age in days; ``wfl``/``wfh`` keyed by length in mm."""
    path = DATA_DIR / f"{name}_{_sex_file(sex)}.csv"
    rows: dict[int, Row] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        key_column = (reader.fieldnames or [""])[0]
        for record in reader:
            raw_key = record[key_column]
            key = int(raw_key) if name in (WFA, LHFA) else int(Decimal(raw_key) * 10)
            rows[key] = Row(
                lms=Lms(float(record["L"]), float(record["M"]), float(record["S"])),
                sd=tuple(float(record[c]) for c in SD_COLUMNS),
            )
    return rows


def _lms_for_length(name: str, sex: str, length_cm: Decimal) -> Lms:
    rows = table(name, sex)
    tenths = length_cm * 10
    low = int(tenths.to_integral_value(rounding=ROUND_FLOOR))
    fraction = float(tenths - low)
    a = rows[low].lms
    if fraction == 0:
        return a
    b = rows[low + 1].lms
    return Lms(
        a.L + fraction * (b.L - a.L),
        a.M + fraction * (b.M - a.M),
        a.S + fraction * (b.S - a.S),
    )


def round_z(z: float) -> Decimal:
    return Decimal(z).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


# --- Results -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ZScore:
    indicator: str
    value: Decimal | None
    reason: str | None = None
    raw: float | None = None  # unrounded, for tests and investigation

    @property
    def category(self) -> str | None:
        return categorize(self.indicator, self.value)


@dataclass(frozen=True)
class GrowthResult:
    age_days: int
    height_used_cm: Decimal | None
    height_correction_cm: Decimal
    wfl_table: str | None  # "wfl" or "wfh" when a weight-for-length/height table applies
    wfa: ZScore
    lhfa: ZScore
    wfl: ZScore


def corrected_height(age_days: int, height_cm: Decimal, position: str) -> Decimal:
    if age_days < SWITCH_AGE_DAYS and position == STANDING:
        return height_cm + CORRECTION_CM
    if age_days >= SWITCH_AGE_DAYS and position == LYING:
        return height_cm - CORRECTION_CM
    return height_cm


def compute(
    *,
    sex: str,
    age_days: int,
    weight_kg: Decimal | None,
    height_cm: Decimal | None,
    position: str | None,
    oedema: bool = False,
) -> GrowthResult:
    """Weight-for-age, length/height-for-age and weight-for-length/height for one visit.

    ``position`` is ``lying`` or ``standing``; when it is missing the measurement is taken
    as recorded (as igrowup does). ``age_days`` must not be negative (callers refuse that).
    """
    if sex not in ("M", "F"):
        raise ValueError("sex must be M or F")
    if age_days < 0:
        raise ValueError("age_days must not be negative")

    height_used: Decimal | None = None
    correction = Decimal("0")
    if height_cm is not None:
        height_used = corrected_height(age_days, height_cm, position) if position else height_cm
        correction = height_used - height_cm

    in_age = age_days <= MAX_AGE_DAYS

    # Weight-for-age
    if not in_age:
        wfa = ZScore(WFA, None, AGE_OUT_OF_RANGE)
    elif weight_kg is None:
        wfa = ZScore(WFA, None, WEIGHT_MISSING)
    elif oedema:
        wfa = ZScore(WFA, None, OEDEMA)
    else:
        raw = table(WFA, sex)[age_days].lms.z(float(weight_kg), restricted=True)
        wfa = ZScore(WFA, round_z(raw), None, raw)

    # Length/height-for-age (no restricted rule)
    if not in_age:
        lhfa = ZScore(LHFA, None, AGE_OUT_OF_RANGE)
    elif height_used is None:
        lhfa = ZScore(LHFA, None, HEIGHT_MISSING)
    else:
        raw = table(LHFA, sex)[age_days].lms.z(float(height_used), restricted=False)
        lhfa = ZScore(LHFA, round_z(raw), None, raw)

    # Weight-for-length/height
    table_name = WFL if age_days < SWITCH_AGE_DAYS else WFH
    low, high = WFL_RANGE if table_name == WFL else WFH_RANGE
    wfl_table: str | None = table_name if in_age else None
    if not in_age:
        wfl = ZScore(WFL, None, AGE_OUT_OF_RANGE)
    elif height_used is None:
        wfl = ZScore(WFL, None, HEIGHT_MISSING)
    elif not (low <= height_used <= high):
        wfl = ZScore(WFL, None, HEIGHT_OUT_OF_RANGE)
    elif weight_kg is None:
        wfl = ZScore(WFL, None, WEIGHT_MISSING)
    elif oedema:
        wfl = ZScore(WFL, None, OEDEMA)
    else:
        lms = _lms_for_length(table_name, sex, height_used)
        raw = lms.z(float(weight_kg), restricted=True)
        wfl = ZScore(WFL, round_z(raw), None, raw)

    return GrowthResult(
        age_days=age_days,
        height_used_cm=height_used,
        height_correction_cm=correction,
        wfl_table=wfl_table,
        wfa=wfa,
        lhfa=lhfa,
        wfl=wfl,
    )


# --- Reference curves for charts ---------------------------------------------------------

CURVE_SDS = (-3, -2, 0, 2, 3)
_SD_INDEX = {-3: 0, -2: 1, -1: 2, 0: 3, 1: 4, 2: 5, 3: 6}
DAYS_PER_MONTH = 30.4375


def chart_ages(max_age_days: int) -> list[int]:
    """Ages (days) for drawing curves: every month up to the month after ``max_age_days``,
    plus 730/731 where length-for-age turns into height-for-age."""
    max_age_days = max(0, min(max_age_days, MAX_AGE_DAYS))
    months = min(int(max_age_days / DAYS_PER_MONTH) + 1, 61)
    ages = {min(round(m * DAYS_PER_MONTH), MAX_AGE_DAYS) for m in range(months + 1)}
    if max(ages) >= SWITCH_AGE_DAYS:
        ages.update({SWITCH_AGE_DAYS - 1, SWITCH_AGE_DAYS})
    return sorted(ages)


def reference_curves(indicator: str, sex: str, ages: list[int]) -> list[dict[str, object]]:
    """Published values at -3, -2, 0, +2, +3 SD for each age (``wfa`` or ``lhfa``).

    The rows are shared between calls (a chart asks for the same few dozen ages over and
    over): treat them as read-only."""
    return list(_reference_curves(indicator, sex, tuple(ages)))


@functools.lru_cache(maxsize=1024)
def _reference_curves(
    indicator: str, sex: str, ages: tuple[int, ...]
) -> tuple[dict[str, object], ...]:
    rows = table(indicator, sex)
    return tuple(
        {
            "age_days": age,
            "sd3neg": rows[age].sd[_SD_INDEX[-3]],
            "sd2neg": rows[age].sd[_SD_INDEX[-2]],
            "sd0": rows[age].sd[_SD_INDEX[0]],
            "sd2": rows[age].sd[_SD_INDEX[2]],
            "sd3": rows[age].sd[_SD_INDEX[3]],
        }
        for age in ages
    )
