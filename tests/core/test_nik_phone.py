"""The NIK and phone rules, on the public test vectors."""

from __future__ import annotations

import datetime as dt

import pytest

from core.log import mask_personal_data
from core.nik import NikError, mask_nik, parse_nik, validate_kk_number
from core.phone import PhoneError, mask_phone, normalize_phone


def test_python_stdnum_vectors() -> None:
    male = parse_nik("3171011708450001")
    assert (male.birth_date, male.sex) == (dt.date(1945, 8, 17), "M")
    female = parse_nik("3171015708450001")
    assert (female.birth_date, female.sex) == (dt.date(1945, 8, 17), "F")
    assert parse_nik("3171012902001234").birth_date == dt.date(2000, 2, 29)
    with pytest.raises(NikError) as bad_province:
        parse_nik("9971011708450001")
    assert bad_province.value.code == "nik_province"
    with pytest.raises(NikError) as bad_date:
        parse_nik("3171013002001234")
    assert bad_date.value.code == "nik_invalid_date"


def test_century_never_puts_the_birth_in_the_future() -> None:
    today = dt.date(2026, 11, 22)
    assert parse_nik("1602050111260001", today=today).birth_date == dt.date(2026, 11, 1)
    assert parse_nik("1602050112260001", today=today).birth_date == dt.date(1926, 12, 1)


def test_unknown_district_is_a_warning_not_a_refusal() -> None:
    info = parse_nik("1602990101900001")
    assert info.warnings == ["nik_district_unknown"]
    assert parse_nik("1602050101900001").warnings == []


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("", "nik_format"),
        ("160205010190000", "nik_format"),
        ("16020501019000011", "nik_format"),
        ("1602O50101900001", "nik_format"),
        ("1600050101900001", "nik_regency"),
        ("1602000101900001", "nik_district"),
        ("1602053201900001", "nik_invalid_date"),
        ("1602057201900001", "nik_invalid_date"),
        ("1602050100900001", "nik_invalid_date"),
        ("1602050101900000", "nik_serial"),
    ],
)
def test_nik_refusals(value: str, code: str) -> None:
    with pytest.raises(NikError) as exc:
        parse_nik(value)
    assert exc.value.code == code


def test_kk_number_has_no_plus_forty() -> None:
    assert validate_kk_number("1602051503150007") == "1602051503150007"
    with pytest.raises(NikError):
        validate_kk_number("1602055503150007")


@pytest.mark.parametrize(
    "raw", ["081234567890", "6281234567890", "+6281234567890", "0812 3456 7890"]
)
def test_phone_forms_are_one_number(raw: str) -> None:
    assert normalize_phone(raw) == "+6281234567890"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("+14155552671", "phone_country"),
        ("0812", "phone_format"),
        ("halo", "phone_format"),
        ("0711123456", "phone_not_mobile"),
    ],
)
def test_phone_refusals(raw: str, code: str) -> None:
    with pytest.raises(PhoneError) as exc:
        normalize_phone(raw)
    assert exc.value.code == code


def test_masks() -> None:
    assert mask_nik("1602055403920001") == "1602********0001"
    assert mask_phone("+6281234567890") == "+62812****7890"
    line = "login 1602055403920001 from 081234567890 and +6281234567890"
    masked = mask_personal_data(line)
    assert "1602055403920001" not in masked and "081234567890" not in masked
    assert "6281234567890" not in masked
    assert "1602********0001" in masked
