"""Masking of personal data (NIK, phone numbers) in log records, and JSON log lines."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from contextvars import ContextVar
from typing import Any

# A NIK or KK number: 16 digits not part of a longer number.
_NIK_RE = re.compile(r"(?<![0-9A-Za-z])(\d{4})\d{8}(\d{4})(?![0-9A-Za-z])")
# Indonesian phone numbers in any of the usual forms.
_PHONE_RE = re.compile(r"(?<![0-9A-Za-z+])(\+?62|0)(8\d\d)[\d\- ]{4,10}(\d{3})(?![0-9A-Za-z])")

# The id of the request being handled (set by ``core.middleware.RequestLogMiddleware``).
request_id_var: ContextVar[str] = ContextVar("pintuwarga_request_id", default="")


def mask_personal_data(text: str) -> str:
    text = _NIK_RE.sub(r"\1********\2", text)
    return _PHONE_RE.sub(r"\1\2****\3", text)


class MaskPersonalDataFilter(logging.Filter):
    """Rewrites every record's message with NIKs and phone numbers masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string must not lose the record
            message = str(record.msg)
        masked = mask_personal_data(message)
        if masked != message or record.args:
            record.msg = masked
            record.args = None
        return True


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` (empty outside a request) to every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", ""):
            record.request_id = request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request_id (+ exception).

    Tracebacks are masked too: an exception message may quote a NIK or a phone number.
    """

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, tz=dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": mask_personal_data(record.getMessage()),
            "request_id": mask_personal_data(
                str(getattr(record, "request_id", "") or request_id_var.get())
            ),
        }
        if record.exc_info:
            entry["exception"] = mask_personal_data(self.formatException(record.exc_info))
        elif record.exc_text:
            entry["exception"] = mask_personal_data(record.exc_text)
        if record.stack_info:
            entry["stack"] = mask_personal_data(self.formatStack(record.stack_info))
        return json.dumps(entry, ensure_ascii=False, default=str)
