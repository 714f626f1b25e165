"""Nothing staff can send makes the admin fail with a server error: a form
without its hidden parts, an empty chooser step, a delete that other rows
protect each answer 4xx with a message (cms.admin_errors and friends)."""

import json

import pytest
from django.test import Client
from wagtail.models import Page, Site

from cms.admin_guard import url_name_allowed
from hearings.models import Hearing
from tests.cms.conftest import council_world
from tests.cms.test_admin_sweep import sweep_urls
from tests.factories import ContentPageFactory, HearingFactory

INCOMPLETE = "En del af formularen manglede, da den blev sendt, så intet blev gemt."
PROTECTED = "Andet indhold henviser stadig til det, så intet blev slettet."


@pytest.fixture
def own_urls(council_a):
    """Every admin URL filled with council A's own objects."""
    urls, _unfillable = sweep_urls(council_world(council_a))
    return urls


def test_no_empty_request_of_a_secretary_gives_a_server_error(secretary_a, own_urls):
    client = Client(raise_request_exception=False)
    failures = []
    for path, name, _names_b in own_urls:
        if not url_name_allowed(name):
            continue  # 404 for council staff (the admin sweep shows it)
        for method in (client.get, client.post):
            client.force_login(secretary_a)  # the logout view is swept too
            status = method(path, {}).status_code
            if status >= 500:
                failures.append(f"{method.__name__.upper()} {path} ({name}): {status}")

    assert failures == []


@pytest.fixture
def page_a(council_a, secretary_a):
    page = ContentPageFactory(parent=council_a.root_page, title="Rådets side")
    page.save_revision(user=secretary_a)
    return page


def test_a_page_edit_without_its_block_count_is_refused_in_danish(
    client_as, secretary_a, page_a
):
    response = client_as(secretary_a).post(
        f"/admin/pages/{page_a.pk}/edit/", {"title": "Overskrevet", "slug": "x"}
    )

    assert response.status_code == 400
    assert INCOMPLETE in response.content.decode()
    assert (
        Page.objects.get(pk=page_a.pk).specific.get_latest_revision_as_object().title
        == "Rådets side"
    )


def test_an_empty_external_link_step_asks_for_the_link(client_as, secretary_a):
    response = client_as(secretary_a).post("/admin/choose-external-link/", {})

    assert response.status_code == 200
    assert json.loads(response.content)["step"] == "external_link"


def test_an_external_link_is_still_chosen(client_as, secretary_a):
    response = client_as(secretary_a).post(
        "/admin/choose-external-link/",
        {"external-link-chooser-url": "https://kommune.example.dk/"},
    )

    result = json.loads(response.content)
    assert result["step"] == "external_link_chosen"
    assert result["result"]["url"] == "https://kommune.example.dk/"


def test_the_theme_chooser_offers_no_half_made_theme(client_as, admin_user):
    response = client_as(admin_user).post(
        "/admin/snippets/choose/hearings/theme/create/"
    )

    assert response.status_code == 404


def test_the_translation_api_lists_hearings(client_as, admin_user, council_a):
    hearing = HearingFactory(council=council_a, title="Høring om værestedet")
    client = client_as(admin_user)

    listing = client.get("/admin/localize/api/snippets/hearings/hearing/")
    detail = client.get(f"/admin/localize/api/snippets/hearings/hearing/{hearing.pk}/")
    editor = client.get(detail.json()["edit_url"])

    assert listing.status_code == 200
    assert [row["title"] for row in listing.json()] == [str(hearing)]
    assert editor.status_code == 302
    assert editor.url == f"/admin/hearings/edit/{hearing.pk}/"


def test_a_council_with_hearings_is_not_deleted_and_says_why(
    client_as, admin_user, council_b
):
    HearingFactory(council=council_b)

    response = client_as(admin_user).post(f"/admin/sites/delete/{council_b.pk}/")

    assert response.status_code == 409
    assert PROTECTED in response.content.decode()
    assert Site.objects.filter(pk=council_b.pk).exists()
    assert Hearing.objects.filter(council=council_b).exists()
