"""Settings of the IGF Platform, read from the environment (12-factor).

Every variable is listed in README.md ("Configuration"). Nothing here differs between
machines except through the environment, so one file serves development, CI and production.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent.parent
VAR_DIR = Path(os.environ.get("IGF_VAR_DIR", PROJECT_DIR / "var"))


def env_bool(name: str, *, default: bool) -> bool:
    """Read a yes/no variable: 1, true, yes and on mean yes; anything else no."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _secret_key() -> str:
    """The key from SECRET_KEY, or one generated once and kept in var/secret_key.

    A machine that runs `make run` gets a strong key without a manual step; production sets
    SECRET_KEY (or keeps the file on persistent storage) so sessions survive restarts.
    """
    if key := os.environ.get("SECRET_KEY"):
        return key
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(64), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG", default=False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
# Behind a TLS-terminating proxy in production; off for `make run` on http://127.0.0.1.
HTTPS = env_bool("IGF_HTTPS", default=False)

INSTALLED_APPS = [
    # First, so its templates override allauth's and the admin's (one layout for every page).
    "igf.core",
    # Per-language columns for the forum's own texts (docs/architecture.md); before the admin.
    "modeltranslation",
    "igf.core.admin_apps.AdminConfig",  # the admin, behind the second factor
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "axes",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "csp",
    # The forum's own apps, in the order they may import each other (lowest first; core above).
    "igf.translations",
    "igf.people",
    "igf.conduct",
    "igf.bodies",
    "igf.meetings",
    "igf.programme",
    "igf.schedule",
    "igf.consultations",
    "igf.opinions",
    "igf.outcomes",
    "igf.funding",
    "igf.api",
]

MIDDLEWARE = [
    # First: everything below (rate limits, lock-out) sees the real client's address.
    "igf.core.middleware.ClientAddressMiddleware",
    # Before the session and CSRF middleware, so it sees the cookies they set.
    "igf.core.middleware.NoPublicCookiesMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compressed pages for slow links; Django pads compressed responses against BREACH.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "igf.translations.middleware.ContentLanguageMiddleware",
    "igf.core.middleware.NullCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "igf.core.middleware.TimezoneMiddleware",
    "igf.core.middleware.RefusedMiddleware",
    "igf.core.middleware.PrivateCacheMiddleware",
    # Axes must be last: it turns a lock-out raised anywhere above into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "igf.urls"
WSGI_APPLICATION = "igf.wsgi.application"
ASGI_APPLICATION = "igf.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "igf.core.context_processors.platform",
            ],
            "builtins": ["django.templatetags.i18n"],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'igf.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Durable and concurrent: WAL lets readers work while one writer writes; synchronous=FULL
    # survives power loss; IMMEDIATE takes the write lock at BEGIN so two writers queue on
    # the busy timeout instead of failing with "database is locked" half-way.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
else:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache, sessions, tasks -------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # Shared by every gunicorn worker on the machine, so rate limits hold across workers.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }

