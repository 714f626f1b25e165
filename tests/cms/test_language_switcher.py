"""The language switcher offers a translation only when it exists and is live."""

import pytest
from wagtail.models import Locale

from cms.council_translations import page_translation_save
from tests.factories import ContentPageFactory
from workflows.publish_guard import bootstrap

HOST = {"HTTP_HOST": "eksempelby.localhost"}


@pytest.fixture
def english(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def about_a(council_a):
    """A page of its own, which create_council has not translated."""
    parent = council_a.root_page.get_children().get(slug="om-raadet")
    return ContentPageFactory(parent=parent, title="Vores arbejde", slug="arbejde")


def test_no_switcher_when_the_page_has_no_translation(client, about_a):
    html = client.get(about_a.url, **HOST).content.decode()

    assert 'hreflang="en"' not in html
    assert "/en/" not in html


def test_a_draft_translation_is_not_offered(client, about_a, english):
    page_translation_save(
        page=about_a, locale=english, strings={"title": "About"}, publish=False
    )

    html = client.get(about_a.url, **HOST).content.decode()

    assert 'hreflang="en"' not in html


def test_a_live_translation_is_linked_both_ways_with_alternates(
    client, about_a, english
):
    with bootstrap(reason="test fixture"):
        english_about = page_translation_save(
            page=about_a, locale=english, strings={"title": "About us"}, publish=True
        )

    danish_html = client.get("/om-raadet/arbejde/", **HOST).content.decode()
    english_response = client.get("/en/om-raadet/arbejde/", **HOST)
    english_html = english_response.content.decode()

    assert english_about.slug == about_a.slug == "arbejde"
    assert english_response.status_code == 200
    assert '<html lang="en"' in english_html and "About us" in english_html
    # The visible link stays on the reader's host; alternates are absolute.
    assert '<a href="/en/om-raadet/arbejde/" hreflang="en" lang="en">' in (danish_html)
    assert '<a href="/om-raadet/arbejde/" hreflang="da" lang="da">' in english_html
    for html in (danish_html, english_html):
        assert (
            '<link rel="alternate" hreflang="da" '
            'href="http://eksempelby.localhost/om-raadet/arbejde/">'
        ) in html
        assert (
            '<link rel="alternate" hreflang="en" '
            'href="http://eksempelby.localhost/en/om-raadet/arbejde/">'
        ) in html


def test_untranslated_page_is_not_served_under_en(client, about_a):
    assert client.get("/en/om-raadet/arbejde/", **HOST).status_code == 404
