"""Every hearing of a council has a public page: what it is about, the
deadline with the time left, the municipality's material, the council's
response once published and the decision once known. Open hearings on the
home page and in the calendar lead to it."""

import datetime

import icalendar
from bs4 import BeautifulSoup
from django.utils import timezone

from hearings.models import HearingDocument
from tests.factories import (
    HearingFactory,
    HearingResponsePageFactory,
    publish_fixture,
)
from tests.hearings.conftest import PDF_BYTES

HOST_A = "eksempelby.localhost"


def open_hearing(council, **fields):
    return HearingFactory(
        council=council,
        title=fields.pop("title", "Forslag om nye åbningstider på værestedet"),
        summary="Kommunen vil lukke værestedet to timer tidligere.",
        deadline=timezone.localdate() + datetime.timedelta(days=5),
        **fields,
    )


def page_html(client, index, hearing, host=HOST_A):
    response = client.get(index.hearing_url(hearing), HTTP_HOST=host)
    assert response.status_code == 200
    return response.content.decode()


def test_an_open_hearing_shows_what_it_is_about_and_the_time_left(
    client, council_a, index_a, make_document
):
    hearing = open_hearing(council_a)
    HearingDocument.objects.create(
        hearing=hearing,
        document=make_document("brev.pdf", PDF_BYTES, title="Høringsbrev"),
    )

    html = page_html(client, index_a, hearing)
    main = BeautifulSoup(html, "html.parser").main

    assert main.h1.get_text() == hearing.title
    assert "lukke værestedet to timer tidligere" in main.get_text()
    assert "5 dage tilbage" in main.get_text()
    assert main.find("a", string="Høringsbrev")["href"].startswith("/documents/")
    assert "Rådet har ikke offentliggjort sit høringssvar endnu." in main.get_text()


def test_a_draft_response_never_shows_and_a_published_one_is_linked(
    client, council_a, index_a
):
    hearing = open_hearing(council_a)
    draft = HearingResponsePageFactory(
        parent=index_a, hearing=hearing, title="Hemmeligt udkast"
    )
    assert "Hemmeligt udkast" not in page_html(client, index_a, hearing)

    draft.title = "Rådets svar om åbningstiderne"
    draft.save()
    publish_fixture(draft)
    main = BeautifulSoup(page_html(client, index_a, hearing), "html.parser").main

    assert main.find("a", string="Rådets svar om åbningstiderne")["href"] == draft.url


def test_a_decided_hearing_shows_the_decision(client, council_a, index_a):
    hearing = open_hearing(
        council_a,
        decided_on=timezone.localdate(),
        decision_summary="Værestedet beholder sine åbningstider.",
    )

    text = BeautifulSoup(page_html(client, index_a, hearing), "html.parser").main

    assert "Værestedet beholder sine åbningstider." in text.get_text()


def test_another_councils_hearing_is_not_found_on_this_councils_site(
    client, council_a, council_b, index_a
):
    foreign = open_hearing(council_b, title="Prøvestrups høring")

    response = client.get(index_a.hearing_url(foreign), HTTP_HOST=HOST_A)

    assert response.status_code == 404
    assert "Prøvestrups høring" not in response.content.decode()


def test_open_hearings_on_the_home_page_and_in_the_calendar_link_their_page(
    client, council_a, index_a
):
    hearing = open_hearing(council_a)
    home = (
        BeautifulSoup(client.get("/", HTTP_HOST=HOST_A).content, "html.parser")
        .find(id="open-hearings-heading")
        .parent
    )

    assert home.find("a", string=hearing.title)["href"] == index_a.hearing_url(hearing)

    calendar = icalendar.Calendar.from_ical(
        client.get("/kalender.ics", HTTP_HOST=HOST_A).content
    )
    event = next(
        event for event in calendar.walk("VEVENT") if hearing.title in event["SUMMARY"]
    )
    assert str(event["URL"]).endswith(index_a.hearing_url(hearing))
