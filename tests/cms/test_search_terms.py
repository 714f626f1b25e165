"""The one rule for search input (cms.search_terms): plain words, capped."""

from hypothesis import given
from hypothesis import strategies as st

from cms.search_terms import MAX_LENGTH, MAX_TERMS, search_terms_from


def test_quotes_operators_and_control_characters_separate_words():
    terms = search_terms_from('"bolig" OR (hjem* -løs)\x00title:x\tNOT')

    assert terms.text == "bolig hjem løs title x"
    assert not terms.shortened


def test_nothing_searchable_is_an_empty_search():
    for raw in ('"', "\x00", "  ", "*()", None, "AND"):
        assert search_terms_from(raw).text == ""
        assert not search_terms_from(raw)


def test_danish_letters_and_numbers_stay_whole():
    assert search_terms_from("Ældrepleje i Århus 2026").text == (
        "Ældrepleje i Århus 2026"
    )


def test_many_words_keep_the_first_twelve_and_say_so():
    terms = search_terms_from(" ".join(f"ord{i}" for i in range(300)))

    assert terms.text.split() == [f"ord{i}" for i in range(MAX_TERMS)]
    assert terms.shortened


def test_one_very_long_word_keeps_its_beginning():
    terms = search_terms_from("x" * 5000)

    assert terms.text == "x" * MAX_LENGTH
    assert terms.shortened


@given(st.text())
def test_any_text_gives_few_short_plain_words(raw):
    terms = search_terms_from(raw)

    assert len(terms.text) <= MAX_LENGTH
    assert len(terms.text.split()) <= MAX_TERMS
    assert all(word.isalnum() for word in terms.text.split())
    assert terms.text == terms.text.strip()
