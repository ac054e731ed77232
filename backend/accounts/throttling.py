"""Failed-login counters in the cache, per identifier and per client address.

Fixed windows keyed by the window number, so every process that shares the cache (Redis
when ``REDIS_URL`` is set) counts together and ``Retry-After`` is the time to the window end.

The counters fail closed: when Redis cannot be reached, reading or counting raises
``core.cache.CacheUnavailable`` and the login answers 503 instead of letting unlimited
guesses through. Clearing a counter after a successful login fails open (harmless).
"""

from __future__ import annotations

import hashlib
import math
import time

from django.conf import settings
from django.core.cache import cache

from core.cache import strict_cache


def _window() -> tuple[int, int]:
    size = settings.LOGIN_FAILURE_WINDOW_SECONDS
    now = time.time()
    index = int(now // size)
    remaining = max(1, math.ceil((index + 1) * size - now))
    return index, remaining


def _keys(identifier: str, ip: str) -> tuple[str, str]:
    index, _ = _window()
    ident = hashlib.sha256(identifier.encode()).hexdigest()[:32]
    return f"login-fail:id:{ident}:{index}", f"login-fail:ip:{ip}:{index}"


def seconds_blocked(identifier: str, ip: str) -> int:
    """0 when a login may be tried; otherwise seconds until it may."""
    id_key, ip_key = _keys(identifier, ip)
    counts = strict_cache().get_many([id_key, ip_key])
    if (
        counts.get(id_key, 0) >= settings.LOGIN_FAILURES_PER_IDENTIFIER
        or counts.get(ip_key, 0) >= settings.LOGIN_FAILURES_PER_ADDRESS
    ):
        return _window()[1]
    return 0


def record_failure(identifier: str, ip: str) -> None:
    timeout = settings.LOGIN_FAILURE_WINDOW_SECONDS + 5
    counters = strict_cache()
    for key in _keys(identifier, ip):
        counters.add(key, 0, timeout)
        try:
            counters.incr(key)
        except ValueError:  # expired between add and incr
            counters.set(key, 1, timeout)


def clear_identifier(identifier: str, ip: str) -> None:
    cache.delete(_keys(identifier, ip)[0])
