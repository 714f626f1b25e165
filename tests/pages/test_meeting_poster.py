"""A meeting's A4 poster for the notice board of a drop-in centre: when and
where, the easy-read minutes first, and a QR code to the meeting's page;
only for a live meeting."""

import datetime

from bs4 import BeautifulSoup
from django.utils import timezone

from cms.models import CouncilSettings, MeetingPlace
from pages.models import MeetingAgendaItem
from tests.factories import MeetingMinutesPageFactory, MeetingPageFactory
from tests.pages.conftest import meeting_index

HOST_A = "eksempelby.localhost"


def held_meeting(council, **fields):
    place = MeetingPlace.objects.create(
        council_settings=CouncilSettings.for_site(council),
        name="Værestedet Kilden",
        address="Kildevej 7, Eksempelby",
        step_free=False,
    )
    return MeetingPageFactory(
        parent=meeting_index(council),
        title="Rådsmøde på værestedet",
        starts_at=timezone.now() - datetime.timedelta(days=3),
        location="",
        place=place,
        **fields,
    )


def test_the_poster_gives_when_where_the_easy_read_minutes_and_a_qr_code(
    client, council_a
):
    meeting = held_meeting(council_a)
    MeetingMinutesPageFactory(
        parent=meeting,
        easy_read_minutes="Vi talte om varm mad. Vi skriver til byrådet.",
    )

    page = client.get(meeting.url + "opslag/", HTTP_HOST=HOST_A)

    assert page.status_code == 200
    main = BeautifulSoup(page.content, "html.parser").main
    text = main.get_text(" ", strip=True)
    assert "Værestedet Kilden, Kildevej 7, Eksempelby" in text
    assert "Ingen trinfri adgang" in text
    summary = main.find(class_="poster__summary")
    assert summary.h2.get_text(strip=True) == "Det talte vi om, kort fortalt"
    assert "Vi talte om varm mad." in summary.get_text()
    qr = main.find("img", src=lambda src: src.startswith("data:image/svg+xml"))
    assert meeting.full_url in qr["alt"]


def test_before_the_minutes_the_poster_gives_the_agenda_in_easy_words(
    client, council_a
):
    meeting = held_meeting(council_a, introduction="Vi taler om vinteren.")
    MeetingAgendaItem.objects.create(
        page=meeting,
        title="Vinterberedskab 2027",
        easy_read_line="Hvor kan man sove, når det er koldt?",
    )
    MeetingAgendaItem.objects.create(page=meeting, title="Eventuelt")
    MeetingMinutesPageFactory(
        parent=meeting, easy_read_minutes="Et udkast.", live=False
    )

    page = client.get(meeting.url + "opslag/", HTTP_HOST=HOST_A)

    summary = BeautifulSoup(page.content, "html.parser").find(class_="poster__summary")
    assert summary.h2.get_text(strip=True) == "Det handler mødet om"
    items = [li.get_text(strip=True) for li in summary.find_all("li")]
    assert items == ["Hvor kan man sove, når det er koldt?", "Eventuelt"]
    assert "Et udkast." not in summary.get_text()


def test_the_meeting_page_links_its_poster(client, council_a):
    meeting = held_meeting(council_a)

    html = client.get(meeting.url, HTTP_HOST=HOST_A).content.decode()

    assert f'href="{meeting.url}opslag/"' in html


def test_a_draft_meeting_has_no_poster(client, council_a):
    meeting = held_meeting(council_a, live=False)

    assert client.get(meeting.url + "opslag/", HTTP_HOST=HOST_A).status_code == 404
