"""The iCal feed: what a calendar program imports from the council's site."""

import datetime

import icalendar
from django.utils import timezone

from tests.factories import HearingFactory, MeetingPageFactory, publish_fixture
from tests.pages.conftest import meeting_index


def _calendar(client, **extra):
    response = client.get("/kalender.ics", **extra)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def _events(calendar):
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def test_meetings_are_events_with_time_place_and_link(client, council_a):
    starts = timezone.now().replace(microsecond=0) + datetime.timedelta(days=5)
    meeting = MeetingPageFactory(
        parent=meeting_index(council_a),
        title="Rådsmøde om vinterhjælp",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        location="Værestedet, Havnegade 3",
    )
    event = _events(_calendar(client))["Rådsmøde om vinterhjælp"]
    assert event.decoded("DTSTART") == starts
    assert event.decoded("DTEND") == starts + datetime.timedelta(hours=2)
    assert str(event["LOCATION"]) == "Værestedet, Havnegade 3"
    assert str(event["URL"]).endswith(meeting.url)


def test_hearing_deadlines_are_all_day_events(client, council_a, published_response):
    HearingFactory(
        council=council_a,
        title="Forslag om natcafeen",
        deadline=timezone.localdate() + datetime.timedelta(days=9),
    )
    events = _events(_calendar(client))
    deadline = events["Høringsfrist: Forslag om natcafeen"]
    assert deadline.decoded("DTSTART") == timezone.localdate() + datetime.timedelta(9)
    answered = events["Høringsfrist: Forslag til boligplan"]
    assert str(answered["URL"]).endswith(published_response.url)


def test_the_feed_has_no_drafts_and_no_other_councils_events(
    client, council_a, council_b
):
    MeetingPageFactory(parent=meeting_index(council_a), title="Kladde", live=False)
    MeetingPageFactory(parent=meeting_index(council_b), title="Møde i Prøvestrup")
    HearingFactory(council=council_b, title="Prøvestrups høring")
    summaries = set(_events(_calendar(client)))
    assert "Kladde" not in summaries
    assert "Møde i Prøvestrup" not in summaries
    assert "Høringsfrist: Prøvestrups høring" not in summaries
    other = _events(_calendar(client, HTTP_HOST="provestrup.localhost"))
    assert set(other) == {"Møde i Prøvestrup", "Høringsfrist: Prøvestrups høring"}


def test_events_keep_their_uid_so_calendars_update_instead_of_duplicating(
    client, council_a, upcoming_meeting, published_response
):
    first = [str(e["UID"]) for e in _calendar(client).walk("VEVENT")]
    upcoming_meeting.title = "Rådsmøde om vinterhjælp (flyttet)"
    publish_fixture(upcoming_meeting)
    second = [str(e["UID"]) for e in _calendar(client).walk("VEVENT")]
    assert len(first) == 2 and sorted(first) == sorted(second)


def test_the_calendar_is_named_after_the_council(client, council_a):
    calendar = _calendar(client)
    assert str(calendar["X-WR-CALNAME"]) == "Udsatterådet i Eksempelby"
    assert str(calendar["VERSION"]) == "2.0"
