"""Where the app's CPU goes per request: replays the load test's request lists in-process.

    .venv/bin/python benchmarks/profile_requests.py [--database-url URL] [--redis]
        [--requests 300] [--rounds 1] [--profile SCENARIO] [--sort tottime] [--top 30]
        [scenario ...]

Each request goes through Django's WSGI handler (all middleware, DRF, JWT authentication)
as it does under gunicorn, without the network and the server. For each scenario it prints
the app's CPU per request (``time.process_time``, after a warm-up of the same requests),
the SQL statements per request and the status codes; ``--profile`` runs cProfile over one
scenario and prints the functions with the most cumulative time. The database's own CPU is
not counted here (the load test measures it). Needs the request lists of
``manage.py bench_fixtures`` (``load_test.py`` writes them to ``var/bench``).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common

SCENARIOS = ["bare", "search", "product", "my_requests", "officer_queue", "child_growth",
             "notifications"]  # fmt: skip


def load(scenario: str, limit: int) -> list[list[str]]:
    lines = (common.FIXTURES / f"{scenario}.tsv").read_text().splitlines()
    return [line.split("\t") for line in lines if line][:limit]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenarios", nargs="*", default=SCENARIOS)
    parser.add_argument("--database-url", default=common.DEFAULT_DB)
    parser.add_argument("--redis", action="store_true")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--profile", default="", help="cProfile this scenario")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument(
        "--sort", default="cumulative", choices=["cumulative", "tottime"],
        help="the profile's order: time in and under a function, or in it alone",
    )  # fmt: skip
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="measure the scenarios this many times, in turn, and keep each one's fastest "
        "round (the machine's speed drifts: interleaved rounds compare like with like)",
    )
    args = parser.parse_args()

    os.environ.update(common.app_env(database_url=args.database_url, redis=args.redis))
    sys.path.insert(0, str(common.BACKEND))
    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection, reset_queries
    from django.test import RequestFactory

    handler = WSGIHandler()
    factory = RequestFactory(HTTP_HOST=f"{common.HOST}:8765")
    connection.force_debug_cursor = True

    def environ(method: str, path: str, token: str, body: str) -> dict[str, Any]:
        extra: dict[str, Any] = {"HTTP_ACCEPT": "application/json", "HTTP_ACCEPT_LANGUAGE": "id"}
        if token != "-":
            extra["HTTP_AUTHORIZATION"] = f"Bearer {token}"
        if method == "GET":
            request = factory.get(path, **extra)
        else:
            request = factory.generic(method, path, body, "application/json", **extra)
        return dict(request.environ)

    def call(req: list[str]) -> tuple[int, int]:
        status: list[str] = []
        reset_queries()
        chunks = handler(environ(*req), lambda s, h, exc_info=None: status.append(s))
        b"".join(chunks)
        if hasattr(chunks, "close"):
            chunks.close()
        return int(status[0].split()[0]), len(connection.queries)

    def measure(name: str, reqs: list[list[str]]) -> dict[str, Any]:
        for req in reqs[: min(50, len(reqs))]:
            call(req)  # warm-up: imports, caches, connection
        codes: dict[int, int] = {}
        queries = 0
        profiler = cProfile.Profile() if name == args.profile else None
        started = time.process_time()
        if profiler:
            profiler.enable()
        for req in reqs:
            code, n = call(req)
            codes[code] = codes.get(code, 0) + 1
            queries += n
        if profiler:
            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats(args.sort).print_stats(args.top)
            print(out.getvalue())
        used = time.process_time() - started
        return {
            "scenario": name,
            "requests": len(reqs),
            "cpu_ms": round(used * 1000 / len(reqs), 2),
            "queries": round(queries / len(reqs), 2),
            "codes": codes,
        }

    requests = {name: load(name, args.requests) for name in args.scenarios}
    best: dict[str, dict[str, Any]] = {}
    for _round in range(max(1, args.rounds)):
        for name in args.scenarios:
            row = measure(name, requests[name])
            if name not in best or row["cpu_ms"] < best[name]["cpu_ms"]:
                best[name] = row
    rows = [best[name] for name in args.scenarios]
    bare = best.get("bare")
    for row in rows:
        if bare:  # the share of the bare endpoint's throughput this CPU time allows
            row["vs_bare"] = round(bare["cpu_ms"] / row["cpu_ms"], 2)
        print(
            f"{row['scenario']:14} {row['cpu_ms']:7.2f} ms CPU/request  "
            f"{row['queries']:5.2f} SQL/request  "
            + (f"vs bare {row['vs_bare']:.2f}  " if bare else "")
            + f"{row['codes']}"
        )
    print(json.dumps(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
