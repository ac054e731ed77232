"""The scaled deployment is the same code with other environment variables."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from config.env import cache_settings, database_settings, storage_settings

PG = "postgres://app:secret@db.internal:5432/pintuwarga"
STATIC = "whitenoise.storage.CompressedManifestStaticFilesStorage"


# Set by the test run (the browser tests allow sync ORM calls from async code); never in
# a deployment, and check --deploy says so.
TEST_RUN_VARIABLES = {
    "SECRET_KEY",
    "DEBUG",
    "HTTPS",
    "ALLOWED_HOSTS",
    "PYTEST_CURRENT_TEST",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def run_django(code: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Python in a fresh process with these variables (and none of the test run's)."""
    keep = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DATABASE_", "REDIS_", "S3_", "DB_", "CELERY_", "LOG_", "METRICS_"))
        and k not in TEST_RUN_VARIABLES
    }
    keep.update({"PINTUWARGA_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "config.settings"})
    keep.update(env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BACKEND_DIR,
        env=keep,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


# --- Database ---------------------------------------------------------------------------


def test_sqlite_default_is_unchanged(tmp_path: Path) -> None:
    databases = database_settings({}, tmp_path)
    assert list(databases) == ["default"]
    default = databases["default"]
    assert default["ENGINE"] == "django.db.backends.sqlite3"
    assert default["NAME"] == str(tmp_path / "db.sqlite3")
    assert default["OPTIONS"] == {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL;",
    }
    assert "pool" not in default["OPTIONS"]


def test_postgres_uses_the_psycopg_pool_with_sizes_from_the_environment(tmp_path: Path) -> None:
    default = database_settings({"DATABASE_URL": PG}, tmp_path)["default"]
    assert default["ENGINE"] == "django.db.backends.postgresql"
    assert default["CONN_MAX_AGE"] == 0  # Django refuses persistent connections with a pool
    pool = default["OPTIONS"]["pool"]
    assert (pool["min_size"], pool["max_size"], pool["timeout"]) == (1, 4, 10.0)
    assert default["OPTIONS"]["connect_timeout"] == 5

    env = {
        "DATABASE_URL": PG,
        "DB_POOL_MIN_SIZE": "2",
        "DB_POOL_MAX_SIZE": "12",
        "DB_POOL_TIMEOUT": "2.5",
        "DB_CONN_MAX_AGE": "600",  # ignored with the pool
        "DB_STATEMENT_TIMEOUT_MS": "30000",
    }
    default = database_settings(env, tmp_path)["default"]
    assert default["CONN_MAX_AGE"] == 0
    assert default["OPTIONS"]["pool"]["min_size"] == 2
    assert default["OPTIONS"]["pool"]["max_size"] == 12
    assert default["OPTIONS"]["pool"]["timeout"] == 2.5
    assert default["OPTIONS"]["options"] == (
        "-c pg_trgm.word_similarity_threshold=0.5 -c statement_timeout=30000"
    )


def test_postgres_without_the_pool_keeps_persistent_connections(tmp_path: Path) -> None:
    env = {"DATABASE_URL": PG, "DB_POOL": "0", "DB_CONN_MAX_AGE": "60"}
    default = database_settings(env, tmp_path)["default"]
    assert "pool" not in default["OPTIONS"]
    assert default["CONN_MAX_AGE"] == 60
    assert default["CONN_HEALTH_CHECKS"] is True


def test_postgres_prepares_repeated_statements_unless_told_not_to(tmp_path: Path) -> None:
    options = database_settings({"DATABASE_URL": PG}, tmp_path)["default"]["OPTIONS"]
    assert options["server_side_binding"] is True and options["prepare_threshold"] == 5
    env = {"DATABASE_URL": PG, "DB_PREPARE_THRESHOLD": "2"}
    assert database_settings(env, tmp_path)["default"]["OPTIONS"]["prepare_threshold"] == 2
    env = {"DATABASE_URL": PG, "DB_PREPARED_STATEMENTS": "0"}
    options = database_settings(env, tmp_path)["default"]["OPTIONS"]
    assert "server_side_binding" not in options and "prepare_threshold" not in options
    sqlite = database_settings({}, tmp_path)["default"]["OPTIONS"]
    assert "prepare_threshold" not in sqlite


def test_bad_pool_sizes_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ImproperlyConfigured):
        database_settings(
            {"DATABASE_URL": PG, "DB_POOL_MIN_SIZE": "8", "DB_POOL_MAX_SIZE": "4"}, tmp_path
        )
    with pytest.raises(ImproperlyConfigured):
        database_settings({"DATABASE_URL": PG, "DB_POOL_MAX_SIZE": "many"}, tmp_path)


def test_read_replica_alias(tmp_path: Path) -> None:
    env = {"DATABASE_URL": PG, "DATABASE_REPLICA_URL": PG.replace("db.internal", "replica")}
    databases = database_settings(env, tmp_path)
    assert set(databases) == {"default", "replica"}
    assert databases["replica"]["HOST"] == "replica"
    assert databases["replica"]["TEST"] == {"MIRROR": "default"}
    assert databases["replica"]["OPTIONS"]["pool"]["max_size"] == 4


def test_pooled_postgres_settings_load(tmp_path: Path) -> None:
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.DATABASES['default'], default=str))"
    )
    result = run_django(code, tmp_path, SECRET_KEY="k", DATABASE_URL=PG, DB_POOL_MAX_SIZE="6")
    assert result.returncode == 0, result.stderr
    default = json.loads(result.stdout)
    assert default["OPTIONS"]["pool"]["max_size"] == 6
    assert default["CONN_MAX_AGE"] == 0