TASKS = {
    "default": {
        "BACKEND": os.environ.get("IGF_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
# Several hosts: the queue on Redis (IGF_TASKS_BACKEND=django_tasks_rq.RQBackend), worked by
# `manage.py rqworker --job-class django_tasks_rq.Job default` (docs/operations.md).
if TASKS["default"]["BACKEND"] == "django_tasks_rq.RQBackend":
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {
        "default": {
            "URL": os.environ.get("IGF_RQ_URL", REDIS_URL or "redis://127.0.0.1:6379/0"),
            "DEFAULT_TIMEOUT": 300,
        }
    }

# --- Authentication -------------------------------------------------------------------------
AUTH_USER_MODEL = "people.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# No composition rules (ASVS 6.2.5): length, similarity to the e-mail, and common passwords.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 3600
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:home"

ACCOUNT_ADAPTER = "igf.people.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
# Sign-up asks for a display name (people) and the code of conduct's acceptance (conduct).
ACCOUNT_SIGNUP_FORM_CLASS = "igf.conduct.forms.SignupAcceptanceForm"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_RATE_LIMITS = {
    "signup": "10/h/ip",
    "login": "30/m/ip",
    # Per IP only: per-account lock-out is django-axes's, on e-mail and IP together, so a
    # stranger guessing from elsewhere cannot lock a participant out.
    "login_failed": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = os.environ.get("IGF_SITE_NAME", "IGF Platform")

# Lock-out after repeated failures (ASVS 6.3.1): per e-mail and IP, with a finite cool-off so
# nobody can lock a participant out of the forum for good by guessing on purpose.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "igf.people.adapters.axes_username"
AXES_LOCKOUT_TEMPLATE = "people/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
# Every limiter (allauth's, axes', the comment and API limits) reads REMOTE_ADDR, which
# igf.core.middleware.ClientAddressMiddleware sets to the real client's address when the
# request came through IGF_PROXY_COUNT proxies, the nearest of them in IGF_TRUSTED_PROXIES.
AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)
AXES_VERBOSE = False

# The proxies in front of the app (nginx: 1); the client's address is taken from
# X-Forwarded-For only when the request comes from one of the trusted proxies' networks.
IGF_PROXY_COUNT = int(os.environ.get("IGF_PROXY_COUNT", "0"))
IGF_TRUSTED_PROXIES = [
    part.strip()
    for part in os.environ.get("IGF_TRUSTED_PROXIES", "127.0.0.0/8,::1/128").split(",")
    if part.strip()
]

# --- E-mail ---------------------------------------------------------------------------------
# Messages are queued as tasks (igf.core.mail); the worker hands them to the delivery backend.
EMAIL_BACKEND = "igf.core.mail.TaskEmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
IGF_EMAIL_DELIVERY_BACKEND = os.environ.get(
    "IGF_EMAIL_DELIVERY_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
# For IGF_EMAIL_DELIVERY_BACKEND=django.core.mail.backends.filebased.EmailBackend (tests, drills).
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "IGF Platform <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Languages and time ---------------------------------------------------------------------
LANGUAGE_CODE = "en"
# Each language is named in itself in the switcher; these labels (Django's own msgids, so
# Django's catalogues translate them) appear in the admin.
LANGUAGES = [
    ("ar", _("Arabic")),
    ("zh-hans", _("Simplified Chinese")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
# Content translation (django-modeltranslation): one column per language beside the original;
# an empty translation reads as the original, which is written in the default language.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "ar", "es", "fr", "ru", "zh-hans")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# A text written while another language is active still fills the original's column.
MODELTRANSLATION_AUTO_POPULATE = "default"
LANGUAGE_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static files and uploads ---------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# Uploads: a folder every app host mounts (NFS, or an S3 store through django-storages).
MEDIA_ROOT = Path(os.environ.get("IGF_MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 5_242_880

# --- Security -------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = int(timedelta(weeks=2).total_seconds())
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if HTTPS:
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # The __Host- prefix binds the cookie to this host over HTTPS (ASVS 3.3.1).
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    if env_bool("IGF_BEHIND_PROXY", default=True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [NONE],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# --- The forum ------------------------------------------------------------------------------
IGF_SITE_NAME = os.environ.get("IGF_SITE_NAME", "IGF Platform")
# The public address of the site, for links in e-mails and calendar feeds.
IGF_SITE_URL = os.environ.get("IGF_SITE_URL", "http://127.0.0.1:8000")
# Where the schedule's static snapshot is written (a folder nginx serves); empty: var/snapshots.
IGF_SNAPSHOT_DIR = os.environ.get("IGF_SNAPSHOT_DIR", "")
# Groups that carry platform-wide roles; bodies add their own roles through memberships.
IGF_SECRETARIAT_GROUP = "Secretariat"
# Moderators of public comment under the code of conduct (they read flagged and anonymous
# comments, so they too must use a second factor).
IGF_MODERATORS_GROUP = "Moderators"
# Conduct officers read the confidential reports of concerns (second factor required).
IGF_CONDUCT_OFFICERS_GROUP = "Conduct officers"
