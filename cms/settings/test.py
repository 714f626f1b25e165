"""Settings for the test suite: fast hashing, in-memory mail outbox."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key-for-the-talerør-test-suite-never-in-production"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SMS_BACKEND = "cms.text_messages.LocmemBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests log in with client.login(), which django-axes cannot watch (no
# request); the login-throttling tests turn it on. Two factors likewise.
AXES_ENABLED = False
TWO_FACTOR_REQUIRED = False
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Each test process its own local-memory cache unless CACHE_URL names a
# shared one (Redis in CI); no stored pages unless a test turns them on
# (most tests never run commit callbacks, which empty the page cache).
if not CACHE_URL:  # noqa: F405
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PAGE_CACHE_TIMEOUT = 0

# pytest-xdist runs the suite in several processes, each with its own test
# database; a shared cache (Redis in CI) must not hand one process's site
# ids to another, so each process gets its own key prefix.
_worker = os.environ.get("PYTEST_XDIST_WORKER")
if _worker:
    CACHES["default"]["KEY_PREFIX"] = (  # noqa: F405
        f"{CACHES['default'].get('KEY_PREFIX', '')}-{_worker}"  # noqa: F405
    )

# Background tasks run at once, inside the test (tests that need the
# database queue and its worker switch TASKS themselves).
TASKS = {"default": {"BACKEND": TASK_BACKENDS["immediate"]}}  # noqa: F405
