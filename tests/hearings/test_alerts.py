"""E-mail alerts of new hearing responses, without an account: double
opt-in through a signed, expiring link; one alert per response and
subscriber when the chairs' approval publishes it, in the reader's
language and only from their own council; an unsubscribe link in every mail
(also one-click, RFC 8058) that erases the address."""

import re
import time
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core import mail, signing
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale

from hearings.alert_links import CONFIRM_SALT, CONFIRM_SEP, unsubscribe_token
from hearings.models import ResponseAlertSent, ResponseAlertSubscription
from tests.factories import HearingFactory, HearingResponsePageFactory, ThemeFactory
from tests.workflows.conftest import AdminDriver, paragraph

HOST_A = "eksempelby.localhost"
HOST_B = "provestrup.localhost"
READER = "anna@borger.dk"
CONFIRM_LINK = re.compile(r"https?://[^/\s]+(/\S*/abonnement/bekraeft/\S+/)")
UNSUBSCRIBE_LINK = re.compile(r"https?://[^/\s]+(/\S*abonnement/afmeld/[^/\s]+/)")


@pytest.fixture
def admin(client, django_capture_on_commit_callbacks):
    return AdminDriver(client=Client(), capture=django_capture_on_commit_callbacks)


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the tasks that mail) as it happens."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def form_url(index):
    return index.url + index.reverse_subpage("alert_subscribe")


def subscribe(client, commit, index, email=READER, host=HOST_A, **data):
    with commit():
        return client.post(
            form_url(index), {"email": email, **data}, HTTP_HOST=host, follow=True
        )


def link_in(message, pattern=CONFIRM_LINK):
    return pattern.search(message.body).group(1)


def confirm(client, commit, message, host=HOST_A):
    with commit():
        return client.post(link_in(message), HTTP_HOST=host)


def subscribed(client, commit, index, email=READER, host=HOST_A, **data):
    """A confirmed subscriber, through the form and the mailed link."""
    subscribe(client, commit, index, email=email, host=host, **data)
    answer = confirm(client, commit, mail.outbox[-1], host=host)
    assert answer.status_code == 200
    mail.outbox.clear()
    return ResponseAlertSubscription.objects.get(email=email)


def approve_new_response(admin, index, hearing, secretary, chair, title):
    page = HearingResponsePageFactory(parent=index, hearing=hearing, title=title)
    page.save_revision(user=secretary)
    admin.submit(secretary, page, body=[paragraph("<p>Rådet siger ja.</p>")])
    admin.approve(chair, page)
    return page


def alerts_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def main_text(answer):
    return BeautifulSoup(answer.content, "html.parser").main.get_text(" ", strip=True)


# Asking and confirming -------------------------------------------------------


def test_the_form_sends_one_confirmation_and_confirms_only_by_the_button(
    client, commit, index_a
):
    answer = subscribe(client, commit, index_a, email="Anna@Borger.dk")

    assert "Tjek din e-mail" in main_text(answer)
    (message,) = mail.outbox
    assert message.to == [READER]
    assert message.subject == "Bekræft dine e-mails fra Udsatterådet i Eksempelby"
    assert "inden for tre dage" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == (
        "List-Unsubscribe=One-Click"
    )
    subscription = ResponseAlertSubscription.objects.get()
    assert subscription.confirmed_at is None

    opened = client.get(link_in(message), HTTP_HOST=HOST_A)  # a link checker
    assert opened.status_code == 200
    assert "Ja, send mig e-mails" in main_text(opened)
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None

    pressed = confirm(client, commit, message)
    assert "Tak. Dine e-mails er startet." in main_text(pressed)
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None
    assert len(mail.outbox) == 1


def test_a_changed_confirmation_link_is_refused_in_danish(client, commit, index_a):
    subscribe(client, commit, index_a)
    path = link_in(mail.outbox[0])
    tampered = path[:-3] + ("A" if path[-3] != "A" else "B") + path[-2:]

    answer = client.post(tampered, HTTP_HOST=HOST_A)

    assert answer.status_code == 400
    assert "Linket virker ikke" in main_text(answer)
    assert ResponseAlertSubscription.objects.get().confirmed_at is None


