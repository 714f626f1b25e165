"""A council's secretariat keeps the municipality's details in the council's
settings: the address for hearing responses, the letter's postal address and
the committees that send hearings."""

from cms.models import CouncilSettings, MunicipalCommittee
from tests.cms.test_meeting_places import settings_url
from tests.factories import council_settings_form

POSTAL_ADDRESS = {
    "hearing_email": "hoering@eksempelby.example",
    "municipality_recipient": "Eksempelby Kommune\nSocial- og Sundhedsforvaltningen",
    "municipality_street": "Rådhustorvet 3",
    "municipality_postcode": "9999",
    "municipality_town": "Eksempelby",
}
SOCIAL = {"name": "Social- og Sundhedsudvalget", "email": "sus@eksempelby.example"}
EMPLOYMENT = {"name": "Beskæftigelsesudvalget", "email": ""}


def test_the_secretariat_keeps_the_municipalitys_details(
    client_as, secretary_a, council_a
):
    data = council_settings_form(
        council_a, committees=[SOCIAL, EMPLOYMENT], **POSTAL_ADDRESS
    )

    response = client_as(secretary_a).post(settings_url(council_a), data)

    assert response.status_code == 302
    council = CouncilSettings.for_site(council_a)
    assert council.hearing_email == "hoering@eksempelby.example"
    assert council.municipality_name_lines() == [
        "Eksempelby Kommune",
        "Social- og Sundhedsforvaltningen",
    ]
    assert council.municipality_postal_address() == (
        "Rådhustorvet 3",
        "9999 Eksempelby",
    )
    committees = MunicipalCommittee.objects.filter(council_settings=council)
    assert [(c.name, c.email) for c in committees.order_by("sort_order")] == [
        ("Social- og Sundhedsudvalget", "sus@eksempelby.example"),
        ("Beskæftigelsesudvalget", ""),
    ]


def test_the_settings_editor_shows_the_municipality_in_danish(
    client_as, secretary_a, council_a
):
    html = client_as(secretary_a).get(settings_url(council_a)).content.decode()

    assert "Kommunen" in html
    assert "Kommunens udvalg" in html
    assert "E-mail til høringssvar" in html


def test_a_half_postal_address_is_refused_on_its_missing_fields(
    client_as, secretary_a, council_a
):
    data = council_settings_form(
        council_a, municipality_street="Rådhustorvet 3", municipality_postcode="99"
    )

    response = client_as(secretary_a).post(settings_url(council_a), data)

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["municipality_postcode"] == ["Et postnummer har fire cifre."]
    assert errors["municipality_town"] == [
        "Postadressen skal have gade, postnummer og by."
    ]
    assert "municipality_street" not in errors
    assert CouncilSettings.for_site(council_a).municipality_street == ""


def test_a_cpr_number_in_a_committee_is_refused_and_the_form_kept(
    client_as, secretary_a, council_a
):
    committee = {"name": "Socialudvalget v/ 010203-1234", "email": ""}

    response = client_as(secretary_a).post(
        settings_url(council_a),
        council_settings_form(council_a, committees=[committee]),
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "CPR" in html
    assert "Socialudvalget v/" in html
    assert not MunicipalCommittee.objects.exists()


def test_a_cpr_number_in_the_recipient_is_refused(client_as, secretary_a, council_a):
    data = council_settings_form(
        council_a, **{**POSTAL_ADDRESS, "municipality_recipient": "Att. 010203-1234"}
    )

    response = client_as(secretary_a).post(settings_url(council_a), data)

    assert response.status_code == 200
    assert "CPR" in response.context["form"].errors["municipality_recipient"][0]
    assert CouncilSettings.for_site(council_a).hearing_email == ""


def test_another_councils_secretariat_cannot_change_the_committees(
    client_as, secretary_b, council_a
):
    data = council_settings_form(council_a, committees=[SOCIAL], **POSTAL_ADDRESS)

    response = client_as(secretary_b).post(settings_url(council_a), data)

    assert response.status_code in (302, 403, 404)
    assert not MunicipalCommittee.objects.exists()
    assert CouncilSettings.for_site(council_a).hearing_email == ""
