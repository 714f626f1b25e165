""" "Skriv til rådet" from the public's side: anyone can send the council
their view on an open hearing through the real form (CSRF checked, as a
browser would), gets a Danish receipt, and the secretariat gets a mail;
a CPR number, a filled honeypot, too many messages and a closed hearing
are refused or ignored, and whatever was typed is kept."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client
from django.utils import timezone
from django_tasks.base import Task

from hearings.citizen_input.services import citizen_input_create, citizen_input_notify
from hearings.models import CitizenInput
from tests.factories import HearingFactory, HearingResponsePageFactory

HOST_A = "eksempelby.localhost"
HOST_B = "provestrup.localhost"
TEXT = "Værestedet er det eneste sted, hvor jeg kan få varm mad om aftenen."


def open_hearing(council, **fields):
    return HearingFactory(
        council=council,
        title=fields.pop("title", "Forslag om kortere åbningstid på værestedet"),
        deadline=fields.pop(
            "deadline", timezone.localdate() + datetime.timedelta(days=5)
        ),
        **fields,
    )


@pytest.fixture
def browser():
    """An anonymous visitor whose POSTs need the form's CSRF token."""
    return Client(enforce_csrf_checks=True, HTTP_HOST=HOST_A)


@pytest.fixture
def hearing(council_a):
    return open_hearing(council_a)


def form_url(index, hearing):
    return index.citizen_input_url(hearing)


def send(browser, url, commit_callbacks, **fields):
    """Open the form like a browser, then post it with its CSRF token."""
    page = browser.get(url)
    soup = BeautifulSoup(page.content, "html.parser")
    token = soup.find("input", {"name": "csrfmiddlewaretoken"})["value"]
    data = {"csrfmiddlewaretoken": token, "text": TEXT, "name": "", "contact": ""}
    data.update(fields)
    with commit_callbacks(execute=True):
        return browser.post(url, data)


def main_of(response):
    return BeautifulSoup(response.content, "html.parser").main


def test_an_open_hearings_page_leads_to_the_form(browser, index_a, hearing):
    main = main_of(browser.get(index_a.hearing_url(hearing)))

    link = main.find("a", string="Skriv til rådet")
    assert link["href"] == form_url(index_a, hearing)
    assert main.find("form") is None  # the hearing's page has no CSRF token


@pytest.mark.parametrize("closed", ["overdue", "published", "decided"])
def test_a_closed_hearings_page_has_no_way_to_write(
    browser, council_a, index_a, closed
):
    today = timezone.localdate()
    hearing = open_hearing(
        council_a,
        deadline=today - datetime.timedelta(days=1 if closed == "overdue" else -5),
        decided_on=today if closed == "decided" else None,
    )
    if closed == "published":
        HearingResponsePageFactory(parent=index_a, hearing=hearing, published=True)

    main = main_of(browser.get(index_a.hearing_url(hearing)))

    assert main.find("a", string="Skriv til rådet") is None


def test_someone_sends_the_council_their_view(
    browser,
    index_a,
    hearing,
    secretary_a,
    chair_a,
    member_a,
    secretary_b,
    django_capture_on_commit_callbacks,
):
    url = form_url(index_a, hearing)
    form_page = browser.get(url)
    assert form_page.status_code == 200
    text = main_of(form_page).get_text(" ")
    assert "Rådets sekretariat og formand læser det" in text
    assert "Det bliver ikke offentliggjort" in text
    assert "90 dage efter, at kommunen har truffet sin beslutning" in text

    answer = send(
        browser,
        url,
        django_capture_on_commit_callbacks,
        name="Jens Jensen",
        contact="jens@example.org",
    )

    assert answer.status_code == 302
    assert answer["Location"].endswith(f"/hoering/{hearing.pk}/skriv/tak/")
    receipt = browser.get(answer["Location"])
    assert "Tak, fordi du skrev til rådet" in main_of(receipt).get_text()
    saved = CitizenInput.objects.get()
    assert (saved.hearing, saved.text, saved.name, saved.contact) == (
        hearing,
        TEXT,
        "Jens Jensen",
        "jens@example.org",
    )
    [message] = mail.outbox
    assert message.to == [secretary_a.email]
    assert hearing.title in message.subject
    assert f"/admin/hearings/input/{hearing.pk}/" in message.body
    # The mail says where to read it, not what it says or who wrote it.
    for private in (TEXT, "Jens Jensen", "jens@example.org"):
        assert private not in message.body


def test_name_and_contact_are_optional(
    browser, index_a, hearing, django_capture_on_commit_callbacks
):
    answer = send(
        browser, form_url(index_a, hearing), django_capture_on_commit_callbacks
    )

    assert answer.status_code == 302
    assert CitizenInput.objects.get().name == ""


def test_an_empty_message_is_refused_in_danish(
    browser, index_a, hearing, django_capture_on_commit_callbacks
):
    answer = send(
        browser,
        form_url(index_a, hearing),
        django_capture_on_commit_callbacks,
        text="  ",
        name="Jens Jensen",
    )

    assert answer.status_code == 400
    main = main_of(answer)
    assert "Skriv det, du vil fortælle rådet." in main.get_text()
    assert main.find("input", {"name": "name"})["value"] == "Jens Jensen"
    assert not CitizenInput.objects.exists()


