"""Danish word forms (pages.word_forms): what the index keeps for a text is
what a search for another form of its words looks for."""

from hypothesis import given
from hypothesis import strategies as st

from pages.word_forms import compound_heads, index_forms, query_forms

FORMS = [
    ("natvarmestue", "natvarmestuen"),
    ("vinter", "vinteren"),
    ("boligsociale", "boligsocial"),
    ("møde", "Rådsmøde"),
    ("møder", "borgermødet"),
    ("plan", "Boligplanen"),
]


def test_a_search_word_finds_its_other_forms_and_the_compounds_it_ends():
    for query, text in FORMS:
        assert set(query_forms(query).split()) <= set(index_forms([text]).split()), (
            query,
            text,
        )


def test_a_compound_does_not_find_its_first_part():
    # The head comes last in Danish: "vinterhjælp" is help, not winter.
    assert "vint" not in index_forms(["vinterhjælp"]).split()


def test_heads_are_the_endings_of_four_letters_or_more_after_three():
    assert compound_heads("Rådsmøde") == ["smøde", "møde"]
    assert compound_heads("mødet") == []
    assert compound_heads("2026") == []


@given(st.text(max_size=300))
def test_forms_are_plain_words_whatever_the_text(text):
    for forms in (index_forms([text]), query_forms(text)):
        assert all(form.isalnum() for form in forms.split())
