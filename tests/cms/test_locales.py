"""Danish first: Danish pages at /, English translations under /en/."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from tests.factories import publish_fixture


@pytest.fixture
def english_home(council_a):
    """create_council has made the English home page; give it English text."""
    english = council_a.root_page.get_translation(
        Locale.objects.get(language_code="en")
    )
    english.introduction = "Welcome to the council."
    publish_fixture(english)
    return english


def test_danish_home_page_is_served_at_the_root(client, council_a):
    response = client.get("/", HTTP_HOST="eksempelby.localhost")

    assert response.status_code == 200
    assert '<html lang="da"' in response.content.decode()


def test_create_council_makes_a_live_english_tree(council_a):
    english = Locale.objects.get(language_code="en")
    home = council_a.root_page.specific

    english_home = home.get_translation(english)
    titles = {p.slug: p.title for p in english_home.get_children().live()}

    assert english_home.live
    assert english_home.introduction == (
        "The council for socially vulnerable citizens in Eksempelby Kommune."
    )
    assert titles == {
        "hoeringssvar": "Hearing responses",
        "moeder": "Meetings",
        "om-raadet": "About the council",
        "tilgaengelighed": "Accessibility statement",
    }


def test_english_translation_is_served_under_en(client, english_home):
    response = client.get("/en/", HTTP_HOST="eksempelby.localhost")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Welcome to the council." in html
    assert '<html lang="en"' in html


def test_admin_speaks_danish(client_as, secretary_a):
    response = client_as(secretary_a).get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="da"' in html
    assert "Sider" in html and "Log ud" in html
