"""Answers of public reads kept in the shared cache until what they show changes.

A ``Generation`` names a group of cached answers (the public catalogue, say) that one
change invalidates as a whole. Its current version is a random token kept in the cache;
every answer's key includes it. A service that changes what the group shows calls
``invalidate()``, which writes a new token once the transaction commits: from then on
every key is new and the old answers are never read again (they expire on their own).

Reading the version *before* reading the database keeps this correct under races: an
answer built from data older than a change can only be stored under the version read
before that change, which nobody reads after it.

Only when the cache is shared by every process (Redis) and the group's lifetime setting is
above zero; otherwise, and whenever the cache cannot be reached, answers are built every
time. The lifetime bounds how stale an answer can be after a change made outside the
services (a database console): the same 60 s the catalogue's ``Cache-Control`` already
allows browsers.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction


class Generation:
    def __init__(self, name: str, lifetime_setting: str) -> None:
        self.name = name
        self.lifetime_setting = lifetime_setting
        self.version_key = f"answers:{name}:version"

    def lifetime(self) -> int:
        return int(getattr(settings, self.lifetime_setting, 0) or 0)

    def version(self) -> str | None:
        """The current token; None when the cache is off or unreachable."""
        if self.lifetime() <= 0:
            return None
        current = cache.get(self.version_key)
        if current is None:
            cache.add(self.version_key, uuid.uuid4().hex, None)
            current = cache.get(self.version_key)
        return current if isinstance(current, str) else None

    def key(self, version: str, parts: Iterable[Any]) -> str:
        digest = hashlib.blake2b("\x1f".join(map(str, parts)).encode(), digest_size=16)
        return f"answers:{self.name}:{version}:{digest.hexdigest()}"

    def get_or_build(self, parts: Iterable[Any], build: Callable[[], tuple[Any, bool]]) -> Any:
        """The cached answer for ``parts``, or ``build()``'s, stored when it says it may be.

        ``build`` returns ``(answer, cacheable)``; an answer that depends on who asks
        (a seller's own draft) must say ``False``.
        """
        version = self.version()
        if version is None:
            return build()[0]
        key = self.key(version, parts)
        found = cache.get(key)
        if found is not None:
            return found
        answer, cacheable = build()
        if cacheable:
            cache.set(key, answer, self.lifetime())
        return answer

    def invalidate(self) -> None:
        """A new version once the current transaction commits (at once outside one)."""
        if self.lifetime() <= 0:
            return
        transaction.on_commit(lambda: cache.set(self.version_key, uuid.uuid4().hex, None))
