"""The public pages: the response index, its feed, and a response's page."""

import datetime

import feedparser
import pytest
from django.utils import timezone
from wagtail.rich_text import RichText

from hearings.models import HearingDocument, HearingResponsePage
from tests.factories import (
    HearingFactory,
    HearingResponsePageFactory,
    ThemeFactory,
    publish_fixture,
)
from tests.hearings.conftest import PDF_BYTES

HOST_A = "eksempelby.localhost"


def get(client, url, **params):
    response = client.get(url, params, HTTP_HOST=HOST_A)
    assert response.status_code == 200
    return response.content.decode()


def publish(index, council, title, **hearing_fields):
    hearing = HearingFactory(council=council, **hearing_fields)
    return HearingResponsePageFactory(
        parent=index, hearing=hearing, title=title, published=True
    )


def back_date(page, days_ago):
    when = timezone.now() - datetime.timedelta(days=days_ago)
    HearingResponsePage.objects.filter(pk=page.pk).update(
        first_published_at=when, last_published_at=when
    )


# The index ------------------------------------------------------------------


def test_index_shows_published_responses_newest_first_and_no_drafts(
    client, index_a, council_a
):
    older = publish(index_a, council_a, "Ældre svar")
    back_date(older, 30)
    publish(index_a, council_a, "Nyere svar")
    HearingResponsePageFactory(
        parent=index_a,
        hearing=HearingFactory(council=council_a),
        title="Hemmeligt udkast",
    )

    html = get(client, index_a.url)

    assert html.index("Nyere svar") < html.index("Ældre svar")
    assert "Hemmeligt udkast" not in html
    assert "2 høringssvar" in html


def test_index_never_shows_another_councils_responses(
    client, index_a, index_b, council_a, council_b
):
    publish(index_a, council_a, "Eksempelbys svar")
    publish(index_b, council_b, "Prøvestrups svar")
    for params in ({}, {"q": "svar"}):
        html = get(client, index_a.url, **params)
        assert "Eksempelbys svar" in html
        assert "Prøvestrups svar" not in html


def test_a_changed_draft_of_a_published_response_stays_private(
    client, index_a, council_a
):
    page = publish(index_a, council_a, "Offentligt svar")
    page.title = "Kladde til ny titel"
    page.easy_read_summary = "Hemmelig ny tekst"
    page.save_revision()

    index_html = get(client, index_a.url)
    page_html = get(client, page.url)

    for html in (index_html, page_html):
        assert "Offentligt svar" in html
        assert "Kladde til ny titel" not in html
        assert "Hemmelig ny tekst" not in html


def test_index_filters_by_theme_year_and_decision(client, index_a, council_a):
    homeless = ThemeFactory(name="Hjemløse")
    decided = publish(
        index_a,
        council_a,
        "Svar om herberg",
        themes=[homeless],
        decided_on=timezone.localdate(),
    )
    old = publish(index_a, council_a, "Svar om busser")
    back_date(old, 400)
    old_year = (timezone.now() - datetime.timedelta(days=400)).year

    by_theme = get(client, index_a.url, theme=homeless.slug)
    by_year = get(client, index_a.url, year=old_year)
    by_decided = get(client, index_a.url, decided="yes")
    undecided = get(client, index_a.url, decided="no")

    assert decided.title in by_theme and old.title not in by_theme
    assert old.title in by_year and decided.title not in by_year
    assert decided.title in by_decided and old.title not in by_decided
    assert old.title in undecided and decided.title not in undecided


def test_index_search_finds_words_in_the_response(client, index_a, council_a):
    page = publish(index_a, council_a, "Svar om natcaféer")
    page.easy_read_summary = "Rådet vil have flere sovepladser."
    publish_fixture(page)
    publish(index_a, council_a, "Svar om busser")

    html = get(client, index_a.url, q="sovepladser")

    assert "Svar om natcaféer" in html
    assert "Svar om busser" not in html


def test_bad_filter_values_are_ignored_not_an_error(client, index_a, council_a):
    publish(index_a, council_a, "Et svar")
    html = get(client, index_a.url, year="ikke-et-år", theme="findes-ikke", page="x")
    assert "Et svar" in html


def test_index_paginates(client, index_a, council_a):
    for number in range(12):
        publish(index_a, council_a, f"Svar nummer {number:02d}")
    first = get(client, index_a.url)
    second = get(client, index_a.url, page=2)
    assert first.count("Svar nummer") == 10
    assert second.count("Svar nummer") == 2
    assert 'aria-current="page"' in second


# The response page ---------------------------------------------------------


def test_response_page_shows_easy_read_first_then_outcome_response_and_hearing(
    client, index_a, council_a
):
    hearing = HearingFactory(
        council=council_a,
        title="Forslag om gadeplansarbejde",
        committee="Socialudvalget",
        case_number="27.15.00-P20-4-26",
        decided_on=timezone.localdate(),
        decision_summary="Byrådet vedtog forslaget med rådets ændringer.",
        points_used="taken_up",
    )
    page = HearingResponsePageFactory(
        parent=index_a,
        hearing=hearing,
        easy_read_summary="Rådet siger ja til flere gadeplansmedarbejdere.",
        body=[("paragraph", RichText("<p>Rådet støtter forslaget.</p>"))],
        published=True,
    )

    html = get(client, page.url)

    assert html.count("<h1") == 1
    decision = html.index("Byrådet vedtog forslaget med rådets ændringer.")
    assert (
        html.index("Kort fortalt") < decision < html.index("Rådet støtter forslaget.")
    )
    assert html.index("Rådet støtter forslaget.") < html.index("27.15.00-P20-4-26")
    assert "Kommunen gjorde, som rådet bad om." in html
    assert "Socialudvalget" in html
    assert "Taget med" in html
    assert "Afgjort af kommunen" in html


