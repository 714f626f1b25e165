"""The easy-read summary's LIX is shown live in the editor."""

import re

from django.urls import reverse

from tests.factories import MeetingPageFactory

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


def test_the_meeting_editor_meters_the_easy_read_minutes(
    client_as, secretary_a, council_a
):
    """Any page type with easy-read text gets the meter, not only responses:
    the page type names its fields (workflows.page_protocol)."""
    meetings = council_a.root_page.get_children().get(slug="moeder")
    meeting = MeetingPageFactory(parent=meetings, live=False)
    editor = client_as(secretary_a).get(
        reverse("wagtailadmin_pages:edit", args=[meeting.pk])
    )

    html = editor.content.decode()
    assert "easy_read_minutes" in readability_fields(html)
    assert 'name="easy_read_minutes"' in html


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
