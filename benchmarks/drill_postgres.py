# ruff: noqa: S603, S607  (runs pg_ctlcluster on this machine)
"""Fault drill: PostgreSQL restarted, then stopped for a few seconds, under load.

    .venv/bin/python benchmarks/drill_postgres.py [--database-url URL] [--seconds 45]

Writes (orders with an Idempotency-Key, notifications marked read) and a read go on from
4 client threads against gunicorn on 127.0.0.1. At 8 s PostgreSQL is restarted
(``pg_ctlcluster --skip-systemctl-redirect <ver> main restart``); at 20 s it is stopped,
and started again 6 s later. Afterwards the drill checks that the app answers again
without being restarted, retries the unacknowledged orders with their keys, and checks
that every write acknowledged with 2xx is in the database. PostgreSQL is started again
whatever happens. Prints the verdict; exit 0 when it holds.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common


def load_list(name: str) -> list[tuple[str, str, str, str]]:
    rows = []
    for line in (common.FIXTURES / f"{name}.tsv").read_text().splitlines():
        method, path, token, body = line.split("\t")
        rows.append((method, path, token, body))
    return rows


class Client:
    """Bounded request loops; every answer recorded with its time and status."""

    def __init__(self, port: int, started: float) -> None:
        self.port = port
        self.started = started
        self.lock = threading.Lock()
        self.records: list[dict[str, Any]] = []

    def send(
        self, method: str, path: str, token: str, body: str, key: str | None = None
    ) -> dict[str, Any]:
        headers = {"Accept": "application/json", "Authorization": f"Bearer {token}"}
        if body != "-":
            headers["Content-Type"] = "application/json"
        if key:
            headers["Idempotency-Key"] = key
        t0 = time.monotonic()
        record: dict[str, Any] = {"t": round(t0 - self.started, 2), "path": path, "key": key}
        try:
            conn = http.client.HTTPConnection(common.HOST, self.port, timeout=20)
            conn.request(method, path, body=None if body == "-" else body, headers=headers)
            response = conn.getresponse()
            raw = response.read()
            conn.close()
            record["status"] = response.status
            try:
                record["body"] = json.loads(raw or b"null")
            except ValueError:
                record["body"] = raw[:200].decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as exc:
            record["status"] = 0
            record["body"] = type(exc).__name__
        record["ms"] = round((time.monotonic() - t0) * 1000, 1)
        return record

    def loop(self, deadline: float, orders: list[Any], reads: list[Any], bare: list[Any]) -> None:
        rng = random.Random()  # noqa: S311
        while time.monotonic() < deadline:
            r = rng.random()
            if r < 0.6:
                method, path, token, body = rng.choice(orders)
                record = self.send(method, path, token, body, key=f"drill-{uuid.uuid4()}")
                record.update(op="order", token=token, body_sent=body)
            elif r < 0.8 and reads:
                method, path, token, body = reads.pop()
                record = self.send(method, path, token, body)
                record["op"] = "notification_read"
            else:
                method, path, token, body = rng.choice(bare)
                record = self.send(method, path, token, body)
                record["op"] = "bare"
            with self.lock:
                self.records.append(record)


def pg(action: str) -> float:
    t0 = time.monotonic()
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", common.pg_version(), "main", action],
        check=False, timeout=120, capture_output=True,
    )  # fmt: skip
    return round(time.monotonic() - t0, 2)


def summarise(
    records: list[dict[str, Any]], windows: dict[str, tuple[float, float]]
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, (start, end) in windows.items():
        inside = [r for r in records if start <= r["t"] < end]
        codes = Counter(str(r["status"]) for r in inside)
        failures = [r for r in inside if not 200 <= r["status"] < 300]
        error_codes = Counter(
            (r["body"].get("error", {}) or {}).get("code", "?") if isinstance(r["body"], dict)
            else str(r["body"])[:40]
            for r in failures
        )  # fmt: skip
        ms = sorted(r["ms"] for r in failures) or [0.0]
        every = sorted(r["ms"] for r in inside) or [0.0]
        out[name] = {
            "requests": len(inside),
            "codes": dict(codes),
            "error_codes": dict(error_codes),
            "failure_ms_p50": ms[len(ms) // 2],
            "failure_ms_max": ms[-1],
            "all_ms_p50": every[len(every) // 2],
            "all_ms_max": every[-1],
        }
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=common.DEFAULT_DB)
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--seconds", type=int, default=45)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()
    env = common.app_env(database_url=args.database_url, redis=False)
    if not (common.FIXTURES / "order.tsv").exists():
        print(common.manage(["bench_fixtures", "--out", str(common.FIXTURES)], env))
    orders = load_list("order")
    reads = load_list("notification_read")
    bare = load_list("bare")
    events: dict[str, float] = {}
    log = common.RESULTS / "drill-postgres-gunicorn.log"
    result: dict[str, Any] = {}
    try:
        with common.gunicorn(env, port=args.port, workers=args.workers, threads=1, log=log):
            started = time.monotonic()
            client = Client(args.port, started)
            deadline = started + args.seconds
            threads = [
                threading.Thread(target=client.loop, args=(deadline, orders, reads, bare))
                for _ in range(4)
            ]
            for t in threads:
                t.start()
            time.sleep(8)
            events["restart_at"] = round(time.monotonic() - started, 2)
            events["restart_took"] = pg("restart")
            time.sleep(max(0.0, 20 - (time.monotonic() - started)))
            events["stop_at"] = round(time.monotonic() - started, 2)
            pg("stop")
            time.sleep(6)
            events["start_at"] = round(time.monotonic() - started, 2)
            events["start_took"] = pg("start")
            for t in threads:
                t.join(timeout=args.seconds + 30)
            records = client.records
            # Recovery without restarting the app: the last 10 s, then 20 fresh reads.
            after = [client.send(*bare[i % len(bare)]) for i in range(20)]
            # Unacknowledged orders again, with the same key: created once or replayed.
            retried = []
            for r in records:
                if r["op"] == "order" and not 200 <= r["status"] < 300:
                    again = client.send(
                        "POST", "/api/v1/market/orders/", r["token"], r["body_sent"], key=r["key"]
                    )
                    body = again["body"] if isinstance(again["body"], dict) else {}
                    retried.append(
                        {"key": r["key"], "first": r["status"], "retry": again["status"],
                         "id": body.get("id")}
                    )  # fmt: skip
    finally:
        common.ensure_postgres()
    # Every acknowledged write is in the database.
    acked_orders = {
        r["key"]: r["body"]["id"] for r in records
        if r["op"] == "order" and 200 <= r["status"] < 300 and isinstance(r["body"], dict)
    }  # fmt: skip
    for item in retried:
        if 200 <= item["retry"] < 300 and item["id"]:
            acked_orders[item["key"]] = item["id"]
    acked_reads = [
        r["path"].split("/")[-3] for r in records
        if r["op"] == "notification_read" and 200 <= r["status"] < 300
    ]  # fmt: skip
    with psycopg.connect(args.database_url.replace("postgres://", "postgresql://")) as conn:
        found_orders = {
            str(row[0]) for row in conn.execute(
                "SELECT id FROM market_order WHERE id = ANY(%s::uuid[])",
                [list(acked_orders.values())],
            )
        }  # fmt: skip
        read_ok = {
            str(row[0]) for row in conn.execute(
                "SELECT id FROM core_notification "
                "WHERE id = ANY(%s::uuid[]) AND read_at IS NOT NULL",
                [acked_reads],
            )
        }  # fmt: skip
        drill_keys = [r["key"] for r in records if r["op"] == "order"]
        stuck = conn.execute(
            "SELECT COUNT(*) FROM core_idempotencyrecord WHERE key = ANY(%s) "
            "AND status_code IS NULL",
            [drill_keys],
        ).fetchone()
        keys = list(acked_orders)
        per_key = defaultdict(int)
        for scope_key, count in conn.execute(
            "SELECT key, COUNT(*) FROM core_idempotencyrecord WHERE key = ANY(%s) GROUP BY key",
            [keys],
        ):
            per_key[scope_key] = count
    missing_orders = sorted(set(acked_orders.values()) - found_orders)
    missing_reads = sorted(set(acked_reads) - read_ok)
    windows = {
        "before": (0.0, events["restart_at"]),
        "restart": (events["restart_at"], events["restart_at"] + events["restart_took"] + 1),
        "between": (events["restart_at"] + events["restart_took"] + 1, events["stop_at"]),
        "down": (events["stop_at"], events["start_at"]),
        "after_start": (events["start_at"], float(args.seconds) + 30),
    }
    last = [r for r in records if r["t"] >= events["start_at"] + events["start_took"] + 3]
    recovered = (
        bool(last)
        and all(200 <= r["status"] < 300 for r in last)
        and all(200 <= r["status"] < 300 for r in after)
    )
    down_fast = summarise(records, windows)["down"]["failure_ms_max"] < 15000
    result = {
        "events": events,
        "windows": summarise(records, windows),
        "acknowledged_orders": len(acked_orders),
        "acknowledged_reads": len(acked_reads),
        "missing_orders": missing_orders,
        "missing_reads": missing_reads,
        "retried": Counter(f"{i['first']}->{i['retry']}" for i in retried),
        "duplicate_idempotency_records": sum(1 for c in per_key.values() if c > 1),
        # Keys whose first attempt died with the database: retries answer 409 until purged.
        "idempotency_keys_left_in_progress": stuck[0] if stuck else 0,
        "recovered_without_restart": recovered,
        "failures_bounded_while_down": down_fast,
    }
    ok = recovered and not missing_orders and not missing_reads and down_fast
    result["verdict"] = "PASS" if ok else "FAIL"
    common.RESULTS.mkdir(parents=True, exist_ok=True)
    (common.RESULTS / "drill-postgres.json").write_text(json.dumps(result, indent=2, default=str))
    print(json.dumps(result, indent=2, default=str))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
