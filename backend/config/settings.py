"""Pintu Warga settings: one module, driven by environment variables.

Embedded default (no variables set): SQLite file under ``var/``, local-memory cache,
background tasks run inline, media on local disk. Scaled: ``DATABASE_URL`` (PostgreSQL,
pooled), ``REDIS_URL`` (cache, throttles, task queue), ``S3_BUCKET_PUBLIC`` and
``S3_BUCKET_PRIVATE`` (media). The parts are built in ``config.env``.
"""

from __future__ import annotations

import os
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import (
    cache_settings,
    celery_broker_url,
    database_settings,
    env_bool,
    env_int,
    env_list,
    storage_settings,
)

BACKEND_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = BACKEND_DIR.parent
VAR_DIR = Path(os.environ.get("PINTUWARGA_VAR_DIR", REPO_DIR / "var"))


TESTING = "pytest" in sys.modules
DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
_SECRET_KEY_FILE = VAR_DIR / "secret_key"
if not SECRET_KEY and _SECRET_KEY_FILE.is_file():
    SECRET_KEY = _SECRET_KEY_FILE.read_text().strip()
if not SECRET_KEY:
    if DEBUG or TESTING:
        SECRET_KEY = "insecure-local-only-key-never-used-in-production-0123456789"
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (the Makefile writes one to var/secret_key)."
        )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework_simplejwt",
    "rest_framework_simplejwt.token_blacklist",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_prometheus",
    "storages",
    "core",
    "accounts",
    "civil",
    "health",
    "market",
    "synthetic",
]

MIDDLEWARE = [
    # Probes and /metrics answer before host validation and the HTTPS redirect.
    "core.middleware.ProbeMiddleware",
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.RequestLogMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.middleware.ApiBodySizeMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.ApiErrorMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------
# PostgreSQL: a psycopg 3 pool per process (DB_POOL_MIN_SIZE/MAX_SIZE/TIMEOUT), and reads
# of reporting screens on DATABASE_REPLICA_URL when set (config.db_router).
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = database_settings(os.environ, VAR_DIR)
if TESTING and DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The browser tests' live server answers several requests at once. SQLite's default
    # test database (in memory, shared cache) refuses a second writer at once ("database
    # table is locked"); a file, like the real one (WAL, busy timeout), makes it wait.
    import tempfile

    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"pintuwarga-test-{os.getpid()}.sqlite3")
    }
