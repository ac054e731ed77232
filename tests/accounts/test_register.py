from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from rest_framework.test import APIClient

from accounts.models import User
from core.models import AuditEvent
from tests.factories import PASSWORD, make_user, nik_for

URL = "/api/v1/auth/register/"
pytestmark = pytest.mark.django_db


def payload(**overrides: Any) -> dict[str, Any]:
    birth = dt.date(1995, 8, 15)
    data = {
        "nik": nik_for(birth, "F", serial=7),
        "full_name": "Nur Aisyah",
        "birth_date": birth.isoformat(),
        "sex": "F",
        "phone": "0812-3456-7890",
        "password": PASSWORD,
    }
    data.update(overrides)
    return data


def test_resident_registers_and_gets_tokens_and_profile(api: APIClient) -> None:
    response = api.post(URL, payload(), format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["access"] and body["refresh"]
    assert body["user"]["full_name"] == "Nur Aisyah"
    assert body["user"]["phone"] == "+6281234567890"
    assert body["user"]["roles"] == ["resident"]
    user = User.objects.get(nik=payload()["nik"])
    assert user.check_password(PASSWORD)
    event = AuditEvent.objects.get(action="account.registered")
    assert event.object_id == str(user.pk)
    assert user.nik not in str(event.data)  # masked in the trail


@pytest.mark.parametrize(
    ("nik", "code_fragment"),
    [
        ("16020554039", "16 angka"),  # too short
        ("16020554039200a1", "16 angka"),  # letters
        ("9902055403920001", "provinsi"),  # unknown province
        ("1600055403920001", "kabupaten"),  # regency 00
        ("1602005403920001", "kecamatan"),  # district 00
        ("1602057213920001", "Tanggal lahir"),  # month 13
        ("1602053002000001", "Tanggal lahir"),  # 30 February
        ("1602055403920000", "0000"),  # serial 0000
    ],
)
def test_each_nik_rule_refuses_with_the_field_named(
    api: APIClient, nik: str, code_fragment: str
) -> None:
    response = api.post(URL, payload(nik=nik), format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert any(code_fragment in message for message in error["fields"]["nik"])
    assert not User.objects.exists()


def test_sex_must_agree_with_the_nik(api: APIClient) -> None:
    response = api.post(URL, payload(sex="M"), format="json")
    assert response.status_code == 400
    assert "sex" in response.json()["error"]["fields"]


def test_birth_date_disagreeing_with_nik_is_refused_for_self_registration(api: APIClient) -> None:
    response = api.post(URL, payload(birth_date="1995-08-16"), format="json")
    assert response.status_code == 400
    assert "petugas" in response.json()["error"]["fields"]["birth_date"][0]


def test_unknown_district_is_only_a_warning(api: APIClient) -> None:
    birth = dt.date(1995, 8, 15)
    nik = nik_for(birth, "F", district="160299", serial=9)
    response = api.post(URL, payload(nik=nik), format="json")
    assert response.status_code == 201
    assert AuditEvent.objects.get(action="account.registered").data["district_warning"] is True


def test_century_is_the_one_not_in_the_future(api: APIClient) -> None:
    birth = dt.date(2005, 1, 2)
    response = api.post(
        URL,
        payload(nik=nik_for(birth, "M", serial=3), sex="M", birth_date="2005-01-02"),
        format="json",
    )
    assert response.status_code == 201


def test_duplicate_nik_and_duplicate_phone_are_refused(api: APIClient) -> None:
    existing = make_user(phone="081234567890")
    response = api.post(URL, payload(nik=existing.nik), format="json")
    fields = response.json()["error"]["fields"]
    assert response.status_code == 400
    assert "sudah terdaftar" in " ".join(fields["nik"])
    assert "sudah terdaftar" in " ".join(fields["phone"])  # same number, other spelling
    assert User.objects.count() == 1


@pytest.mark.parametrize(
    "password",
    ["pendek1", "password123", "1234567890123", "nuraisyah95"],
    ids=["too-short", "common", "numeric", "like-the-name"],
)
def test_weak_passwords_are_refused(api: APIClient, password: str) -> None:
    response = api.post(URL, payload(password=password), format="json")
    assert response.status_code == 400
    assert response.json()["error"]["fields"]["password"]
    assert not User.objects.exists()


@pytest.mark.parametrize(
    ("phone", "field_message"),
    [
        ("+14155552671", "Indonesia"),
        ("08abc", "tidak valid"),
        ("0711123456", "seluler"),
    ],
)
def test_phone_must_be_an_indonesian_mobile(api: APIClient, phone: str, field_message: str) -> None:
    response = api.post(URL, payload(phone=phone), format="json")
    assert response.status_code == 400
    assert field_message in response.json()["error"]["fields"]["phone"][0]


def test_wrong_types_and_missing_fields_name_each_field(api: APIClient) -> None:
    response = api.post(
        URL, {"nik": 1602055403920001, "birth_date": "kemarin", "sex": ["F"]}, format="json"
    )
    assert response.status_code == 400
    fields = response.json()["error"]["fields"]
    assert {"birth_date", "sex", "full_name", "phone", "password"} <= set(fields)


def test_english_messages_on_request(api: APIClient) -> None:
    response = api.post(
        URL, payload(nik="9902055403920001"), format="json", HTTP_ACCEPT_LANGUAGE="en"
    )
    error = response.json()["error"]
    assert error["message"] == "Check what you entered."
    assert error["fields"]["nik"] == ["Unknown province code in the NIK."]


def test_idempotent_replay_returns_the_first_result_not_a_duplicate(api: APIClient) -> None:
    key = "6d1f0a43-reg-1"
    first = api.post(URL, payload(), format="json", HTTP_IDEMPOTENCY_KEY=key)
    second = api.post(URL, payload(), format="json", HTTP_IDEMPOTENCY_KEY=key)
    assert first.status_code == second.status_code == 201
    assert second.json()["user"] == first.json()["user"]
    assert second["Idempotent-Replayed"] == "true"
    assert second.json()["access"]  # fresh tokens: never stored
    assert User.objects.count() == 1
    assert AuditEvent.objects.filter(action="account.registered").count() == 1

    reused = api.post(URL, payload(full_name="Orang Lain"), format="json", HTTP_IDEMPOTENCY_KEY=key)
    assert reused.status_code == 422
    assert reused.json()["error"]["code"] == "idempotency_key_reused"


def test_failed_create_is_not_remembered_under_its_key(api: APIClient) -> None:
    key = "retry-after-fix"
    bad = api.post(URL, payload(password="1"), format="json", HTTP_IDEMPOTENCY_KEY=key)
    assert bad.status_code == 400
    good = api.post(URL, payload(), format="json", HTTP_IDEMPOTENCY_KEY="retry-after-fix-2")
    assert good.status_code == 201


def test_registration_is_throttled_per_address(api: APIClient, settings: Any) -> None:
    from rest_framework.settings import api_settings

    rates: dict[str, Any] = {**api_settings.DEFAULT_THROTTLE_RATES, "register": "2/hour"}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
    from rest_framework.throttling import ScopedRateThrottle

    original = ScopedRateThrottle.THROTTLE_RATES
    ScopedRateThrottle.THROTTLE_RATES = rates
    try:
        for n in range(2):
            api.post(URL, payload(nik="1"), format="json")
        response = api.post(URL, payload(), format="json")
    finally:
        ScopedRateThrottle.THROTTLE_RATES = original
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert response.json()["error"]["code"] == "throttled"
