"""Django settings, read from the environment with safe defaults.

The embedded default needs no configuration: SQLite under `var/` (or NETRAL_DATA_DIR), a generated secret key
kept in that folder, the task worker in-process. Production sets DATABASE_URL (PostgreSQL), NETRAL_SECRET_KEY
(or NETRAL_SECRET_KEY_FILE), NETRAL_ALLOWED_HOSTS and NETRAL_DEBUG=0. See README.md "Configuration".
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
REPO_DIR = BASE_DIR.parent.parent


def env(name: str, default: str = "") -> str:
    """A setting from the environment, or from the file named by NAME_FILE (for container secrets)."""
    if path := os.environ.get(f"{name}_FILE"):
        return Path(path).read_text(encoding="utf-8").strip()
    return os.environ.get(name, default)


def envbool(name: str, default: bool) -> bool:
    value = env(name)
    return default if value == "" else value.lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: int) -> int:
    value = env(name)
    return default if value == "" else int(value)


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DATA_DIR = Path(env("NETRAL_DATA_DIR", str(REPO_DIR / "var"))).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """The configured key, or one generated once and kept (mode 0600) in the data folder."""
    if key := env("NETRAL_SECRET_KEY"):
        return key
    path = DATA_DIR / "secret_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = envbool("NETRAL_DEBUG", False)
ALLOWED_HOSTS = envlist("NETRAL_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = envlist("NETRAL_CSRF_TRUSTED_ORIGINS", "")
SITE_URL = env("NETRAL_SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks",
    "django_tasks_db",
    "netral.core",
    "netral.accounts",
    "netral.geo",
    "netral.rules",
    "netral.audit",
    "netral.cases",
    "netral.portal",
    "netral.monitor",
    "netral.prevention",
    "netral.insights",
    "netral.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "netral.core.security.SecurityHeadersMiddleware",  # CSP and other headers; answers RateLimited with 429
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "netral.accounts.middleware.StaffSessionMiddleware",  # idle/absolute session expiry; the two-factor gate
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "netral.urls"
WSGI_APPLICATION = "netral.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database: SQLite by default, tuned so the web server and the worker can write side by side.
DATABASE_URL = env("DATABASE_URL", f"sqlite:///{DATA_DIR / 'netral.sqlite3'}")
_db: dict[str, Any] = dict(dj_database_url.parse(DATABASE_URL, conn_max_age=envint("NETRAL_DB_CONN_MAX_AGE", 60)))
if _db["ENGINE"] == "django.db.backends.sqlite3":
    _db["CONN_MAX_AGE"] = 0  # connections are cheap; a long-lived one pins the WAL
    _db["OPTIONS"] = {
        # IMMEDIATE takes the write lock at BEGIN, so a writer waits (busy timeout) instead of failing mid-way.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
    _db["TEST"] = {"NAME": env("NETRAL_TEST_DB", "") or None}
else:
    _db["CONN_HEALTH_CHECKS"] = True
DATABASES = {"default": _db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Background tasks (the Django tasks API): the database backend by default (SQLite worker embedded, or many
# PostgreSQL workers); NETRAL_TASKS_BACKEND=rq puts the queue in Redis (django-tasks-rq) for larger deployments.
NETRAL_TASKS_BACKEND = env("NETRAL_TASKS_BACKEND", "db")
if NETRAL_TASKS_BACKEND == "rq":
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {"default": {"URL": env("NETRAL_REDIS_URL", "redis://127.0.0.1:6379/0")}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
elif NETRAL_TASKS_BACKEND == "db":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
else:
    raise ImproperlyConfigured(f"NETRAL_TASKS_BACKEND must be db or rq, not {NETRAL_TASKS_BACKEND!r}")

# --- Passwords: Argon2 first.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "netral.accounts.passwords.ContextWordsValidator"},
]
# Counts failed passwords per account and refuses locked accounts (netral.accounts.lockout), on every login form.
AUTHENTICATION_BACKENDS = ["netral.accounts.lockout.LockoutModelBackend"]
NETRAL_LOCKOUT_ATTEMPTS = envint("NETRAL_LOCKOUT_ATTEMPTS", 10)  # failed passwords or codes within the window…
NETRAL_LOCKOUT_WINDOW_MINUTES = envint("NETRAL_LOCKOUT_WINDOW_MINUTES", 15)
NETRAL_LOCKOUT_MINUTES = envint("NETRAL_LOCKOUT_MINUTES", 15)  # …lock the account this long

# --- Language and time: Indonesian first, English second; stored in UTC, shown in the region's zone.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Jakarta"
USE_TZ = True

# --- Static files: served by whitenoise from the app itself.
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise warns at start-up when it is missing
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# --- Security.
SECURE_CONTENT_TYPE_NOSNIFF = True
# "same-origin", not "no-referrer": Chromium then sends `Origin: null` on our own form posts and CSRF checks fail.
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = envint("NETRAL_SESSION_SECONDS", 8 * 3600)  # absolute lifetime from login (middleware too)
NETRAL_SESSION_IDLE_SECONDS = envint("NETRAL_SESSION_IDLE_SECONDS", 30 * 60)
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
# Error reports mask passwords, codes, tokens and reporter fields even where a view forgot to (docs/security.md).
DEFAULT_EXCEPTION_REPORTER_FILTER = "netral.accounts.logsafety.SecretScrubbingReporterFilter"
DEFAULT_EXCEPTION_REPORTER = "netral.accounts.logsafety.SecretScrubbingExceptionReporter"
HTTPS = envbool("NETRAL_HTTPS", False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
if HTTPS:
    SECURE_HSTS_SECONDS = 31536000
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "filters": {"secrets": {"()": "netral.accounts.logsafety.RedactSecretsFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["secrets"]}},
    "root": {"handlers": ["console"], "level": env("NETRAL_LOG_LEVEL", "INFO")},
    # WeasyPrint reports every rendering step at INFO; only its warnings matter.
    "loggers": {"django.db.backends": {"level": "WARNING"}, "weasyprint": {"level": "WARNING"}},
}

# --- Maps: drawn from shipped geometry; a deployment with a tile server may set its URL template here.
NETRAL_MAP_TILES_URL = env("NETRAL_MAP_TILES_URL", "")

# --- E-mail: printed to the console by default; SMTP once NETRAL_EMAIL_HOST is set.
DEFAULT_FROM_EMAIL = env("NETRAL_EMAIL_FROM", "Netral <netral@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_SUBJECT_PREFIX = "[Netral] "
if EMAIL_HOST := env("NETRAL_EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = envint("NETRAL_EMAIL_PORT", 587)
    EMAIL_HOST_USER = env("NETRAL_EMAIL_USER")
    EMAIL_HOST_PASSWORD = env("NETRAL_EMAIL_PASSWORD")  # or NETRAL_EMAIL_PASSWORD_FILE
    # Port 465 speaks TLS from the first byte (SMTPS); other ports upgrade with STARTTLS unless NETRAL_EMAIL_TLS=0.
    EMAIL_USE_SSL = EMAIL_PORT == 465
    EMAIL_USE_TLS = envbool("NETRAL_EMAIL_TLS", True) and not EMAIL_USE_SSL
    EMAIL_TIMEOUT = 30
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# --- Security: headers (netral.core.security) and rate limits (netral.core.ratelimit). See docs/security.md.
# Addresses or networks (CIDR) of reverse proxies whose X-Forwarded-For is believed; empty: REMOTE_ADDR only.
NETRAL_TRUSTED_PROXIES = envlist("NETRAL_TRUSTED_PROXIES", "")
NETRAL_RATELIMIT_ENABLED = envbool("NETRAL_RATELIMIT_ENABLED", True)

# --- Portal: the public report form, receipts and follow-up (netral.portal).
# Anonymous reports keep no IP address unless the deployment turns this on (named reports neither, by default).
NETRAL_STORE_REPORTER_IP = envbool("NETRAL_STORE_REPORTER_IP", False)
# Receipt codes: Argon2id cost (≈ 90 ms per hash on a 2025 laptop core; see bench/portal_receipt.py).
NETRAL_RECEIPT_TIME_COST = envint("NETRAL_RECEIPT_TIME_COST", 2)
NETRAL_RECEIPT_MEMORY_KIB = envint("NETRAL_RECEIPT_MEMORY_KIB", 64 * 1024)
# Per-client limits ("count/period", period s, m, h or d).
NETRAL_PORTAL_SUBMIT_RATE = env("NETRAL_PORTAL_SUBMIT_RATE", "10/h")
NETRAL_PORTAL_LOOKUP_RATE = env("NETRAL_PORTAL_LOOKUP_RATE", "10/h")
NETRAL_PORTAL_ANSWER_RATE = env("NETRAL_PORTAL_ANSWER_RATE", "30/h")
# Public statistics: cells with fewer cases than this are shown as "< k".
NETRAL_STATS_MIN_COUNT = envint("NETRAL_STATS_MIN_COUNT", 3)

# --- Token API (netral.api, docs/api.md): requests per token; partner report intake (writes have their own rate,
# a retry repeats the receipt code this many hours, evidence may follow a report this many minutes).
NETRAL_API_RATE = env("NETRAL_API_RATE", "600/m")
NETRAL_API_REPORT_RATE = env("NETRAL_API_REPORT_RATE", "60/m")
NETRAL_API_REPORT_REPLAY_HOURS = envint("NETRAL_API_REPORT_REPLAY_HOURS", 24)
NETRAL_API_REPORT_EVIDENCE_MINUTES = envint("NETRAL_API_REPORT_EVIDENCE_MINUTES", 60)

# --- Media monitoring (netral.monitor). Fetching private/loopback addresses is refused (a source URL must not reach
# the server's own network); tests and closed intranets may allow it.
NETRAL_MONITOR_ALLOW_PRIVATE_HOSTS = envbool("NETRAL_MONITOR_ALLOW_PRIVATE_HOSTS", False)
NETRAL_MONITOR_RESPECT_ROBOTS = envbool("NETRAL_MONITOR_RESPECT_ROBOTS", True)
NETRAL_MONITOR_TIMEOUT = envint("NETRAL_MONITOR_TIMEOUT", 20)
NETRAL_MONITOR_MIN_INTERVAL = envint("NETRAL_MONITOR_MIN_INTERVAL", 5)  # minutes: no source is polled more often
NETRAL_MONITOR_MAX_UPLOAD_MB = envint("NETRAL_MONITOR_MAX_UPLOAD_MB", 50)
# The worker's scheduler: how often it looks for due sources (seconds), and the local hour (WIB) of the daily digest.
NETRAL_SCHEDULER_TICK = envint("NETRAL_SCHEDULER_TICK", 30)
NETRAL_DIGEST_HOUR = envint("NETRAL_DIGEST_HOUR", 7)
# Dashboards (netral.insights): aggregates are kept this many seconds per jurisdiction and filter (0 = always fresh).
NETRAL_INSIGHTS_CACHE_SECONDS = envint("NETRAL_INSIGHTS_CACHE_SECONDS", 300)
# Prevention (netral.prevention): pledge signing and verification limits per client address (a whole office may sign
# from behind one NAT address), and the largest pact, material or circular file.
NETRAL_PREVENTION_SIGN_RATE = env("NETRAL_PREVENTION_SIGN_RATE", "300/h")
NETRAL_PREVENTION_VERIFY_RATE = env("NETRAL_PREVENTION_VERIFY_RATE", "60/m")
NETRAL_PREVENTION_MAX_BYTES = envint("NETRAL_PREVENTION_MAX_MB", 10) * 1024 * 1024