# --- Cache -------------------------------------------------------------------------------


def test_cache_is_local_memory_without_redis_and_resilient_with_it() -> None:
    assert cache_settings({})["default"]["BACKEND"].endswith("LocMemCache")
    redis = cache_settings({"REDIS_URL": "redis://cache:6379/0", "REDIS_SOCKET_TIMEOUT": "0.5"})
    assert redis["default"]["BACKEND"] == "core.cache.ResilientRedisCache"
    assert redis["default"]["LOCATION"] == "redis://cache:6379/0"
    assert redis["default"]["OPTIONS"]["socket_timeout"] == 0.5
    assert redis["default"]["OPTIONS"]["socket_connect_timeout"] == 0.5


# --- Media storage -----------------------------------------------------------------------

S3_ENV = {
    "S3_BUCKET_PUBLIC": "pw-public",
    "S3_BUCKET_PRIVATE": "pw-private",
    "S3_ENDPOINT_URL": "http://minio:9000",
    "S3_ACCESS_KEY_ID": "key",
    "S3_SECRET_ACCESS_KEY": "secret",
    "S3_REGION": "us-east-1",
}


def test_media_on_local_disk_by_default(tmp_path: Path) -> None:
    storages = storage_settings({}, private_root=tmp_path / "private", static_backend=STATIC)
    assert storages["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert storages["private"]["OPTIONS"] == {
        "location": str(tmp_path / "private"),
        "base_url": None,
    }
    assert storages["staticfiles"] == {"BACKEND": STATIC}


def test_media_on_object_storage_when_both_buckets_are_set(tmp_path: Path) -> None:
    storages = storage_settings(S3_ENV, private_root=tmp_path, static_backend=STATIC)
    public, private = storages["default"], storages["private"]
    assert public["BACKEND"] == private["BACKEND"] == "storages.backends.s3.S3Storage"
    assert public["OPTIONS"]["bucket_name"] == "pw-public"
    assert private["OPTIONS"]["bucket_name"] == "pw-private"
    for options in (public["OPTIONS"], private["OPTIONS"]):
        assert options["endpoint_url"] == "http://minio:9000"
        assert options["access_key"] == "key"
        assert options["secret_key"] == "secret"
        assert options["region_name"] == "us-east-1"
        assert options["querystring_auth"] is False  # no signed links handed out
        assert options["default_acl"] is None  # no public-read ACL on any object
        assert options["file_overwrite"] is False
    assert private["OPTIONS"]["object_parameters"]["CacheControl"] == "private, no-store"
    assert "custom_domain" not in private["OPTIONS"]
    assert storages["staticfiles"] == {"BACKEND": STATIC}  # whitenoise keeps static files


