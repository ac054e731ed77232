"""Settings built from environment variables, one function per part.

Each function takes the environment as a mapping, so the embedded default and the scaled
deployment can be checked side by side without reloading the settings module.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

Env = Mapping[str, str]

POSTGRES_ENGINE = "django.db.backends.postgresql"
SQLITE_ENGINE = "django.db.backends.sqlite3"
REPLICA_ALIAS = "replica"


def env_bool(name: str, default: bool = False, environ: Env = os.environ) -> bool:
    value = environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int, environ: Env = os.environ) -> int:
    value = environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from exc


def env_float(name: str, default: float, environ: Env = os.environ) -> float:
    value = environ.get(name, "").strip()
    if not value:
        return default
    try:
        return float(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a number, not {value!r}.") from exc


def env_list(name: str, default: str = "", environ: Env = os.environ) -> list[str]:
    return [item.strip() for item in environ.get(name, default).split(",") if item.strip()]


# --- Database ----------------------------------------------------------------------------


TRIGRAM_WORD_THRESHOLD = 0.5


def _postgres_options(config: dict[str, Any], environ: Env) -> None:
    """psycopg 3 connection pool per process (Django 5.1+), or persistent connections."""
    options = config.setdefault("OPTIONS", {})
    if env_bool("DB_POOL", True, environ):
        min_size = env_int("DB_POOL_MIN_SIZE", 1, environ)
        max_size = env_int("DB_POOL_MAX_SIZE", 4, environ)
        if not 0 <= min_size <= max_size or max_size < 1:
            raise ImproperlyConfigured("DB_POOL_MIN_SIZE must be between 0 and DB_POOL_MAX_SIZE.")
        options["pool"] = {
            "min_size": min_size,
            "max_size": max_size,
            # Seconds a request waits for a free connection before the pool gives up
            # (answered as 503 service_unavailable).
            "timeout": env_float("DB_POOL_TIMEOUT", 10.0, environ),
            # Idle connections above min_size are closed after this many seconds.
            "max_idle": env_float("DB_POOL_MAX_IDLE", 300.0, environ),
            # Connections are recycled after this many seconds (failovers, memory).
            "max_lifetime": env_float("DB_POOL_MAX_LIFETIME", 1800.0, environ),
        }
        config["CONN_MAX_AGE"] = 0  # the pool owns the connections
        config["CONN_HEALTH_CHECKS"] = False
    else:
        config["CONN_MAX_AGE"] = env_int("DB_CONN_MAX_AGE", 0, environ)
        config["CONN_HEALTH_CHECKS"] = config["CONN_MAX_AGE"] > 0
    if env_bool("DB_PREPARED_STATEMENTS", True, environ):
        # Parameters sent apart from the SQL, and a statement run DB_PREPARE_THRESHOLD
        # times on a connection prepared there: PostgreSQL plans it once, not every time.
        # Off behind a pooler in transaction mode that does not keep prepared statements.
        options["server_side_binding"] = True
        options["prepare_threshold"] = env_int("DB_PREPARE_THRESHOLD", 5, environ)
    connect_timeout = env_int("DB_CONNECT_TIMEOUT", 5, environ)
    if connect_timeout > 0:
        options.setdefault("connect_timeout", connect_timeout)
    # Server settings for every session: the typo search of the catalogue
    # (market.selectors.search_page) matches titles at word similarity 0.5 and above.
    server_settings = [f"-c pg_trgm.word_similarity_threshold={TRIGRAM_WORD_THRESHOLD}"]
    statement_timeout_ms = env_int("DB_STATEMENT_TIMEOUT_MS", 0, environ)
    if statement_timeout_ms > 0:
        server_settings.append(f"-c statement_timeout={statement_timeout_ms}")
    options.setdefault("options", " ".join(server_settings))


def database_settings(environ: Env, var_dir: Path) -> dict[str, dict[str, Any]]:
    """``default`` from ``DATABASE_URL`` (SQLite in ``var/`` when unset), and a read replica
    under ``replica`` when ``DATABASE_REPLICA_URL`` is set (see ``config.db_router``)."""
    default: dict[str, Any] = dict(
        dj_database_url.parse(
            environ.get("DATABASE_URL") or f"sqlite:///{var_dir / 'db.sqlite3'}",
            conn_max_age=env_int("DB_CONN_MAX_AGE", 0, environ),
        )
    )
    if default["ENGINE"] == SQLITE_ENGINE:
        default.setdefault("OPTIONS", {})
        default["OPTIONS"].update(
            {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL;",
            }
        )
    elif default["ENGINE"] == POSTGRES_ENGINE:
        _postgres_options(default, environ)
    databases: dict[str, dict[str, Any]] = {"default": default}

    replica_url = environ.get("DATABASE_REPLICA_URL", "").strip()
    if replica_url:
        replica: dict[str, Any] = dict(dj_database_url.parse(replica_url))
        if replica["ENGINE"] == POSTGRES_ENGINE:
            _postgres_options(replica, environ)
        # Tests run against the primary only: the replica mirrors it.
        replica["TEST"] = {"MIRROR": "default"}
        databases[REPLICA_ALIAS] = replica
    return databases


# --- Cache -------------------------------------------------------------------------------


def cache_settings(environ: Env) -> dict[str, dict[str, Any]]:
    """Redis when ``REDIS_URL`` is set (shared by every process), local memory otherwise.

    Redis errors do not break requests: ``core.cache.ResilientRedisCache`` treats them as a
    miss, except for the login counters, which refuse logins instead (fail closed).
    """
    url = environ.get("REDIS_URL", "").strip()
    if not url:
        return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    timeout = env_float("REDIS_SOCKET_TIMEOUT", 1.0, environ)
    return {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": environ.get("CACHE_KEY_PREFIX", "pw"),
            "OPTIONS": {
                "socket_connect_timeout": timeout,
                "socket_timeout": timeout,
                "health_check_interval": 30,
            },
        }
    }


# --- Media storage -----------------------------------------------------------------------

S3_BACKEND = "storages.backends.s3.S3Storage"


def _s3_options(environ: Env, bucket: str) -> dict[str, Any]:
    options: dict[str, Any] = {
        "bucket_name": bucket,
        # Names are random (uuid): never overwrite, never guess.
        "file_overwrite": False,
        # Objects carry no ACL of their own: the bucket's policy decides who reads them.
        "default_acl": None,
        "querystring_auth": False,
        "signature_version": "s3v4",
    }
    optional = {
        "endpoint_url": "S3_ENDPOINT_URL",
        "region_name": "S3_REGION",
        "access_key": "S3_ACCESS_KEY_ID",
        "secret_key": "S3_SECRET_ACCESS_KEY",
        "addressing_style": "S3_ADDRESSING_STYLE",
    }
    for option, name in optional.items():
        value = environ.get(name, "").strip()
        if value:
            options[option] = value
    return options


def storage_settings(
    environ: Env, *, private_root: Path, static_backend: str
) -> dict[str, dict[str, Any]]:
    """Local disk by default; S3-compatible buckets when ``S3_BUCKET_PUBLIC`` and
    ``S3_BUCKET_PRIVATE`` are set.

    ``default`` holds public media (product photos, shop logos) and gives plain URLs into
    the public bucket (or ``S3_PUBLIC_URL``, e.g. a CDN). ``private`` holds civil documents
    and health attachments: the bucket is never public, no URL is handed out, and the app
    streams each file through a permission-checked view.
    """
    public_bucket = environ.get("S3_BUCKET_PUBLIC", "").strip()
    private_bucket = environ.get("S3_BUCKET_PRIVATE", "").strip()
    if bool(public_bucket) != bool(private_bucket):
        raise ImproperlyConfigured(
            "Set both S3_BUCKET_PUBLIC and S3_BUCKET_PRIVATE (or neither): private files "
            "must never land in the public bucket."
        )
    if public_bucket and public_bucket == private_bucket:
        raise ImproperlyConfigured("S3_BUCKET_PUBLIC and S3_BUCKET_PRIVATE must differ.")
    staticfiles = {"BACKEND": static_backend}
    if not public_bucket:
        return {
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "private": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": str(private_root), "base_url": None},
            },
            "staticfiles": staticfiles,
        }

    public = _s3_options(environ, public_bucket)
    public_url = environ.get("S3_PUBLIC_URL", "").strip().rstrip("/")
    if public_url:
        scheme, _, domain = public_url.partition("://")
        if not domain:
            raise ImproperlyConfigured("S3_PUBLIC_URL must start with http:// or https://.")
        public["custom_domain"] = domain
        public["url_protocol"] = f"{scheme}:"
    # Photos have random names and never change: browsers and CDNs may keep them a year.
    public["object_parameters"] = {"CacheControl": "public, max-age=31536000, immutable"}

    private = _s3_options(environ, private_bucket)
    private["object_parameters"] = {"CacheControl": "private, no-store"}
    return {
        "default": {"BACKEND": S3_BACKEND, "OPTIONS": public},
        "private": {"BACKEND": S3_BACKEND, "OPTIONS": private},
        "staticfiles": staticfiles,
    }


# --- Background tasks --------------------------------------------------------------------


def celery_broker_url(environ: Env) -> str:
    """The task queue: ``CELERY_BROKER_URL``, else ``REDIS_URL``; empty means run inline."""
    return (environ.get("CELERY_BROKER_URL") or environ.get("REDIS_URL") or "").strip()
