# ruff: noqa: S603, S607  (runs local tools: gunicorn, wrk, pg_ctlcluster, redis)
"""Shared pieces of the load test and the fault drills: the app under gunicorn on
loopback, the request lists, wrk, and the services (PostgreSQL, Redis) they depend on.

Everything here talks to 127.0.0.1 only and every loop is bounded in time.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
BACKEND = REPO / "backend"
VENV_BIN = REPO / ".venv" / "bin"
RESULTS = REPO / "benchmarks" / "results"
FIXTURES = REPO / "var" / "bench"
LUA = REPO / "benchmarks" / "wrk" / "replay.lua"
HOST = "127.0.0.1"
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/pw_regency"
# Redis databases of their own, flushed by the drills only: 9 cache, 10 task queue.
BENCH_REDIS_URL = "redis://127.0.0.1:6379/9"
BENCH_BROKER_URL = "redis://127.0.0.1:6379/10"
REDIS_START = [
    "redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "-::1", "--port", "6379",
    "--save", "", "--appendonly", "no", "--dir", "/var/lib/redis",
    "--logfile", "/var/log/redis/ci.log",
]  # fmt: skip


def pg_version() -> str:
    versions = sorted(p.name for p in Path("/etc/postgresql").iterdir() if p.name.isdigit())
    return versions[-1]


def app_env(
    *, database_url: str, redis: bool, extra: dict[str, str] | None = None
) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "synthetic.bench_settings",
            "DATABASE_URL": database_url,
            "SECRET_KEY": env.get("SECRET_KEY") or "benchmark-only-secret-key-not-for-production",
            "DEBUG": "0",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "BENCHMARK_ENDPOINTS": "1",
            "PYTHONPATH": str(BACKEND),
        }
    )
    if redis:
        env["REDIS_URL"] = BENCH_REDIS_URL
        env["CELERY_BROKER_URL"] = BENCH_BROKER_URL
    else:
        env.pop("REDIS_URL", None)
        env.pop("CELERY_BROKER_URL", None)
    env.update(extra or {})
    return env


def manage(args: list[str], env: dict[str, str]) -> str:
    result = subprocess.run(
        [str(VENV_BIN / "python"), "manage.py", *args],
        cwd=BACKEND, env=env, capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


@contextlib.contextmanager
def gunicorn(
    env: dict[str, str], *, port: int, workers: int, threads: int, log: Path
) -> Iterator[subprocess.Popen[bytes]]:
    """The app under gunicorn on 127.0.0.1:port; stopped (its group) when the block ends."""
    args = [
        str(VENV_BIN / "gunicorn"), "config.wsgi:application", "--chdir", str(BACKEND),
        "--bind", f"{HOST}:{port}", "--workers", str(workers),
        "--worker-class", "gthread" if threads > 1 else "sync", "--threads", str(threads),
        "--timeout", "60", "--graceful-timeout", "5", "--max-requests", "0",
    ]  # fmt: skip
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as handle:
        proc = subprocess.Popen(
            args, env=env, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            wait_ready(port, timeout=60)
            yield proc
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=5)


def wait_ready(port: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/healthz", timeout=2) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise RuntimeError(f"the app did not answer on port {port} within {timeout} s")


def wrk(
    scenario: str, *, port: int, connections: int, seconds: int, threads: int = 2
) -> dict[str, Any]:
    """One bounded wrk run over a request list; the parsed summary line."""
    env = dict(os.environ, BENCH_FILE=str(FIXTURES / f"{scenario}.tsv"))
    result = subprocess.run(
        ["wrk", "-t", str(min(threads, connections)), "-c", str(connections), "-d", f"{seconds}s",
         "--timeout", "10s", "-s", str(LUA), f"http://{HOST}:{port}"],
        env=env, capture_output=True, text=True, timeout=seconds + 60, check=False,
    )  # fmt: skip
    for line in reversed(result.stdout.splitlines()):
        if line.startswith("{"):
            data: dict[str, Any] = json.loads(line)
            data["scenario"] = scenario
            data["connections"] = connections
            return data
    raise RuntimeError(f"wrk gave no summary for {scenario}:\n{result.stdout}\n{result.stderr}")


_TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(session_id: int, database: str) -> dict[str, dict[int, float]]:
    """CPU used so far, per process, by the app (the gunicorn session) and by the
    PostgreSQL backends connected to ``database``."""
    out: dict[str, dict[int, float]] = {"app": {}, "db": {}}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        used = (int(fields[11]) + int(fields[12])) / _TICK  # utime + stime
        if int(fields[3]) == session_id:  # the session id (field 6 of stat)
            out["app"][int(entry.name)] = used
        elif cmdline.startswith("postgres: ") and f" {database} " in cmdline:
            out["db"][int(entry.name)] = used
    return out


def cpu_delta(
    before: dict[str, dict[int, float]], after: dict[str, dict[int, float]]
) -> dict[str, float]:
    """CPU seconds used between two samples by the processes alive at the second one."""
    return {
        kind: sum(max(0.0, t - before[kind].get(pid, 0.0)) for pid, t in after[kind].items())
        for kind in after
    }


def machine_cpu() -> list[int]:
    """The whole machine's CPU time so far, in ticks: user, nice, system, idle, iowait, irq,
    softirq, steal (the first line of ``/proc/stat``)."""
    return [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]


def machine_busy(before: list[int], after: list[int]) -> dict[str, float]:
    """Between two ``machine_cpu`` samples: the share of all cores' time spent busy, and
    the share taken by the hypervisor from this machine (steal)."""
    delta = [b - a for a, b in zip(before, after, strict=True)]
    total = sum(delta) or 1
    idle = delta[3] + delta[4]
    return {"busy": round(1 - idle / total, 3), "steal": round(delta[7] / total, 3)}


def loadavg() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def postgres_online() -> bool:
    out = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True, check=False)
    return any(" online" in line for line in out.stdout.splitlines())


def ensure_postgres() -> None:
    if not postgres_online():
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", pg_version(), "main", "start"],
            check=False, timeout=60,
        )  # fmt: skip


def redis_online() -> bool:
    out = subprocess.run(["redis-cli", "ping"], capture_output=True, text=True, check=False)
    return out.stdout.strip() == "PONG"


def ensure_redis() -> None:
    if not redis_online():
        subprocess.run(REDIS_START, check=False, timeout=30)
        for _ in range(50):
            if redis_online():
                return
            time.sleep(0.1)


def flush_bench_redis() -> None:
    for url in (BENCH_REDIS_URL, BENCH_BROKER_URL):
        db = url.rsplit("/", 1)[-1]
        subprocess.run(["redis-cli", "-n", db, "flushdb"], capture_output=True, check=False)


def machine() -> dict[str, Any]:
    def run(cmd: list[str]) -> str:
        return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.strip()

    mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
    return {
        "nproc": int(run(["nproc"]) or 0),
        "ram_gib": round(mem_kb / 1024 / 1024, 1),
        "cpu": next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            "",
        ),
        "postgresql": run(["psql", "-V"]),
        "redis": run(["redis-server", "--version"]).split(" sha")[0],
        "wrk": run(["wrk", "-v"]).splitlines()[0] if run(["wrk", "-v"]) else "",
    }