@pytest.mark.parametrize("field", ["text", "name", "contact"])
def test_a_cpr_number_is_refused_and_everything_typed_is_kept(
    browser, index_a, hearing, field, django_capture_on_commit_callbacks
):
    typed = {
        "text": TEXT,
        "name": "Jens Jensen",
        "contact": "jens@example.org",
    }
    typed[field] = typed[field] + " 010190-1234"

    answer = send(
        browser, form_url(index_a, hearing), django_capture_on_commit_callbacks, **typed
    )

    assert answer.status_code == 400
    main = main_of(answer)
    assert "ser ud til at indeholde et CPR-nummer (010190-XXXX)" in main.get_text()
    assert main.find("textarea", {"name": "text"}).get_text().strip() == typed["text"]
    assert main.find("input", {"name": "name"})["value"] == typed["name"]
    assert main.find("input", {"name": "contact"})["value"] == typed["contact"]
    assert main.find("input", {"aria-invalid": "true"}) or main.find(
        "textarea", {"aria-invalid": "true"}
    )
    assert not CitizenInput.objects.exists()
    assert mail.outbox == []


def test_a_robot_that_fills_the_hidden_field_gets_the_receipt_and_nothing_is_kept(
    browser, index_a, hearing, secretary_a, django_capture_on_commit_callbacks
):
    answer = send(
        browser,
        form_url(index_a, hearing),
        django_capture_on_commit_callbacks,
        website="https://spam.example/",
    )

    assert answer.status_code == 302
    assert answer["Location"].endswith("/tak/")
    assert not CitizenInput.objects.exists()
    assert mail.outbox == []


def test_too_many_messages_from_one_client_wait_with_the_text_kept(
    browser, settings, index_a, hearing, django_capture_on_commit_callbacks
):
    settings.CITIZEN_INPUT_LIMIT = 2
    url = form_url(index_a, hearing)
    for _ in range(2):
        assert send(browser, url, django_capture_on_commit_callbacks).status_code == 302

    answer = send(browser, url, django_capture_on_commit_callbacks, text="Tredje gang")

    assert answer.status_code == 429
    main = main_of(answer)
    assert "Vent 60 minutter, og send igen" in main.get_text()
    assert main.find("textarea", {"name": "text"}).get_text().strip() == "Tredje gang"
    assert CitizenInput.objects.count() == 2
    # Another client is not held up by this one.
    other = Client(enforce_csrf_checks=True, HTTP_HOST=HOST_A, REMOTE_ADDR="10.0.0.9")
    assert send(other, url, django_capture_on_commit_callbacks).status_code == 302


def test_a_closed_hearing_refuses_politely_and_shows_what_was_typed(
    browser, council_a, index_a, hearing, django_capture_on_commit_callbacks
):
    url = form_url(index_a, hearing)
    page = browser.get(url)
    token = BeautifulSoup(page.content, "html.parser").find(
        "input", {"name": "csrfmiddlewaretoken"}
    )["value"]
    hearing.deadline = timezone.localdate() - datetime.timedelta(days=1)
    hearing.save()  # the deadline passed while they were writing

    answer = browser.post(url, {"csrfmiddlewaretoken": token, "text": TEXT})

    main = main_of(answer)
    assert main.h1.get_text() == "Høringen er lukket"
    assert main.find("textarea").get_text().strip() == TEXT
    assert main.find("form") is None
    assert not CitizenInput.objects.exists()
    assert main_of(browser.get(url)).h1.get_text() == "Høringen er lukket"


def test_another_councils_hearing_has_no_form_here(browser, council_b, index_a):
    hearing_b = open_hearing(council_b)

    assert browser.get(form_url(index_a, hearing_b)).status_code == 404


def test_the_hearing_page_stays_in_the_page_cache_and_the_form_does_not(
    settings, index_a, hearing, django_assert_max_num_queries
):
    settings.PAGE_CACHE_TIMEOUT = 300
    visitor = Client(HTTP_HOST=HOST_A)
    hearing_url = index_a.hearing_url(hearing)
    visitor.get(hearing_url)
    visitor.get(form_url(index_a, hearing))

    with django_assert_max_num_queries(0):
        assert visitor.get(hearing_url).status_code == 200
    with django_assert_max_num_queries(50):
        page = visitor.get(form_url(index_a, hearing))
    assert b"csrfmiddlewaretoken" in page.content


def test_the_mail_is_a_background_task_enqueued_once_the_input_is_committed(
    hearing, secretary_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        citizen_input_create(hearing=hearing, text=TEXT)
    assert isinstance(citizen_input_notify, Task)
    assert mail.outbox == []  # nothing before the commit

    for callback in callbacks:
        callback()

    assert [message.to for message in mail.outbox] == [[secretary_a.email]]


def test_input_deleted_before_the_task_runs_sends_no_mail(hearing, secretary_a):
    citizen_input = CitizenInput.objects.create(hearing=hearing, text=TEXT)
    citizen_input_id = citizen_input.pk
    citizen_input.delete()

    result = citizen_input_notify.enqueue(citizen_input_id=citizen_input_id)

    assert result.return_value == 0
    assert mail.outbox == []


def test_a_reader_of_the_english_site_writes_to_the_council_in_english(
    browser, index_a, hearing, secretary_a, django_capture_on_commit_callbacks
):
    english = index_a.get_translations().get(locale__language_code="en")
    page = main_of(browser.get(english.hearing_url(hearing)))
    link = page.find("a", href=english.citizen_input_url(hearing))
    assert link is not None

    form = main_of(browser.get(link["href"]))
    assert form.find("h1").get_text(strip=True) != ""
    assert "Skriv til rådet" not in form.get_text()
    answer = send(browser, link["href"], django_capture_on_commit_callbacks)

    assert answer.status_code == 302
    receipt = main_of(browser.get(answer["Location"])).get_text(" ", strip=True)
    assert answer["Location"].startswith("/en/")
    assert "Tak" not in receipt
    assert CitizenInput.objects.get().text == TEXT
    assert [message.to for message in mail.outbox] == [[secretary_a.email]]