def test_the_hearing_documents_are_linked(client, index_a, council_a, make_document):
    document = make_document("forslag.pdf", PDF_BYTES, title="Forslag til politik")
    hearing = HearingFactory(council=council_a)
    HearingDocument.objects.create(hearing=hearing, document=document)
    page = HearingResponsePageFactory(parent=index_a, hearing=hearing, published=True)

    html = get(client, page.url)

    assert "Forslag til politik" in html
    assert document.url in html


def test_republished_response_says_when_and_what_changed(client, index_a, council_a):
    page = publish(index_a, council_a, "Svar med rettelse")
    back_date(page, 10)
    page.refresh_from_db()
    page.change_note = "Rettet en forkert dato i anbefaling 2."
    publish_fixture(page)

    html = get(client, page.url)

    today = timezone.localdate()
    assert "Opdateret den" in html
    assert "Rettet en forkert dato i anbefaling 2." in html
    assert f"{today.day}." in html


def test_first_publication_shows_no_update_note(client, index_a, council_a):
    page = publish(index_a, council_a, "Nyt svar")
    page.change_note = "Denne note hører til udkastet"
    page.save_revision()
    assert "Opdateret den" not in get(client, page.url)


# The feed -------------------------------------------------------------------


def test_feed_parses_and_lists_only_published_responses(
    client, index_a, index_b, council_a, council_b
):
    publish(index_a, council_a, "Offentliggjort svar")
    HearingResponsePageFactory(
        parent=index_a, hearing=HearingFactory(council=council_a), title="Udkast"
    )
    publish(index_b, council_b, "Et andet råds svar")

    response = client.get(index_a.url + "feed/", HTTP_HOST=HOST_A)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == ["Offentliggjort svar"]
    assert feed.entries[0].link.endswith("/hoeringssvar/offentliggjort-svar/")
    assert "Udsatterådet i Eksempelby" in feed.feed.title


def test_index_page_links_its_feed(client, index_a):
    html = get(client, index_a.url)
    assert 'type="application/atom+xml"' in html


# Query ceilings -------------------------------------------------------------


def make_responses(index, council, count):
    themes = [ThemeFactory(), ThemeFactory()]
    pages = []
    for number in range(count):
        hearing = HearingFactory(council=council, themes=themes)
        pages.append(
            HearingResponsePageFactory(
                parent=index,
                hearing=hearing,
                title=f"Svar {number}",
                published=True,
            )
        )
    return pages


INDEX_CEILING = 25
DETAIL_CEILING = 25


@pytest.mark.parametrize("count", [5, 60])
def test_index_queries_do_not_grow_with_the_number_of_responses(
    client, index_a, council_a, count, django_assert_max_num_queries
):
    make_responses(index_a, council_a, count)
    get(client, index_a.url)  # warm caches (site, locale) like a running server
    with django_assert_max_num_queries(INDEX_CEILING):
        get(client, index_a.url)
    with django_assert_max_num_queries(INDEX_CEILING):
        get(client, index_a.url, q="Svar", theme="tema-1", decided="no")


@pytest.mark.parametrize("count", [5, 60])
def test_detail_queries_do_not_grow_with_the_number_of_hearings(
    client, index_a, council_a, count, django_assert_max_num_queries
):
    pages = make_responses(index_a, council_a, count)
    get(client, pages[-1].url)
    with django_assert_max_num_queries(DETAIL_CEILING):
        get(client, pages[-1].url)


def test_feed_names_its_author_and_keeps_its_id_whatever_the_host(
    client, index_a, council_a
):
    publish(index_a, council_a, "Svar med forfatter")

    feeds = [
        feedparser.parse(client.get(index_a.url + "feed/", HTTP_HOST=host).content)
        for host in (HOST_A, "127.0.0.1")
    ]

    assert feeds[0].feed.author == "Udsatterådet i Eksempelby"
    assert feeds[0].feed.id == feeds[1].feed.id
    assert feeds[0].feed.id.startswith("tag:eksempelby.localhost,")
    assert feeds[0].entries[0].id == feeds[1].entries[0].id


def test_a_theme_feed_lists_only_that_themes_responses(client, index_a, council_a):
    housing = ThemeFactory(name="Boligtema til feedtest")
    publish(index_a, council_a, "Svar om boliger").hearing.themes.add(housing)
    publish(index_a, council_a, "Svar om noget andet")

    themed = feedparser.parse(
        client.get(
            index_a.url + "feed/", {"theme": housing.slug}, HTTP_HOST=HOST_A
        ).content
    )
    unknown = feedparser.parse(
        client.get(
            index_a.url + "feed/", {"theme": "findes-ikke"}, HTTP_HOST=HOST_A
        ).content
    )

    assert [entry.title for entry in themed.entries] == ["Svar om boliger"]
    assert themed.feed.title.endswith(": Boligtema til feedtest")
    assert unknown.entries == []
