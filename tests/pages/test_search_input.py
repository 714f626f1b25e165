"""Whatever a visitor types into a search box, the page answers (both
databases): quotes, operators, control characters, NUL and very long
queries in the site search and the response index, Danish and English."""

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.hearings.test_english import translated_response
from tests.pages.html import parse

HOST = {"HTTP_HOST": "eksempelby.localhost"}
SEARCH_PAGES = ("/soeg/", "/en/soeg/", "/hoeringssvar/", "/en/hoeringssvar/")
SHORTENED = "Søgningen var for lang og er blevet forkortet til de første ord."
SHORTENED_EN = "The search was too long and has been shortened to its first words."
# What the full-text engines read as syntax, and what no text field takes.
SYNTAX = list("\"'*()+-:^~{}[]<>\\/|&!?%_.,;") + ["AND", "OR", "NOT", "NEAR"]
CONTROL = [chr(code) for code in (*range(32), 127)]


def _long_query(words):
    return " ".join(f"ord{i}" for i in range(words))


search_text = st.one_of(
    st.text(max_size=60),
    st.lists(st.sampled_from(SYNTAX + CONTROL + ["bolig", "ø", " "]), max_size=40).map(
        "".join
    ),
    st.integers(min_value=13, max_value=900).map(_long_query),
    st.text(alphabet=st.sampled_from(["x", '"', " ", "\x00"]), min_size=300),
)


@pytest.fixture
def english_index(council_a, index_a):
    """A published response in both languages, so /en/hoeringssvar/ exists."""
    return translated_response(
        council_a, index_a, "bolig", "Svar om boligplan", "Response on the housing plan"
    )


def _note(response):
    """The "search was shortened" note, or None."""
    divs = parse(response.content).find_all("div")
    return next((div for div in divs if div.has_class("search-shortened")), None)


def _get(client, path, params):
    client.raise_request_exception = False
    return client.get(path, params, **HOST)


@pytest.mark.parametrize(
    "url",
    [
        "/soeg/?q=%22",
        "/soeg/?q=bolig%22",
        "/soeg/?q=%00",
        "/hoeringssvar/?q=%22",
        "/en/soeg/?q=%22",
        "/en/hoeringssvar/?q=%22",
        "/soeg/?q=bolig+OR+(hjem*+-l%C3%B8s)+title:x",
    ],
)
def test_the_reported_queries_answer(client, english_index, url):
    assert client.get(url, **HOST).status_code == 200


def test_a_search_with_a_stray_quote_still_finds(client, english_index):
    titles = parse(client.get("/soeg/?q=boligplan%22", **HOST).content).find_all("h2")

    assert "Svar om boligplan" in [h2.text for h2 in titles]


@pytest.mark.parametrize("path", SEARCH_PAGES)
def test_a_300_word_search_is_shortened_and_says_so(client, english_index, path):
    response = client.get(path, {"q": _long_query(300)}, **HOST)

    assert response.status_code == 200
    note = _note(response)
    assert note is not None and note.attrs["role"] == "status"
    english = path.startswith("/en/")
    assert (SHORTENED_EN if english else SHORTENED) in note.text


@pytest.mark.parametrize("path", SEARCH_PAGES)
def test_a_short_search_has_no_note(client, english_index, path):
    response = client.get(path, {"q": "bolig"}, **HOST)

    assert response.status_code == 200
    assert _note(response) is None


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    path=st.sampled_from(SEARCH_PAGES), query=search_text, extra=st.text(max_size=20)
)
@example(path="/hoeringssvar/", query=_long_query(400), extra="")
@example(path="/soeg/", query='"\x00', extra="\x00")
def test_no_search_input_gives_a_server_error(
    client, english_index, path, query, extra
):
    params = {"q": query, "page": extra, "theme": extra, "year": extra}

    assert _get(client, path, params).status_code < 500
