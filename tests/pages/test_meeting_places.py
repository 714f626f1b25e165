"""A meeting is held at one of the council's own meeting places; its public
page says how to get there and get in, and the editor offers no other
council's places."""

import datetime

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms.models import CouncilSettings, MeetingPlace
from tests.factories import MeetingPageFactory
from tests.pages.conftest import meeting_index

HOST_A = "eksempelby.localhost"


def place_of(site, **fields):
    return MeetingPlace.objects.create(
        council_settings=CouncilSettings.for_site(site),
        **{
            "name": "Værestedet Kilden",
            "address": "Kildevej 7, Eksempelby",
            "map_url": "https://kort.example/kilden",
            "step_free": True,
            "access_note": "Rampe ved døren mod haven.",
            "facilities": "kaffe og mad",
            **fields,
        },
    )


@pytest.fixture
def meeting_at_the_drop_in_centre(council_a):
    return MeetingPageFactory(
        parent=meeting_index(council_a),
        title="Rådsmøde på værestedet",
        starts_at=timezone.now() + datetime.timedelta(days=12),
        location="",
        place=place_of(council_a),
    )


def test_the_meeting_page_says_how_to_get_there_and_get_in(
    client, meeting_at_the_drop_in_centre
):
    html = client.get(meeting_at_the_drop_in_centre.url, HTTP_HOST=HOST_A)
    main = BeautifulSoup(html.content, "html.parser").main
    text = main.get_text(" ", strip=True)

    assert "Værestedet Kilden" in text
    assert "Kildevej 7, Eksempelby" in text
    assert "Trinfri adgang" in text
    assert "Rampe ved døren mod haven." in text
    assert "kaffe og mad" in text
    assert main.find("a", href="https://kort.example/kilden") is not None


def test_a_place_without_step_free_access_says_so_and_how_to_get_help(
    client, council_a
):
    place = place_of(council_a, name="Havnen", step_free=False, access_note="")
    meeting = MeetingPageFactory(
        parent=meeting_index(council_a), location="", place=place
    )

    html = client.get(meeting.url, HTTP_HOST=HOST_A).content.decode()

    assert "Ingen trinfri adgang" in html


def test_the_calendar_and_the_meeting_list_give_the_place(
    client, council_a, meeting_at_the_drop_in_centre
):
    listing = client.get(meeting_index(council_a).url, HTTP_HOST=HOST_A)
    feed = client.get("/kalender.ics", HTTP_HOST=HOST_A)

    assert "Værestedet Kilden, Kildevej 7, Eksempelby" in listing.content.decode()
    events = icalendar.Calendar.from_ical(feed.content).walk("VEVENT")
    locations = [str(event.get("location")) for event in events]
    assert "Værestedet Kilden, Kildevej 7, Eksempelby" in locations


def meeting_form(meeting, place_id):
    return nested_form_data(
        {
            "title": meeting.title,
            "slug": meeting.slug,
            "introduction": "",
            "starts_at": timezone.localtime(meeting.starts_at).strftime(
                "%Y-%m-%d %H:%M"
            ),
            "ends_at": "",
            "place": str(place_id),
            "location": "",
            "public_may_attend": "",
            "remote_participation": "",
            "remote_url": "",
            "agenda": streamfield([]),
            "agenda_items": inline_formset([]),
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
            "comments": inline_formset([]),
        }
    )


def test_the_editor_offers_only_the_councils_own_places(
    client_as, secretary_a, council_a, council_b, meeting_at_the_drop_in_centre
):
    place_of(council_b, name="Nabobyens Forsamlingshus")
    url = reverse("wagtailadmin_pages:edit", args=[meeting_at_the_drop_in_centre.pk])

    html = client_as(secretary_a).get(url).content.decode()

    assert "Værestedet Kilden" in html
    assert "Nabobyens Forsamlingshus" not in html


def test_another_councils_place_cannot_be_posted(
    client_as, secretary_a, council_b, meeting_at_the_drop_in_centre
):
    theirs = place_of(council_b, name="Nabobyens Forsamlingshus")
    meeting = meeting_at_the_drop_in_centre
    url = reverse("wagtailadmin_pages:edit", args=[meeting.pk])
    revisions = meeting.revisions.count()

    response = client_as(secretary_a).post(url, meeting_form(meeting, theirs.pk))

    assert response.status_code == 200
    assert "place" in response.context["form"].errors
    assert meeting.revisions.count() == revisions


def test_the_secretary_chooses_a_place_for_a_meeting(
    client_as, secretary_a, council_a, meeting_at_the_drop_in_centre
):
    other = place_of(council_a, name="Rådhuset, mødesal 3", address="Torvet 1")
    meeting = meeting_at_the_drop_in_centre
    url = reverse("wagtailadmin_pages:edit", args=[meeting.pk])

    response = client_as(secretary_a).post(url, meeting_form(meeting, other.pk))

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.get_latest_revision_as_object().place_id == other.pk
