"""A hearing comes from one of the municipality's committees, kept in the
council's settings: a new hearing starts with the municipality's address,
offers the council's own committees only, and its letter is addressed to
the municipality's postal address."""

import io

import pytest
from django.core import mail
from django.urls import reverse
from pypdf import PdfReader

from cms.models import CouncilSettings, MunicipalCommittee
from hearings.deliveries import response_delivery_create
from hearings.models import Hearing
from tests.factories import HearingFactory, HearingResponsePageFactory
from tests.hearings.conftest import hearing_form_data
from tests.hearings.test_letter_pdf import english_of, letter

ADD = reverse("hearings_hearing:add")
DEFAULT_EMAIL = "hoering@eksempelby.dk"


def municipality(site, **details):
    council = CouncilSettings.for_site(site)
    for name, value in details.items():
        setattr(council, name, value)
    council.save()
    return council


def committee(site, name, email=""):
    return MunicipalCommittee.objects.create(
        council_settings=CouncilSettings.for_site(site), name=name, email=email
    )


@pytest.fixture
def eksempelby(council_a):
    return municipality(
        council_a,
        hearing_email=DEFAULT_EMAIL,
        municipality_street="Rådhustorvet 3",
        municipality_postcode="9999",
        municipality_town="Eksempelby",
    )


@pytest.fixture
def social_committee(council_a, eksempelby):
    return committee(council_a, "Social- og Sundhedsudvalget", "sus@eksempelby.dk")


@pytest.fixture
def employment_committee(council_a, eksempelby):
    return committee(council_a, "Beskæftigelsesudvalget")


@pytest.fixture
def provestrup_committee(council_b):
    return committee(council_b, "Prøvestrups Børne- og Ungeudvalg")


def new_hearing(client, **fields):
    return client.post(ADD, hearing_form_data(**{"committee": "", **fields}))


def test_a_new_hearing_starts_with_the_municipalitys_address_and_committees(
    client_as, secretary_a, social_committee, employment_committee, provestrup_committee
):
    response = client_as(secretary_a).get(ADD)

    form = response.context["form"]
    assert form["contact_email"].value() == DEFAULT_EMAIL
    html = response.content.decode()
    assert f'value="{DEFAULT_EMAIL}"' in html
    assert "Social- og Sundhedsudvalget" in html
    assert "Beskæftigelsesudvalget" in html
    assert "Prøvestrups Børne- og Ungeudvalg" not in html


def test_a_committee_without_an_address_sends_to_the_municipality(
    client_as, secretary_a, employment_committee
):
    response = new_hearing(
        client_as(secretary_a),
        municipal_committee=employment_committee.pk,
        contact_email=DEFAULT_EMAIL,
    )

    assert response.status_code == 302
    hearing = Hearing.objects.get()
    assert hearing.municipal_committee == employment_committee
    assert hearing.committee == "Beskæftigelsesudvalget"
    assert hearing.contact_email == DEFAULT_EMAIL


def test_a_committee_with_its_own_address_gets_the_response(
    client_as, secretary_a, social_committee
):
    new_hearing(
        client_as(secretary_a),
        municipal_committee=social_committee.pk,
        contact_email=DEFAULT_EMAIL,
    )

    assert Hearing.objects.get().contact_email == "sus@eksempelby.dk"


def test_an_address_typed_by_the_secretary_stands(
    client_as, secretary_a, social_committee
):
    new_hearing(
        client_as(secretary_a),
        municipal_committee=social_committee.pk,
        contact_email="sagsbehandler@eksempelby.dk",
    )

    assert Hearing.objects.get().contact_email == "sagsbehandler@eksempelby.dk"


def test_changing_the_committee_changes_an_address_nobody_typed(
    client_as, secretary_a, social_committee, employment_committee
):
    client = client_as(secretary_a)
    new_hearing(
        client, municipal_committee=social_committee.pk, contact_email=DEFAULT_EMAIL
    )
    hearing = Hearing.objects.get()
    assert hearing.contact_email == "sus@eksempelby.dk"

    client.post(
        reverse("hearings_hearing:edit", args=[hearing.pk]),
        hearing_form_data(hearing, municipal_committee=employment_committee.pk),
    )

    hearing.refresh_from_db()
    assert hearing.committee == "Beskæftigelsesudvalget"
    assert hearing.contact_email == DEFAULT_EMAIL


def test_another_councils_committee_is_refused_on_its_field(
    client_as, secretary_a, eksempelby, provestrup_committee
):
    response = new_hearing(
        client_as(secretary_a), municipal_committee=provestrup_committee.pk
    )

    assert response.status_code == 200
    assert response.context["form"].errors["municipal_committee"] == [
        "Vælg et af rådets egne udvalg."
    ]
    assert not Hearing.objects.exists()


def test_a_superuser_cannot_mix_councils_either(
    client_as, superuser, council_a, eksempelby, provestrup_committee
):
    response = new_hearing(
        client_as(superuser),
        council=council_a.pk,
        municipal_committee=provestrup_committee.pk,
    )

    assert response.status_code == 200
    assert "municipal_committee" in response.context["form"].errors
    assert not Hearing.objects.exists()


