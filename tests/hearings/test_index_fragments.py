"""The response index's filters (themes and years in use) are kept with the
council's fragments, and are new as soon as a publication commits; with the
page cache off they can stay cached (COUNCIL_FRAGMENT_TIMEOUT)."""

import pytest
from django.test import Client

from hearings.models import HearingIndexPage
from tests.factories import HearingFactory, HearingResponsePageFactory, ThemeFactory

HOST_A = "eksempelby.localhost"


def _index_html():
    return Client().get("/hoeringssvar/", HTTP_HOST=HOST_A).content.decode()


def _publish_with_theme(council, theme, capture):
    hearing = HearingFactory(council=council)
    with capture(execute=True):
        hearing.themes.add(theme)
        HearingResponsePageFactory(
            parent=HearingIndexPage.objects.child_of(council.root_page).get(),
            hearing=hearing,
            published=True,
        )


@pytest.mark.parametrize(
    ("page_cache", "fragments"), [(300, -1), (0, 300)], ids=["cache", "fragments"]
)
def test_a_new_theme_is_offered_once_its_response_is_published(
    settings, council_a, django_capture_on_commit_callbacks, page_cache, fragments
):
    settings.PAGE_CACHE_TIMEOUT = page_cache
    settings.COUNCIL_FRAGMENT_TIMEOUT = fragments
    first, second = ThemeFactory(name="Varmestuer"), ThemeFactory(name="Natcafeer")
    _publish_with_theme(council_a, first, django_capture_on_commit_callbacks)
    html = _index_html()
    assert 'value="varmestuer"' in html and 'value="natcafeer"' not in html
    _publish_with_theme(council_a, second, django_capture_on_commit_callbacks)
    assert 'value="natcafeer"' in _index_html()
