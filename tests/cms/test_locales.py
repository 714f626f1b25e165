"""Danish first: Danish pages at /, English translations under /en/."""

import pytest
from django.urls import reverse
from wagtail.models import Locale


@pytest.fixture
def english_home(council_a):
    home = council_a.root_page.specific
    english = home.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "The Council for Socially Vulnerable Citizens in Eksempelby"
    english.introduction = "Welcome to the council."
    english.save_revision().publish()
    return english


def test_danish_home_page_is_served_at_the_root(client, council_a):
    response = client.get("/", HTTP_HOST="eksempelby.localhost")

    assert response.status_code == 200
    assert '<html lang="da"' in response.content.decode()


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
