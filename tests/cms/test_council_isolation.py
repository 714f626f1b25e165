"""One council's staff can never see or act on another council's pages.

Each test drives the real Wagtail admin URLs with the test client as a
secretary of Eksempelby (council A) against Prøvestrup (council B).
"""

import pytest
from django.urls import reverse
from wagtail.models import Page

from pages.models import ContentPage
from tests.factories import ContentPageFactory

DENIED = {302, 403, 404}


@pytest.fixture
def draft_b(council_b):
    """An unpublished page of council B with distinctive text."""
    about = council_b.root_page.get_children().get(slug="om-raadet")
    page = ContentPageFactory(
        parent=about, title="Prøvestrups hemmelige udkast", live=False
    )
    page.save_revision()
    return page


def test_secretary_cannot_open_the_editor_of_another_councils_page(
    client_as, secretary_a, draft_b
):
    response = client_as(secretary_a).get(
        reverse("wagtailadmin_pages:edit", args=[draft_b.pk])
    )

    assert response.status_code in DENIED
    assert "hemmelige udkast" not in response.content.decode()


def test_secretary_cannot_change_another_councils_page(client_as, secretary_a, draft_b):
    revisions_before = draft_b.revisions.count()
    response = client_as(secretary_a).post(
        reverse("wagtailadmin_pages:edit", args=[draft_b.pk]),
        {"title": "Overtaget", "slug": draft_b.slug, "introduction": "x"},
    )

    assert response.status_code in DENIED
    draft_b.refresh_from_db()
    assert draft_b.title == "Prøvestrups hemmelige udkast"
    assert draft_b.revisions.count() == revisions_before


@pytest.mark.parametrize("view", ["view_draft", "revisions_index", "history"])
def test_secretary_cannot_see_drafts_or_history_of_another_council(
    client_as, secretary_a, draft_b, view
):
    response = client_as(secretary_a).get(
        reverse(f"wagtailadmin_pages:{view}", args=[draft_b.pk])
    )

    assert response.status_code in DENIED
    assert "hemmelige udkast" not in response.content.decode()


def test_secretary_cannot_add_a_page_under_another_council(
    client_as, secretary_a, council_b
):
    about_b = council_b.root_page.get_children().get(slug="om-raadet")
    url = reverse("wagtailadmin_pages:add", args=["pages", "contentpage", about_b.pk])
    client = client_as(secretary_a)

    assert client.get(url).status_code in DENIED
    response = client.post(
        url, {"title": "Indsmuglet", "slug": "indsmuglet", "action-submit": "1"}
    )

    assert response.status_code in DENIED
    assert not ContentPage.objects.filter(title="Indsmuglet").exists()
    assert about_b.get_children().count() == 0


def test_page_explorer_shows_only_the_own_council(
    client_as, secretary_a, council_a, council_b, draft_b
):
    client = client_as(secretary_a)
    b_pages = council_b.root_page.get_descendants(inclusive=True)

    explorer_b = client.get(
        reverse("wagtailadmin_explore", args=[council_b.root_page_id])
    )
    root = client.get(reverse("wagtailadmin_explore_root"), follow=True)

    # Wagtail may open B's home as an (empty) heading because A's secretary
    # works in two language trees under the root, but lists none of its pages.
    for response in (explorer_b, root):
        html = response.content.decode()
        assert "hemmelige udkast" not in html
        for page in b_pages:
            assert f"/admin/pages/{page.pk}/edit/" not in html
    assert f"/admin/pages/{council_a.root_page_id}/" in root.content.decode()


def test_admin_page_search_finds_nothing_of_another_council(
    client_as, secretary_a, council_a, draft_b
):
    response = client_as(secretary_a).get(
        reverse("wagtailadmin_pages:search"), {"q": "hemmelige"}
    )

    assert response.status_code == 200
    assert "hemmelige udkast" not in response.content.decode()


def test_secretary_can_edit_own_council_page(client_as, secretary_a, council_a):
    """The control: the same requests succeed for the secretary's own council."""
    about_a = council_a.root_page.get_children().get(slug="om-raadet")
    response = client_as(secretary_a).get(
        reverse("wagtailadmin_pages:edit", args=[about_a.pk])
    )

    assert response.status_code == 200
    assert Page.objects.get(pk=about_a.pk).title == "Om rådet"