DATABASE_ROUTERS = ["config.db_router.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache (throttles, login counters) ---------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
CACHES = cache_settings(os.environ)
# Public catalogue pages and product pages kept in the shared cache (core.answer_cache),
# invalidated by every change the market services make. Off without Redis: a cache per
# process could not be invalidated by another process's change.
CATALOGUE_CACHE_SECONDS = env_int("CATALOGUE_CACHE_SECONDS", 60 if REDIS_URL and not TESTING else 0)
# Districts, villages and civil services kept in each process (core.reference) this long.
REFERENCE_CACHE_SECONDS = 300

# --- Auth -------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["accounts.backends.IdentifierBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("full_name", "nik", "phone")},
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Argon2id first (core.hashers); PBKDF2 hashes made before keep working and are rewritten
# at the next login.
PASSWORD_HASHERS = [
    "core.hashers.Argon2idHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=int(os.environ.get("JWT_ACCESS_MINUTES", "5"))),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=int(os.environ.get("JWT_REFRESH_DAYS", "14"))),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": True,
    "CHECK_REVOKE_TOKEN": True,
    "CHECK_USER_IS_ACTIVE": True,
    "USER_ID_FIELD": "id",
    "USER_ID_CLAIM": "user_id",
    "AUTH_HEADER_TYPES": ("Bearer",),
}

# Failed logins: per identifier and per client address, counted in the cache.
# When the cache cannot be reached the login answers 503 rather than skip the count.
LOGIN_FAILURE_WINDOW_SECONDS = env_int("LOGIN_FAILURE_WINDOW_SECONDS", 900)
LOGIN_FAILURES_PER_IDENTIFIER = env_int("LOGIN_FAILURES_PER_IDENTIFIER", 5)
LOGIN_FAILURES_PER_ADDRESS = env_int("LOGIN_FAILURES_PER_ADDRESS", 20)
# Number of trusted proxies in front of the app (X-Forwarded-For hops to trust).
NUM_PROXIES = env_int("NUM_PROXIES", 0)

# --- API --------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework_simplejwt.authentication.JWTAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "core.pagination.StandardPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "core.exceptions.api_exception_handler",
    "DEFAULT_THROTTLE_RATES": {
        "register": os.environ.get("THROTTLE_REGISTER", "30/hour"),
    },
    "NUM_PROXIES": NUM_PROXIES or None,
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
# JSON bodies larger than this are refused with 413 before they are parsed.
API_MAX_JSON_BYTES = int(os.environ.get("API_MAX_JSON_BYTES", str(256 * 1024)))
# Idempotency records live in the database, not the cache: a retry after a crash or a
# Redis restart must still find the first answer. purge_idempotency_records deletes them.
IDEMPOTENCY_TTL_HOURS = env_int("IDEMPOTENCY_TTL_HOURS", 24)
# Multipart uploads (documents, photos) larger than this are refused before they are read;
# each file is then checked against its own limit (10 MB for documents).
API_MAX_UPLOAD_BYTES = int(os.environ.get("API_MAX_UPLOAD_BYTES", str(11 * 1024 * 1024)))
NOTIFICATION_SENDERS = env_list("NOTIFICATION_SENDERS", "core.notifications.LogSender")
# A delivery that failed is tried again this many times, then left as failed.
NOTIFICATION_DELIVERY_RETRIES = env_int("NOTIFICATION_DELIVERY_RETRIES", 5)

# --- Background tasks (Celery) ------------------------------------------------------------
# With a broker (REDIS_URL or CELERY_BROKER_URL) tasks go to the worker service and beat
# runs the periodic jobs. Without one they run inline in the request, after the commit, so
# the embedded default needs no extra service; cron can then run the management commands
# (scan_overdue_requests, send_health_reminders, flushexpiredtokens,
# purge_idempotency_records, deliver_pending_notifications).
_BROKER = celery_broker_url(os.environ)
# Without a broker, an in-memory transport: nothing ever tries to reach a server.
CELERY_BROKER_URL = _BROKER or "memory://localhost"
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", "") or _BROKER or None
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", not _BROKER or TESTING)
CELERY_TASK_EAGER_PROPAGATES = TESTING
CELERY_TASK_IGNORE_RESULT = True  # fire and forget; the database records every effect
CELERY_RESULT_EXPIRES = timedelta(hours=6)
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# A task is acknowledged after it ran: a worker killed mid-task leaves it to another.
# Every task is idempotent, so running one twice is safe.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 300)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 360)
# Redis redelivers unacknowledged tasks after this long; longer than any task runs.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600),
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Publishing gives up quickly when the broker is down; the notification stays undelivered
# and the deliver_pending_notifications job picks it up.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
CELERY_WORKER_HIJACK_ROOT_LOGGER = False  # keep LOGGING: JSON lines, personal data masked
CELERY_WORKER_SEND_TASK_EVENTS = False
CELERY_TIMEZONE = os.environ.get("REGENCY_TIMEZONE", "Asia/Jakarta")
CELERY_BEAT_SCHEDULE = {
    "scan-overdue-requests": {
        "task": "civil.scan_overdue_requests",
        "schedule": crontab(minute=0, hour="7"),
    },
    "send-health-reminders": {
        "task": "health.send_health_reminders",
        "schedule": crontab(minute=0, hour="8"),
    },
    "flush-expired-tokens": {
        "task": "accounts.flush_expired_tokens",
        "schedule": crontab(minute=30, hour="3"),
    },
    "purge-idempotency-records": {
        "task": "core.purge_idempotency_records",
        "schedule": crontab(minute=15),
    },
    "deliver-pending-notifications": {
        "task": "core.deliver_pending_notifications",
        "schedule": crontab(minute="*/10"),
    },
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Pintu Warga API",
    "DESCRIPTION": (
        "Satu pintu layanan publik kabupaten: adminduk, Buku KIA, dan pasar UMKM. "
        "One door to a regency's public services. Errors always use the body "
        '`{"error": {"code", "message", "fields"}}`; send `Accept-Language: en` for English.'
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "ENUM_NAME_OVERRIDES": {
        "HealthPostnatalCodeEnum": "health.models.PostnatalContact.Code",
        "HealthEndReasonEnum": "health.models.EndReason",
        "HealthDeliveryPlaceEnum": "health.models.DeliveryPlace",
        "HealthDeliveryMethodEnum": "health.models.DeliveryMethod",
        "CivilRequestStatusEnum": "civil.models.Status",
        "ShopStatusEnum": "market.models.ShopStatus",
        "ProductStatusEnum": "market.models.ProductStatus",
        "OrderStatusEnum": "market.models.OrderStatus",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "core.schema.add_error_responses",
    ],
}

# --- Regency ----------------------------------------------------------------------------
REGENCY_CODE = os.environ.get("REGENCY_CODE", "16.02")
REGENCY_SHORT_NAME = os.environ.get("REGENCY_SHORT_NAME", "OKI")
# Public address of the app, for links sent outside it (WhatsApp); e.g. https://warga.okikab.go.id
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "").rstrip("/")

# --- Internationalisation ---------------------------------------------------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BACKEND_DIR / "locale"]
TIME_ZONE = os.environ.get("REGENCY_TIMEZONE", "Asia/Jakarta")
USE_I18N = True
USE_TZ = True

# --- Static files, the PWA and media ------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
PWA_BUILD_DIR = Path(os.environ.get("PWA_BUILD_DIR", BACKEND_DIR / "pwa_build"))
WHITENOISE_ROOT = PWA_BUILD_DIR if PWA_BUILD_DIR.is_dir() else None
WHITENOISE_INDEX_FILE = True
WHITENOISE_USE_FINDERS = DEBUG or TESTING
WHITENOISE_IMMUTABLE_FILE_TEST = r"^.+[.-][0-9a-zA-Z_-]{8,12}\..+$"


def _pwa_file_headers(headers: Any, path: str, url: str) -> None:
    """The service worker, the manifest and the page are revalidated on every visit."""
    if url in {"/sw.js", "/index.html", "/", "/manifest.webmanifest"}:
        headers["Cache-Control"] = "no-cache"


WHITENOISE_ADD_HEADERS_FUNCTION = _pwa_file_headers
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
# "default": public media (product photos, shop logos). "private": civil documents and
# health attachments, no URL, streamed by permission-checked views. Local disk, or S3
# buckets when S3_BUCKET_PUBLIC and S3_BUCKET_PRIVATE are set.
STORAGES = storage_settings(
    os.environ,
    private_root=PRIVATE_MEDIA_ROOT,
    static_backend=(
        "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    ),
)
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))

