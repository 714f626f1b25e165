"""The approved response is delivered to the hearing's contact address, and
a failed delivery is recorded in the history and sent later, as approved."""

from io import StringIO

from django.core import mail
from django.core.management import call_command
from wagtail.models import Locale, PageLogEntry

from hearings.history_timeline import hearing_history
from hearings.models import HearingResponsePage, ResponseDelivery
from tests.workflows.conftest import CONTACT, paragraph

DOWN = "tests.workflows.mail_backends.RefusingBackend"
UP = "django.core.mail.backends.locmem.EmailBackend"


def approve_while_mail_is_down(admin, settings, page, secretary, chair):
    admin.submit(secretary, page, body=[paragraph("<p>Det godkendte svar.</p>")])
    settings.EMAIL_BACKEND = DOWN
    admin.approve(chair, page)
    settings.EMAIL_BACKEND = UP
    mail.outbox.clear()


def test_a_failed_delivery_does_not_undo_the_approval_and_is_logged(
    admin, settings, response_a, secretary_a, chair_a, hearing_a
):
    approve_while_mail_is_down(admin, settings, response_a, secretary_a, chair_a)

    assert HearingResponsePage.objects.get(pk=response_a.pk).live
    delivery = ResponseDelivery.objects.get()
    assert delivery.status == ResponseDelivery.Status.FAILED
    assert "ConnectionRefusedError" in delivery.last_error
    assert PageLogEntry.objects.filter(
        page=response_a, action="hearings.response_delivery_failed"
    ).exists()
    titles = [entry.title for entry in hearing_history(hearing=hearing_a)]
    assert any(title.startswith("Høringssvaret kunne ikke sendes") for title in titles)


def test_the_retry_sends_exactly_the_approved_text_once(
    admin, settings, response_a, secretary_a, chair_a
):
    approve_while_mail_is_down(admin, settings, response_a, secretary_a, chair_a)
    admin.save(secretary_a, response_a, body=[paragraph("<p>Et senere udkast.</p>")])

    call_command("retry_response_deliveries", stdout=StringIO())
    call_command("retry_response_deliveries", stdout=StringIO())

    assert [message.to for message in mail.outbox] == [[CONTACT]]
    assert "Det godkendte svar." in mail.outbox[0].body
    assert "Et senere udkast." not in mail.outbox[0].body
    delivery = ResponseDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("sent", 2)
    assert PageLogEntry.objects.filter(
        page=response_a, action="hearings.response_delivered"
    ).exists()


def test_republishing_sends_an_updated_response(
    admin, response_a, secretary_a, chair_a, vice_chair_a
):
    admin.submit(secretary_a, response_a)
    admin.approve(chair_a, response_a)
    mail.outbox.clear()

    admin.submit(secretary_a, response_a, change_note="Tallene er rettet.")
    admin.approve(vice_chair_a, response_a)

    delivery = next(m for m in mail.outbox if m.to == [CONTACT])
    assert delivery.subject.startswith("Opdateret høringssvar fra")
    assert "Tallene er rettet." in delivery.body


def test_pages_without_a_hearing_and_translations_are_not_delivered(
    response_a, council_a
):
    english = Locale.objects.get_or_create(language_code="en")[0]
    translation = response_a.copy_for_translation(english, copy_parents=True)

    assert response_a.delivery_address() == CONTACT
    assert translation.specific.delivery_address() == ""
    assert not hasattr(council_a.root_page.specific, "delivery_address")
