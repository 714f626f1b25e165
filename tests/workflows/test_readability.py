"""The editor shows how easy a text is to read, in colour and words: live
under easy-read fields, as last saved under a response's whole text; the
chairs' mail gives the LIX of each."""

import re

from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse

from pages.models import MeetingAgendaItem
from tests.factories import MeetingMinutesPageFactory, MeetingPageFactory
from tests.workflows.conftest import paragraph

URL = "/admin/workflows/readability/"


def test_the_meter_reports_score_and_band_in_danish(client_as, secretary_a):
    response = client_as(secretary_a).post(
        URL, {"text": "Vi vil have flere varmestuer. Der skal være åbent om natten."}
    )

    data = response.json()
    assert (data["score"], data["band"]) == (15, "easy")
    assert data["message"].startswith("LIX 15: let at læse.")


def test_a_hard_text_is_said_to_be_hard(client_as, secretary_a):
    text = (
        "Kommunalbestyrelsen skal sikre koordinerede og helhedsorienterede "
        "indsatser på tværs af forvaltningerne."
    )

    data = client_as(secretary_a).post(URL, {"text": text}).json()

    assert data["band"] == "very_hard"
    assert "meget svær at læse" in data["message"]


def test_only_staff_can_use_it_and_only_by_post(client, client_as, secretary_a):
    assert client.post(URL, {"text": "Hej."}).status_code == 302  # to the login
    assert client_as(secretary_a).get(URL).status_code == 405


def readability_fields(html):
    """The field names the editor's script tag hands the live meter."""
    found = re.search(r'data-readability-fields="([^"]*)"', html)
    return found.group(1).split() if found else []


def test_the_minutes_editor_meters_the_easy_read_minutes(
    client_as, secretary_a, council_a
):
    """Any page type with easy-read text gets the meter, not only responses:
    the page type names its fields (workflows.page_protocol)."""
    meetings = council_a.root_page.get_children().get(slug="moeder")
    meeting = MeetingPageFactory(parent=meetings, live=False)
    minutes = MeetingMinutesPageFactory(parent=meeting, live=False)
    editor = client_as(secretary_a).get(
        reverse("wagtailadmin_pages:edit", args=[minutes.pk])
    )

    html = editor.content.decode()
    assert "easy_read_minutes" in readability_fields(html)
    assert 'name="easy_read_minutes"' in html


def test_the_meeting_editor_meters_each_agenda_items_easy_read_line(
    client_as, secretary_a, council_a
):
    """Rows of an inline panel are metered too: the page type names the
    rows' easy-read fields (readability_row_fields)."""
    meetings = council_a.root_page.get_children().get(slug="moeder")
    meeting = MeetingPageFactory(parent=meetings, live=False)
    MeetingAgendaItem.objects.create(page=meeting, title="Vinterberedskab")
    editor = client_as(secretary_a).get(
        reverse("wagtailadmin_pages:edit", args=[meeting.pk])
    )

    html = editor.content.decode()
    assert "easy_read_line" in readability_fields(html)
    assert 'name="agenda_items-0-easy_read_line"' in html


def test_the_response_editor_loads_the_meter_for_the_summary(
    client_as, secretary_a, response_a
):
    editor = client_as(secretary_a).get(
        reverse("wagtailadmin_pages:edit", args=[response_a.pk])
    )

    html = editor.content.decode()
    assert "workflows/js/readability.js" in html
    assert "easy_read_summary" in readability_fields(html)
    assert f'data-readability-url="{URL}"' in html
    assert 'name="easy_read_summary"' in html


HARD_BODY = (
    "<p>Kommunalbestyrelsen skal sikre koordinerede og helhedsorienterede "
    "indsatser på tværs af forvaltningerne.</p>"
)
EASY_SUMMARY = "Vi vil have flere varmestuer. Der skal være åbent om natten."


def lix_meter(html):
    """The LIX meter the editor shows under the response's text."""
    meter = BeautifulSoup(html, "html.parser").find(
        class_="readability-meter", attrs={"data-band": True}
    )
    return meter


def test_the_response_editor_shows_the_lix_of_the_whole_text_in_colour_and_words(
    admin, secretary_a, response_a
):
    admin.save(secretary_a, response_a, body=[paragraph(HARD_BODY)])

    html = admin.get(
        secretary_a, reverse("wagtailadmin_pages:edit", args=[response_a.pk])
    ).content.decode()

    meter = lix_meter(html)
    assert meter["data-band"] == "very_hard"
    bar = meter.find("meter")
    assert (bar["value"], bar["low"], bar["high"]) == ("56", "35", "45")
    assert "LIX 56: meget svær at læse." in meter.get_text(" ", strip=True)
    assert "workflows/css/readability.css" in html


def test_the_chairs_mail_gives_the_lix_of_the_summary_and_of_the_whole_text(
    admin, secretary_a, chair_a, response_a
):
    admin.submit(
        secretary_a,
        response_a,
        easy_read_summary=EASY_SUMMARY,
        body=[paragraph(HARD_BODY)],
    )

    to_chair = [m for m in mail.outbox if chair_a.email in m.to]
    assert len(to_chair) == 1
    body = to_chair[0].body
    assert "LIX for »Kort fortalt (let læst)«: 15 (let at læse)." in body
    assert "LIX for »Høringssvar«: 56 (meget svær at læse)." in body
