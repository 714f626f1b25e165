"""The page cache (cms.page_cache): an anonymous reader's second visit is
served whole from the cache, without a query; nothing personal is stored.

The publishing paths that empty it are in
tests/workflows/test_page_cache_publishing.py and
tests/hearings/test_page_cache_hearings.py.
"""

import datetime
import gzip

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from cms.page_cache import PageCacheMiddleware
from hearings.models import HearingIndexPage
from pages.models import ContentPage, MeetingIndexPage
from tests.factories import (
    ContentPageFactory,
    HearingFactory,
    HearingResponsePageFactory,
    MeetingPageFactory,
    publish_fixture,
)

HOST_A = "eksempelby.localhost"
HOST_B = "provestrup.localhost"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_TIMEOUT = 300


@pytest.fixture
def pages_a(council_a):
    """A live response, meeting and content page of council A."""
    index = HearingIndexPage.objects.child_of(council_a.root_page).get()
    response = HearingResponsePageFactory(
        parent=index,
        hearing=HearingFactory(council=council_a, title="Forslag til boligplan"),
        title="Rådets svar om boligplanen",
        published=True,
    )
    meeting = MeetingPageFactory(
        parent=MeetingIndexPage.objects.child_of(council_a.root_page).get(),
        title="Rådsmøde om vinterhjælp",
        starts_at=timezone.now() + datetime.timedelta(days=10),
    )
    home = Page.objects.get(pk=council_a.root_page_id)
    content = publish_fixture(
        ContentPageFactory(parent=home, title="Udsattepolitikken")
    )
    return {"response": response, "meeting": meeting, "content": content}


def read(url, host=HOST_A, **headers):
    """What an anonymous reader in a browser of their own gets."""
    return Client().get(url, HTTP_HOST=host, **headers)


def page_urls(pages):
    return [
        "/",
        "/hoeringssvar/",
        "/hoeringssvar/?q=boligplanen",
        "/hoeringssvar/feed/",
        pages["response"].url,
        pages["meeting"].url,
        pages["content"].url,
        "/soeg/?q=bolig",
        "/kalender.ics",
        "/en/",
    ]


def test_a_second_anonymous_visit_is_served_without_a_query(
    pages_a, django_assert_num_queries
):
    for url in page_urls(pages_a):
        first = read(url)
        assert first.status_code == 200, url

        with django_assert_num_queries(0):
            second = read(url)

        assert second.status_code == 200, url
        assert second.content == first.content, url
        assert second["Content-Type"] == first["Content-Type"], url


def test_a_stored_page_keeps_its_public_headers(pages_a):
    first = read("/")
    second = read("/")

    for header in ("Cache-Control", "Content-Security-Policy", "X-Frame-Options"):
        assert second[header] == first[header], header
    assert not second.cookies


def test_a_change_no_signal_announces_is_not_seen_while_the_page_is_stored(
    pages_a,
):
    """The control for every invalidation test: the cache really answers."""
    url = pages_a["response"].url
    read(url)
    Page.objects.filter(pk=pages_a["response"].pk).update(title="Ukendt ændring")

    assert "Ukendt ændring" not in read(url).content.decode()


def test_query_strings_in_another_order_are_the_same_page(
    pages_a, django_assert_num_queries
):
    read("/hoeringssvar/?q=bolig&decided=")

    with django_assert_num_queries(0):
        read("/hoeringssvar/?decided=&q=bolig")


def test_another_councils_pages_are_stored_apart(
    pages_a, council_b, django_assert_num_queries
):
    a = read("/", HOST_A).content.decode()
    b = read("/", HOST_B).content.decode()

    assert "Prøvestrup" in b and "Prøvestrup" not in a
    with django_assert_num_queries(0):
        assert read("/", HOST_B).content.decode() == b


def test_logged_in_users_get_a_fresh_page_and_never_fill_the_cache(
    pages_a, client_as, secretary_a, django_assert_max_num_queries
):
    url = pages_a["response"].url
    staff = client_as(secretary_a)
    staff.get(url)
    Page.objects.filter(pk=pages_a["response"].pk).update(title="Sekretærens titel")

    assert "Sekretærens titel" in staff.get(url).content.decode()
    anonymous = read(url)  # rendered: the staff's visits stored nothing
    assert "Sekretærens titel" in anonymous.content.decode()
    read(url)  # stored now
    Page.objects.filter(pk=pages_a["response"].pk).update(title="Igen ændret")
    assert "Igen ændret" in staff.get(url).content.decode()
    assert "Igen ændret" not in read(url).content.decode()


def test_a_password_protected_page_is_never_stored(pages_a, council_a):
    page = ContentPage.objects.get(pk=pages_a["content"].pk)
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    assert read(page.url).status_code == 200  # the password form

    with CaptureQueriesContext(connection) as queries:
        read(page.url)

    assert len(queries) > 0


def test_the_page_cache_is_off_with_a_timeout_of_zero(pages_a, settings):
    settings.PAGE_CACHE_TIMEOUT = 0
    url = pages_a["response"].url
    read(url)
    Page.objects.filter(pk=pages_a["response"].pk).update(title="Straks synlig")

    assert "Straks synlig" in read(url).content.decode()


def test_gzip_for_clients_that_accept_it_decodes_to_the_same_page(pages_a):
    plain = read("/")
    for visit in range(2):  # the visit that stores the page, and a stored one
        packed = read("/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        assert packed["Content-Encoding"] == "gzip", visit
        assert gzip.decompress(packed.content) == plain.content, visit
        assert "Accept-Encoding" in packed["Vary"]
    refused = read("/", HTTP_ACCEPT_ENCODING="gzip;q=0, identity")
    assert not refused.has_header("Content-Encoding")
    assert refused.content == plain.content


def test_a_page_outside_the_cache_is_never_compressed(client_as, secretary_a, pages_a):
    response = client_as(secretary_a).get("/", HTTP_ACCEPT_ENCODING="gzip")

    assert not response.has_header("Content-Encoding")


# The rules on what is stored, on the middleware alone ------------------------


def counting_view(**change):
    """A view that counts its calls and shapes its response with change."""

    def view(request):
        view.calls += 1
        response = HttpResponse("<p>Rådets side</p>" * 20)
        for name, value in change.get("headers", {}).items():
            response[name] = value
        for name in change.get("cookies", ()):
            response.set_cookie(name, "1")
        if change.get("csrf"):
            request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
        response.status_code = change.get("status", 200)
        return response

    view.calls = 0
    return view


def calls_for_two_visits(view, **request_extra):
    middleware = PageCacheMiddleware(view)
    for _visit in range(2):
        request = RequestFactory().get("/om-raadet/", **request_extra)
        request.LANGUAGE_CODE = "da"
        middleware(request)
    return view.calls


@pytest.mark.parametrize(
    "change",
    [
        {"cookies": ["tracking"]},
        {"csrf": True},
        {"headers": {"Cache-Control": "private"}},
        {"headers": {"Cache-Control": "no-store"}},
        {"headers": {"Vary": "User-Agent"}},
        {"status": 404},
    ],
    ids=["cookie", "csrf-token", "private", "no-store", "vary", "not-found"],
)
def test_a_response_that_is_someones_own_is_not_stored(council_a, change):
    assert calls_for_two_visits(counting_view(**change)) == 2


def test_a_plain_public_response_is_stored(council_a):
    assert calls_for_two_visits(counting_view()) == 1


def test_a_visitor_with_a_session_is_neither_served_nor_stored(council_a):
    view = counting_view()
    calls_for_two_visits(view, HTTP_COOKIE="sessionid=abc")
    assert view.calls == 2
