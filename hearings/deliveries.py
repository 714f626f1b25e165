"""Delivery of approved responses to the municipality, by e-mail.

A delivery row is written in the same transaction as the chairs' approval
(on workflows' page_published_on_approval signal), and a background task
mails it only after that commits (cms.background_tasks), with the PDF letter
attached; a mail server that is down leaves a failed row for the retry
command, so a response is never approved without being delivered, nor
delivered without being approved, and the approval never waits for the
mail server.
"""

import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task
from wagtail.log_actions import log

from cms.background_tasks import enqueue_on_commit
from cms.models import CouncilSettings
from hearings.models import ResponseDelivery
from hearings.printing import PdfUnavailable, letter_filename, response_letter_pdf
from workflows.mail import is_deliverable, send_to_address
from workflows.page_text import stream_as_text

logger = logging.getLogger(__name__)

DELIVERED = "hearings.response_delivered"
DELIVERY_FAILED = "hearings.response_delivery_failed"
MAX_ATTEMPTS = 10
WAITING = [ResponseDelivery.Status.PENDING, ResponseDelivery.Status.FAILED]


def response_delivery_create(*, page, revision):
    """Queue the approved response for the hearing's contact address; it is
    sent once the approval has been committed."""
    address = page.delivery_address()
    if not is_deliverable(address):
        return None
    delivery = ResponseDelivery.objects.create(
        page=page, revision=revision, recipient=address
    )
    enqueue_on_commit(response_delivery_task, delivery.pk)
    return delivery


@task()
def response_delivery_task(delivery_id):
    """Background task: send one delivery (see response_delivery_attempt)."""
    return response_delivery_attempt(delivery_id=delivery_id)


def response_delivery_attempt(*, delivery_id):
    """Send a delivery that still waits; True if it went out, False if it
    failed, None if it is not waiting (sent already, or being sent by the
    worker or the retry command, which hold its row while sending)."""
    with transaction.atomic():
        delivery = (
            ResponseDelivery.objects.select_for_update(skip_locked=True)
            .filter(pk=delivery_id, status__in=WAITING, attempts__lt=MAX_ATTEMPTS)
            .first()
        )
        if delivery is None:
            return None
        return response_delivery_send(delivery=delivery)


def response_delivery_send(*, delivery):
    """Send one delivery; a failure is recorded and retried later, never lost."""
    delivery.attempts += 1
    try:
        response_delivery_mail(delivery=delivery)
    except Exception as exc:  # any mail failure is recorded and retried
        delivery.status = ResponseDelivery.Status.FAILED
        delivery.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        delivery.save(update_fields=["status", "attempts", "last_error"])
        _delivery_log(delivery, DELIVERY_FAILED)
        return False
    delivery.status = ResponseDelivery.Status.SENT
    delivery.sent_at = timezone.now()
    delivery.last_error = ""
    delivery.save(update_fields=["status", "attempts", "last_error", "sent_at"])
    _delivery_log(delivery, DELIVERED)
    return True


def _delivery_log(delivery, action):
    log(
        instance=delivery.page.specific,
        action=action,
        user=None,
        revision=delivery.revision,
        data={
            "recipient": delivery.recipient,
            "delivery_id": delivery.pk,
            "attempt": delivery.attempts,
        },
    )


def response_deliveries_retry():
    """Send again every delivery that has not gone out yet. Returns counts."""
    sent = failed = 0
    waiting = ResponseDelivery.objects.filter(
        status__in=WAITING, attempts__lt=MAX_ATTEMPTS
    ).values_list("pk", flat=True)
    for delivery_id in list(waiting):
        outcome = response_delivery_attempt(delivery_id=delivery_id)
        sent += outcome is True
        failed += outcome is False
    return sent, failed


def response_delivery_mail(*, delivery):
    """E-mail an approved response, exactly as approved, to the hearing's
    contact address, with a link to the public page and the PDF letter."""
    page = delivery.revision.as_object() if delivery.revision else delivery.page
    page = page.specific
    site = page.hearing.council
    council = CouncilSettings.for_site(site)
    earlier = delivery.page.response_deliveries.filter(
        status=ResponseDelivery.Status.SENT, created_at__lt=delivery.created_at
    )
    context = {
        "page": page,
        "hearing": page.hearing,
        "council": council.name,
        "body_text": stream_as_text(page.body, base_url=site.root_url),
        "public_url": delivery.page.specific.full_url,
        "is_update": earlier.exists(),
    }
    attachments = _letter_attachments(page, site, council)
    context["letter_filename"] = attachments[0][0] if attachments else ""
    send_to_address(
        "hearings/mail/response_delivery",
        context,
        delivery.recipient,
        reply_to=[council.email] if council.email else None,
        language=page.locale.language_code,
        attachments=attachments,
    )


def _letter_attachments(page, site, council):
    """The PDF letter, as (name, bytes, type); none where the server cannot
    make PDFs: the mail's text is the whole response all the same."""
    try:
        pdf = response_letter_pdf(page, site=site, council=council)
    except PdfUnavailable as error:
        logger.error("The delivery goes without its PDF letter: %s", error)
        return []
    return [(letter_filename(page), pdf, "application/pdf")]
