# ruff: noqa: S607  (runs redis-cli and redis-server on this machine)
"""Fault drill: Redis stopped under load while the app runs with ``REDIS_URL`` set.

    .venv/bin/python benchmarks/drill_redis.py [--database-url URL] [--seconds 40]

Reads, searches, logins and orders go on from 4 client threads against gunicorn on
127.0.0.1 with the cache and the task queue in Redis. At 10 s Redis is shut down
(``redis-cli shutdown nosave``); at 25 s it is started again. The drill reports, per
endpoint and per phase, what the app answered and how fast, and whether it came back
without a restart. Redis is started again whatever happens. Exit 0 when the reads kept
serving throughout and everything answers again after Redis is back.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common
from drill_postgres import Client, load_list

MIX = {
    "bare": 0.15, "search": 0.2, "product": 0.1, "notifications": 0.15, "my_requests": 0.1,
    "login": 0.1, "order": 0.2,
}  # fmt: skip
READS = {"bare", "search", "product", "notifications", "my_requests"}


class MixedClient(Client):
    def mixed(self, deadline: float, lists: dict[str, list[Any]]) -> None:
        rng = random.Random()  # noqa: S311
        names = list(MIX)
        weights = [MIX[n] for n in names]
        counter = 0
        while time.monotonic() < deadline:
            name = rng.choices(names, weights)[0]
            method, path, token, body = rng.choice(lists[name])
            counter += 1
            key = None
            if name == "order":
                key = f"redis-drill-{threading.get_ident()}-{counter}-{time.time_ns()}"
            record = self.send(method, path, token if token != "-" else "", body, key=key)
            record["op"] = name
            with self.lock:
                self.records.append(record)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=common.DEFAULT_DB)
    parser.add_argument("--port", type=int, default=8767)
    parser.add_argument("--seconds", type=int, default=40)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()
    env = common.app_env(database_url=args.database_url, redis=True)
    if not (common.FIXTURES / "order.tsv").exists():
        print(common.manage(["bench_fixtures", "--out", str(common.FIXTURES)], env))
    lists = {name: load_list(name) for name in MIX}
    common.ensure_redis()
    common.flush_bench_redis()
    events: dict[str, float] = {}
    log = common.RESULTS / "drill-redis-gunicorn.log"
    try:
        with common.gunicorn(env, port=args.port, workers=args.workers, threads=1, log=log):
            started = time.monotonic()
            client = MixedClient(args.port, started)
            deadline = started + args.seconds
            threads = [
                threading.Thread(target=client.mixed, args=(deadline, lists)) for _ in range(4)
            ]
            for t in threads:
                t.start()
            time.sleep(10)
            events["stop_at"] = round(time.monotonic() - started, 2)
            subprocess.run(["redis-cli", "shutdown", "nosave"], capture_output=True, check=False)
            time.sleep(max(0.0, 25 - (time.monotonic() - started)))
            events["start_at"] = round(time.monotonic() - started, 2)
            common.ensure_redis()
            for t in threads:
                t.join(timeout=args.seconds + 30)
            records = client.records
    finally:
        common.ensure_redis()
        common.flush_bench_redis()
    phases = {
        "before": (0.0, events["stop_at"]),
        "down": (events["stop_at"], events["start_at"]),
        "after": (events["start_at"] + 2, float(args.seconds) + 30),
    }
    table: dict[str, dict[str, Any]] = {}
    for phase, (start, end) in phases.items():
        for name in MIX:
            rows = [r for r in records if r["op"] == name and start <= r["t"] < end]
            if not rows:
                continue
            ms = sorted(r["ms"] for r in rows)
            errors = Counter(
                (r["body"].get("error", {}) or {}).get("code", "?")
                for r in rows
                if not 200 <= r["status"] < 300 and isinstance(r["body"], dict)
            )
            table.setdefault(phase, {})[name] = {
                "requests": len(rows),
                "codes": dict(Counter(str(r["status"]) for r in rows)),
                "error_codes": dict(errors),
                "p50_ms": ms[len(ms) // 2],
                "p95_ms": ms[min(len(ms) - 1, int(len(ms) * 0.95))],
            }
    reads_served = all(
        all(code.startswith("2") for code in row["codes"])
        for name, row in table.get("down", {}).items()
        if name in READS
    )
    recovered = all(
        all(code.startswith("2") for code in row["codes"])
        for row in table.get("after", {}).values()
    )
    result = {
        "events": events,
        "phases": table,
        "reads_kept_serving": reads_served,
        "recovered_without_restart": recovered,
        "verdict": "PASS" if reads_served and recovered else "FAIL",
    }
    common.RESULTS.mkdir(parents=True, exist_ok=True)
    (common.RESULTS / "drill-redis.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    return 0 if result["verdict"] == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
