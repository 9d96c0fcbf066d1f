"""One settings module for every environment, configured by environment variables.

The embedded default (no variable set) is a laptop or intranet server running on SQLite in `var/`.
Production sets `DATABASE_URL`, `SECRET_KEY`, `ALLOWED_HOSTS` and, behind TLS, `SECURE_SSL=1`.
"""

import secrets
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = PACKAGE_DIR.parent.parent
env = environ.Env()

VAR_DIR = Path(env("AMITY_VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _embedded_secret_key() -> str:
    """Generate a key once into var/ so that sessions survive restarts of the embedded server."""
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default=None) or _embedded_secret_key()
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django.contrib.postgres",  # trigram lookups when the database is PostgreSQL
    # Before import_export, whose own `import` and `export` commands would hide Amity's.
    "amity.core",
    "django_filters",
    "django_tables2",
    "import_export",
    "simple_history",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "django_htmx",
    "amity.accounts",
    "amity.inbox",
    "amity.geo",
    "amity.organizations",
    "amity.partners",
    "amity.aid",
    "amity.reporting",
    "amity.events",
    "amity.proposals",
    "amity.emulation",
    "amity.training",
    "amity.documents",
    "amity.agreements",
    "amity.overview",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "amity.core.middleware.IdleSessionMiddleware",
    "amity.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "amity.core.viewer.ViewerMiddleware",
    "amity.accounts.middleware.RequireTwoFactorMiddleware",
    "amity.core.middleware.ContentSecurityPolicyMiddleware",
    "amity.core.middleware.PrivateResponsesMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "amity.urls"
# Widgets render through the project's template settings, so core/widgets/ can replace Django's.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "amity.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "amity.core.context_processors.navigation",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------------------------
SQLITE_PATH = VAR_DIR / "amity.sqlite3"
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{SQLITE_PATH}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while one writer commits; IMMEDIATE makes a writer wait for the lock
    # (up to the timeout) at BEGIN instead of failing with "database is locked" mid-transaction.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=20000;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
# A connection kept from one request to the next: on SQLite it keeps its page cache and its
# prepared statements too (a new one per request read a unit officer's scoped board, whose
# query is the longer to plan, 5 ms slower than the central officer's).
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts and security ----------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# An API token expires this many days after it was made (0: never); a new password revokes them.
API_TOKEN_LIFETIME_DAYS = env.int("API_TOKEN_LIFETIME_DAYS", default=90)
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
# Failures from one address, whatever the user names, before the address is locked: higher than
# the per-account limit, since a whole office may reach Amity from one address.
AXES_IP_FAILURE_LIMIT = env.int("AXES_IP_FAILURE_LIMIT", default=20)
AXES_COOLOFF_TIME = 0.25  # hours: a locked-out user may try again after 15 minutes
# Either locks: the user name whatever the address (a guesser cannot move to a fresh address),
# and the address whatever the user name. The handler applies the two limits and makes a
# successful log-in clear only that user's failures, not the address's.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_HANDLER = "amity.accounts.lockout.LockoutHandler"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_LOCKOUT_CALLABLE = "amity.accounts.lockout.lockout_response"
AXES_VERBOSE = False
# Behind PROXY_COUNT reverse proxies, the client's address is the one the nearest proxy adds to
# X-Forwarded-For; without this every attempt would seem to come from the proxy itself, and one
# office's failures would lock every user out (accounts.lockout.client_address).
PROXY_COUNT = env.int("PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "amity.accounts.lockout.client_address"

SESSION_COOKIE_AGE = env.int("SESSION_IDLE_SECONDS", default=30 * 60)
# the age counts from the last request (an idle expiry), refreshed once a minute at most:
# see core.middleware.IdleSessionMiddleware
SESSION_REFRESH_SECONDS = 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
OTP_TOTP_ISSUER = "Amity"
if env.bool("SECURE_SSL", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# --- Internationalisation -----------------------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
FORMAT_MODULE_PATH = ["amity.formats"]
# Imports read dates as ISO (what exports write) or as dd/mm/yyyy, the way Vietnamese offices
# type them; never mm/dd/yyyy, which Django's default would try.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]
DATETIME_INPUT_FORMATS = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M"]

# --- Static and uploaded files ------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(VAR_DIR / "static")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(VAR_DIR / "media")))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
IMPORT_MAX_BYTES = env.int("IMPORT_MAX_BYTES", default=20 * 1024 * 1024)
# What reading a file to import may cost (core/import_files.py): rows, cells, a sheet's unpacked
# XML, a CSV line, seconds. A file above IMPORT_INLINE_BYTES (unpacked) is checked in a task.
IMPORT_MAX_ROWS = env.int("IMPORT_MAX_ROWS", default=100_000)
IMPORT_MAX_CELLS = env.int("IMPORT_MAX_CELLS", default=3_000_000)
IMPORT_MAX_PART_BYTES = env.int("IMPORT_MAX_PART_BYTES", default=100 * 1024 * 1024)
IMPORT_MAX_LINE_CHARS = env.int("IMPORT_MAX_LINE_CHARS", default=1_000_000)
IMPORT_READ_SECONDS = env.float("IMPORT_READ_SECONDS", default=120.0)
IMPORT_INLINE_BYTES = env.int("IMPORT_INLINE_BYTES", default=2 * 1024 * 1024)
# Imports of up to this many partners flag each row that looks like an existing partner.
IMPORT_DUPLICATE_CHECK_ROWS = env.int("IMPORT_DUPLICATE_CHECK_ROWS", default=2000)
# A list longer than this is exported by a background task, with a progress bar and a download.
EXPORT_INLINE_ROWS = env.int("EXPORT_INLINE_ROWS", default=5000)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True  # serve straight from the app's static/ without collectstatic

# --- Domains ------------------------------------------------------------------------------------
# A partner with no interaction for this many months is flagged dormant.
PARTNER_DORMANT_MONTHS = env.int("PARTNER_DORMANT_MONTHS", default=18)
# A foreign NGO's registration is flagged this many days before it expires.
PARTNER_REGISTRATION_ALERT_DAYS = env.int("PARTNER_REGISTRATION_ALERT_DAYS", default=90)

# --- E-mail (docs/admin.md) ---------------------------------------------------------------------
# Development writes each message to a file in var/mail; production sets EMAIL_BACKEND to
# django.core.mail.backends.smtp.EmailBackend and the EMAIL_HOST… lines below.
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = Path(env("EMAIL_FILE_PATH", default=str(VAR_DIR / "mail")))
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Amity <amity@localhost>")
# The address of the application, for the links in the e-mails.
AMITY_SITE_URL = env("AMITY_SITE_URL", default="http://127.0.0.1:8000")

# --- Background tasks ---------------------------------------------------------------------------
# Inline on the embedded default; production sets TASKS_BACKEND=database and runs `amity db_worker`.
_TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[env("TASKS_BACKEND", default="immediate")]}}

# --- Several application servers ----------------------------------------------------------------
# A server keeps nothing another server needs on its own disk or in its memory (docs/admin.md,
# "Several application servers"): uploaded files in a shared directory (MEDIA_ROOT) or in object
# storage; sessions, the log-in throttle's counters (axes' database handler, AXES_HANDLER) and
# the task queue (TASKS_BACKEND=database) in the database; the cache in the database or Redis.
# Scheduled jobs run once across servers through core/locks.py.

# Uploaded files in S3-compatible object storage (MinIO, Ceph, AWS) when a bucket is named. The
# files stay private: the application's scoped views serve them, never the bucket.
S3_BUCKET = env("S3_BUCKET", default="")
if S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env("S3_ENDPOINT_URL", default=None),
            "access_key": env("S3_ACCESS_KEY", default=None),
            "secret_key": env("S3_SECRET_KEY", default=None),
            "region_name": env("S3_REGION", default=None),
            "addressing_style": "path",  # MinIO and Ceph answer on one host name
            "default_acl": None,
            "file_overwrite": False,
        },
    }

