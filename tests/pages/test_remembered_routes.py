"""A council's remembered addresses (pages.routing) lead where Wagtail's own
walk down the tree leads: for every page of the demo council, Danish and
English, live or not, with every sub-route of a routable page and paths
that lead nowhere; and after a page goes live, offline, moves or is deleted.
"""

from functools import partial

import pytest
from django.db import connection
from django.http import Http404
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from hearings.models import Hearing
from tests.factories import ContentPageFactory
from tests.public_pages import demo_council
from workflows.publish_guard import bootstrap

# Appended to every page's path: each routable page's own routes, and paths
# that are no route (a page's child that does not exist).
SUB_PATHS = [
    "",
    "feed/",
    "opslag/",
    "brev/",
    "kalender.ics",
    "abonnement/",
    "abonnement/sendt/",
    "abonnement/bekraeft/et-bevis/",
    "hoering/{hearing}/",
    "hoering/{hearing}/skriv/",
    "hoering/{hearing}/skriv/tak/",
    "hoering/ikke-et-tal/",
    "findes-ikke/",
    "findes-ikke/heller-ikke/",
]


@pytest.fixture(autouse=True)
def fragments_on(settings):
    settings.COUNCIL_FRAGMENT_TIMEOUT = 300


@pytest.fixture
def council(db):
    return demo_council()


def _request(site, language):
    request = RequestFactory().get("/", HTTP_HOST=site.hostname)
    request.LANGUAGE_CODE = language
    return request


def _outcome(route, request, components):
    """What a route gives, comparable: the page, its class, its route's
    view and arguments; or 404."""
    try:
        page, args, kwargs = route(request, components)
    except Http404:
        return "404"
    if args:  # a routable page's own route: (view, args, kwargs)
        view, view_args, view_kwargs = args
        args = (view.__func__, tuple(view_args), tuple(sorted(view_kwargs.items())))
    return (page.pk, type(page), tuple(args), tuple(sorted(kwargs.items())))


def _roots(site):
    home = site.root_page.specific
    return [(home.locale.language_code, home)] + [
        (page.locale.language_code, page.specific)
        for page in home.get_translations().live()
    ]


def _paths(root, hearing_id):
    for page in Page.objects.descendant_of(root, inclusive=True):
        base = page.url_path[len(root.url_path) :]
        for sub in SUB_PATHS:
            yield base + sub.format(hearing=hearing_id)


def _components(path):
    return [part for part in path.split("/") if part]


def _fresh_root(root):
    return Page.objects.get(pk=root.pk).specific


def test_every_address_leads_where_wagtails_walk_leads(council):
    hearing_id = Hearing.objects.filter(council=council).order_by("pk").first().pk
    roots = _roots(council)
    assert {language for language, _ in roots} == {"da", "en"}
    compared = 0
    for language, root in roots:
        with translation.override(language):
            for path in _paths(root, hearing_id):
                components = _components(path)
                wagtail = _outcome(
                    partial(Page.route, root),
                    _request(council, language),
                    components,
                )
                first = _outcome(
                    _fresh_root(root).route, _request(council, language), components
                )
                route = _fresh_root(root).route
                with CaptureQueriesContext(connection) as queries:
                    again = _outcome(route, _request(council, language), components)
                assert first == wagtail, (language, path)
                assert again == wagtail, (language, path)
                if wagtail != "404":
                    # Remembered: one query for the site, one for the page.
                    assert len(queries) <= 2, (language, path, queries.captured_queries)
                compared += 1
    assert compared > 300


def _read(council, path):
    return Client().get(path, HTTP_HOST=council.hostname)


def _read_twice(council, path):
    """Read as a new visitor twice: the first remembers the route."""
    first = _read(council, path)
    return first, _read(council, path)


def test_a_restricted_page_stays_restricted_when_its_route_is_remembered(
    council, django_capture_on_commit_callbacks
):
    page = Page.objects.child_of(council.root_page).get(slug="om-raadet")
    child = ContentPageFactory(parent=page, title="Indre side", slug="indre")
    path = "/om-raadet/indre/"
    assert [r.status_code for r in _read_twice(council, path)] == [200, 200]
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=page,
            restriction_type=PageViewRestriction.PASSWORD,
            password="hemmelig",
        )

    for response in _read_twice(council, path):
        assert response.status_code == 200
        assert child.title not in response.content.decode()
        assert 'name="password"' in response.content.decode()


def _redirects(council, old, new):
    response = _read(council, old)
    assert response.status_code == 301, old
    assert response["Location"].endswith(new)


def test_routes_change_at_once_with_the_pages(
    council, django_capture_on_commit_callbacks
):
    home = Page.objects.get(pk=council.root_page_id)
    about = Page.objects.child_of(home).get(slug="om-raadet")
    with django_capture_on_commit_callbacks(execute=True):
        page = ContentPageFactory(parent=home, title="Rådets arbejde", slug="arbejde")
    assert _read(council, "/arbejde/").status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert _read(council, "/arbejde/").status_code == 404

    with django_capture_on_commit_callbacks(execute=True), bootstrap(reason="test"):
        page.slug = "vores-arbejde"
        page.save_revision().publish()
    _redirects(council, "/arbejde/", "/vores-arbejde/")  # Wagtail's redirect
    assert _read(council, "/vores-arbejde/").status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=page.pk).move(about, pos="last-child")
    _redirects(council, "/vores-arbejde/", "/om-raadet/vores-arbejde/")
    assert _read(council, "/om-raadet/vores-arbejde/").status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=page.pk).delete()
    assert _read(council, "/om-raadet/vores-arbejde/").status_code == 404
