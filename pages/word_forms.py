"""Danish word forms for search: the same stems at index and at query time.

Neither engine finds "vinteren" from "vinter" by itself everywhere: SQLite's
full-text index compares whole words, and PostgreSQL's 'danish' configuration
stems but never splits a compound, so "møde" finds no "Rådsmøde". Every page
therefore carries one more indexed text (BasePage.danish_word_forms): the
Snowball stem of each of its words, and the stems of each long word's
endings. Danish compounds put the head last ("råds|møde", "nat|varmestue"),
so an ending of at least ``MIN_HEAD`` letters is a candidate head word; the
endings that are not real words ("smøde") only cost index space, since
nobody searches for them. A search looks for the stems of its words, which
on PostgreSQL go through the 'danish' stemmer a second time on both sides
alike.
"""

import threading
from functools import lru_cache

import snowballstemmer
from django.utils.encoding import force_str
from wagtail.search import index

from cms.search_terms import plain_words

# The shortest ending taken for a compound's head ("møde", "plan", "hjem"),
# and the fewest letters left in front of it for its first part.
MIN_HEAD = 4
MIN_MODIFIER = 3
# Longer "words" are codes or run-together text, not Danish compounds.
MAX_COMPOUND = 40

# The page method whose text is the word forms (BasePage.danish_word_forms).
FORMS_FIELD = "danish_word_forms"
# The words kept for spelling suggestions (pages.models.SearchWord).
SUGGESTION_WORD_LENGTHS = range(3, 41)

_local = threading.local()


def _stemmer():
    # A Snowball stemmer object keeps state while it works: one per thread.
    if not hasattr(_local, "stemmer"):
        _local.stemmer = snowballstemmer.stemmer("danish")
    return _local.stemmer


@lru_cache(maxsize=100_000)
def word_stem(word):
    """The Danish Snowball stem of one word, in lower case."""
    return _stemmer().stemWord(word.lower())


def compound_heads(word):
    """The endings of ``word`` that may be the head of a compound, longest
    first: "rådsmøde" gives "smøde" and "møde"."""
    word = word.lower()
    if not word.isalpha() or len(word) > MAX_COMPOUND:
        return []
    return [word[start:] for start in range(MIN_MODIFIER, len(word) - MIN_HEAD + 1)]


def index_forms(texts):
    """The stems of every word in ``texts`` and of their possible compound
    heads, once each, as one space-separated text for the search index."""
    words = {word.lower() for text in texts for word in plain_words(text)}
    forms = set()
    for word in words:
        forms.add(word_stem(word))
        forms.update(word_stem(head) for head in compound_heads(word))
    return " ".join(sorted(forms))


def query_forms(text):
    """What to hand Wagtail's search for ``text``: the stem of each of its
    words, in their order, each once."""
    return " ".join(dict.fromkeys(word_stem(word) for word in plain_words(text)))


def _flat(value):
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in _flat(item)]
    if isinstance(value, dict):
        return _flat(list(value.values()))
    return [force_str(value)]


def page_texts(page):
    """The plain text of every field the page is searched by, as Wagtail's
    index reads it (rich text without tags, a stream's blocks' text)."""
    return [
        text
        for field in page.get_search_fields()
        if isinstance(field, index.SearchField) and field.field_name != FORMS_FIELD
        for text in _flat(field.get_value(page))
    ]


def suggestion_words(texts):
    """The words of ``texts`` worth suggesting: letters only, in lower case."""
    return {
        word.lower()
        for text in texts
        for word in plain_words(text)
        if word.isalpha() and len(word) in SUGGESTION_WORD_LENGTHS
    }
