"""The English site lists the council's meetings even before they are
translated (in Danish, marked lang="da" and saying so), and writes dates
the English way."""

import icalendar
from bs4 import BeautifulSoup
from django.utils import timezone

from tests.pages.conftest import meeting_index
from workflows.publish_guard import bootstrap

HOST_A = "eksempelby.localhost"


def soup(client, url):
    response = client.get(url, HTTP_HOST=HOST_A)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def english_meeting_index(council):
    index = meeting_index(council)
    return index.get_translations().get(locale__language_code="en")


def test_untranslated_meetings_are_listed_on_the_english_site_in_danish(
    client, council_a, upcoming_meeting
):
    page = soup(client, english_meeting_index(council_a).url)

    link = page.main.find("a", string=upcoming_meeting.title)
    assert link is not None
    assert link["lang"] == "da"
    assert "(in Danish)" in link.parent.get_text()
    assert "No meetings are planned yet." not in page.main.get_text()


def test_the_english_home_page_shows_the_next_meetings(
    client, council_a, upcoming_meeting
):
    box = soup(client, "/en/").find(id="next-meetings-heading").parent

    assert box.find("a", string=upcoming_meeting.title)["lang"] == "da"


def test_danish_meetings_on_the_danish_site_are_not_marked(
    client, council_a, upcoming_meeting
):
    link = soup(client, meeting_index(council_a).url).main.find(
        "a", string=upcoming_meeting.title
    )

    assert not link.has_attr("lang")
    assert "(på dansk)" not in link.parent.get_text()


def test_dates_are_written_the_english_way_on_the_english_site(
    client, council_a, upcoming_meeting
):
    when = timezone.localtime(upcoming_meeting.starts_at)
    english = soup(client, english_meeting_index(council_a).url).main.time.get_text()
    danish = soup(client, meeting_index(council_a).url).main.time.get_text()

    assert english.startswith(when.strftime("%A ")) and f" {when.day} " in english
    assert f"{when.day}. " in danish and ", kl. " in danish
    assert ". " not in english.split(",")[0]


def test_a_translated_meeting_is_listed_once_in_english(
    client, council_a, upcoming_meeting
):
    english = upcoming_meeting.copy_for_translation(
        english_meeting_index(council_a).locale
    )
    english.title = "Council meeting on winter help"
    with bootstrap(reason="test fixture"):
        english.save_revision().publish()

    main = soup(client, english_meeting_index(council_a).url).main

    assert main.find("a", string="Council meeting on winter help") is not None
    assert main.find("a", string=upcoming_meeting.title) is None


def test_the_english_calendar_has_the_meetings_not_yet_translated(
    client, council_a, upcoming_meeting
):
    english_index = english_meeting_index(council_a)
    feed = client.get(f"{english_index.get_parent().url}kalender.ics", HTTP_HOST=HOST_A)

    events = icalendar.Calendar.from_ical(feed.content).walk("VEVENT")
    summaries = [event["summary"] for event in events]
    assert upcoming_meeting.title in summaries
    found = summaries[summaries.index(upcoming_meeting.title)]
    assert found.params["LANGUAGE"] == "da"
