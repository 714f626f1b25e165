"""A hearing is public the moment it is saved: a change to it, its documents
or the shared themes is shown at once on every stored page that names it
(cms.page_cache, hearings.receivers)."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hearings.models import HearingIndexPage
from tests.factories import HearingFactory, HearingResponsePageFactory, ThemeFactory
from tests.hearings.conftest import PDF_BYTES, hearing_form_data

HOST_A = "eksempelby.localhost"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_TIMEOUT = 300


def read(url, host=HOST_A):
    text = Client().get(url, HTTP_HOST=host).content.decode()
    return text.replace("\r\n ", "")  # iCalendar folds long lines


@pytest.fixture
def open_hearing(council_a):
    """A hearing still open (on the home page) with a published response."""
    hearing = HearingFactory(
        council=council_a,
        title="Høring om varmestuen",
        deadline=timezone.localdate() + datetime.timedelta(days=20),
    )
    HearingResponsePageFactory(
        parent=HearingIndexPage.objects.child_of(council_a.root_page).get(),
        hearing=hearing,
        title="Rådets svar om varmestuen",
        published=True,
    )
    return hearing


@pytest.fixture
def stored(open_hearing):
    urls = [open_hearing.responses.get().url, "/", "/kalender.ics"]
    for url in urls:
        assert "varmestuen" in read(url), url
    return urls


@pytest.fixture
def post_as(client_as, django_capture_on_commit_callbacks):
    def post(user, url, data):
        with django_capture_on_commit_callbacks(execute=True):
            response = client_as(user).post(url, data)
        client_as(user).logout()
        return response

    return post


def test_a_hearing_edited_in_the_admin_is_shown_at_once(
    open_hearing, stored, secretary_a, post_as
):
    url = reverse("hearings_hearing:edit", args=[open_hearing.pk])
    data = hearing_form_data(open_hearing, title="Høring om varmestuen og natcaféen")

    assert post_as(secretary_a, url, data).status_code == 302

    for url in (stored[0], "/kalender.ics"):  # the home page lists responses
        assert "Høring om varmestuen og natcaféen" in read(url), url


def test_a_hearing_document_added_is_shown_at_once(
    open_hearing, stored, secretary_a, post_as, make_document
):
    document = make_document("bilag.pdf", PDF_BYTES, title="Bilag om varmestuen")
    url = reverse("hearings_hearing:edit", args=[open_hearing.pk])

    post_as(secretary_a, url, hearing_form_data(open_hearing, documents=[document]))

    assert "Bilag om varmestuen" in read(stored[0])


def test_a_deleted_hearing_leaves_the_home_page_at_once(
    council_a, secretary_a, post_as
):
    hearing = HearingFactory(
        council=council_a,
        title="Høring om natbusser",
        deadline=timezone.localdate() + datetime.timedelta(days=9),
    )
    assert "Høring om natbusser" in read("/")  # and stored

    post_as(secretary_a, reverse("hearings_hearing:delete", args=[hearing.pk]), {})

    assert "Høring om natbusser" not in read("/")


def test_a_renamed_theme_is_shown_at_once(
    open_hearing, django_capture_on_commit_callbacks
):
    theme = ThemeFactory(name="Varmestuer")
    open_hearing.themes.add(theme)
    url = open_hearing.responses.get().url
    assert "Varmestuer" in read(url)

    with django_capture_on_commit_callbacks(execute=True):
        theme.name = "Varmestuer og natcaféer"
        theme.save()

    assert "Varmestuer og natcaféer" in read(url)
