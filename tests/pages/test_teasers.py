"""Teasers of easy-read text end where a sentence ends: a reader with little
stamina never meets a half sentence cut off with "…"."""

from pages.templatetags.public_tags import teaser

LONG_FIRST = " ".join(["ord"] * 40) + "."


def test_a_teaser_keeps_whole_sentences_that_fit():
    text = "Vi siger ja. Men der skal være plads til alle. " + LONG_FIRST

    assert teaser(text, 12) == "Vi siger ja. Men der skal være plads til alle."


def test_a_long_first_sentence_is_shown_whole_rather_than_cut():
    assert teaser(LONG_FIRST, 30) == LONG_FIRST


def test_line_breaks_and_spaces_do_not_end_a_sentence():
    assert teaser("Hjemløse  skal\nhave\tet sted. Resten.", 4) == (
        "Hjemløse skal have et sted."
    )


def test_the_index_shows_a_teaser_that_ends_at_a_sentence(
    client, council_a, published_response
):
    published_response.easy_read_summary = (
        "Vi vil have flere billige boliger. " + LONG_FIRST
    )
    published_response.save_revision()
    type(published_response).objects.filter(pk=published_response.pk).update(
        easy_read_summary=published_response.easy_read_summary
    )

    html = client.get("/hoeringssvar/", HTTP_HOST="eksempelby.localhost").content

    assert "Vi vil have flere billige boliger.</p>" in html.decode()
    assert "ord ord" not in html.decode()
