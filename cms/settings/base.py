"""Settings shared by every environment.

Everything a deployment changes is read from the environment (see README.md,
"Configuration"). The defaults here are the embedded ones a new user's laptop
needs: an SQLite file, a local-memory cache and the console mail backend.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    """Read a yes/no environment variable; anything unrecognised is an error."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    value = value.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_list(name, default=""):
    """Read a comma-separated environment variable as a list of strings."""
    raw = os.environ.get(name, default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number.") from exc


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "cms",
    "hearings",
    "pages",
    "workflows",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    # wagtail.users, with a user list that shows each person's council
    "cms.user_admin_apps.CouncilUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # ETag on every page and feed; a conditional request gets 304, no body.
    "django.middleware.http.ConditionalGetMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Stored pages for visitors without a session; before the CSRF cookie,
    # the session's user and the public headers (see the module).
    "cms.page_cache.PageCacheMiddleware",
    # The council and its home page, kept with its fragments (see the module).
    "cms.page_cache.CouncilSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "cms.two_factor.TwoFactorMiddleware",
    "cms.login_throttle.PasswordResetThrottleMiddleware",
    "cms.admin_guard.AdminCouncilScopeMiddleware",
    "cms.admin_search_input.AdminSearchInputMiddleware",
    "cms.admin_errors.AdminErrorsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.public_headers.PublicCacheMiddleware",
    "cms.public_headers.ContentSecurityPolicyMiddleware",
    "cms.public_headers.PermissionsPolicyMiddleware",
    "workflows.middleware.PublishGuardMiddleware",
    "workflows.member_links.MemberDraftLinkMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.context_processors.council",
            ],
        },
    },
]

# Database: DATABASE_URL, else an SQLite file in the project folder.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
# A request refused half-way (workflows.publish_guard) leaves nothing behind.
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: CACHE_URL (or REDIS_URL) selects Redis; otherwise files under var/
# cache, shared by every process on the machine (the server, create_council,
# cron commands), so what one of them changes the others see at once.
CACHE_URL = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL") or ""
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "talerør"),
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
elif CACHE_URL:
    raise ImproperlyConfigured("CACHE_URL must start with redis://, rediss://.")
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": BASE_DIR / "var" / "cache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# Sessions in the database, shared by every app server (Django's default,
# stated here because several servers depend on it).
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Logins: django-axes refuses a username after too many wrong passwords from
# one address (cms.login_throttle has the page that says when to retry).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_MINUTES = env_int("AXES_COOLOFF_MINUTES", 15)
AXES_COOLOFF_TIME = timedelta(minutes=AXES_COOLOFF_MINUTES)
# A username from one address: guessing stops, and nobody can lock a chair
# out from elsewhere; the second factor covers guessing from many addresses.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "cms.login_throttle.lockout_response"
AXES_RESET_ON_SUCCESS = True
# The log names who tried from where (never the password): that is what the
# log is for when an account is attacked.
AXES_SENSITIVE_PARAMETERS = []
# The client's address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies
# that each append to X-Forwarded-For, the entry the nearest one added.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "cms.login_throttle.client_ip"
# Password-reset mails: per address and per e-mail within the window.
PASSWORD_RESET_LIMIT = env_int("PASSWORD_RESET_LIMIT", 5)
PASSWORD_RESET_WINDOW_MINUTES = env_int("PASSWORD_RESET_WINDOW_MINUTES", 60)

# "Skriv til rådet" (hearings.citizen_input): what citizens send about an
# open hearing is deleted this many days after the municipality's decision
# is recorded (time to tell them what came of it, then gone), or this many
# days after the deadline if no decision is ever recorded.
CITIZEN_INPUT_RETENTION_DAYS = env_int("CITIZEN_INPUT_RETENTION_DAYS", 90)
CITIZEN_INPUT_UNDECIDED_RETENTION_DAYS = env_int(
    "CITIZEN_INPUT_UNDECIDED_RETENTION_DAYS", 365
)
# Per client address: this many messages within the window, then a wait.
CITIZEN_INPUT_LIMIT = env_int("CITIZEN_INPUT_LIMIT", 5)
CITIZEN_INPUT_WINDOW_MINUTES = env_int("CITIZEN_INPUT_WINDOW_MINUTES", 60)

