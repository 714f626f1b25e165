"""Fixtures for the public site's tests: a council with pages of every type."""

import datetime

import pytest
from django.utils import timezone

from hearings.models import HearingIndexPage
from pages.models import ContentPage, MeetingIndexPage
from tests.factories import (
    ContentPageFactory,
    HearingFactory,
    HearingResponsePageFactory,
    MeetingPageFactory,
    publish_fixture,
)


def hearing_index(site):
    return HearingIndexPage.objects.child_of(site.root_page).get()


def meeting_index(site):
    return MeetingIndexPage.objects.child_of(site.root_page).get()


def about_page(site):
    return ContentPage.objects.child_of(site.root_page).get(slug="om-raadet")


@pytest.fixture
def published_response(council_a):
    """A live response of council A about housing."""
    return HearingResponsePageFactory(
        parent=hearing_index(council_a),
        hearing=HearingFactory(council=council_a, title="Forslag til boligplan"),
        title="Rådets svar om boligplanen",
        easy_read_summary="Vi vil have flere billige boliger til hjemløse.",
        published=True,
    )


@pytest.fixture
def draft_response(council_a):
    """A response still being written: never public."""
    return HearingResponsePageFactory(
        parent=hearing_index(council_a),
        hearing=HearingFactory(council=council_a, title="Forslag om værestedet"),
        title="Udkast om værestedet",
        easy_read_summary="Hemmeligt udkast om natcafeen.",
    )


@pytest.fixture
def upcoming_meeting(council_a):
    return MeetingPageFactory(
        parent=meeting_index(council_a),
        title="Rådsmøde om vinterhjælp",
        starts_at=timezone.now() + datetime.timedelta(days=10),
    )


@pytest.fixture
def content_page(council_a):
    page = ContentPageFactory(
        parent=council_a.root_page,
        title="Udsattepolitikken",
        body=[("paragraph", "<p>Politikken lover varme værestedspladser.</p>")],
    )
    publish_fixture(page)
    return page