def test_an_unsubscribe_token_does_not_confirm(client, commit, index_a):
    subscribe(client, commit, index_a)
    subscription = ResponseAlertSubscription.objects.get()
    wrong = index_a.url + index_a.reverse_subpage(
        "alert_confirm",
        args=[unsubscribe_token(subscription=subscription).replace(":", CONFIRM_SEP)],
    )

    answer = client.post(wrong, HTTP_HOST=HOST_A)

    assert answer.status_code == 400
    assert ResponseAlertSubscription.objects.get().confirmed_at is None


class FourDaysAgoSigner(signing.TimestampSigner):
    def timestamp(self):
        return signing.b62_encode(int(time.time()) - 4 * 24 * 3600)


def test_an_expired_confirmation_link_is_refused_and_the_request_erased(
    client, commit, index_a
):
    subscribe(client, commit, index_a)
    subscription = ResponseAlertSubscription.objects.get()
    old = FourDaysAgoSigner(salt=CONFIRM_SALT, sep=CONFIRM_SEP).sign(
        subscription.key.hex
    )
    url = index_a.url + index_a.reverse_subpage("alert_confirm", args=[old])

    answer = client.post(url, HTTP_HOST=HOST_A)

    assert answer.status_code == 410
    assert "Linket er udløbet" in main_text(answer)
    assert not ResponseAlertSubscription.objects.exists()


def test_unconfirmed_requests_expire_and_confirmed_ones_stay(client, commit, index_a):
    subscribed(client, commit, index_a, email="bo@borger.dk")
    subscribe(client, commit, index_a, email=READER)
    ResponseAlertSubscription.objects.update(
        created_at=timezone.now() - timezone.timedelta(days=4)
    )
    out = StringIO()

    call_command("expire_alert_subscriptions", stdout=out)

    assert "1 unconfirmed" in out.getvalue()
    assert list(ResponseAlertSubscription.objects.values_list("email", flat=True)) == [
        "bo@borger.dk"
    ]


def test_a_council_does_not_accept_another_councils_link(
    client, commit, index_a, council_b, index_b
):
    subscribe(client, commit, index_a)

    answer = client.post(link_in(mail.outbox[0]), HTTP_HOST=HOST_B)

    assert answer.status_code == 410
    assert ResponseAlertSubscription.objects.get().confirmed_at is None


# The form ---------------------------------------------------------------------


def test_a_wrong_address_is_named_in_danish_and_the_input_kept(client, commit, index_a):
    theme = ThemeFactory()
    answer = subscribe(client, commit, index_a, email="anna@", themes=[theme.pk])

    assert answer.status_code == 200
    soup = BeautifulSoup(answer.content, "html.parser")
    assert "Skriv hele e-mailadressen" in soup.main.get_text()
    field = soup.find("input", attrs={"name": "email"})
    assert field["value"] == "anna@"
    assert field["aria-invalid"] == "true"
    assert soup.find("input", attrs={"value": str(theme.pk)}).has_attr("checked")
    assert not mail.outbox
    assert not ResponseAlertSubscription.objects.exists()


def test_the_form_is_linked_from_the_index_next_to_the_feed(client, index_a):
    soup = BeautifulSoup(
        client.get(index_a.url, HTTP_HOST=HOST_A).content, "html.parser"
    )
    section = soup.find("section", class_="follow-responses")

    links = [a["href"] for a in section.find_all("a")]
    assert form_url(index_a) in links
    assert any(link.endswith("feed/") for link in links)


def test_a_robot_filling_the_hidden_field_gets_no_mail(client, commit, index_a):
    answer = subscribe(client, commit, index_a, website="https://spam.example")

    assert "Tjek din e-mail" in main_text(answer)
    assert not mail.outbox
    assert not ResponseAlertSubscription.objects.exists()


