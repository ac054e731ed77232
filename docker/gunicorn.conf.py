"""gunicorn settings for the web service: ``gunicorn -c docker/gunicorn.conf.py config.wsgi``.

Every value comes from an environment variable with a default for a small container
(1-2 CPUs). Threads share one process's database pool: keep ``DB_POOL_MAX_SIZE`` at least
``GUNICORN_THREADS``, and PostgreSQL's ``max_connections`` above
replicas x workers x DB_POOL_MAX_SIZE (+ the Celery workers).
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

BACKEND_DIR = Path(
    os.environ.get("APP_BACKEND_DIR", Path(__file__).resolve().parent.parent / "backend")
)
if str(BACKEND_DIR) not in sys.path:
    sys.path.insert(0, str(BACKEND_DIR))
chdir = str(BACKEND_DIR)
wsgi_app = "config.wsgi:application"


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


bind = [f"{os.environ.get('GUNICORN_BIND_HOST', '0.0.0.0')}:{_int('PORT', 8000)}"]  # noqa: S104
# Stateless processes: scale with CPUs here, and with replicas behind the load balancer.
workers = _int("GUNICORN_WORKERS", min(4, multiprocessing.cpu_count() * 2 + 1))
worker_class = "gthread"
threads = _int("GUNICORN_THREADS", 4)
# A request that takes longer than this is killed (uploads of 10 MB on a slow phone go
# through the proxy's buffer first, so the app sees them whole).
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# Recycle workers now and then (memory growth), not all at once.
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 200)
# The proxy in front terminates TLS and sets X-Forwarded-*; the app trusts NUM_PROXIES.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "*")
# Access log off: the app logs one line per API request itself (with the request id,
# personal data masked, JSON when LOG_FORMAT=json). Errors go to stderr.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# Temporary files of the workers' heartbeats in memory, not on the container's disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
# Each worker loads the app itself: its database pool and Redis connections are its own,
# nothing opened before the fork is shared between processes.
preload_app = False

# Prometheus: with several worker processes each one writes its samples to a shared
# directory and /metrics adds them up (prometheus_client's multiprocess mode). Set here,
# before the workers are forked and import the app.
if workers > 1:
    os.environ.setdefault(
        "PROMETHEUS_MULTIPROC_DIR", os.path.join(tempfile.gettempdir(), "pintuwarga-prometheus")
    )

if os.environ.get("LOG_FORMAT", "").strip().lower() == "json":
    logconfig_dict: dict[str, Any] = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "core.log.JsonFormatter"}},
        "filters": {"mask": {"()": "core.log.MaskPersonalDataFilter"}},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "filters": ["mask"],
                "stream": "ext://sys.stderr",
            }
        },
        "loggers": {
            "gunicorn.error": {
                "handlers": ["console"],
                "level": loglevel.upper(),
                "propagate": False,
            },
            # No access log (see accesslog above): the app's own request lines replace it.
            "gunicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
        },
    }


def on_starting(server: Any) -> None:
    """Prometheus in multiprocess mode: each worker writes its samples to this directory,
    and /metrics adds them up. Start from an empty directory."""
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if directory:
        shutil.rmtree(directory, ignore_errors=True)
        os.makedirs(directory, exist_ok=True)


def child_exit(server: Any, worker: Any) -> None:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
