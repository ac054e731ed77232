"""The health worker's worklist: due and overdue contacts and doses, children at risk."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import User
from core.models import AuditEvent, Village
from health import services
from tests.health.conftest import make_child, make_mother, make_pregnancy, today

pytestmark = pytest.mark.django_db

URL = "/api/v1/health/worklist/"


@pytest.fixture
def setting(
    health_worker: User,
    village: Village,
    second_village: Village,
    other_village: Village,
    other_midwife: User,
) -> dict[str, Any]:
    hw = health_worker
    late = make_pregnancy(hw, make_mother(hw, village, full_name="Telat K2"), weeks=22)
    services.record_visit(
        by=hw, pregnancy=late, visit_date=late.hpht + dt.timedelta(weeks=9), provider="doctor"
    )
    early = make_pregnancy(hw, make_mother(hw, second_village, full_name="Baru Hamil"), weeks=8)
    fine = make_pregnancy(hw, make_mother(hw, village, full_name="Tepat Waktu"), weeks=16)
    for week in (9, 15):
        services.record_visit(
            by=hw,
            pregnancy=fine,
            visit_date=fine.hpht + dt.timedelta(weeks=week),
            provider="midwife",
        )
    born = make_pregnancy(hw, make_mother(hw, village, full_name="Nifas"), weeks=39)
    services.record_delivery(
        by=hw,
        pregnancy=born,
        delivered_at=timezone.now() - dt.timedelta(days=4),
        place="puskesmas",
        attendant="midwife",
        method="spontaneous",
        mother_condition="healthy",
        babies=[{"sex": "F", "full_name": "Bayi Nifas"}],
    )
    baby = born.delivery.children.get()
    services.record_postnatal_contact(by=hw, pregnancy=born, code="KF2", contact_date=today())
    services.record_immunization(by=hw, child=baby, dose_code="hb0", given_on=baby.birth_date)
    mother = make_mother(hw, village, full_name="Ibu Balita")
    infant = make_child(hw, mother, age_days=75, full_name="Bayi 75 Hari")
    services.record_immunization(by=hw, child=infant, dose_code="hb0", given_on=infant.birth_date)
    short = make_child(hw, mother, age_days=1000, full_name="Balita Pendek", sex="M")
    services.record_measurement(
        by=hw,
        child=short,
        measured_on=today(),
        weight_kg=Decimal("12.0"),
        height_cm=Decimal("84.0"),
        position="standing",
    )
    # another midwife's village: never in this worklist
    elsewhere = make_mother(other_midwife, other_village, full_name="Desa Lain")
    make_pregnancy(other_midwife, elsewhere, weeks=8)
    return {
        "late": late,
        "early": early,
        "fine": fine,
        "born": born,
        "baby": baby,
        "infant": infant,
        "short": short,
    }


def test_worklist_sections(midwife_api: APIClient, setting: dict[str, Any]) -> None:
    body = midwife_api.get(URL).json()
    assert body["as_of"] == today().isoformat()
    anc = {item["mother"]["full_name"]: item for item in body["anc"]}
    assert set(anc) == {"Telat K2", "Baru Hamil"}
    assert anc["Telat K2"]["contact"] == "K2" and anc["Telat K2"]["status"] == "overdue"
    assert anc["Baru Hamil"]["contact"] == "K1" and anc["Baru Hamil"]["status"] == "due"
    assert anc["Baru Hamil"]["doctor_needed"] is True
    assert anc["Telat K2"]["gestational_age"]["weeks"] == 22
    assert body["anc"][0]["status"] == "overdue"  # overdue first

    postnatal = {(i["code"], (i["child"] or {}).get("full_name")) for i in body["postnatal"]}
    assert ("KF1", None) in postnatal and ("KN1", "Bayi Nifas") in postnatal
    assert ("KN2", "Bayi Nifas") in postnatal
    assert ("KF2", None) not in postnatal  # done today
    assert ("KF3", None) not in postnatal  # not yet
    assert all(i["mother"]["full_name"] == "Nifas" for i in body["postnatal"])

    immunization = {i["child"]["full_name"]: i for i in body["immunization"]}
    assert "Balita Pendek" not in immunization  # over 24 months
    doses = {d["code"]: d["status"] for d in immunization["Bayi 75 Hari"]["doses"]}
    assert doses["bcg"] == "overdue" and doses["dpt_hb_hib1"] == "due"
    assert "hb0" not in doses

    [growth] = body["growth"]
    assert growth["child"]["full_name"] == "Balita Pendek"
    assert growth["problems"] == ["stunted"]
    assert growth["zscores"]["lhfa"]["category"] in ("stunted", "severely_stunted")
    assert "Desa Lain" not in str(body)


def test_village_filter_and_audit(
    midwife_api: APIClient, setting: dict[str, Any], second_village: Village, health_worker: User
) -> None:
    before = AuditEvent.objects.filter(action="health.worklist.read").count()
    body = midwife_api.get(URL, {"village": second_village.code}).json()
    assert [i["mother"]["full_name"] for i in body["anc"]] == ["Baru Hamil"]
    assert body["postnatal"] == [] and body["growth"] == []
    events = AuditEvent.objects.filter(action="health.worklist.read")
    assert events.count() == before + 1
    assert events.order_by("-id")[0].object_id == str(setting["early"].mother_id)


def test_other_midwife_sees_only_her_village(
    login: Callable[[User], APIClient], other_midwife: User, setting: dict[str, Any]
) -> None:
    body = login(other_midwife).get(URL).json()
    assert [i["mother"]["full_name"] for i in body["anc"]] == ["Desa Lain"]
