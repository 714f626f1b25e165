"""The database task queue inside a test: the production backend, and its
worker command run in the test's own process until the queue is empty."""

import io

from django.core.management import call_command
from django_tasks_db.management.commands import db_worker

# settings.TASKS for a test whose tasks wait for the worker, as in production.
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker(monkeypatch):
    """`manage.py db_worker --batch` in this process. Between tasks the
    worker closes connections outside autocommit, which inside the test's
    transaction is the test's own; that step is left out here, as Django's
    test client leaves it out of the requests it makes."""
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    call_command("db_worker", batch=True, startup_delay=False, stdout=io.StringIO())
    monkeypatch.undo()