# --- Security ---------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if env_bool("HTTPS", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# --- Metrics ------------------------------------------------------------------------------
# Prometheus metrics at /metrics, only for these networks or with this bearer token;
# everyone else gets 404. Behind proxies the client address honours NUM_PROXIES.
METRICS_ALLOWED_IPS = env_list("METRICS_ALLOWED_IPS", "127.0.0.1/32,::1/128")
METRICS_TOKEN = os.environ.get("METRICS_TOKEN", "")
PROMETHEUS_METRIC_NAMESPACE = "pintuwarga"

# --- Logging: NIK and phone numbers are masked in every record --------------------------
# LOG_FORMAT=json: one JSON object per line (time, level, logger, message, request_id).
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
LOG_FORMAT = os.environ.get("LOG_FORMAT", "plain").strip().lower()
if LOG_FORMAT not in {"plain", "json"}:
    raise ImproperlyConfigured("LOG_FORMAT must be 'plain' or 'json'.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "mask_personal_data": {"()": "core.log.MaskPersonalDataFilter"},
        "request_id": {"()": "core.log.RequestIdFilter"},
    },
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "core.log.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id", "mask_personal_data"],
        },
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # A line per task run is useful on a worker, noise when tasks run inline.
        "celery.app.trace": {"level": "WARNING" if CELERY_TASK_ALWAYS_EAGER else "INFO"},
        "django.server": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}
