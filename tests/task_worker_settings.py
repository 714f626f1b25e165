"""Settings of a task worker that a test starts as a separate process: the
test suite's settings on the database queue, mailing through SMTP to the
test's local sink (its port in TEST_SMTP_PORT)."""

import os

from cms.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": TASK_BACKENDS["database"]}}  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ["TEST_SMTP_PORT"])
EMAIL_USE_TLS = False
EMAIL_TIMEOUT = 10
