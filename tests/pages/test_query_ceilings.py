"""Public pages make the same number of queries with 5 items as with 60:
templates never query per item."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import (
    ContentPageFactory,
    HearingFactory,
    HearingResponsePageFactory,
    MeetingPageFactory,
)
from tests.pages.conftest import hearing_index, meeting_index

URLS = [
    "/",
    "/moeder/",
    "/tilgaengelighed/",
    "/om-raadet/",
    "/soeg/?q=bolig",
    "/kalender.ics",
]


def _add_items(site, start, stop):
    """Responses, open hearings, meetings (past and coming) and content pages."""
    now = timezone.now()
    for number in range(start, stop):
        HearingResponsePageFactory(
            parent=hearing_index(site),
            hearing=HearingFactory(council=site),
            title=f"Svar om boliger nr. {number}",
            published=True,
        )
        HearingFactory(
            council=site,
            title=f"Åben høring om bolig nr. {number}",
            deadline=timezone.localdate() + datetime.timedelta(days=number + 1),
        )
        MeetingPageFactory(
            parent=meeting_index(site),
            title=f"Møde om bolig nr. {number}",
            starts_at=now + datetime.timedelta(days=number - (stop - start) // 2),
        )
        ContentPageFactory(parent=site.root_page, title=f"Bolig, side {number}")


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def test_public_pages_do_not_query_per_item(
    client, council_a, django_assert_max_num_queries
):
    _add_items(council_a, 0, 5)
    baseline = {url: _queries(client, url) for url in URLS}
    _add_items(council_a, 5, 60)
    for url in URLS:
        with django_assert_max_num_queries(baseline[url]):
            response = client.get(url)
        if url == "/moeder/":
            assert response.content.decode().count("Møde om bolig nr.") == 60
