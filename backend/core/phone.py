"""Indonesian phone numbers: ``0812…``, ``62812…`` and ``+62812…`` are one number."""

from __future__ import annotations

import phonenumbers
from django.utils.translation import gettext_lazy as _

_ACCEPTED_TYPES = {
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
}


class PhoneError(ValueError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def normalize_phone(value: str) -> str:
    """Return the E.164 form of an Indonesian mobile number or raise :class:`PhoneError`."""
    raw = (value or "").strip()
    digits_only = raw.replace(" ", "").replace("-", "")
    if digits_only.startswith("62") and not digits_only.startswith("+"):
        digits_only = "+" + digits_only
    try:
        number = phonenumbers.parse(digits_only, "ID")
    except phonenumbers.NumberParseException as exc:
        raise PhoneError("phone_format", str(_("Nomor HP tidak valid."))) from exc
    if phonenumbers.region_code_for_number(number) != "ID":
        raise PhoneError("phone_country", str(_("Gunakan nomor HP Indonesia (+62).")))
    if not phonenumbers.is_valid_number(number):
        raise PhoneError("phone_format", str(_("Nomor HP tidak valid.")))
    if phonenumbers.number_type(number) not in _ACCEPTED_TYPES:
        raise PhoneError("phone_not_mobile", str(_("Gunakan nomor HP seluler.")))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def mask_phone(e164: str) -> str:
    """``+62812****0001``"""
    if len(e164) < 8:
        return "*" * len(e164)
    return f"{e164[:6]}{'*' * (len(e164) - 10)}{e164[-4:]}"
