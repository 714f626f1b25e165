"""The approval's mails and the delivery to the municipality are background
tasks: enqueued only once the approval commits, with ids as arguments, run
by the database queue's worker in production. A mail server that is down
neither slows nor fails an approval; the retry delivers once it is back."""

import io
import statistics
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader

from cms.background_tasks import enqueue_on_commit
from hearings.deliveries import response_delivery_task
from hearings.models import HearingResponsePage, ResponseDelivery
from tests.smtp_sink import SmtpSink, closed_port
from tests.task_queue import DATABASE_QUEUE, run_worker
from tests.workflows.conftest import CONTACT, paragraph
from workflows.signals import page_published_on_approval

DELIVERY_TASK = "hearings.deliveries.response_delivery_task"
OUTCOME_TASK = "workflows.mail_tasks.workflow_outcome_notify_task"
ANNOUNCE_TASK = "workflows.mail_tasks.task_state_announce_task"
APPROVED_TEXT = "Det godkendte svar om væresteder."


@pytest.fixture
def database_queue(settings):
    settings.TASKS = DATABASE_QUEUE


@pytest.fixture
def smtp_down(settings):
    """Django's real SMTP backend, pointed at a port where nothing listens."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = closed_port()
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    return settings


def pdf_text(attachment_bytes):
    return " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(attachment_bytes)).pages
    )


def test_approving_with_the_mail_server_down_publishes_and_retry_delivers(
    admin, database_queue, smtp_down, monkeypatch, response_a, secretary_a, chair_a
):
    admin.submit(secretary_a, response_a, body=[paragraph(f"<p>{APPROVED_TEXT}</p>")])
    response = admin.approve(chair_a, response_a)

    assert response.status_code == 302
    assert HearingResponsePage.objects.get(pk=response_a.pk).live
    delivery = ResponseDelivery.objects.get()
    assert delivery.status == ResponseDelivery.Status.PENDING
    queued = DBTaskResult.objects.filter(task_path=DELIVERY_TASK).get()
    assert queued.args_kwargs == {"args": [delivery.pk], "kwargs": {}}
    assert DBTaskResult.objects.filter(task_path=OUTCOME_TASK).exists()

    run_worker(monkeypatch)
    delivery.refresh_from_db()
    assert delivery.status == ResponseDelivery.Status.FAILED
    assert "ConnectionRefusedError" in delivery.last_error

    with SmtpSink() as sink:
        smtp_down.EMAIL_PORT = sink.port
        call_command("retry_response_deliveries", stdout=io.StringIO())
        call_command("retry_response_deliveries", stdout=io.StringIO())
    delivered = [message for message in sink.messages if message["To"] == CONTACT]
    assert len(delivered) == 1
    assert APPROVED_TEXT in delivered[0].get_body(("plain",)).get_content()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (ResponseDelivery.Status.SENT, 2)


def test_approve_and_publish_time_with_smtp_unreachable(
    admin, database_queue, smtp_down, response_a, secretary_a, chair_a, vice_chair_a
):
    """A benchmark that prints (run with -s), not a timed assertion: the
    server time of the chairs' approval through the admin, five times."""
    timings = []
    for round_number in range(5):
        admin.submit(secretary_a, response_a, change_note=f"Runde {round_number}.")
        approver = chair_a if round_number % 2 == 0 else vice_chair_a
        started = time.perf_counter()
        response = admin.approve(approver, response_a)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 302
    print(
        "\napprove-and-publish, SMTP unreachable: median "
        f"{statistics.median(timings):.0f} ms "
        f"({', '.join(f'{ms:.0f}' for ms in timings)})"
    )
    assert ResponseDelivery.objects.count() == 5


def test_the_delivery_mail_carries_the_pdf_letter(
    admin, response_a, secretary_a, chair_a
):
    admin.submit(secretary_a, response_a, body=[paragraph(f"<p>{APPROVED_TEXT}</p>")])
    admin.approve(chair_a, response_a)

    [delivery] = [message for message in mail.outbox if message.to == [CONTACT]]
    [(filename, content, mimetype)] = delivery.attachments
    assert (filename, mimetype) == (
        "hoeringssvar-svar-om-vaeresteder.pdf",
        "application/pdf",
    )
    assert APPROVED_TEXT in pdf_text(content)
    assert f"Høringssvaret er vedhæftet som brev (PDF): {filename}" in delivery.body


@pytest.fixture
def failing_after_delivery():
    """A later receiver of the approval that fails: the whole approval,
    the delivery row with it, is rolled back."""

    def fail(**kwargs):
        raise RuntimeError("disk full")

    page_published_on_approval.connect(fail, dispatch_uid="test_fails_after_delivery")
    yield
    page_published_on_approval.disconnect(dispatch_uid="test_fails_after_delivery")


def test_a_rolled_back_approval_sends_and_enqueues_nothing(
    admin, failing_after_delivery, response_a, secretary_a, chair_a
):
    admin.submit(secretary_a, response_a)
    mail.outbox.clear()

    with pytest.raises(RuntimeError):
        admin.approve(chair_a, response_a)

    assert not HearingResponsePage.objects.get(pk=response_a.pk).live
    assert ResponseDelivery.objects.count() == 0
    assert mail.outbox == []


def test_a_rolled_back_approval_leaves_nothing_in_the_queue(
    admin, database_queue, failing_after_delivery, response_a, secretary_a, chair_a
):
    admin.submit(secretary_a, response_a)
    queued_before = DBTaskResult.objects.count()

    with pytest.raises(RuntimeError):
        admin.approve(chair_a, response_a)

    assert DBTaskResult.objects.count() == queued_before
    assert not DBTaskResult.objects.filter(task_path=DELIVERY_TASK).exists()


def test_task_arguments_must_be_json(db):
    with pytest.raises(TypeError):
        enqueue_on_commit(response_delivery_task, ResponseDelivery())