# Two factors (cms.two_factor): required for every admin login when true;
# production turns it on unless told otherwise.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", False)
TWO_FACTOR_FAILURE_LIMIT = env_int("TWO_FACTOR_FAILURE_LIMIT", 5)
TWO_FACTOR_COOLOFF_MINUTES = env_int("TWO_FACTOR_COOLOFF_MINUTES", 15)
OTP_TOTP_ISSUER = "Talerør"
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Language: Danish first, English as the second locale.
LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk"), ("en", "English")]
# Date formats per language (cms/formats/<language>/formats.py).
FORMAT_MODULE_PATH = ["cms.formats"]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# Addresses in plain ASCII (cms.slugs spells Danish letters out on every
# page); Wagtail's own slug widgets and slugs follow suit. When an editor
# changes a live page's slug, Wagtail redirects its old address (permanent).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILREDIRECTS_AUTO_CREATE = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# cms/wagtail_locale only fills gaps in Wagtail's own Danish admin catalogue;
# the first path wins, and makemessages writes to the first path only.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "cms" / "wagtail_locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

# Static files and uploads.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploads on S3-compatible object storage when S3_BUCKET is set, shared by
# every app server (cms.media_storage: only renditions get a public address).
S3_BUCKET = os.environ.get("S3_BUCKET", "")
S3_CUSTOM_DOMAIN = os.environ.get("S3_CUSTOM_DOMAIN", "")
S3_ENDPOINT_URL = os.environ.get("S3_ENDPOINT_URL", "")
if S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "cms.media_storage.CouncilMediaStorage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": S3_ENDPOINT_URL or None,
            "region_name": os.environ.get("S3_REGION") or None,
            "access_key": os.environ.get("S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("S3_SECRET_ACCESS_KEY") or None,
            "custom_domain": S3_CUSTOM_DOMAIN or None,
            "addressing_style": os.environ.get("S3_ADDRESSING_STYLE") or None,
            "querystring_expire": env_int("S3_SIGNED_URL_SECONDS", 300),
            "file_overwrite": False,
        },
    }
# Where readers' browsers fetch renditions from (the CSP's img-src below).
if S3_CUSTOM_DOMAIN:
    MEDIA_ORIGIN = f"https://{S3_CUSTOM_DOMAIN}"
elif S3_BUCKET and S3_ENDPOINT_URL:
    MEDIA_ORIGIN = "{0.scheme}://{0.netloc}".format(urlsplit(S3_ENDPOINT_URL))
elif S3_BUCKET:
    MEDIA_ORIGIN = "https://*.amazonaws.com"
else:
    MEDIA_ORIGIN = ""
MEDIA_SOURCE = f" {MEDIA_ORIGIN}" if MEDIA_ORIGIN else ""
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail: SMTP when EMAIL_HOST is set (see production.py); console in dev.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Talerør <noreply@localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Text messages (cms.text_messages): printed to the console unless an HTTP
# SMS gateway is configured (see production.py and README.md).
SMS_GATEWAY_URL = os.environ.get("SMS_GATEWAY_URL", "")
SMS_GATEWAY_TOKEN = os.environ.get("SMS_GATEWAY_TOKEN", "")
SMS_GATEWAY_TIMEOUT = env_int("SMS_GATEWAY_TIMEOUT", 10)
SMS_SENDER = os.environ.get("SMS_SENDER", "Taleroer")
SMS_BACKEND = "cms.text_messages.ConsoleBackend"

# Background work (mails, deliveries, reminders, search index) runs as
# Django tasks: "immediate" runs each task as it is enqueued (dev, tests);
# "database" queues it in the database for `manage.py db_worker`
# (production's default, see production.py).
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate")
if TASKS_BACKEND not in TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be one of {', '.join(TASK_BACKENDS)}, "
        f"not {TASKS_BACKEND!r}."
    )
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASKS_BACKEND]}}

