"""The council's front page: latest responses, open hearings, next meetings."""

import datetime

from django.utils import timezone

from tests.factories import HearingFactory, MeetingPageFactory
from tests.pages.conftest import meeting_index
from tests.pages.html import parse


def _section(client, heading_id, **extra):
    document = parse(client.get("/", **extra).content)
    return next(
        section
        for section in document.find_all("section")
        if section.attrs.get("aria-labelledby") == heading_id
    )


def test_latest_responses_are_listed_with_their_easy_read_summary(
    client, published_response, draft_response
):
    section = _section(client, "latest-responses-heading")
    titles = [h3.text for h3 in section.find_all("h3")]
    assert titles == ["Rådets svar om boligplanen"]
    assert "Vi vil have flere billige boliger" in section.text
    assert section.find("a", href=published_response.url) is not None


def test_open_hearings_show_their_deadline_and_status_in_words(client, council_a):
    HearingFactory(
        council=council_a,
        title="Forslag om varmestuer",
        committee="Socialudvalget",
        deadline=datetime.date(2099, 3, 5),
    )
    section = _section(client, "open-hearings-heading")
    item = section.find("li")
    assert item.find("h3").text == "Forslag om varmestuer"
    assert "Frist: 5. marts 2099" in item.text
    tag = next(span for span in item.find_all("span") if span.has_class("badge"))
    assert tag.text == "Status: Modtaget"


def test_hearings_past_their_deadline_or_answered_are_not_open(
    client, council_a, published_response
):
    HearingFactory(
        council=council_a,
        title="For sent",
        received_on=timezone.localdate() - datetime.timedelta(days=40),
        deadline=timezone.localdate() - datetime.timedelta(days=2),
    )
    section = _section(client, "open-hearings-heading")
    assert section.find("h3") is None
    assert "Der er ingen åbne høringer lige nu." in section.text


def test_next_meetings_are_the_coming_ones_soonest_first(client, council_a):
    index = meeting_index(council_a)
    now = timezone.now()
    for title, days in [("Om fire uger", 28), ("I går", -1), ("Om en uge", 7)]:
        MeetingPageFactory(
            parent=index, title=title, starts_at=now + datetime.timedelta(days=days)
        )
    section = _section(client, "next-meetings-heading")
    assert [h3.text for h3 in section.find_all("h3")] == ["Om en uge", "Om fire uger"]


def test_the_front_page_shows_only_its_own_councils_content(
    client, council_b, published_response
):
    HearingFactory(council=council_b, title="Prøvestrups egen høring")
    section = _section(
        client, "latest-responses-heading", HTTP_HOST="provestrup.localhost"
    )
    assert section.find("h3") is None
    hearings = _section(
        client, "open-hearings-heading", HTTP_HOST="provestrup.localhost"
    )
    assert [h3.text for h3 in hearings.find_all("h3")] == ["Prøvestrups egen høring"]
