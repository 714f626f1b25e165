"""The database queue with its real worker process: an approval committed
by the admin is delivered by `manage.py db_worker`, running as a separate
process against the test database and mailing through SMTP."""

import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django_tasks_db.models import DBTaskResult

from hearings.models import ResponseDelivery
from tests.smtp_sink import SmtpSink
from tests.task_queue import DATABASE_QUEUE
from tests.workflows.conftest import CONTACT, paragraph

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def database_url():
    """The test database as DATABASE_URL, for the worker process."""
    db = connection.settings_dict
    login = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{login}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


@contextmanager
def worker_process(*, smtp_port, log_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.task_worker_settings",
        "DATABASE_URL": database_url(),
        "TEST_SMTP_PORT": str(smtp_port),
    }
    command = [sys.executable, "manage.py", "db_worker", "--interval", "0.2"]
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            command, cwd=Path(settings.BASE_DIR), env=env, stdout=log, stderr=log
        )
    try:
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_the_worker_process_delivers_the_approved_response(
    admin, settings, tmp_path, response_a, secretary_a, chair_a
):
    settings.TASKS = DATABASE_QUEUE
    log_path = tmp_path / "worker.log"
    with SmtpSink() as sink, worker_process(smtp_port=sink.port, log_path=log_path):
        admin.submit(secretary_a, response_a, body=[paragraph("<p>Svaret.</p>")])
        admin.approve(chair_a, response_a)
        delivered = sink.wait_for(lambda message: message["To"] == CONTACT)

    assert delivered, f"no delivery; the worker said:\n{log_path.read_text()}"
    assert "Svaret." in delivered[0].get_body(("plain",)).get_content()
    [letter] = delivered[0].iter_attachments()
    assert letter.get_content_type() == "application/pdf"
    assert ResponseDelivery.objects.get().status == ResponseDelivery.Status.SENT
    assert DBTaskResult.objects.filter(
        task_path="hearings.deliveries.response_delivery_task", status="SUCCESSFUL"
    ).exists()
