"""Site search: the council's own published pages, in Danish, nothing else."""

from tests.factories import ContentPageFactory, HearingFactory, publish_fixture
from tests.factories import HearingResponsePageFactory as ResponseFactory
from tests.pages.conftest import hearing_index
from tests.pages.html import parse


def _results(response):
    lists = parse(response.content).find_all("ol")
    return next((ol for ol in lists if ol.has_class("search-results")), None)


def _result_titles(response):
    results = _results(response)
    return [h2.text for h2 in results.find_all("h2")] if results else []


def test_search_finds_responses_content_pages_and_meetings(
    client, published_response, content_page, upcoming_meeting
):
    assert _result_titles(client.get("/soeg/?q=boliger")) == [
        "Rådets svar om boligplanen"
    ]
    assert _result_titles(client.get("/soeg/?q=værestedspladser")) == [
        "Udsattepolitikken"
    ]
    assert _result_titles(client.get("/soeg/?q=vinterhjælp")) == [
        "Rådsmøde om vinterhjælp"
    ]


def test_search_says_how_many_results_in_danish(client, published_response):
    summary = parse(client.get("/soeg/?q=boliger").content).find(
        "p", **{"class": "search-summary"}
    )
    assert summary.text == "1 resultat for “boliger”."
    assert summary.attrs["role"] == "status"


def test_search_never_shows_drafts(client, draft_response):
    assert _result_titles(client.get("/soeg/?q=natcafeen")) == []


def test_search_never_shows_another_councils_pages(client, council_b, content_page):
    response = client.get("/soeg/?q=værestedspladser", HTTP_HOST="provestrup.localhost")
    assert response.status_code == 200
    assert _result_titles(response) == []


def test_an_empty_search_explains_what_to_do(client, council_a):
    document = parse(client.get("/soeg/").content)
    assert "Skriv et eller flere ord" in document.find("main").text
    assert _results(client.get("/soeg/")) is None


def test_results_are_paged_and_the_query_is_kept(client, council_a):
    for number in range(12):
        page = ContentPageFactory(
            parent=council_a.root_page,
            title=f"Side om natcafé {number}",
            body=[("paragraph", "<p>Natcafeen har åbent hele vinteren.</p>")],
        )
        publish_fixture(page)
    first = client.get("/soeg/?q=natcafeen")
    assert len(_result_titles(first)) == 10
    pages = parse(first.content).find("nav", **{"aria-label": "Sider"})
    assert pages.find("a", rel="next").attrs["href"] == "?q=natcafeen&page=2"
    second = client.get("/soeg/?q=natcafeen&page=2")
    assert len(_result_titles(second)) == 2


def test_search_queries_do_not_grow_with_the_number_of_results(
    client, council_a, django_assert_max_num_queries
):
    index = hearing_index(council_a)
    for number in range(25):
        ResponseFactory(
            parent=index,
            hearing=HearingFactory(council=council_a),
            title=f"Svar om værested nr. {number}",
            easy_read_summary="Værestedet skal have åbent om søndagen.",
            published=True,
        )
    with django_assert_max_num_queries(30):
        response = client.get("/soeg/?q=værestedet")
    assert len(_result_titles(response)) == 10


def test_danish_stemming_finds_other_word_forms_on_either_database(
    client, published_response
):
    # The summary says "boliger"; Danish stemming (pages.word_forms on
    # SQLite and PostgreSQL alike) finds it from "boligen".
    assert _result_titles(client.get("/soeg/?q=boligen")) == [
        "Rådets svar om boligplanen"
    ]
