"""A hearing is public the moment it is saved (the home page, kalender.ics,
the response's page), so the secretary cannot save one whose texts seem to
hold a CPR number: the editor names the field, in Danish, and nothing is
stored."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst

from hearings.models import Hearing
from tests.factories import HearingFactory
from tests.hearings.conftest import hearing_form_data

ADD = reverse("hearings_hearing:add")
REFUSAL = "ser ud til at indeholde et CPR-nummer (010190-XXXX)"


def label(name):
    with translation.override("da"):
        return str(capfirst(Hearing._meta.get_field(name).verbose_name))


def field_errors(response, name):
    return " ".join(response.context["form"].errors.get(name, []))


PUBLIC_TEXTS = [
    ("title", "Høring om borgeren 010190-1234"),
    ("summary", "Sagen om 01 01 90-1234 skal belyses."),
    ("committee", "Socialudvalget (010190\u200b-1234)"),
    ("case_number", "0101901234"),
    ("contact_email", "0101901234@eksempelby.dk"),
    ("decision_summary", "Borger 010190\u22121234 fik medhold."),
    ("decision_url", "https://eksempelby.dk/sag/010190-1234"),
]


@pytest.mark.parametrize(("field", "text"), PUBLIC_TEXTS)
def test_a_new_hearing_with_a_cpr_number_is_refused_naming_the_field(
    client_as, secretary_a, field, text
):
    response = client_as(secretary_a).post(ADD, hearing_form_data(**{field: text}))

    assert response.status_code == 200
    errors = field_errors(response, field)
    assert label(field) in errors
    assert REFUSAL in errors
    assert not Hearing.objects.exists()


@pytest.mark.parametrize(("field", "text"), PUBLIC_TEXTS)
def test_an_edit_that_adds_a_cpr_number_changes_nothing(
    client_as, secretary_a, council_a, field, text
):
    hearing = HearingFactory(council=council_a, summary="Om nye væresteder.")
    before = {name: getattr(hearing, name) for name, _text in PUBLIC_TEXTS}
    url = reverse("hearings_hearing:edit", args=[hearing.pk])

    changes = {"summary": hearing.summary, field: text}
    response = client_as(secretary_a).post(url, hearing_form_data(hearing, **changes))

    assert response.status_code == 200
    assert REFUSAL in field_errors(response, field)
    hearing.refresh_from_db()
    assert {name: getattr(hearing, name) for name in before} == before
    assert hearing.history.count() == 1


@pytest.mark.parametrize(
    "title",
    [
        "Høring om 010190\u00ad1234",
        "Høring om 010190\t1234",
        "Høring om 010190   1234",
        "Høring om ０１０１９０－１２３４",
    ],
)
def test_the_written_variants_are_refused_too(client_as, secretary_a, title):
    response = client_as(secretary_a).post(ADD, hearing_form_data(title=title))

    assert REFUSAL in field_errors(response, "title")
    assert not Hearing.objects.exists()


def test_dates_phone_case_numbers_and_amounts_are_saved(client_as, secretary_a):
    summary = (
        "Mødet er 01-01-2026 kl. 10:00. Ring på +45 12 34 56 78. "
        "Budgettet er 1.234.567 kr. for 2026-2027."
    )
    response = client_as(secretary_a).post(
        ADD, hearing_form_data(summary=summary, case_number="27.00.00-P20-1-25")
    )

    assert response.status_code == 302
    assert Hearing.objects.get().summary == summary


def test_every_public_field_of_the_hearing_is_checked(council_a):
    """A text field added to the hearing later is checked without being
    listed anywhere: every text field but the choices is."""
    hearing = HearingFactory.build(council=council_a)
    texts = [
        field.name
        for field in Hearing._meta.concrete_fields
        if field.get_internal_type() in ("CharField", "TextField") and not field.choices
    ]
    for name in texts:
        setattr(hearing, name, "0101901234")

    with translation.override("da"), pytest.raises(ValidationError) as refused:
        hearing.full_clean()

    flagged = {
        name
        for name, messages in refused.value.message_dict.items()
        if any(REFUSAL in message for message in messages)
    }
    assert flagged == set(texts)
    assert {name for name, _text in PUBLIC_TEXTS} <= flagged
