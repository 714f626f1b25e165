"""Search that understands Danish, alike on SQLite and on PostgreSQL: word
forms, the heads of compound words, and "Mente du …?" from the council's own
words when nothing is found; only the council's own live, public pages."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from cms.demo_scale import scale_seed
from hearings.models import HearingResponsePage
from pages.models import SearchWord
from pages.services import search_words_refresh
from tests.factories import (
    ContentPageFactory,
    HearingFactory,
    MeetingPageFactory,
    publish_fixture,
)
from tests.factories import HearingResponsePageFactory as ResponseFactory
from tests.pages.conftest import hearing_index, meeting_index
from tests.pages.html import parse

pytestmark = pytest.mark.django_db


def _titles(response):
    assert response.status_code == 200
    lists = parse(response.content).find_all("ol")
    results = next((ol for ol in lists if ol.has_class("search-results")), None)
    return sorted(h2.text for h2 in results.find_all("h2")) if results else []


def _suggestion(response):
    found = parse(response.content).find("p", **{"class": "search-suggestion"})
    if found is None:
        return None
    link = found.find("a")
    return found.text.strip(), link.text, link.attrs["href"]


def _content(site, title, text):
    return ContentPageFactory(
        parent=site.root_page, title=title, body=[("paragraph", f"<p>{text}</p>")]
    )


@pytest.fixture
def warm_room(council_a):
    return _content(
        council_a,
        "Natvarmestuen i Eksempelby",
        "Natvarmestuen har åbent hele vinteren for alle uden en seng.",
    )


@pytest.fixture
def housing_response(council_a):
    return ResponseFactory(
        parent=hearing_index(council_a),
        hearing=HearingFactory(council=council_a, title="Helhedsplan for Nordparken"),
        title="Svar om helhedsplanen",
        easy_read_summary="Vi støtter en boligsocial indsats i Nordparken.",
        published=True,
    )


@pytest.fixture
def council_meeting(council_a):
    return MeetingPageFactory(parent=meeting_index(council_a), title="Rådsmøde i maj")


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("natvarmestue", "Natvarmestuen i Eksempelby"),
        ("vinter", "Natvarmestuen i Eksempelby"),
        ("Natvarmestuens", "Natvarmestuen i Eksempelby"),
        ("boligsociale", "Svar om helhedsplanen"),
        ("møde", "Rådsmøde i maj"),
        ("møderne", "Rådsmøde i maj"),
        ("varmestue vinteren", "Natvarmestuen i Eksempelby"),
    ],
)
def test_danish_word_forms_and_compound_heads_find_the_page(
    client, warm_room, housing_response, council_meeting, query, title
):
    # "møde" also finds the meetings page "Møder": a word form of its own.
    assert title in _titles(client.get("/soeg/", {"q": query}))


def test_every_word_of_a_search_must_match(client, warm_room, council_meeting):
    assert _titles(client.get("/soeg/", {"q": "møde vinteren"})) == []


def test_a_misspelling_suggests_the_councils_own_word_and_the_link_finds_it(
    client, warm_room
):
    response = client.get("/soeg/", {"q": "natvamestuen"})

    assert _titles(response) == []
    text, word, href = _suggestion(response)
    assert text.startswith("Mente du: natvarmestuen")
    assert (word, href) == ("natvarmestuen", "?q=natvarmestuen")
    assert _titles(client.get("/soeg/" + href)) == ["Natvarmestuen i Eksempelby"]


def test_a_misspelling_of_several_words_mends_each(client, warm_room):
    text, word, _href = _suggestion(client.get("/soeg/", {"q": "vintren sseng"}))
    assert word == "vinteren seng"


def test_no_suggestion_when_something_is_found_or_nothing_is_close(client, warm_room):
    assert _suggestion(client.get("/soeg/", {"q": "vinteren"})) is None
    assert _suggestion(client.get("/soeg/", {"q": "cykelhjelm"})) is None


def test_another_councils_words_are_neither_found_nor_suggested(
    client, council_a, council_b, warm_room
):
    _content(council_b, "Sommerhøjskolen", "Sommerhøjskolen i Prøvestrup har plads.")
    on_b = {"HTTP_HOST": "provestrup.localhost"}

    assert _titles(client.get("/soeg/", {"q": "sommerhøjskolen"})) == []
    assert _titles(client.get("/soeg/", {"q": "højskole"})) == []
    assert _suggestion(client.get("/soeg/", {"q": "sommerhøjskolne"})) is None
    assert _titles(client.get("/soeg/", {"q": "højskole"}, **on_b)) == [
        "Sommerhøjskolen"
    ]
    assert _suggestion(client.get("/soeg/", {"q": "sommerhøjskolne"}, **on_b))
    # Council A's words are no suggestion on B's site either.
    assert _suggestion(client.get("/soeg/", {"q": "natvamestuen"}, **on_b)) is None


def test_drafts_are_neither_found_nor_suggested(client, council_a):
    draft = ResponseFactory(
        parent=hearing_index(council_a),
        hearing=HearingFactory(council=council_a),
        title="Udkast om herberget",
        easy_read_summary="Herbergspladserne skal fordobles.",
    )
    assert not draft.live

    assert _titles(client.get("/soeg/", {"q": "herbergspladser"})) == []
    assert _titles(client.get("/soeg/", {"q": "plads"})) == []
    assert _suggestion(client.get("/soeg/", {"q": "herbergspladsern"})) is None
    assert not SearchWord.objects.filter(page=draft).exists()


def test_a_page_behind_a_password_is_neither_found_nor_suggested(
    client, council_a, warm_room
):
    PageViewRestriction.objects.create(
        page=warm_room, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )

    assert _titles(client.get("/soeg/", {"q": "natvarmestue"})) == []
    assert _suggestion(client.get("/soeg/", {"q": "natvamestuen"})) is None


def test_unpublishing_and_deleting_take_the_words_away(client, warm_room):
    assert SearchWord.objects.filter(page=warm_room, word="natvarmestuen").exists()

    warm_room.unpublish()

    assert _titles(client.get("/soeg/", {"q": "natvarmestue"})) == []
    assert _suggestion(client.get("/soeg/", {"q": "natvamestuen"})) is None
    assert not SearchWord.objects.filter(page=warm_room).exists()

    publish_fixture(warm_room)
    assert _titles(client.get("/soeg/", {"q": "natvarmestue"})) != []
    warm_room.delete()
    assert not SearchWord.objects.filter(page_id=warm_room.pk).exists()


def test_publishing_new_text_replaces_the_old_words(client, warm_room):
    warm_room.body = [("paragraph", "<p>Varmestuen flytter til Banegården.</p>")]
    publish_fixture(warm_room)

    assert _titles(client.get("/soeg/", {"q": "banegård"})) == [
        "Natvarmestuen i Eksempelby"
    ]
    assert _titles(client.get("/soeg/", {"q": "seng"})) == []
    assert not SearchWord.objects.filter(page=warm_room, word="seng").exists()


def test_a_new_draft_of_a_live_page_changes_nothing_public(client, warm_room):
    warm_room.body = [("paragraph", "<p>Hemmelig plan om lukning.</p>")]
    warm_room.save_revision()

    assert _titles(client.get("/soeg/", {"q": "lukning"})) == []
    assert not SearchWord.objects.filter(word="lukning").exists()
    assert _titles(client.get("/soeg/", {"q": "seng"})) == [
        "Natvarmestuen i Eksempelby"
    ]


def test_a_search_that_finds_nothing_asks_a_constant_number_of_queries(
    client, council_a, django_assert_max_num_queries
):
    for number in range(30):
        _content(
            council_a, f"Side {number}", f"Værestedet nummer {number} holder åbent."
        )
    with django_assert_max_num_queries(30):
        response = client.get("/soeg/", {"q": "værestdet"})
    assert _suggestion(response)[1] == "værestedet"


def test_the_response_index_filter_understands_danish_too(
    client, council_a, housing_response
):
    other = ResponseFactory(
        parent=hearing_index(council_a),
        hearing=HearingFactory(council=council_a),
        title="Svar om busruter",
        published=True,
    )
    html = client.get(hearing_index(council_a).url, {"q": "boligsociale"})

    assert housing_response.title in html.content.decode()
    assert other.title not in html.content.decode()


def test_the_rebuild_command_fills_the_words_of_live_pages_only(
    client, warm_room, council_a
):
    draft = _content(council_a, "Kladde", "Hemmeligt herberg.")
    draft.unpublish()
    SearchWord.objects.all().delete()

    call_command("search_words_rebuild", stdout=io.StringIO())

    assert SearchWord.objects.filter(page=warm_room, word="natvarmestuen").exists()
    assert not SearchWord.objects.filter(page=draft).exists()
    assert _suggestion(client.get("/soeg/", {"q": "natvamestuen"}))


def _words_of(page):
    return set(SearchWord.objects.filter(page=page).values_list("word", flat=True))


def test_pages_of_the_scale_data_set_have_the_same_words_as_published_ones():
    scale_seed(councils=1, hearings=3)
    seeded = HearingResponsePage.objects.live()
    kept = {page.pk: _words_of(page) for page in seeded}
    assert len(kept) == 3 and all(kept.values())

    for page in seeded:
        search_words_refresh(page_id=page.pk)
        assert _words_of(page) == kept[page.pk]
