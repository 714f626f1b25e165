"""The CPR guard finds a number however it is written, and lets the numbers
a council writes every day through: property-based, with hypothesis.

The variants are the ones a word processor, a copy from a PDF or a careless
paste produces: invisible characters anywhere, any dash or minus sign,
tabs, no-break spaces and runs of spaces, full-width digits, and the date
written DD MM YY. The near-misses are dates, times, phone numbers, case
numbers and amounts, which must never stop a response.
"""

import datetime

from hypothesis import example, given
from hypothesis import strategies as st

from cms.text_checks import cpr_numbers_in, slug_words

INVISIBLES = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
DASHES = [
    "-",
    "\u2010",
    "\u2011",
    "\u2012",
    "\u2013",
    "\u2014",
    "\u2015",
    "\u2212",
    "\ufe58",
    "\ufe63",
    "\uff0d",
]
SPACES = [" ", "\t", "\u00a0", "\u2007", "\u202f", "\u3000", "   ", " \t "]
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")

birth_dates = st.dates(datetime.date(1900, 1, 1), datetime.date(2099, 12, 31))
serials = st.text("0123456789", min_size=4, max_size=4)
spaces = st.sampled_from(SPACES)
dashes = st.sampled_from(DASHES)
separators = st.one_of(
    st.just(""),
    spaces,
    dashes,
    st.tuples(spaces, dashes, spaces).map("".join),
    st.sampled_from(INVISIBLES),
)
prefixes = st.sampled_from(["", "CPR ", "Borgeren ", "nr. ", "(", "svar-", "«"])
suffixes = st.sampled_from(["", ".", " klagede.", ")", ",", " og", "»"])


@st.composite
def hidden_in(draw, text):
    """The text with invisible characters put in at random places."""
    chars = list(text)
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(chars)))
        chars.insert(at, draw(st.sampled_from(INVISIBLES)))
    return "".join(chars)


@st.composite
def written_cpr(draw):
    """(a CPR-like number as someone may write it, its masked form)."""
    born = draw(birth_dates)
    day, month, year = (f"{born:%d}", f"{born:%m}", f"{born:%y}")
    if draw(st.booleans()):
        date = draw(spaces).join((day, month, year))
    else:
        date = day + month + year
    number = date + draw(separators) + draw(serials)
    if draw(st.booleans()):
        number = number.translate(FULL_WIDTH)
    text = draw(prefixes) + draw(hidden_in(number)) + draw(suffixes)
    return text, f"{day}{month}{year}-XXXX"


@given(written_cpr())
@example(("010190\u200b-1234", "010190-XXXX"))
@example(("010190\u00ad1234", "010190-XXXX"))
@example(("010190\u22121234", "010190-XXXX"))
@example(("010190\t1234", "010190-XXXX"))
@example(("010190   1234", "010190-XXXX"))
@example(("01 01 90-1234", "010190-XXXX"))
@example(("Nr. 290200 - 1234.", "290200-XXXX"))
def test_every_way_of_writing_a_cpr_number_is_found(case):
    text, masked = case
    assert cpr_numbers_in(text) == [masked]


@given(written_cpr())
def test_a_cpr_number_in_a_slug_is_found(case):
    """A slug is the title with hyphens for spaces, so its digits are
    separated by hyphens: svar-010190-1234, svar-01-01-90-1234."""
    text, masked = case
    slug = "-".join(cpr_like.lower() for cpr_like in text.split())
    assert cpr_numbers_in(slug_words(slug)) == [masked]


def test_the_slugs_of_the_issue_are_found():
    assert cpr_numbers_in(slug_words("svar-010190-1234")) == ["010190-XXXX"]
    assert cpr_numbers_in(slug_words("svar-01-01-90-1234")) == ["010190-XXXX"]
    assert cpr_numbers_in(slug_words("svar_0101901234")) == ["010190-XXXX"]


# Near-misses ----------------------------------------------------------------

any_dates = st.dates(datetime.date(1900, 1, 1), datetime.date(2099, 12, 31))
times = st.times().map(lambda t: t.replace(microsecond=0))
two = st.integers(0, 99).map("{:02d}".format)


def danish_amount(value):
    return f"{value:,}".replace(",", ".") + " kr."


near_misses = st.one_of(
    # Dates without a serial, in every form Danish texts use.
    any_dates.map(lambda d: f"{d:%d%m%y}"),
    any_dates.map(lambda d: f"{d:%d %m %y}"),
    any_dates.map(lambda d: f"{d:%d-%m-%Y}"),
    any_dates.map(lambda d: f"{d:%d.%m.%Y}"),
    any_dates.map(lambda d: f"{d:%d/%m/%Y}"),
    any_dates.map(lambda d: f"{d:%d.%m.%y}"),
    any_dates.map(lambda d: d.isoformat()),
    any_dates.map(lambda d: f"{d:%Y%m%d}"),
    st.tuples(any_dates, times).map(lambda dt: f"{dt[0]:%d-%m-%Y} {dt[1]:%H:%M}"),
    st.tuples(any_dates, times).map(lambda dt: f"{dt[0]:%d.%m.%Y} kl. {dt[1]:%H.%M}"),
    st.tuples(any_dates, times).map(
        lambda dt: datetime.datetime.combine(*dt).isoformat()
    ),
    times.map(lambda t: f"kl. {t:%H:%M:%S}"),
    # Phone numbers: eight digits, in pairs or not, with or without +45.
    st.lists(two, min_size=4, max_size=4).map(lambda p: "+45 " + " ".join(p)),
    st.lists(two, min_size=4, max_size=4).map(" ".join),
    st.text("0123456789", min_size=8, max_size=8),
    st.text("0123456789", min_size=8, max_size=8).map(lambda n: "+45" + n),
    # Case numbers (KL's journal plan) and amounts.
    st.tuples(two, two, two, st.integers(0, 99), st.integers(1, 999), two).map(
        lambda p: f"{p[0]}.{p[1]}.{p[2]}-P{p[3]:02d}-{p[4]}-{p[5]}"
    ),
    st.integers(0, 10**10).map(danish_amount),
)


@given(st.lists(near_misses, min_size=1, max_size=4).map(". ".join), st.data())
@example("+45 12 34 56 78", None)
@example("12345678", None)
@example("27.00.00-P20-1-25", None)
@example("1.234.567 kr.", None)
@example("01-01-1990", None)
@example("1990-01-01", None)
@example("12:30:45", None)
def test_dates_times_phone_case_numbers_and_amounts_are_not_flagged(text, data):
    if data is not None:
        text = data.draw(hidden_in(text))
    assert cpr_numbers_in(text) == []


@given(st.dates(datetime.date(1900, 1, 1), datetime.date(2099, 12, 31)), serials)
def test_a_serial_after_a_date_that_cannot_be_a_birth_date_is_not_flagged(born, serial):
    """Day 32, month 13 and day 0 are kept out, as the check always did."""
    for date in (f"32{born:%m%y}", f"{born:%d}13{born:%y}", f"00{born:%m%y}"):
        assert cpr_numbers_in(f"{date}-{serial}") == []


def test_numbers_on_two_lines_are_not_read_as_one():
    assert cpr_numbers_in("Mødet 010190\n1234 deltagere") == []
