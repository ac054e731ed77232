"""A notification sender for the worker fault drill (``benchmarks/drill_worker.py``).

It takes ``DRILL_SEND_SECONDS`` to send (so that a worker can be killed in the middle of
it) and appends one line per completed send to the file ``DRILL_SEND_LOG``: the drill then
counts how many times each notification really went out. Never configured in production.
"""

from __future__ import annotations

import os
import time

from core.models import Notification


class SlowRecordingSender:
    def send(self, notification: Notification) -> None:
        time.sleep(float(os.environ.get("DRILL_SEND_SECONDS", "1.0")))
        line = f"{notification.pk} {os.getpid()} {time.time():.3f}\n"
        # One write of a short line with O_APPEND: lines from several processes never mix.
        fd = os.open(os.environ["DRILL_SEND_LOG"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, line.encode())
        finally:
            os.close(fd)
