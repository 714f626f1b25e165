"""The council's details are public on every page and letter: none of the
fields typed into its settings may hold a CPR number, in any spelling."""

import pytest
from django.urls import reverse

from cms.models import CouncilSettings
from tests.factories import council_settings_form


def settings_url(site):
    return reverse("wagtailsettings:edit", args=["cms", "councilsettings", site.pk])


def form_data(site, **changes):
    empty = {"email": "", "phone": "", "address": "", "logo": ""}
    return council_settings_form(site, **{**empty, **changes})


@pytest.mark.parametrize(
    "field, value",
    [
        ("address", "Rådhuspladsen 1\nAtt. 010190\u200b-1234"),
        ("phone", "01 01 90-1234"),
        ("name", "Udsatterådet 010190\u22121234"),
    ],
)
def test_a_cpr_number_in_the_councils_details_is_refused_naming_the_field(
    client_as, superuser, council_a, field, value
):
    response = client_as(superuser).post(
        settings_url(council_a), form_data(council_a, **{field: value})
    )

    assert response.status_code == 200
    assert "ser ud til at indeholde et CPR-nummer" in str(
        response.context["form"].errors[field]
    )
    assert getattr(CouncilSettings.for_site(council_a), field) != value


def test_ordinary_details_are_saved(client_as, superuser, council_a):
    response = client_as(superuser).post(
        settings_url(council_a),
        form_data(council_a, phone="+45 12 34 56 78", address="Torvet 3, 1234 By"),
    )

    assert response.status_code == 302
    assert CouncilSettings.for_site(council_a).phone == "+45 12 34 56 78"
