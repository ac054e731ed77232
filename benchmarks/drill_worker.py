# ruff: noqa: S603  (runs celery and manage.py from this repository)
"""Fault drill: a Celery worker killed (SIGKILL) in the middle of a notification task.

    .venv/bin/python benchmarks/drill_worker.py [--notifications 8] [--send-seconds 1.0]

On a fresh PostgreSQL database (``pw_drill_worker``, dropped at the end) and Redis
database 11 as the broker, with two senders configured — ``synthetic.drill.
SlowRecordingSender`` (takes ``--send-seconds`` and writes a line per real send) then
``core.notifications.LogSender`` — the drill:

1. creates a resident and queues ``--notifications`` notifications (one
   ``core.deliver_notification`` task each, published after the commit);
2. starts one worker process (prefork, concurrency 1) and, once three notifications
   have gone out, kills the worker and its child with SIGKILL while the fourth is being
   sent;
3. starts a new worker. The killed task was not acknowledged (``acks_late``), so Redis
   gives it to the new worker once the visibility timeout (5 s here) has passed, and
   the task runs again;
4. waits until every notification is dispatched, then checks: each sender sent each
   notification at most once (the send log and the ``NotificationDelivery`` rows), every
   notification that was not in flight at the kill went through both senders, and the
   killed task ran again (its second sender sent after the restart).

The send that was cut by the kill is not repeated: a delivery claimed by a worker that
died stays ``sending`` (at most once, by design — ``core.models.NotificationDelivery``).
Writes ``benchmarks/results/drill-worker.json``; exit 0 when every check holds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common

DB_NAME = "pw_drill_worker"
ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
BROKER = "redis://127.0.0.1:6379/11"
SLOW = "synthetic.drill.SlowRecordingSender"
LOG = "core.notifications.LogSender"

QUEUE_NOTIFICATIONS = """
from django.db import transaction
from accounts.models import User
from core.notifications import notify

user = User.objects.create_user(
    nik="1602054107900001", phone="081299990001", full_name="Warga Drill", password=None
)
for n in range({count}):
    with transaction.atomic():
        notify(user=user, kind="drill.kind", params={{"text": f"pesan {{n + 1}}"}})
