"""The CPR guard and the LIX score: the text checks behind the workflow."""

import pytest

from cms.text_checks import cpr_numbers_in, lix, lix_band


@pytest.mark.parametrize(
    "text",
    [
        "010190-1234",
        "0101901234",
        "010190 1234",
        "010190 - 1234",
        "010190–1234",  # en dash, as word processors write it
        "010190\u00a01234",  # non-breaking space
        "CPR: 290200-1234.",  # 29 February of a leap year
        "Borgeren (311299-4321) klagede over afgørelsen.",
        "sagen om 150585-1237, som blev afvist",
        "nr.010190-1234",
        "En borger, 240226-0000, henvendte sig.",
    ],
)
def test_cpr_numbers_are_found(text):
    assert len(cpr_numbers_in(text)) == 1


def test_the_found_number_is_masked():
    assert cpr_numbers_in("Se 010190-1234 og 0202923456") == [
        "010190-XXXX",
        "020292-XXXX",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Høringsfristen er 24.10.2026.",
        "Ring på 12 34 56 78.",
        "Ring på tlf. 12345678",
        "Ring på +4512345678",
        "Sagsnummer 2026-004512",
        "Sagsnummer 27.00.00-A00-1-24",
        "Journalnummer 2026-0101901234",
        "Konto 1234-0101901234",
        "Beløbet er 1.250.000 kr.",
        "Mødet er 24/10/2026 1200",
        "01 01 90 12 34",
        "320190-1234",  # no 32nd day
        "011390-1234",  # no 13th month
        "000190-1234",  # no day 0
        "290201-1234",  # 29 February of a common year
        "310490-1234",  # April has 30 days
        "01019012345",  # eleven digits
        "010190-12345",
        "0101901234-5",
        "3101901234,5",
        "31.01.90-1234",
    ],
)
def test_dates_phone_and_case_numbers_are_not_flagged(text):
    assert cpr_numbers_in(text) == []


def test_lix_counts_words_sentences_and_long_words():
    result = lix("Vi vil have flere varmestuer. Der skal være åbent om natten.")

    assert (result.words, result.sentences, result.long_words) == (11, 2, 1)
    # 11/2 + 100*1/11 = 5.5 + 9.09 = 14.59
    assert result.score == 15
    assert result.band == "easy"


def test_lix_treats_each_line_of_an_easy_read_list_as_a_sentence():
    result = lix("Rådet siger ja\nDer skal være plads til alle\n")

    assert result.sentences == 2


def test_lix_does_not_end_sentences_at_abbreviations():
    result = lix("Rådet ønsker bl.a. flere boliger. Og mere tid.")

    assert result.sentences == 2


def test_long_official_sentences_are_very_hard():
    text = (
        "Kommunalbestyrelsen skal sikre, at borgere med komplekse sociale "
        "problemstillinger modtager koordinerede og helhedsorienterede "
        "indsatser på tværs af forvaltningerne."
    )

    assert lix(text).band == "very_hard"


def test_empty_text_scores_zero():
    assert lix("").score == 0
    assert lix("   \n ").words == 0


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (0, "easy"),
        (34, "easy"),
        (35, "medium"),
        (44, "medium"),
        (45, "hard"),
        (54, "hard"),
        (55, "very_hard"),
        (80, "very_hard"),
    ],
)
def test_lix_bands(score, band):
    assert lix_band(score) == band