# Wagtail.
WAGTAIL_SITE_NAME = "Talerør"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# No Gravatar: staff e-mail hashes never go to a third party; Wagtail shows
# its own default avatar (a static file of the admin) instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Danish stemming where the database can do it (PostgreSQL full text search).
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "danish",
    }
}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("DOCUMENT_MAX_UPLOAD_MB", 20) * 1024 * 1024
# Documents are served by Django, never straight from storage: a draft's
# attachment is its council's only (cms.files, before_serve_document).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Uploads go to a council's collection, never the root, are checked by their
# bytes (cms.uploads), and their titles and file names hold no CPR number
# (cms.file_forms).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.file_forms.GuardedDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.file_forms.GuardedImageForm"
# Wagtail's raster formats; never SVG, which can carry script.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("IMAGE_MAX_UPLOAD_MB", 10) * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The dashboard's "what's new in Wagtail" banner links Wagtail's English
# editor guide; a council's staff have Talerør's guide (cms.admin_guide).
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# Approval publishes exactly the approved revision, under a lock (workflows).
WAGTAIL_FINISH_WORKFLOW_ACTION = "workflows.finish.publish_approved_revision"
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAIL_MODERATION_ENABLED = True
# Translating a live page makes a draft: only the chairs' approval publishes.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# A reverse proxy or CDN that takes HTTP PURGE requests at FRONTEND_CACHE_URL
# (e.g. Varnish) drops a council's pages when they change (cms.frontend_purge).
FRONTEND_CACHE_URL = os.environ.get("FRONTEND_CACHE_URL", "")
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_URL,
        }
    }
# One purge of the council's address covers both languages.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# Public site: how long a shared cache (CDN, proxy) may keep an anonymous
# page, and the Content-Security-Policy sent with public HTML pages.
PUBLIC_CACHE_MAX_AGE = env_int("PUBLIC_CACHE_MAX_AGE", 300)
# Whole pages for anonymous readers in the cache above (cms.page_cache),
# dropped when their council publishes; 0 turns the page cache off.
PAGE_CACHE_TIMEOUT = env_int("PAGE_CACHE_TIMEOUT", 300)
# What every page of a council repeats (menu, home page, accessibility link:
# cms.page_cache.council_fragment), kept as long as pages unless set; -1 is
# unset, 0 off. make bench keeps them on with the page cache off.
COUNCIL_FRAGMENT_TIMEOUT = env_int("COUNCIL_FRAGMENT_TIMEOUT", -1)
CONTENT_SECURITY_POLICY = os.environ.get(
    "CONTENT_SECURITY_POLICY",
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    f"img-src 'self' data:{MEDIA_SOURCE}; "
    "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'self'",
)

# Wagtail's admin needs more than the public site; found in Chromium with a
# policy without 'unsafe-inline' (tests/browser/test_admin_csp.py):
# - script-src 'unsafe-inline': the explorer, the page editor and the hearing
#   forms carry small inline <script>s of Wagtail's (date pickers, inline
#   panels, listings), and its vendor.js inserts more;
# - style-src 'unsafe-inline': vendor.js inserts <style> elements, and some
#   Wagtail and wagtail-localize templates set style attributes;
# - img-src data: blob:: icons and previews of images before upload.
# Everything else stays 'self' only: no other host, no eval, no plugins, no
# framing by other sites (the preview panel frames the admin's own pages).
ADMIN_CONTENT_SECURITY_POLICY = os.environ.get(
    "ADMIN_CONTENT_SECURITY_POLICY",
    "default-src 'self'; script-src 'self' 'unsafe-inline'; "
    "style-src 'self' 'unsafe-inline'; "
    f"img-src 'self' data: blob:{MEDIA_SOURCE}; "
    "font-src 'self'; connect-src 'self'; frame-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'self'",
)
# Powerful browser features nobody here needs, refused for every page.
PERMISSIONS_POLICY = os.environ.get(
    "PERMISSIONS_POLICY",
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
    "encrypted-media=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), midi=(), payment=(), picture-in-picture=(), "
    "publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), "
    "xr-spatial-tracking=(), browsing-topics=()",
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Per-object chatter from background tasks and page actions.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": os.environ.get("WAGTAIL_LOG_LEVEL", "WARNING")},
        # Logins that succeed, fail or are locked out, and second-factor
        # checks: shown whatever LOG_LEVEL says.
        "axes": {"level": "INFO"},
        "cms.login_throttle": {"level": "INFO"},
        "cms.two_factor": {"level": "INFO"},
        # Step-by-step chatter while a PDF letter is made.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
