"""The English site lists English responses with English theme names."""

import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from cms.council_translations import page_translation_save
from hearings.models import Theme
from tests.factories import HearingFactory, HearingResponsePageFactory
from workflows.publish_guard import bootstrap

HOST = {"HTTP_HOST": "eksempelby.localhost"}


def translated_response(council, index, theme_slug, danish_title, english_title):
    hearing = HearingFactory(council=council)
    hearing.themes.set([Theme.objects.get(locale__language_code="da", slug=theme_slug)])
    danish = HearingResponsePageFactory(
        parent=index, hearing=hearing, title=danish_title, published=True
    )
    with bootstrap(reason="test fixture"):
        return page_translation_save(
            page=danish,
            locale=Locale.objects.get(language_code="en"),
            strings={"title": english_title},
            publish=True,
        )


@pytest.fixture
def english_response(council_a, index_a):
    return translated_response(
        council_a, index_a, "bolig", "Svar om boligplan", "Response on the housing plan"
    )


def test_every_theme_has_an_english_name_and_the_same_slug(db):
    danish = Theme.objects.filter(locale__language_code="da")
    for theme in danish:
        english = theme.get_translation(Locale.objects.get(language_code="en"))
        assert english.slug == theme.slug
        assert english.name != theme.name


def test_english_index_shows_english_theme_names(client, english_response):
    html = client.get("/en/hoeringssvar/", **HOST).content.decode()

    assert "Response on the housing plan" in html
    assert "Housing" in html
    assert "Bolig" not in html


def test_danish_index_keeps_danish_theme_names(client, english_response):
    html = client.get("/hoeringssvar/", **HOST).content.decode()

    assert "Bolig" in html
    assert "Response on the housing plan" not in html


def test_theme_filter_uses_the_same_slug_in_english(
    client, english_response, council_a, index_a
):
    translated_response(
        council_a, index_a, "vold", "Svar om tryghed", "Response on safety"
    )

    found = client.get("/en/hoeringssvar/", {"theme": "bolig"}, **HOST)
    other = client.get("/en/hoeringssvar/", {"theme": "vold"}, **HOST)

    assert "Response on the housing plan" in found.content.decode()
    assert "Response on safety" not in found.content.decode()
    assert "Response on safety" in other.content.decode()
    assert "Response on the housing plan" not in other.content.decode()


@pytest.fixture
def response_translated_later(council_a, index_a):
    """A response published in Danish in March 2025 and translated today."""
    english = translated_response(
        council_a, index_a, "bolig", "Svar om boligplan", "Response on the housing plan"
    )
    danish = english.get_translation(Locale.objects.get(language_code="da"))
    type(danish).objects.filter(pk=danish.pk).update(
        first_published_at=datetime.datetime(2025, 3, 2, 10, tzinfo=datetime.UTC)
    )
    return english


def test_english_pages_give_the_original_publication_date(
    client, response_translated_later
):
    page = client.get(response_translated_later.url, **HOST).content.decode()
    index = client.get("/en/hoeringssvar/", **HOST).content.decode()
    feed = client.get("/en/hoeringssvar/feed/", **HOST).content.decode()

    assert 'datetime="2025-03-02"' in page
    assert 'datetime="2025-03-02"' in index
    assert "<published>2025-03-02" in feed
    translated_on = response_translated_later.first_published_at.date().isoformat()
    assert f'datetime="{translated_on}"' not in page


def test_english_year_filter_counts_the_original_year(
    client, response_translated_later
):
    found = client.get("/en/hoeringssvar/", {"year": "2025"}, **HOST)

    assert "Response on the housing plan" in found.content.decode()


DANISH_ONLY = {
    "title": "Forslag om færre pladser på herberget",
    "committee": "Socialudvalget i Eksempelby",
    "summary": "Kommunen vil spare to sengepladser om natten.",
    "decision_summary": "Udvalget beholder alle pladser til foråret.",
}


def nearest_language(node):
    for element in [node, *node.parents]:
        if getattr(element, "attrs", None) and element.attrs.get("lang"):
            return element.attrs["lang"]
    return None


def languages_of(html, text):
    soup = BeautifulSoup(html, "html.parser")
    body = soup.body
    return [
        nearest_language(found.parent)
        for found in body.find_all(string=lambda s: s and text in s)
    ]


@pytest.mark.parametrize("language,expected", [("en", "da"), ("da", "da")])
def test_what_the_municipality_wrote_is_marked_danish_on_every_page(
    client, council_a, index_a, language, expected
):
    deadline = datetime.date.today() + datetime.timedelta(days=9)
    hearing = HearingFactory(council=council_a, deadline=deadline, **DANISH_ONLY)
    index = index_a.get_translation(Locale.objects.get(language_code=language))
    pages = [index.hearing_url(hearing), index.get_parent().url]

    for url in pages:
        html = client.get(url, **HOST).content.decode()
        for text in DANISH_ONLY.values():
            languages = languages_of(html, text)
            assert all(found == expected for found in languages), (url, text)
        assert languages_of(html, DANISH_ONLY["title"]), url