print(User.objects.count())
"""


def _admin(sql: str) -> None:
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


def _rows(sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    with psycopg.connect(f"postgresql://postgres@127.0.0.1:5432/{DB_NAME}") as conn:
        return conn.execute(sql, params).fetchall()  # type: ignore[arg-type]


def _start_worker(env: dict[str, str], log: Path, name: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [str(common.VENV_BIN / "celery"), "-A", "config", "worker", "--pool", "prefork",
         "--concurrency", "1", "--without-heartbeat", "--without-gossip", "--without-mingle",
         "-n", f"{name}@%h", "--loglevel", "INFO"],
        cwd=common.BACKEND, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip


def _stop(worker: subprocess.Popen[bytes], sig: int) -> None:
    try:
        os.killpg(worker.pid, sig)
    except ProcessLookupError:
        return
    try:
        worker.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)


def _sends(path: Path) -> list[tuple[str, float]]:
    if not path.exists():
        return []
    out = []
    for line in path.read_text().splitlines():
        notification_id, _pid, at = line.split()
        out.append((notification_id, float(at)))
    return out


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def run(mode: str, args: argparse.Namespace) -> dict[str, Any]:
    """One drill: ``child`` kills the pool process running the task (as the kernel's OOM
    killer would), ``worker`` kills the whole worker (as a lost machine would)."""
    import redis

    redis.Redis.from_url(BROKER).flushdb()
    _admin(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
    _admin(f'CREATE DATABASE "{DB_NAME}"')
    workers: list[subprocess.Popen[bytes]] = []
    report: dict[str, Any] = {"mode": mode, "checks": {}}
    with tempfile.TemporaryDirectory(prefix="pw-drill-worker-") as tmp:
        folder = Path(tmp)
        send_log = folder / "sends.log"
        worker_log = folder / "worker.log"
        env = common.app_env(
            database_url=f"postgres://postgres@127.0.0.1:5432/{DB_NAME}",
            redis=False,
            extra={
                "DJANGO_SETTINGS_MODULE": "config.settings",
                "PINTUWARGA_VAR_DIR": str(folder),
                "CELERY_BROKER_URL": BROKER,
                "CELERY_TASK_ALWAYS_EAGER": "0",
                "CELERY_VISIBILITY_TIMEOUT": "5",
                "NOTIFICATION_SENDERS": f"{SLOW},{LOG}",
                "DRILL_SEND_LOG": str(send_log),
                "DRILL_SEND_SECONDS": str(args.send_seconds),
            },
        )
        try:
            common.manage(["migrate", "--noinput", "-v0"], env)
            common.manage(
                ["shell", "-c", QUEUE_NOTIFICATIONS.format(count=args.notifications)], env
            )
            ids = [str(r[0]) for r in _rows("SELECT id FROM core_notification ORDER BY created_at")]

            started = time.monotonic()
            workers.append(_start_worker(env, worker_log, "first"))
            while len(_sends(send_log)) < 3:
                if time.monotonic() - started > args.timeout:
                    raise RuntimeError("the first worker sent nothing")
                time.sleep(0.05)
            time.sleep(args.send_seconds / 2)  # in the middle of the fourth send
            in_flight = [
                str(r[0])
                for r in _rows(
                    "SELECT notification_id FROM core_notificationdelivery "
                    "WHERE status = 'sending' AND sender = %s",
                    (SLOW,),
                )
            ]
            killed_at = time.time()
            if mode == "child":
                for child in _children(workers[0].pid):
                    os.kill(child, signal.SIGKILL)
            else:
                _stop(workers[0], signal.SIGKILL)
                workers.append(_start_worker(env, worker_log, "second"))
            report["killed"] = {
                "after_seconds": round(time.monotonic() - started, 2),
                "sends_before": len(_sends(send_log)),
                "in_flight": in_flight,
            }
            while True:
                undispatched = _rows(
                    "SELECT count(*) FROM core_notification WHERE dispatched_at IS NULL"
                )[0][0]
                if undispatched == 0:
                    break
                if time.monotonic() - started > args.timeout:
                    raise RuntimeError(f"{undispatched} notifications never dispatched")
                time.sleep(0.2)
            report["all_dispatched_after_seconds"] = round(time.monotonic() - started, 2)
            report["seconds_from_kill_to_all_dispatched"] = round(time.time() - killed_at, 2)
            for worker in workers:
                _stop(worker, signal.SIGTERM)

            deliveries = _rows(
                "SELECT notification_id, sender, status, attempts, sent_at "
                "FROM core_notificationdelivery"
            )
            sends = Counter(n for n, _at in _sends(send_log))
            by_key = {(str(n), s): (st, a, at) for n, s, st, a, at in deliveries}
            log_text = worker_log.read_text(errors="replace")
            received = sum(
                1 for line in log_text.splitlines()
                if "Task core.deliver_notification[" in line and line.rstrip().endswith("received")
            )  # fmt: skip
            checks = report["checks"]
            checks["one_in_flight_at_the_kill"] = len(in_flight) == 1
            checks["no_notification_sent_twice_by_any_sender"] = max(sends.values(), default=0) <= 1
            checks["every_other_notification_sent_by_both_senders"] = all(
                by_key.get((n, SLOW), ("",))[0] == "sent"
                and by_key.get((n, LOG), ("",))[0] == "sent"
                and sends[n] == 1
                for n in ids
                if n not in in_flight
            )
            killed = in_flight[0] if in_flight else ""
            log_sent_at = by_key.get((killed, LOG), ("", 0, None))[2]
            # Nothing else runs the task (no beat here): the killed notification's second
            # sender can only have sent after the kill if its task ran again.
            checks["killed_task_ran_again"] = bool(
                killed
                and received == len(ids) + 1
                and log_sent_at is not None
                and log_sent_at.timestamp() > killed_at
            )
            checks["cut_send_not_repeated"] = bool(
                killed and sends[killed] == 0 and by_key[(killed, SLOW)][0] == "sending"
            )
            report["tasks_received"] = received
            report["deliveries"] = Counter(
                f"{s.rsplit('.', 1)[-1]}:{st}" for _n, s, st, _a, _t in deliveries
            )
            report["verdict"] = "PASS" if all(checks.values()) else "FAIL"
        finally:
            for worker in workers:
                if worker.poll() is None:
                    _stop(worker, signal.SIGKILL)
            _admin(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
            redis.Redis.from_url(BROKER).flushdb()
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notifications", type=int, default=8)
    parser.add_argument("--send-seconds", type=float, default=1.0)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--out", type=Path, default=common.RESULTS / "drill-worker.json")
    args = parser.parse_args()
    common.ensure_postgres()
    common.ensure_redis()

    reports = [run(mode, args) for mode in ("child", "worker")]
    summary = {
        "date": dt.date.today().isoformat(),
        "verdict": "PASS" if all(r.get("verdict") == "PASS" for r in reports) else "FAIL",
        "drills": reports,
    }
    args.out.write_text(json.dumps(summary, indent=2, default=str) + "\n")
    print(json.dumps(summary, indent=2, default=str))
    return 0 if summary["verdict"] == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
