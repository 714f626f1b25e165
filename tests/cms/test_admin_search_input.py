"""Every admin search takes whatever is typed into it (both databases):
quotes, NUL, operators, a few hundred words (cms.admin_search_input)."""

import pytest
from django.test import Client

from tests.factories import HearingFactory, HearingResponsePageFactory

LONG = " ".join(f"ord{i}" for i in range(300))
TRICKY = '"bolig\x00 OR (hjem* title:x'
SHORTENED = "Søgningen var for lang og er blevet forkortet til de første ord."
# The searches a council's secretary has: pages, hearings, documents,
# images, every chooser, the reports, the explorer menu's API.
SECRETARY_SEARCHES = [
    ("/admin/pages/search/", "q"),
    ("/admin/pages/search/results/", "q"),
    ("/admin/hearings/", "q"),
    ("/admin/hearings/results/", "q"),
    ("/admin/documents/", "q"),
    ("/admin/images/", "q"),
    ("/admin/choose-page/search/", "q"),
    ("/admin/documents/chooser/", "q"),
    ("/admin/documents/chooser/results/", "q"),
    ("/admin/images/chooser/results/", "q"),
    ("/admin/snippets/choose/hearings/hearing/results/", "q"),
    ("/admin/snippets/choose/hearings/theme/results/", "q"),
    ("/admin/reports/aging-pages/", "q"),
    ("/admin/reports/site-history/", "q"),
    ("/admin/reports/workflow/", "q"),
    ("/admin/localize/reports/translations/", "q"),
    ("/admin/api/main/pages/", "search"),
]
# And the platform administrator's own: people, groups, sites, themes.
ADMINISTRATOR_SEARCHES = [
    ("/admin/users/", "q"),
    ("/admin/groups/", "q"),
    ("/admin/snippets/hearings/theme/", "q"),
    ("/admin/redirects/", "q"),
    ("/admin/reports/locked/", "q"),
    *SECRETARY_SEARCHES,
]


@pytest.fixture
def something_to_find(council_a, index_a):
    return HearingResponsePageFactory(
        parent=index_a,
        hearing=HearingFactory(council=council_a, title="Høring om boligplan"),
        title="Svar om boligplan",
        published=True,
    )


def _failures(user, searches, query):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    answers = {
        url: client.get(url, {name: query}).status_code for url, name in searches
    }
    return {url: status for url, status in answers.items() if status != 200}


@pytest.mark.parametrize("query", [LONG, TRICKY])
def test_a_secretarys_searches_answer(secretary_a, something_to_find, query):
    assert _failures(secretary_a, SECRETARY_SEARCHES, query) == {}


@pytest.mark.parametrize("query", [LONG, TRICKY])
def test_the_administrators_searches_answer(admin_user, something_to_find, query):
    assert _failures(admin_user, ADMINISTRATOR_SEARCHES, query) == {}


def test_a_shortened_admin_search_says_so(client_as, secretary_a, something_to_find):
    client = client_as(secretary_a)

    page = client.get("/admin/pages/search/", {"q": LONG})
    short = client.get("/admin/pages/search/", {"q": "boligplan"})

    assert SHORTENED in page.content.decode()
    assert SHORTENED not in short.content.decode()


def test_the_results_a_search_box_fetches_carry_no_note(
    client_as, secretary_a, something_to_find
):
    """The note belongs on the page; added to a fetched fragment it would
    show up on whatever page comes next."""
    client = client_as(secretary_a)
    client.get(
        "/admin/pages/search/results/",
        {"q": LONG},
        headers={"x-requested-with": "XMLHttpRequest"},
    )

    assert SHORTENED not in client.get("/admin/").content.decode()


def test_an_admin_search_still_finds(client_as, secretary_a, something_to_find):
    response = client_as(secretary_a).get("/admin/pages/search/", {"q": 'boligplan"'})

    assert "Svar om boligplan" in response.content.decode()
