"""No page asks a third-party host for anything: no Gravatar (which would get
every staff member's e-mail hash and address), no CDN, no fonts or scripts
from elsewhere — in the admin and on the public site.

Links an editor types to other sites are fine (the reader chooses to follow
them); what is checked is everything a browser loads by itself: scripts,
styles, images, frames, icons, form targets, CSS url()s. Beyond that, no
other host may be named anywhere in the page (inline JSON included, where
the admin's sidebar keeps its avatar URL) except a few that are only ever
links or XML namespaces.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from tests.factories import HearingFactory, HearingResponsePageFactory, UserFactory
from tests.pages.conftest import hearing_index

pytestmark = pytest.mark.django_db

OWN_HOSTS = {"testserver", "eksempelby.localhost", "provestrup.localhost"}
# Named in Wagtail's pages only as a link for the reader to follow (the help
# menu, the "enable JavaScript" hint) or as an XML namespace (SVG).
LINK_ONLY_HOSTS = {"guide.wagtail.org", "www.enable-javascript.com", "www.w3.org"}
# Attributes that make a browser fetch something without anyone clicking.
LOADING_ATTRIBUTES = {"src", "srcset", "poster", "data", "action", "formaction"}
LOADING_LINKS = {"stylesheet", "icon", "shortcut", "preload", "prefetch", "manifest"}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")
ANY_HOST = re.compile(r"(?:https?:)?(?:\\?/){2}([a-z0-9-]+(?:\.[a-z0-9-]+)+)", re.I)


class ResourceParser(HTMLParser):
    """Every URL the page makes the browser load, with where it was found."""

    def __init__(self):
        super().__init__()
        self.loads = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self._in_style = tag == "style"
        for name, value in attrs.items():
            if value and name in LOADING_ATTRIBUTES:
                for url in value.split(","):
                    self.loads.append((f"<{tag} {name}>", url.strip().split(" ")[0]))
        rel = set((attrs.get("rel") or "").lower().split())
        if tag == "link" and rel & LOADING_LINKS:
            self.loads.append((f"<link rel={attrs['rel']}>", attrs.get("href") or ""))
        for url in CSS_URL.findall(attrs.get("style") or ""):
            self.loads.append((f"<{tag} style>", url))

    def handle_data(self, data):
        if self._in_style:
            self.loads += [("<style>", url) for url in CSS_URL.findall(data)]

    def handle_endtag(self, tag):
        self._in_style = False


def third_parties(html):
    """What in this page names a host other than the site's own."""
    parser = ResourceParser()
    parser.feed(html)
    found = [
        f"{where} {url}"
        for where, url in parser.loads
        if not url.startswith(("data:", "#"))
        and urlsplit(url).hostname not in OWN_HOSTS | {None}
    ]
    named = {host.lower() for host in ANY_HOST.findall(html)}
    found += sorted(named - OWN_HOSTS - LINK_ONLY_HOSTS)
    return found


def crawl(client, urls, host="eksempelby.localhost"):
    problems = {}
    for url in urls:
        response = client.get(url, HTTP_HOST=host)
        assert response.status_code == 200, url
        found = third_parties(response.content.decode())
        if found:
            problems[url] = found
    return problems


@pytest.fixture
def response_page(council_a):
    return HearingResponsePageFactory(
        parent=hearing_index(council_a),
        hearing=HearingFactory(council=council_a, title="Høring om boliger"),
        title="Rådets svar om boliger",
        published=True,
    )


def test_no_admin_page_of_a_secretary_loads_anything_from_elsewhere(
    client_as, secretary_a, council_a, response_page
):
    hearing = response_page.hearing
    urls = [
        "/admin/",
        f"/admin/pages/{council_a.root_page.pk}/",
        f"/admin/pages/{response_page.pk}/edit/",
        reverse("hearings_hearing:list"),
        reverse("hearings_hearing:edit", args=[hearing.pk]),
        "/admin/documents/",
        "/admin/images/",
        "/admin/account/",
    ]

    assert crawl(client_as(secretary_a), urls) == {}


def test_no_admin_page_of_the_platform_administrator_loads_anything_from_elsewhere(
    client_as, secretary_a
):
    admin = UserFactory(username="platform", is_superuser=True)
    urls = [
        "/admin/users/",
        reverse("wagtailusers_users:edit", args=[secretary_a.pk]),
        reverse("cms_two_factor_reset", args=[secretary_a.pk]),
        "/admin/account/",
    ]

    assert crawl(client_as(admin), urls) == {}


def test_the_avatar_is_wagtails_own_picture(client_as, secretary_a):
    html = client_as(secretary_a).get("/admin/account/").content.decode()

    assert "gravatar" not in html
    assert "/static/wagtailadmin/images/default-user-avatar.png" in html


def test_no_public_page_loads_anything_from_elsewhere(client, council_a, response_page):
    index = hearing_index(council_a)
    urls = [
        "/",
        "/en/",
        index.url,
        response_page.url,
        response_page.url + "opslag/",
        index.hearing_url(response_page.hearing),
        "/moeder/",
        "/om-raadet/",
        "/soeg/?q=boliger",
    ]

    assert crawl(client, urls) == {}


def test_logged_in_the_public_pages_load_nothing_from_elsewhere_either(
    client_as, secretary_a, council_a, response_page
):
    urls = ["/", response_page.url]

    assert crawl(client_as(secretary_a), urls) == {}


def test_the_check_sees_a_third_party(settings, client_as, secretary_a):
    """The control: with Gravatar on, the crawl finds it."""
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = "//www.gravatar.com/avatar"

    problems = crawl(client_as(secretary_a), ["/admin/account/"])

    assert "www.gravatar.com" in str(problems)
