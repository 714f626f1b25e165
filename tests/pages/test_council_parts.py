"""What every page of a council repeats (the main menu, the footer's link to
the accessibility statement) is computed once per council while the page
cache is on, and again as soon as the council's pages change."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from tests.factories import ContentPageFactory


def queries_of(url):
    with CaptureQueriesContext(connection) as captured:
        assert Client().get(url).status_code == 200
    return len(captured)


def test_a_second_page_reuses_the_councils_menu_and_footer(council_a, settings):
    settings.PAGE_CACHE_TIMEOUT = 0
    alone = queries_of("/om-raadet/")

    settings.PAGE_CACHE_TIMEOUT = 300
    queries_of("/")  # computes the council's parts (and stores that page)
    reusing = queries_of("/om-raadet/")

    assert reusing <= alone - 2


def test_a_new_section_is_in_the_menu_once_published(
    council_a, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_TIMEOUT = 300
    Client().get("/")
    home = Page.objects.get(pk=council_a.root_page_id)

    with django_capture_on_commit_callbacks(execute=True):
        ContentPageFactory(
            parent=home, title="Rådets årshjul", slug="aarshjul", show_in_menus=True
        )

    menu = Client().get("/om-raadet/").content.decode().split("mainmenu")[1]
    assert "Rådets årshjul" in menu.split("</ul>")[0]