def test_public_url_points_at_a_cdn_or_the_bucket(tmp_path: Path) -> None:
    env = {**S3_ENV, "S3_PUBLIC_URL": "https://media.pintuwarga.example/"}
    public = storage_settings(env, private_root=tmp_path, static_backend=STATIC)["default"]
    assert public["OPTIONS"]["custom_domain"] == "media.pintuwarga.example"
    assert public["OPTIONS"]["url_protocol"] == "https:"


@pytest.mark.parametrize(
    "env",
    [
        {"S3_BUCKET_PUBLIC": "pw-public"},
        {"S3_BUCKET_PRIVATE": "pw-private"},
        {"S3_BUCKET_PUBLIC": "same", "S3_BUCKET_PRIVATE": "same"},
        {**S3_ENV, "S3_PUBLIC_URL": "media.example"},
    ],
)
def test_half_configured_object_storage_is_refused(env: dict[str, str], tmp_path: Path) -> None:
    with pytest.raises(ImproperlyConfigured):
        storage_settings(env, private_root=tmp_path, static_backend=STATIC)


def test_settings_switch_to_object_storage(tmp_path: Path) -> None:
    code = (
        "import django, json; django.setup(); "
        "from django.core.files.storage import storages; "
        "print(json.dumps([type(storages['default']).__name__, storages['default'].bucket_name,"
        " type(storages['private']).__name__, storages['private'].bucket_name,"
        " storages['default'].url('products/a.webp')]))"
    )
    env = {**S3_ENV, "SECRET_KEY": "k", "S3_PUBLIC_URL": "https://media.example"}
    result = run_django(code, tmp_path, **env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        "S3Storage",
        "pw-public",
        "S3Storage",
        "pw-private",
        "https://media.example/products/a.webp",
    ]


# --- Production checks -------------------------------------------------------------------


def test_check_deploy_reports_no_issues(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=settings.BACKEND_DIR,
        env={
            **{
                k: v
                for k, v in os.environ.items()
                if not k.startswith(("DATABASE_", "S3_")) and k not in TEST_RUN_VARIABLES
            },
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "HTTPS": "1",
            "ALLOWED_HOSTS": "pintuwarga.example",
            "PINTUWARGA_VAR_DIR": str(tmp_path),
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_celery_runs_inline_without_a_broker_and_queues_with_redis(tmp_path: Path) -> None:
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.CELERY_BROKER_URL, s.CELERY_TASK_ALWAYS_EAGER]))"
    )
    inline = run_django(code, tmp_path, SECRET_KEY="k")
    assert inline.returncode == 0, inline.stderr
    assert json.loads(inline.stdout) == ["memory://localhost", True]
    queued = run_django(code, tmp_path, SECRET_KEY="k", REDIS_URL="redis://cache:6379/0")
    assert json.loads(queued.stdout) == ["redis://cache:6379/0", False]
    own = run_django(
        code,
        tmp_path,
        SECRET_KEY="k",
        REDIS_URL="redis://cache:6379/0",
        CELERY_BROKER_URL="redis://cache:6379/1",
    )
    assert json.loads(own.stdout) == ["redis://cache:6379/1", False]


def test_log_format_must_be_known(tmp_path: Path) -> None:
    result = run_django("import django; django.setup()", tmp_path, SECRET_KEY="k", LOG_FORMAT="x")
    assert result.returncode != 0
    assert "LOG_FORMAT" in result.stderr
