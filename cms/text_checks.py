"""Text checks run on content before it is approved: CPR numbers and LIX.

Both work on plain strings so they can be used on a form being submitted, on
a stored revision and on text typed live in the editor alike.
"""

import math
import re
import sys
import unicodedata
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

# Characters that show nothing but keep digits apart for a plain search:
# zero-width spaces and joiners, direction marks, the word joiner and
# invisible operators, the byte order mark, the soft hyphen and the
# combining grapheme joiner.
INVISIBLE = (
    "\u00ad\u034f\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
)
# Minus signs that are not dash punctuation (Unicode category Pd).
MINUS_SIGNS = "\u02d7\u2212\u2796\ufe63\uff0d"


def _dash_table():
    """Every dash and minus sign of Unicode, mapped to the hyphen-minus."""
    dashes = {
        code: "-"
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) == "Pd"
    }
    dashes.update({ord(char): "-" for char in MINUS_SIGNS})
    return dashes


DASHES = _dash_table()
INVISIBLE_PATTERN = re.compile(f"[{INVISIBLE}]")
SPACES = re.compile(r"\s+")

# Six digits of birth date (optionally as DD MM YY), an optional separator
# (a hyphen, spaces around it, or one space), then four serial digits, in
# text that normalise() has made plain. Neighbouring digits or number
# punctuation mean it is part of a longer number (an account, a case
# number, a decimal), not a CPR number.
CPR_PATTERN = re.compile(
    r"(?<![\d+])(?<!\d[-./,])"
    r"(?:(?P<day>\d{2})(?P<month>\d{2})(?P<year>\d{2})"
    r"|(?P<sday>\d{2}) (?P<smonth>\d{2}) (?P<syear>\d{2}))"
    r"(?: ?- ?| )?"
    r"(?P<serial>\d{4})"
    r"(?!\d)(?![-./,]\d)"
)
DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def normalise(text):
    """The text as a reader sees it, for matching: compatibility forms
    folded (NFKC: full-width digits, no-break spaces), invisible characters
    and soft hyphens removed, every dash and minus sign a hyphen-minus, and
    each run of spaces and tabs one space. Line breaks stay: digits on two
    lines are not read as one number."""
    text = unicodedata.normalize("NFKC", text or "")
    text = INVISIBLE_PATTERN.sub("", text).translate(DASHES)
    return "\n".join(SPACES.sub(" ", line) for line in text.splitlines())


def slug_words(slug):
    """A slug as the words it was made from: its hyphens and underscores
    stand for the spaces of the title (svar-010190-1234 is 010190 1234)."""
    return re.sub(r"[-_]+", " ", slug or "")


def _is_real_date(day, month, year):
    """Whether DDMMYY can be a birth date; the century is unknown, so a
    29 February is accepted in every year divisible by four."""
    if not 1 <= month <= 12 or day < 1:
        return False
    if month == 2 and day == 29:
        return year % 4 == 0
    return day <= DAYS_IN_MONTH[month - 1]


def cpr_numbers_in(text):
    """The CPR-like numbers in a text, masked (DDMMYY-XXXX), in order.

    The text is normalised first, so a number written with invisible
    characters, unusual dashes or spaces is found as well. The modulus-11
    check is deliberately not applied: numbers that fail it have been
    issued since 2007.
    """
    found = []
    for match in CPR_PATTERN.finditer(normalise(text)):
        day, month, year = (
            match[name] or match[f"s{name}"] for name in ("day", "month", "year")
        )
        if _is_real_date(int(day), int(month), int(year)):
            found.append(f"{day}{month}{year}-XXXX")
    return found


@dataclass(frozen=True)
class CprFinding:
    """Where in a page a CPR-like number was found."""

    field: str
    label: str
    numbers: tuple


def cpr_findings(segments):
    """The segments of a page (see workflows.page_text) that hold CPR numbers."""
    findings = []
    for segment in segments:
        numbers = cpr_numbers_in(segment.text)
        if numbers:
            findings.append(CprFinding(segment.field, segment.label, tuple(numbers)))
    return findings


@dataclass(frozen=True)
class Lix:
    """A LIX readability score and the counts it was computed from."""

    words: int
    sentences: int
    long_words: int

    @property
    def score(self):
        if not self.words:
            return 0
        value = self.words / self.sentences + 100 * self.long_words / self.words
        return math.floor(value + 0.5)

    @property
    def band(self):
        return lix_band(self.score)

    @property
    def band_label(self):
        return LIX_BAND_LABELS[self.band]


LIX_BAND_LABELS = {
    "easy": _("easy to read"),
    "medium": _("medium"),
    "hard": _("hard to read"),
    "very_hard": _("very hard to read"),
}
WORD_PATTERN = re.compile(r"\w+(?:[-'’]\w+)*")
# A full stop, colon, question or exclamation mark ends a sentence when the
# text ends there or a new sentence starts after it; "bl.a. når" does not.
SENTENCE_END = re.compile(r"[.:!?]+[\"'»”)]*(?=\s*$|\s+[\"'«»“”(]?[A-ZÆØÅÄÖÜÉ0-9])")


def lix_band(score):
    """The band a LIX score falls in: ≤34 easy, 35–44 medium, 45–54 hard."""
    if score <= 34:
        return "easy"
    if score <= 44:
        return "medium"
    if score <= 54:
        return "hard"
    return "very_hard"


def lix(text):
    """LIX = words/sentences + 100 × words longer than six letters / words.

    Easy-read texts often put one sentence on each line without a full stop,
    so a line break ends a sentence too.
    """
    words = sentences = long_words = 0
    for line in (text or "").splitlines():
        line_words = WORD_PATTERN.findall(line)
        if not line_words:
            continue
        words += len(line_words)
        long_words += sum(1 for word in line_words if _letters(word) > 6)
        ends = SENTENCE_END.findall(line.rstrip())
        ends_with_mark = bool(re.search(r"[.:!?][\"'»”)]*\s*$", line))
        sentences += len(ends) + (0 if ends_with_mark else 1)
    return Lix(words=words, sentences=max(sentences, 1), long_words=long_words)


def _letters(word):
    return sum(1 for char in word if char.isalpha())


def cpr_field_errors(instance, message):
    """{field name: message(field, numbers)} for every free-text field of a
    model instance that seems to hold a CPR number (choice fields excepted:
    nobody types those)."""
    errors = {}
    for field in instance._meta.concrete_fields:
        if field.choices or not isinstance(field, models.CharField | models.TextField):
            continue
        numbers = cpr_numbers_in(getattr(instance, field.attname) or "")
        if numbers:
            errors[field.name] = message(field, numbers)
    return errors
