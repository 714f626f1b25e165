"""No stored page survives a change that goes live (cms.page_cache).

Each test stores the pages a reader would see (the page, its index, the
home page), makes the change the way people do, through the real admin
views, lets the transaction commit, and reads again as a new anonymous
visitor: the new text is there at once. Another council's stored pages
are left alone.
"""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page

from tests.factories import ContentPageFactory, council_settings_form
from tests.workflows.conftest import response_form_data
from tests.workflows.test_publish_paths import send_translation, translate_title

HOST_A = "eksempelby.localhost"
HOST_B = "provestrup.localhost"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_TIMEOUT = 300


def read(url, host=HOST_A):
    response = Client().get(url, HTTP_HOST=host)
    return response.status_code, response.content.decode()


def fresh(page):
    return Page.objects.get(pk=page.pk).specific


@pytest.fixture
def approved(admin, response_a, secretary_a, chair_a):
    admin.submit(secretary_a, response_a)
    admin.approve(chair_a, response_a)
    return fresh(response_a)


@pytest.fixture
def stored(approved):
    """The pages that show the response, each read once (and so stored)."""
    urls = [approved.url, "/hoeringssvar/", "/", "/soeg/?q=svar"]
    for url in urls:
        assert read(url)[0] == 200, url
    return urls


@pytest.fixture
def superuser_client(superuser, django_capture_on_commit_callbacks):
    """The platform administrator's browser; commit callbacks are run."""
    client = Client()
    client.force_login(superuser)

    def post(url, data=None):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data or {})

    return post


def test_an_approved_change_is_shown_at_once_everywhere_it_appears(
    admin, approved, stored, secretary_a, chair_a
):
    admin.submit(secretary_a, approved, title="Rådets nye svar om væresteder")
    admin.approve(chair_a, approved)

    for url in stored:
        assert "Rådets nye svar om væresteder" in read(url)[1], url


def test_another_councils_stored_pages_are_left_alone(
    admin, approved, council_b, secretary_a, chair_a, django_assert_num_queries
):
    home_b = read("/", HOST_B)[1]

    admin.submit(secretary_a, approved, title="Rådets nye svar om væresteder")
    admin.approve(chair_a, approved)

    with django_assert_num_queries(0):
        assert read("/", HOST_B)[1] == home_b


def test_an_unpublished_page_is_gone_at_once(approved, stored, superuser_client):
    superuser_client(reverse("wagtailadmin_pages:unpublish", args=[approved.pk]))

    assert read(approved.url)[0] == 404
    assert approved.title not in read("/hoeringssvar/")[1]


def test_a_deleted_page_is_gone_at_once(approved, stored, superuser_client):
    superuser_client(reverse("wagtailadmin_pages:delete", args=[approved.pk]))

    assert not Page.objects.filter(pk=approved.pk).exists()
    assert read(approved.url)[0] == 404
    assert approved.title not in read("/hoeringssvar/")[1]


def test_a_moved_page_is_found_at_its_new_address_at_once(council_a, superuser_client):
    home = Page.objects.get(pk=council_a.root_page_id)
    page = ContentPageFactory(parent=home, title="Rådets arbejde", slug="arbejde")
    about = Page.objects.child_of(home).get(slug="om-raadet")
    assert read("/arbejde/")[0] == 200
    assert read("/om-raadet/arbejde/")[0] == 404

    superuser_client(
        reverse("wagtailadmin_pages:move_confirm", args=[page.pk, about.pk])
    )

    old_address = Client().get("/arbejde/", HTTP_HOST=HOST_A)
    assert old_address.status_code == 301  # Wagtail's redirect to the new place
    assert old_address["Location"].endswith("/om-raadet/arbejde/")
    assert read("/om-raadet/arbejde/")[0] == 200


def test_a_reverted_version_is_shown_once_the_chairs_approve_it(
    admin, approved, stored, secretary_a, chair_a
):
    first = approved.live_revision
    admin.submit(secretary_a, approved, title="Andet svar om væresteder")
    admin.approve(chair_a, approved)
    assert "Andet svar om væresteder" in read(approved.url)[1]

    admin.as_user(secretary_a)
    admin._post(
        reverse("wagtailadmin_pages:revisions_revert", args=[approved.pk, first.pk]),
        {
            **response_form_data(approved, title=first.as_object().title),
            "action-submit": "1",
        },
    )
    admin.approve(chair_a, fresh(approved))

    assert fresh(approved).title == first.as_object().title
    for url in stored:
        assert first.as_object().title in read(url)[1], url
        assert "Andet svar om væresteder" not in read(url)[1], url


def test_an_english_translation_is_linked_and_shown_once_approved(
    admin, approved, stored, secretary_a, chair_a
):
    english = Locale.objects.get(language_code="en")
    danish_page = read(approved.url)[1]
    target = translate_title(admin, secretary_a, approved, english, "The reply")
    assert read(approved.url)[1] == danish_page  # a draft changes nothing

    target = send_translation(admin, secretary_a, chair_a, target)

    assert target.url in read(approved.url)[1]  # the language switcher
    status, english_page = read(target.url)
    assert status == 200 and "The reply" in english_page


def test_changed_council_settings_are_shown_at_once(
    council_a, approved, stored, superuser_client
):
    url = reverse("wagtailsettings:edit", args=["cms", "councilsettings", council_a.pk])
    superuser_client(
        url,
        council_settings_form(
            council_a,
            name="Rådet for socialt udsatte i Eksempelby",
            municipality="Eksempelby Kommune",
            email="raadet@eksempelby.dk",
        ),
    )

    for url in stored:
        shown = read(url)[1]
        assert "Rådet for socialt udsatte i Eksempelby" in shown, url
        assert "raadet@eksempelby.dk" in shown, url