def test_a_committee_not_on_the_list_is_typed_and_one_is_needed(
    client_as, secretary_a, eksempelby
):
    client = client_as(secretary_a)

    nameless = new_hearing(client)
    typed = new_hearing(client, committee="Kultur- og Fritidsudvalget")

    assert nameless.context["form"].errors["committee"] == [
        "Vælg udvalget på listen, eller skriv dets navn."
    ]
    assert typed.status_code == 302
    assert Hearing.objects.get().committee == "Kultur- og Fritidsudvalget"


def test_the_hearings_history_keeps_its_committee(
    client_as, secretary_a, council_a, social_committee
):
    client = client_as(secretary_a)
    new_hearing(client, municipal_committee=social_committee.pk)
    hearing = Hearing.objects.get()

    committee_id = social_committee.pk
    social_committee.delete()  # the secretariat tidies the list later

    hearing.refresh_from_db()
    assert hearing.municipal_committee is None
    assert hearing.committee == "Social- og Sundhedsudvalget"
    record = hearing.history.earliest("history_date")
    assert record.municipal_committee_id == committee_id
    assert record.committee == "Social- og Sundhedsudvalget"
    history = client.get(reverse("hearings_hearing:history", args=[hearing.pk]))
    assert history.status_code == 200


def restore(client, hearing, record):
    url = reverse("hearings_hearing:restore", args=[hearing.pk, record.history_id])
    return client.post(url)


def test_restoring_a_version_brings_back_its_committee(
    client_as, secretary_a, social_committee, employment_committee
):
    client = client_as(secretary_a)
    new_hearing(client, municipal_committee=social_committee.pk)
    hearing = Hearing.objects.get()
    first = hearing.history.earliest("history_date")
    client.post(
        reverse("hearings_hearing:edit", args=[hearing.pk]),
        hearing_form_data(hearing, municipal_committee=employment_committee.pk),
    )

    assert restore(client, hearing, first).status_code == 302

    hearing.refresh_from_db()
    assert hearing.municipal_committee == social_committee
    assert hearing.committee == "Social- og Sundhedsudvalget"


def test_restoring_a_version_whose_committee_is_gone_keeps_its_name(
    client_as, secretary_a, social_committee
):
    client = client_as(secretary_a)
    new_hearing(client, municipal_committee=social_committee.pk)
    hearing = Hearing.objects.get()
    first = hearing.history.earliest("history_date")
    social_committee.delete()

    assert restore(client, hearing, first).status_code == 302

    hearing.refresh_from_db()
    assert hearing.municipal_committee is None
    assert hearing.committee == "Social- og Sundhedsudvalget"
    assert hearing.history.count() == 2


# The letter ---------------------------------------------------------------


def published_response(index, hearing):
    return HearingResponsePageFactory(
        parent=index,
        hearing=hearing,
        title="Rådets svar om værestederne",
        signed_by="Jens Bak",
        published=True,
    )


def delivered_letter_text(page, capture):
    mail.outbox.clear()
    with capture(execute=True):
        response_delivery_create(page=page, revision=page.latest_revision)
    [message] = mail.outbox
    [(_name, pdf, _type)] = message.attachments
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def test_the_delivered_letter_is_addressed_to_the_municipalitys_postal_address(
    council_a, index_a, social_committee, django_capture_on_commit_callbacks
):
    municipality(
        council_a, municipality_recipient="Eksempelby Kommune\nSocialforvaltningen"
    )
    hearing = HearingFactory(
        council=council_a,
        municipal_committee=social_committee,
        committee=social_committee.name,
        contact_email=social_committee.email,
    )

    text = delivered_letter_text(
        published_response(index_a, hearing), django_capture_on_commit_callbacks
    )

    address = "\n".join(
        [
            "Eksempelby Kommune",
            "Socialforvaltningen",
            "Social- og Sundhedsudvalget",
            "Rådhustorvet 3",
            "9999 Eksempelby",
        ]
    )
    assert address in text
    assert "Sendt pr. e-mail til" in text
    assert text.index("sus@eksempelby.dk") > text.index("9999 Eksempelby")


def test_a_letter_without_a_postal_address_names_the_municipality(
    client, council_a, index_a, django_capture_on_commit_callbacks
):
    # A council and a hearing from before the municipality's address was kept.
    hearing = HearingFactory(council=council_a, committee="Socialudvalget")
    page = published_response(index_a, hearing)

    text = delivered_letter_text(page, django_capture_on_commit_callbacks)

    assert "Eksempelby Kommune\nSocialudvalget" in text
    assert f"Sendt pr. e-mail til {hearing.contact_email}" in text
    assert letter(client, page).startswith(b"%PDF")


def test_the_english_letter_has_the_same_address(
    client, council_a, index_a, employment_committee
):
    hearing = HearingFactory(
        council=council_a,
        municipal_committee=employment_committee,
        committee=employment_committee.name,
    )
    english = english_of(published_response(index_a, hearing))

    pdf = PdfReader(io.BytesIO(letter(client, english)))
    text = "\n".join(page.extract_text() for page in pdf.pages)

    assert "Beskæftigelsesudvalget\nRådhustorvet 3\n9999 Eksempelby" in text
    assert f"Sent by e-mail to {hearing.contact_email}" in text
