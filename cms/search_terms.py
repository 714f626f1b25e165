"""What a visitor or a secretary types into a search box, made safe to search.

Wagtail's database search backends build a full-text query from the text
they are given: on SQLite each word goes between double quotes into an FTS5
expression (a stray quote or NUL is a syntax error there), on PostgreSQL the
words become a raw tsquery (a NUL is refused by the driver), and on both
every extra word nests the expression one level deeper (a few hundred words
exceed Python's recursion limit). Wagtail's admin additionally reads quotes
as phrases and ``name:value`` as filters.

So every search in the project, public and admin, searches only for plain
words: letters and digits, at most ``MAX_TERMS`` of them and ``MAX_LENGTH``
characters in all. Everything else (quotes, operators, brackets, control
characters) separates words and is otherwise dropped.
"""

import re
import unicodedata
from dataclasses import dataclass

MAX_LENGTH = 200
MAX_TERMS = 12
# The raw input is scanned no further than this: a query string of
# megabytes costs no more than one of a few lines.
SCAN_LENGTH = 10 * MAX_LENGTH
# Words that both full-text engines would read as operators if they were
# ever passed on unquoted; as search words they carry no meaning.
OPERATOR_WORDS = frozenset({"AND", "OR", "NOT", "NEAR"})
# Letters and digits in any script; the underscore counts as a separator.
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class SearchTerms:
    """The words to search for and whether some of the input was left out,
    so the page can say the search was shortened."""

    text: str
    shortened: bool

    def __bool__(self):
        return bool(self.text)


def plain_words(text):
    """The words of ``text`` as both search engines see them: letters and
    digits, split at everything else. The index's own word lists
    (pages.word_forms) split page text with this too."""
    # NFKC composes "å" typed as "a" + combining ring and unfolds
    # full-width letters, so such words are found like their usual form.
    return _WORD.findall(unicodedata.normalize("NFKC", text))


def _words(raw):
    words = plain_words(raw[:SCAN_LENGTH])
    return [word for word in words if word not in OPERATOR_WORDS]


def search_terms_from(raw, *, max_length=MAX_LENGTH, max_terms=MAX_TERMS):
    """The plain words of ``raw`` (any text, or None), capped in number and
    length; ``shortened`` is true when words were dropped or cut."""
    if not isinstance(raw, str):
        return SearchTerms(text="", shortened=False)
    words = _words(raw)
    kept = []
    for word in words[:max_terms]:
        if len(" ".join([*kept, word])) > max_length:
            if not kept:  # one very long word: its beginning
                kept.append(word[:max_length])
            break
        kept.append(word)
    text = " ".join(kept)
    shortened = len(raw) > SCAN_LENGTH or text != " ".join(words)
    return SearchTerms(text=text, shortened=shortened)
