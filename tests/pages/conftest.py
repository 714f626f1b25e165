"""Fixtures for the public site's tests: a council with pages of every type."""

import datetime
import shutil
from pathlib import Path

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
from tests.tool_gate import ToolGate


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


def _vnu_missing():
    """Why the Nu Html Checker cannot run here, or None when it can."""
    if shutil.which("java") is None:
        return "no java was found"
    if not VNU_JAR.is_file():
        return f"{VNU_JAR} is missing"
    return None


VNU_JAR = Path(__file__).resolve().parents[2] / "var" / "vnu" / "vnu.jar"
VNU = ToolGate(
    marker="html_validator",
    how_to_enable=(
        "HTML validity tests need Java and vnu.jar: apt install "
        "openjdk-17-jre-headless && scripts/fetch_vnu.sh"
    ),
    missing=_vnu_missing,
    where=__file__,
)


def pytest_collection_modifyitems(config, items):
    VNU.skip_marked(items)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    return VNU.fold_skip((yield))


@pytest.fixture
def vnu_command():
    """The Nu Html Checker's command line, to which the files are added."""
    VNU.require()
    return [shutil.which("java"), "-jar", str(VNU_JAR)]