# The cache: Redis when configured (then the sessions too), else the database on PostgreSQL
# (its table is made by `amity migrate`), else files in var/ for the one embedded server.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
elif DATABASES["default"]["ENGINE"].endswith("postgresql"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "amity_cache",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }

# A PostgreSQL streaming replica for the reads of the report pages and statistics
# (core/db_routers.py); a user's reads stay on the primary for a while after they write.
READ_REPLICA = None
if env("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = {
        **env.db("DATABASE_REPLICA_URL"),
        "CONN_MAX_AGE": DATABASES["default"]["CONN_MAX_AGE"],
        "CONN_HEALTH_CHECKS": True,
    }
    READ_REPLICA = "replica"
DATABASE_ROUTERS = ["amity.core.db_routers.ReplicaRouter"]
READ_REPLICA_VIEWS = frozenset(
    {
        "partners:statistics",
        "aid:statistics",
        "reporting:consolidation",
        "reporting:board",
        "reporting:report",
    }
)
READ_REPLICA_LAG_SECONDS = env.int("READ_REPLICA_LAG_SECONDS", default=10)
MIDDLEWARE.append("amity.core.db_routers.ReplicaMiddleware")

# Prometheus metrics at /metrics (core/health.py): requests and latencies (django-prometheus's
# middleware, first and last), database queries (its database wrappers), the task queue's
# depth. Read straight (not through a proxy) from METRICS_ALLOWED_IPS, or with
# `Authorization: Bearer METRICS_TOKEN`.
INSTALLED_APPS.append("django_prometheus")
MIDDLEWARE.insert(0, "django_prometheus.middleware.PrometheusBeforeMiddleware")
MIDDLEWARE.append("django_prometheus.middleware.PrometheusAfterMiddleware")
for _database in DATABASES.values():
    _database["ENGINE"] = _database["ENGINE"].replace(
        "django.db.backends.", "django_prometheus.db.backends."
    )
METRICS_ALLOWED_IPS = env.list("METRICS_ALLOWED_IPS", default=["127.0.0.1", "::1"])
METRICS_TOKEN = env("METRICS_TOKEN", default="")
# A balancer or a monitor asks each server directly, in plain HTTP: not redirected to HTTPS.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]

# --- API ----------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # the token first: see its authenticate_header
        "amity.accounts.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    # JSON nested too deep or with a lone surrogate is a 400, not a 500 further down.
    "DEFAULT_PARSER_CLASSES": [
        "amity.api.parsers.SafeJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "amity.api.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "amity.api.exceptions.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Amity API",
    "DESCRIPTION": "The API of Amity, the information system of the friendship organizations.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # `check --deploy` is about the deployment's security; the schema's own warnings are
    # drf-spectacular's business (`amity spectacular --validate`), and the API fuzz test
    # holds the schema to the responses.
    "ENABLE_DJANGO_DEPLOY_CHECK": False,
}

# --- Tables -------------------------------------------------------------------------------------
DJANGO_TABLES2_TEMPLATE = "core/table.html"
DJANGO_TABLES2_PAGE_RANGE = 7
IMPORT_EXPORT_SKIP_ADMIN_LOG = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}
