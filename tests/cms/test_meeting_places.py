"""A council's secretariat keeps its own details and meeting places in the
council's settings; nobody else's staff can open or change them."""

import pytest
from django.urls import reverse

from cms.models import CouncilSettings, MeetingPlace
from tests.factories import council_settings_form


def settings_url(site):
    return reverse("wagtailsettings:edit", args=["cms", "councilsettings", site.pk])


DROP_IN_CENTRE = {
    "name": "Værestedet Kilden",
    "address": "Kildevej 7, Eksempelby",
    "map_url": "https://kort.example/kilden",
    "step_free": "on",
    "access_note": "Rampe ved døren mod haven.",
    "facilities": "kaffe og mad",
}


def test_the_secretariat_adds_a_meeting_place(client_as, secretary_a, council_a):
    client = client_as(secretary_a)

    response = client.post(
        settings_url(council_a), council_settings_form(council_a, DROP_IN_CENTRE)
    )

    assert response.status_code == 302
    place = MeetingPlace.objects.get(council_settings__site=council_a)
    assert (place.name, place.step_free, place.facilities) == (
        "Værestedet Kilden",
        True,
        "kaffe og mad",
    )


def test_the_secretariat_changes_the_councils_contact_details(
    client_as, secretary_a, council_a
):
    client = client_as(secretary_a)
    data = council_settings_form(council_a, phone="70 20 30 40")

    client.post(settings_url(council_a), data)

    assert CouncilSettings.for_site(council_a).phone == "70 20 30 40"


def test_the_settings_editor_offers_no_other_council(
    client_as, secretary_a, council_a, council_b
):
    html = client_as(secretary_a).get(settings_url(council_a)).content.decode()

    assert CouncilSettings.for_site(council_b).name not in html
    assert settings_url(council_b) not in html


@pytest.mark.parametrize("who", ["secretary_b", "chair_b", "chair_a", "member_a"])
def test_no_one_else_opens_or_changes_the_settings(
    request, client_as, council_a, council_b, who
):
    user = request.getfixturevalue(who)
    client = client_as(user)
    before = CouncilSettings.for_site(council_a).phone

    opened = client.get(settings_url(council_a))
    changed = client.post(
        settings_url(council_a),
        council_settings_form(council_a, DROP_IN_CENTRE, phone="11 11 11 11"),
    )

    assert opened.status_code in (302, 403, 404)
    assert changed.status_code in (302, 403, 404)
    assert CouncilSettings.for_site(council_a).phone == before
    assert not MeetingPlace.objects.exists()


def test_anonymous_readers_are_sent_to_the_login(client, council_a):
    response = client.get(settings_url(council_a))

    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_a_cpr_number_in_a_meeting_place_is_refused_and_the_form_kept(
    client_as, secretary_a, council_a
):
    place = {**DROP_IN_CENTRE, "access_note": "Spørg efter Ole, 010203-1234."}

    response = client_as(secretary_a).post(
        settings_url(council_a), council_settings_form(council_a, place)
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "CPR" in html
    assert "Værestedet Kilden" in html
    assert not MeetingPlace.objects.exists()
