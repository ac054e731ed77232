"""WHO growth rules at their edges, the categories, and the public calculator."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from rest_framework.test import APIClient

from health.rules import growth

D = Decimal


def compute(
    age: int,
    *,
    weight: str | None = "10",
    height: str | None = "80",
    position: str = "lying",
    sex: str = "F",
) -> growth.GrowthResult:
    return growth.compute(
        sex=sex,
        age_days=age,
        weight_kg=D(weight) if weight else None,
        height_cm=D(height) if height else None,
        position=position,
    )


def test_lying_under_731_days_is_used_as_measured() -> None:
    result = compute(730, height="80.0", position="lying")
    assert result.height_used_cm == D("80.0") and result.height_correction_cm == 0
    assert result.wfl_table == "wfl"


def test_standing_under_731_days_gets_plus_0_7() -> None:
    result = compute(730, height="80.0", position="standing")
    assert result.height_used_cm == D("80.7") and result.height_correction_cm == D("0.7")
    assert result.wfl_table == "wfl"


def test_lying_from_731_days_gets_minus_0_7() -> None:
    result = compute(731, height="80.0", position="lying")
    assert result.height_used_cm == D("79.3") and result.height_correction_cm == D("-0.7")
    assert result.wfl_table == "wfh"


def test_standing_from_731_days_is_used_as_measured() -> None:
    result = compute(731, height="80.0", position="standing")
    assert result.height_used_cm == D("80.0")
    assert result.wfl_table == "wfh"


def test_table_switch_at_731_days_uses_corrected_length() -> None:
    at_730 = compute(730, weight="11", height="85.0", position="lying")
    at_731 = compute(731, weight="11", height="85.7", position="lying")  # 85.0 after -0.7
    assert at_730.height_used_cm == at_731.height_used_cm == D("85.0")
    wfl = growth.table("wfl", "F")[850].lms.z(11.0, restricted=True)
    wfh = growth.table("wfh", "F")[850].lms.z(11.0, restricted=True)
    assert at_730.wfl.value == growth.round_z(wfl)
    assert at_731.wfl.value == growth.round_z(wfh)
    assert at_730.wfl.value != at_731.wfl.value
    lhfa_730 = growth.table("lhfa", "F")[730].lms.z(85.0, restricted=False)
    lhfa_731 = growth.table("lhfa", "F")[731].lms.z(85.0, restricted=False)
    assert at_730.lhfa.value == growth.round_z(lhfa_730)
    assert at_731.lhfa.value == growth.round_z(lhfa_731)


def test_interpolates_lms_between_0_1_cm_rows() -> None:
    rows = growth.table("wfl", "M")
    low, high = rows[752].lms, rows[753].lms
    expected = growth.Lms(
        low.L + 0.45 * (high.L - low.L),
        low.M + 0.45 * (high.M - low.M),
        low.S + 0.45 * (high.S - low.S),
    ).z(9.5, restricted=True)
    result = compute(300, weight="9.5", height="75.245", sex="M")
    assert result.wfl.raw == pytest.approx(expected, abs=1e-12)


def test_restricted_rule_beyond_three_sd_for_weight_only() -> None:
    row = growth.table("wfa", "F")[365].lms
    sd3, sd2 = row.value_at(3), row.value_at(2)
    heavy = sd3 + 0.5 * (sd3 - sd2)
    result = growth.compute(
        sex="F", age_days=365, weight_kg=D(str(round(heavy, 6))), height_cm=None, position=None
    )
    assert result.wfa.value == D("3.50")
    assert result.wfa.value != growth.round_z(row.z(heavy, restricted=False))
    sdm3, sdm2 = row.value_at(-3), row.value_at(-2)
    light = sdm3 - 0.5 * (sdm2 - sdm3)
    result = growth.compute(
        sex="F", age_days=365, weight_kg=D(str(round(light, 6))), height_cm=None, position=None
    )
    assert result.wfa.value == D("-3.50")
    # length-for-age has no restricted rule
    lrow = growth.table("lhfa", "F")[365].lms
    tall = lrow.value_at(4)
    result = growth.compute(
        sex="F", age_days=365, weight_kg=None, height_cm=D(str(round(tall, 4))), position="lying"
    )
    assert result.lhfa.value == D("4.00")


def test_older_than_1856_days_gives_no_zscore_with_a_reason() -> None:
    result = compute(1857, weight="18", height="110", position="standing")
    for z in (result.wfa, result.lhfa, result.wfl):
        assert z.value is None and z.reason == growth.AGE_OUT_OF_RANGE
    assert compute(1856, weight="18", height="110", position="standing").wfa.value is not None


def test_length_outside_the_table_gives_no_wfl() -> None:
    short = compute(10, weight="2.2", height="44.9")
    assert short.wfl.value is None and short.wfl.reason == growth.HEIGHT_OUT_OF_RANGE
    assert short.lhfa.value is not None
    assert compute(10, weight="2.2", height="45.0").wfl.value is not None
    tall = compute(1500, weight="25", height="120.1", position="standing")
    assert tall.wfl.reason == growth.HEIGHT_OUT_OF_RANGE
    assert compute(1500, weight="25", height="120.0", position="standing").wfl.value is not None
    # under 2 years the limit is 110 cm (weight-for-length)
    assert compute(700, weight="14", height="110.1").wfl.reason == growth.HEIGHT_OUT_OF_RANGE
    # from 2 years the lower limit is 65 cm (weight-for-height)
    assert compute(800, weight="7", height="64.9", position="standing").wfl.reason == (
        growth.HEIGHT_OUT_OF_RANGE
    )


def test_missing_height_and_oedema() -> None:
    result = compute(200, height=None)
    assert (
        result.lhfa.reason == growth.HEIGHT_MISSING and result.wfl.reason == growth.HEIGHT_MISSING
    )
    assert result.wfa.value is not None
    result = growth.compute(
        sex="M", age_days=200, weight_kg=D("7"), height_cm=D("66"), position="lying", oedema=True
    )
    assert result.wfa.reason == growth.OEDEMA and result.wfl.reason == growth.OEDEMA
    assert result.lhfa.value is not None


@pytest.mark.parametrize(
    ("indicator", "z", "category"),
    [
        ("wfa", "-3.01", "severely_underweight"),
        ("wfa", "-3.00", "underweight"),
        ("wfa", "-2.01", "underweight"),
        ("wfa", "-2.00", "normal"),
        ("wfa", "1.00", "normal"),
        ("wfa", "1.01", "risk_of_overweight"),
        ("lhfa", "-3.01", "severely_stunted"),
        ("lhfa", "-2.01", "stunted"),
        ("lhfa", "-2.00", "normal"),
        ("lhfa", "3.00", "normal"),
        ("lhfa", "3.01", "tall"),
        ("wfl", "-3.01", "severely_wasted"),
        ("wfl", "-2.01", "wasted"),
        ("wfl", "-2.00", "normal"),
        ("wfl", "1.00", "normal"),
        ("wfl", "1.01", "possible_risk_of_overweight"),
        ("wfl", "2.00", "possible_risk_of_overweight"),
        ("wfl", "2.01", "overweight"),
        ("wfl", "3.00", "overweight"),
        ("wfl", "3.01", "obese"),
    ],
)
def test_permenkes_cut_offs(indicator: str, z: str, category: str) -> None:
    assert growth.categorize(indicator, D(z)) == category


def test_chart_ages_cover_the_child() -> None:
    ages = growth.chart_ages(100)
    assert ages[0] == 0 and ages[-1] >= 100 and len(ages) == 5
    ages = growth.chart_ages(900)
    assert {730, 731} <= set(ages)
    assert growth.chart_ages(5000)[-1] == 1856


# --- The calculator -----------------------------------------------------------------------

URL = "/api/v1/health/growth/zscores/"


def query(**overrides: Any) -> dict[str, Any]:
    data = {
        "sex": "M",
        "birth_date": "2024-01-10",
        "measured_on": "2025-01-09",
        "weight_kg": "9.6",
        "height_cm": "75.2",
        "position": "lying",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_calculator_is_public_and_stores_nothing(api: APIClient, db: Any) -> None:
    from health.models import GrowthMeasurement

    response = api.get(URL, query())
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["age_days"] == 365
    assert body["height_used_cm"] == 75.2 and body["height_correction_cm"] == 0
    expected = growth.compute(
        sex="M", age_days=365, weight_kg=D("9.6"), height_cm=D("75.2"), position="lying"
    )
    assert body["zscores"]["wfa"]["z"] == float(expected.wfa.value or 0)
    assert body["zscores"]["lhfa"]["z"] == float(expected.lhfa.value or 0)
    assert body["zscores"]["wfl"]["z"] == float(expected.wfl.value or 0)
    assert body["zscores"]["wfl"]["table"] == "wfl"
    assert body["zscores"]["wfa"]["category"] == "normal"
    assert body["zscores"]["wfa"]["category_label"] == "Berat badan normal"
    assert GrowthMeasurement.objects.count() == 0


def test_calculator_labels_in_english(api: APIClient, db: Any) -> None:
    body = api.get(URL, query(), HTTP_ACCEPT_LANGUAGE="en").json()
    assert body["zscores"]["wfa"]["category_label"] == "Normal weight"
    old = api.get(URL, query(birth_date="2018-01-01"), HTTP_ACCEPT_LANGUAGE="en").json()
    assert old["zscores"]["wfa"]["z"] is None
    assert old["zscores"]["wfa"]["reason"] == "age_out_of_range"
    assert old["zscores"]["wfa"]["reason_label"].startswith("Age outside")


def test_calculator_out_of_table_is_not_an_error(api: APIClient, db: Any) -> None:
    body = api.get(
        URL,
        query(height_cm="44", weight_kg="2.1", birth_date="2025-01-01", measured_on="2025-01-03"),
    ).json()
    assert body["zscores"]["wfl"]["z"] is None
    assert body["zscores"]["wfl"]["reason"] == "height_out_of_range"
    assert body["zscores"]["lhfa"]["z"] is not None


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"weight_kg": "0"}, "weight_kg"),
        ({"weight_kg": "-1"}, "weight_kg"),
        ({"weight_kg": "50.1"}, "weight_kg"),
        ({"height_cm": "29.9"}, "height_cm"),
        ({"height_cm": "150.1"}, "height_cm"),
        ({"measured_on": "2023-12-31"}, "measured_on"),
        ({"measured_on": (dt.date.today() + dt.timedelta(days=2)).isoformat()}, "measured_on"),
        ({"sex": "X"}, "sex"),
        ({"birth_date": "kemarin"}, "birth_date"),
        ({"position": None}, "position"),
        ({"position": "sitting"}, "position"),
        ({"weight_kg": None, "height_cm": None, "position": None}, "weight_kg"),
        ({"sex": None}, "sex"),
    ],
)
def test_calculator_refuses_impossible_values(
    api: APIClient, db: Any, overrides: dict[str, Any], field: str
) -> None:
    response = api.get(URL, query(**overrides))
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert field in error["fields"]


def test_calculator_ignores_a_bad_token(api: APIClient, db: Any) -> None:
    api.credentials(HTTP_AUTHORIZATION="Bearer not-a-token")
    assert api.get(URL, query()).status_code == 200


def test_calculator_gives_igrowups_values(api: APIClient, db: Any) -> None:
    """Survey row 1: a girl of 683 days, 10.399999619 kg, 84.800003052 cm lying."""
    birth = dt.date(2023, 1, 1)
    body = api.get(
        URL,
        {
            "sex": "F",
            "birth_date": birth.isoformat(),
            "measured_on": (birth + dt.timedelta(days=683)).isoformat(),
            "weight_kg": "10.399999619",
            "height_cm": "84.800003052",
            "position": "lying",
        },
    ).json()
    z = body["zscores"]
    assert (z["wfa"]["z"], z["lhfa"]["z"], z["wfl"]["z"]) == (-0.57, -0.07, -0.81)
