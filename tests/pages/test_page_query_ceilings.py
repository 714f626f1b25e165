"""What each public page costs in SQL queries as readers get it (the
council's fragments kept, cms.page_cache): at most these many, with two
councils of 24 responses and with three of 80. Lower them when a page gets
cheaper; a page that needs more says so here."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.demo_scale import scale_seed
from cms.models import MemberProfile
from pages.working_groups.models import WorkingGroup, WorkingGroupMeeting
from tests.cms.test_seed_scale import HOST, _council, _public_urls
from tests.factories import UserFactory

# One per URL of _public_urls, in its order; until reading requests lost
# their transaction, two of each were the request's savepoint. Before the
# remembered routes and settings (pages.routing, cms.site_parts): 18, 16,
# 16, 16, 18, 17, 11, 14, 12; after them 15, 12, 12, 12, 12, 13, 10, 9, 12,
# then parts added to the home page, the response page and the calendar
# since then brought their own (3, 1 and 2): 18, 12, 12, 12, 13, 13, 10, 9,
# 14. Then reading requests lost their transaction (pages.views), the site
# and its home page were kept (cms.page_cache.council_site_for_request),
# the home page's boxes too, and working groups' members were read at once.
CEILINGS = {
    "home": 1,
    "index": 7,
    "index filtered": 7,
    "index page 2": 7,
    "response": 8,
    "hearing": 8,
    "search": 6,
    "feed": 4,
    "calendar": 11,
}


@pytest.fixture(autouse=True)
def fragments_on(settings):
    settings.COUNCIL_FRAGMENT_TIMEOUT = 300


def _counts(client, urls):
    counts = {}
    for name, url in zip(CEILINGS, urls, strict=True):
        client.get(url)  # the council's fragments and routes are kept
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200, url
        counts[name] = len(captured)
    return counts


def _over(counts):
    return {
        name: (count, CEILINGS[name])
        for name, count in counts.items()
        if count > CEILINGS[name]
    }


def _working_groups(site, *, groups, members):
    """Groups with members (every other one named) and a meeting each: the
    home page and the calendar name them."""
    first = WorkingGroup.objects.count()
    for number in range(first, first + groups):
        group = WorkingGroup.objects.create(
            council=site, name=f"Gruppe {number}", theme="Boliger"
        )
        people = [UserFactory() for _ in range(members)]
        MemberProfile.objects.bulk_create(
            MemberProfile(user=person, publicly_named=True) for person in people[::2]
        )
        group.members.set(people)
        WorkingGroupMeeting.objects.create(
            group=group, starts_at=timezone.now() + datetime.timedelta(days=number)
        )


@pytest.mark.django_db
def test_public_pages_stay_under_their_query_ceilings_at_two_sizes():
    scale_seed(councils=2, hearings=24)
    _working_groups(_council(), groups=2, members=2)
    client = Client(HTTP_HOST=HOST)
    urls = _public_urls(_council())
    small = _counts(client, urls)
    print("queries, 2 councils x 24:", small)
    assert _over(small) == {}
    scale_seed(councils=3, hearings=80)
    _working_groups(_council(), groups=3, members=5)
    large = _counts(client, urls)
    print("queries, 3 councils x 80:", large)
    assert _over(large) == {}
    assert large == small
