"""A Redis cache that degrades instead of failing the request.

Django's ``RedisCache`` raises when Redis is unreachable, which would turn every request
that touches a throttle into a 500. ``ResilientRedisCache`` logs a warning (at most one a
minute per process) and answers as a miss: ``get`` returns the default, writes do
nothing. Throttles and other counters therefore fail **open** while Redis is down, so
browsing and forms keep working.

The login brute-force counters must not fail open (a Redis outage would otherwise allow
unlimited password guessing), so they use ``strict_cache()``, which raises
``CacheUnavailable``; the login answers 503 ``service_unavailable`` instead.
"""

from __future__ import annotations

import copy
import logging
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import BaseCache, caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ReadOnlyError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("pintuwarga.cache")

# Redis unreachable, timing out, or a replica that cannot take writes after a failover.
UNAVAILABLE_ERRORS: tuple[type[Exception], ...] = (
    RedisConnectionError,
    RedisTimeoutError,
    ReadOnlyError,
    OSError,
)
WARNING_INTERVAL_SECONDS = 60.0

T = TypeVar("T")


class CacheUnavailable(Exception):
    """The shared cache cannot be reached (raised only by ``strict_cache()``)."""


class _WarningLimiter:
    """One warning per interval per process, counting the errors it left out."""

    def __init__(self, interval: float = WARNING_INTERVAL_SECONDS) -> None:
        self.interval = interval
        self.last = float("-inf")
        self.suppressed = 0
        self.lock = threading.Lock()

    def warn(self, operation: str, exc: Exception) -> None:
        with self.lock:
            now = time.monotonic()
            if now - self.last < self.interval:
                self.suppressed += 1
                return
            suppressed, self.suppressed, self.last = self.suppressed, 0, now
        logger.warning(
            "cache unavailable (%s: %s); treating as a miss%s",
            operation,
            exc.__class__.__name__,
            f" ({suppressed} more errors since the last warning)" if suppressed else "",
        )


warning_limiter = _WarningLimiter()


class ResilientRedisCache(RedisCache):
    strict = False

    def _guard(self, operation: str, fallback: T, call: Callable[[], T]) -> T:
        try:
            return call()
        except UNAVAILABLE_ERRORS as exc:
            if self.strict:
                raise CacheUnavailable(operation) from exc
            warning_limiter.warn(operation, exc)
            return fallback

    def strict_view(self) -> ResilientRedisCache:
        """The same cache (same connections), raising ``CacheUnavailable`` on errors."""
        view = self.__dict__.get("_strict_view")
        if view is None:
            self._cache  # noqa: B018 - create the client once, shared by both views
            view = copy.copy(self)
            view.strict = True
            self.__dict__["_strict_view"] = view
        return view

    def add(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> bool:
        return self._guard(
            "add", False, lambda: super(ResilientRedisCache, self).add(key, value, timeout, version)
        )

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        return self._guard(
            "get", default, lambda: super(ResilientRedisCache, self).get(key, default, version)
        )

    def set(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> None:
        self._guard(
            "set", None, lambda: super(ResilientRedisCache, self).set(key, value, timeout, version)
        )

    def touch(self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        return self._guard(
            "touch", False, lambda: super(ResilientRedisCache, self).touch(key, timeout, version)
        )

    def delete(self, key: Any, version: int | None = None) -> bool:
        return self._guard(
            "delete", False, lambda: super(ResilientRedisCache, self).delete(key, version)
        )

    def get_many(self, keys: Any, version: int | None = None) -> dict[Any, Any]:
        return self._guard(
            "get_many", {}, lambda: super(ResilientRedisCache, self).get_many(keys, version)
        )

    def has_key(self, key: Any, version: int | None = None) -> bool:
        return self._guard(
            "has_key", False, lambda: super(ResilientRedisCache, self).has_key(key, version)
        )

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        return self._guard(
            "incr", delta, lambda: super(ResilientRedisCache, self).incr(key, delta, version)
        )

    def set_many(
        self, data: dict[Any, Any], timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> list[Any]:
        return self._guard(
            "set_many",
            list(data),
            lambda: super(ResilientRedisCache, self).set_many(data, timeout, version),
        )

    def delete_many(self, keys: Any, version: int | None = None) -> None:
        self._guard(
            "delete_many", None, lambda: super(ResilientRedisCache, self).delete_many(keys, version)
        )

    def clear(self) -> None:
        self._guard("clear", None, lambda: super(ResilientRedisCache, self).clear())


def strict_cache(alias: str = "default") -> BaseCache:
    """The cache for counters that must fail closed: raises ``CacheUnavailable``."""
    backend = caches[alias]
    if isinstance(backend, ResilientRedisCache):
        return backend.strict_view()
    return backend