def test_one_address_gets_three_confirmations_a_day_then_a_danish_refusal(
    client, commit, index_a
):
    for _ in range(3):
        subscribe(client, commit, index_a)
    answer = subscribe(client, commit, index_a)

    assert answer.status_code == 429
    assert "mange bekræftelsesmails" in main_text(answer)
    assert (
        BeautifulSoup(answer.content, "html.parser").find(
            "input", attrs={"name": "email"}
        )["value"]
        == READER
    )
    assert len(mail.outbox) == 3
    assert ResponseAlertSubscription.objects.count() == 1  # the latest request


# Alerts on publishing -----------------------------------------------------------


def test_a_publish_by_the_chairs_alerts_each_confirmed_subscriber_once(
    client, commit, admin, index_a, secretary_a, chair_a, council_a
):
    subscription = subscribed(client, commit, index_a)
    subscribe(client, commit, index_a, email="ikke-bekraeftet@borger.dk")
    mail.outbox.clear()
    hearing = HearingFactory(council=council_a, title="Høring om væresteder")

    page = approve_new_response(
        admin, index_a, hearing, secretary_a, chair_a, "Svar om væresteder"
    )

    (alert,) = alerts_to(READER)
    assert not alerts_to("ikke-bekraeftet@borger.dk")
    assert alert.subject == (
        "Nyt høringssvar fra Udsatterådet i Eksempelby: Svar om væresteder"
    )
    page.refresh_from_db()
    assert page.full_url in alert.body
    unsubscribe = alert.extra_headers["List-Unsubscribe"]
    assert unsubscribe == f"<http://{HOST_A}{link_in(alert, UNSUBSCRIBE_LINK)}>"
    assert alert.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert ResponseAlertSent.objects.filter(subscription=subscription).count() == 1

    mail.outbox.clear()
    admin.submit(secretary_a, page, body=[paragraph("<p>Rettet svar.</p>")])
    admin.approve(chair_a, page)
    assert not alerts_to(READER)


def test_themes_choose_which_responses_alert(
    client, commit, admin, index_a, secretary_a, chair_a, council_a
):
    housing, jobs = ThemeFactory(), ThemeFactory()
    subscribed(client, commit, index_a, email="bolig@borger.dk", themes=[housing.pk])
    subscribed(client, commit, index_a, email="job@borger.dk", themes=[jobs.pk])
    subscribed(client, commit, index_a, email="alt@borger.dk")
    hearing = HearingFactory(council=council_a, themes=[housing])

    approve_new_response(admin, index_a, hearing, secretary_a, chair_a, "Om boliger")

    alerted = sorted(
        m.to[0] for m in mail.outbox if m.subject.startswith("Nyt høringssvar")
    )
    assert alerted == ["alt@borger.dk", "bolig@borger.dk"]


def test_a_subscriber_of_another_council_is_not_alerted(
    client, commit, admin, index_a, index_b, secretary_a, chair_a, council_a
):
    subscribed(client, commit, index_b, email="provestrup@borger.dk", host=HOST_B)
    hearing = HearingFactory(council=council_a)

    approve_new_response(admin, index_a, hearing, secretary_a, chair_a, "Kun A")

    assert not alerts_to("provestrup@borger.dk")
    assert ResponseAlertSubscription.objects.get().confirmed_at is not None


def test_an_english_subscriber_gets_english_mails(
    client, commit, admin, index_a, secretary_a, chair_a, council_a
):
    english = index_a.get_translation(Locale.objects.get(language_code="en"))
    assert english.live
    subscribe(client, commit, english)
    (confirmation,) = mail.outbox
    assert confirmation.subject.startswith("Confirm your e-mail alerts")
    confirm(client, commit, confirmation)
    mail.outbox.clear()

    approve_new_response(
        admin, index_a, HearingFactory(council=council_a), secretary_a, chair_a, "Svar"
    )

    (alert,) = alerts_to(READER)
    assert alert.subject.startswith("New hearing response from")
    assert "The response is in Danish only." in alert.body
    assert "/en/abonnement/afmeld/" in alert.extra_headers["List-Unsubscribe"]


# Unsubscribing ----------------------------------------------------------------------


