"""The English site lists English responses with English theme names."""

import pytest
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
