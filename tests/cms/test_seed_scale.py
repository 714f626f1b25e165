"""seed_scale: its responses are published pages like any other, and public
pages make as many SQL queries with many responses as with a few."""

from urllib.parse import quote, urlsplit

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageLogEntry, Site

from cms.demo_scale import HOSTNAME, scale_seed
from hearings.models import Hearing, HearingResponsePage
from hearings.selectors import hearing_index_for
from hearings.services import response_page_ensure
from workflows.publish_guard import bootstrap

HOST = HOSTNAME.format(number=1)


def _council():
    return Site.objects.get(hostname=HOST)


def _responses(site):
    index = hearing_index_for(council=site)
    return HearingResponsePage.objects.live().child_of(index).order_by("path")


@pytest.mark.django_db
def test_seeded_responses_are_published_pages(client):
    scale_seed(councils=1, hearings=4)
    site = _council()
    responses = list(_responses(site))
    assert len(responses) == 4
    assert Page.find_problems() == ([], [], [], [], [])
    client = Client(HTTP_HOST=HOST)
    index_html = client.get("/hoeringssvar/").content.decode()
    for page in responses:
        assert page.slug.isascii(), page.slug
        assert page.live_revision_id == page.latest_revision_id
        assert page.revisions.count() == 1
        assert {log.action for log in PageLogEntry.objects.filter(page=page)} == {
            "wagtail.create",
            "wagtail.publish",
        }
        path = urlsplit(page.get_url()).path
        assert path in index_html
        response = client.get(path)
        assert response.status_code == 200
        assert page.title in response.content.decode()
    word = responses[0].hearing.title.split()[-1]
    found = client.get(f"/soeg/?q={quote(word)}").content.decode()
    assert urlsplit(responses[0].get_url()).path in found


@pytest.mark.django_db
def test_a_response_published_the_normal_way_joins_the_seeded_ones():
    scale_seed(councils=1, hearings=3)
    site = _council()
    hearing = Hearing.objects.create(
        council=site,
        title="Høring efter de genererede",
        committee="Socialudvalget",
        contact_email="hoering@bench.example",
        deadline="2030-01-01",
        received_on="2029-12-01",
    )
    page = response_page_ensure(hearing=hearing)
    with bootstrap(reason="test"):
        page.save_revision().publish()
    assert Page.find_problems() == ([], [], [], [], [])
    assert _responses(site).count() == 4
    assert Client(HTTP_HOST=HOST).get(urlsplit(page.get_url()).path).status_code == 200


@pytest.mark.django_db
def test_seeding_twice_adds_only_what_is_missing():
    scale_seed(councils=1, hearings=2)
    scale_seed(councils=1, hearings=3)
    assert _responses(_council()).count() == 3
    assert Page.find_problems() == ([], [], [], [], [])


def _public_urls(site):
    index = hearing_index_for(council=site)
    response = _responses(site).first()
    index_path = urlsplit(index.url).path
    return [
        "/",
        index_path,
        f"{index_path}?decided=no",
        f"{index_path}?page=2",
        urlsplit(response.url).path,
        index_path + index.reverse_subpage("hearing", args=[response.hearing_id]),
        "/soeg/?q=borgere",
        index_path + index.reverse_subpage("feed"),
        "/kalender.ics",
    ]


def _queries(client, url):
    client.get(url)  # the process's own caches (content types) are warm
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


@pytest.mark.django_db
def test_public_pages_make_as_many_queries_with_many_responses():
    """Two councils of 24 against three of 80: what a page costs does not
    grow with the council's responses or with the number of councils
    (make bench shows the same at 45 × 200)."""
    scale_seed(councils=2, hearings=24)
    site = _council()
    client = Client(HTTP_HOST=HOST)
    urls = _public_urls(site)
    small = {url: _queries(client, url) for url in urls}
    scale_seed(councils=3, hearings=80)
    large = {url: _queries(client, url) for url in urls}
    assert large == small


def test_seed_scale_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(Exception, match="DEBUG"):
        call_command("seed_scale", "--size", "demo")
