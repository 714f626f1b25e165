""" "Add to calendar" files for one meeting and one hearing deadline, and the
webcal:// link that subscribes a calendar program to the council's feed."""

import datetime

import icalendar
from bs4 import BeautifulSoup
from django.utils import timezone

from tests.factories import HearingFactory, MeetingPageFactory
from tests.pages.conftest import meeting_index

HOST_A = "eksempelby.localhost"
HOST_B = "provestrup.localhost"


def ics(client, url, host=HOST_A):
    answer = client.get(url, HTTP_HOST=host)
    assert answer.status_code == 200
    assert answer["Content-Type"] == "text/calendar; charset=utf-8"
    assert answer["Content-Disposition"].startswith("attachment; filename=")
    return icalendar.Calendar.from_ical(answer.content)


def feed_uids(client, host=HOST_A):
    feed = icalendar.Calendar.from_ical(
        client.get("/kalender.ics", HTTP_HOST=host).content
    )
    return {str(event["UID"]) for event in feed.walk("VEVENT")}


def only_event(calendar):
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    (event,) = calendar.walk("VEVENT")
    assert event["UID"] and event["DTSTAMP"] and event["DTSTART"]
    return event


def test_a_meeting_page_offers_its_meeting_as_a_calendar_file(client, council_a):
    starts = timezone.now().replace(microsecond=0) + datetime.timedelta(days=5)
    meeting = MeetingPageFactory(
        parent=meeting_index(council_a), title="Rådsmøde i maj", starts_at=starts
    )
    page = BeautifulSoup(
        client.get(meeting.url, HTTP_HOST=HOST_A).content, "html.parser"
    )
    link = page.main.find("a", string="Læg mødet i din kalender")["href"]

    event = only_event(ics(client, link))

    assert str(event["SUMMARY"]) == "Rådsmøde i maj"
    assert event.decoded("DTSTART") == starts
    assert str(event["URL"]).endswith(meeting.url)
    assert str(event["UID"]) in feed_uids(client)


def test_another_councils_meeting_is_not_found(client, council_a, council_b):
    meeting = MeetingPageFactory(parent=meeting_index(council_b))

    answer = client.get(f"/kalender/moede-{meeting.pk}.ics", HTTP_HOST=HOST_A)

    assert answer.status_code == 404


def test_a_hearing_page_offers_its_deadline_as_a_calendar_file(
    client, council_a, index_a
):
    deadline = timezone.localdate() + datetime.timedelta(days=9)
    hearing = HearingFactory(
        council=council_a, title="Forslag om natcafeen", deadline=deadline
    )
    page = BeautifulSoup(
        client.get(index_a.hearing_url(hearing), HTTP_HOST=HOST_A).content,
        "html.parser",
    )
    link = page.main.find("a", string="Læg fristen i din kalender")["href"]

    event = only_event(ics(client, link))

    assert str(event["SUMMARY"]) == "Høringsfrist: Forslag om natcafeen"
    assert event.decoded("DTSTART") == deadline
    assert str(event["URL"]).endswith(index_a.hearing_url(hearing))
    assert str(event["UID"]) in feed_uids(client)


def test_a_passed_deadline_is_not_offered(client, council_a, index_a):
    hearing = HearingFactory(
        council=council_a, deadline=timezone.localdate() - datetime.timedelta(days=1)
    )
    page = client.get(index_a.hearing_url(hearing), HTTP_HOST=HOST_A)

    assert "Læg fristen i din kalender" not in page.content.decode()


def test_another_councils_hearing_deadline_is_not_found(client, council_a, council_b):
    hearing = HearingFactory(council=council_b)

    answer = client.get(f"/kalender/hoering-{hearing.pk}.ics", HTTP_HOST=HOST_A)

    assert answer.status_code == 404


def test_the_footer_and_the_meetings_page_link_the_feed_as_webcal(client, council_a):
    index = meeting_index(council_a)
    page = BeautifulSoup(client.get(index.url, HTTP_HOST=HOST_A).content, "html.parser")

    webcal = f"webcal://{HOST_A}/kalender.ics"
    assert page.footer.find("a", href=webcal) is not None
    assert page.main.find("a", href=webcal) is not None