def test_the_unsubscribe_page_asks_and_the_button_erases_the_address(
    client, commit, admin, index_a, secretary_a, chair_a, council_a
):
    subscribed(client, commit, index_a)
    approve_new_response(
        admin, index_a, HearingFactory(council=council_a), secretary_a, chair_a, "Et"
    )
    path = link_in(alerts_to(READER)[0], UNSUBSCRIBE_LINK)

    shown = client.get(path, HTTP_HOST=HOST_A)
    assert "Stop e-mails" in main_text(shown)
    assert ResponseAlertSubscription.objects.exists()

    erased = client.post(path, HTTP_HOST=HOST_A)
    assert "Din adresse er slettet" in main_text(erased)
    assert not ResponseAlertSubscription.objects.filter(email=READER).exists()
    assert not ResponseAlertSent.objects.exists()

    again = client.post(path, HTTP_HOST=HOST_A)
    assert again.status_code == 200


def test_one_click_unsubscribe_from_the_mail_program_needs_no_token(
    client, commit, index_a
):
    subscription = subscribed(client, commit, index_a)
    mail_program = Client(enforce_csrf_checks=True)
    path = f"/abonnement/afmeld/{unsubscribe_token(subscription=subscription)}/"

    answer = mail_program.post(
        path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
        HTTP_HOST=HOST_A,
    )

    assert answer.status_code == 200
    assert not ResponseAlertSubscription.objects.exists()


def test_a_changed_unsubscribe_link_is_refused_in_danish(client, commit, index_a):
    subscription = subscribed(client, commit, index_a)
    token = unsubscribe_token(subscription=subscription)

    answer = client.post(f"/abonnement/afmeld/{token}x/", HTTP_HOST=HOST_A)

    assert answer.status_code == 400
    assert "Linket virker ikke" in main_text(answer)
    assert ResponseAlertSubscription.objects.exists()


def test_another_council_cannot_erase_a_subscription(
    client, commit, index_a, council_b
):
    subscription = subscribed(client, commit, index_a)
    token = unsubscribe_token(subscription=subscription)

    client.post(f"/abonnement/afmeld/{token}/", HTTP_HOST=HOST_B)

    assert ResponseAlertSubscription.objects.exists()


def test_a_response_approved_for_later_alerts_when_it_goes_live(
    client, commit, admin, index_a, secretary_a, chair_a, council_a
):
    subscribed(client, commit, index_a)
    page = HearingResponsePageFactory(
        parent=index_a, hearing=HearingFactory(council=council_a), title="Senere"
    )
    page.save_revision(user=secretary_a)
    tomorrow = timezone.localtime() + timezone.timedelta(days=1)
    admin.submit(secretary_a, page, go_live_at=tomorrow.strftime("%Y-%m-%d %H:%M"))
    admin.approve(chair_a, page)
    page.refresh_from_db()
    assert not page.live
    assert not alerts_to(READER)

    # The next day: the scheduled version is due.
    revision = page.revisions.get(approved_go_live_at__isnull=False)
    due = timezone.now() - timezone.timedelta(minutes=1)
    revision.content["go_live_at"] = due.isoformat()
    revision.approved_go_live_at = due
    revision.save(update_fields=["content", "approved_go_live_at"])
    with commit():
        call_command("publish_scheduled", stdout=StringIO())

    page.refresh_from_db()
    assert page.live
    (alert,) = alerts_to(READER)
    assert "Senere" in alert.subject


def test_the_form_and_the_unsubscribe_page_take_few_queries(
    client, commit, index_a, django_assert_max_num_queries
):
    subscription = subscribed(client, commit, index_a)
    client.get(form_url(index_a), HTTP_HOST=HOST_A)  # Wagtail's site cache filled

    # Measured: 21 (the page around it: menu, footer, settings), 12 (erasing
    # the row, its themes and its sent records included).
    with django_assert_max_num_queries(21):
        assert client.get(form_url(index_a), HTTP_HOST=HOST_A).status_code == 200
    path = f"/abonnement/afmeld/{unsubscribe_token(subscription=subscription)}/"
    with django_assert_max_num_queries(12):
        assert client.post(path, HTTP_HOST=HOST_A).status_code == 200
