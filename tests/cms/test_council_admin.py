"""The platform administrator creates a council from the admin (the same
service as the create_council command) and sees every council with its
secretariat; nobody else may."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import Site

from cms.models import CouncilGroup, CouncilRole, CouncilSettings
from pages.models import HomePage

pytestmark = pytest.mark.django_db

COUNCILS = reverse("cms_councils")
CREATE = reverse("cms_council_create")
NORDKYST = {
    "name": "Udsatterådet i Nordkyst",
    "municipality": "Nordkyst Kommune",
    "hostname": "Nordkyst.Localhost",
    "port": "80",
}


def test_the_platform_administrator_creates_a_council_that_works_at_once(
    client_as, superuser, django_capture_on_commit_callbacks
):
    client = client_as(superuser)

    response = client.post(CREATE, NORDKYST)

    assert response.status_code == 302
    site = Site.objects.get(hostname="nordkyst.localhost")
    assert isinstance(site.root_page.specific, HomePage)
    assert CouncilSettings.for_site(site).municipality == "Nordkyst Kommune"
    roles = set(CouncilGroup.objects.filter(site=site).values_list("role", flat=True))
    assert roles == set(CouncilRole.values)
    listing = client.get(COUNCILS).content.decode()
    assert "Udsatterådet i Nordkyst er oprettet" in listing
    assert "nordkyst.localhost" in listing
    home = Client().get("/", HTTP_HOST="nordkyst.localhost")
    assert home.status_code == 200
    assert "Udsatterådet i Nordkyst" in home.content.decode()

    # Its first secretary, invited from the people screens.
    with django_capture_on_commit_callbacks(execute=True):
        invited = client.post(
            reverse("cms_people_invite"),
            {
                "name": "Sofie Sekretær",
                "email": "sofie@example.org",
                "role": "secretariat",
                "council": str(site.pk),
            },
        )
    assert invited.status_code == 302
    assert mail.outbox[0].to == ["sofie@example.org"]
    assert "Sofie Sekretær" in client.get(COUNCILS).content.decode()


def test_a_taken_host_name_is_refused_on_its_field(client_as, superuser, council_a):
    before = Site.objects.count()

    page = client_as(superuser).post(
        CREATE, {**NORDKYST, "hostname": "eksempelby.localhost"}
    )

    assert page.status_code == 400
    assert "Værtsnavnet bruges allerede" in page.content.decode()
    assert Site.objects.count() == before


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"hostname": "https://nordkyst.dk/"}, "Skriv et værtsnavn som"),
        ({"name": ""}, "Dette felt er påkrævet"),
        ({"port": "0"}, "større end eller lig 1"),
        (
            {"name": "udsatterådet i eksempelby"},
            "Der findes allerede et råd med dette navn",
        ),
    ],
)
def test_bad_input_is_refused_in_danish(
    client_as, superuser, council_a, changes, message
):
    before = Site.objects.count()

    page = client_as(superuser).post(CREATE, {**NORDKYST, **changes})

    assert page.status_code == 400
    assert message in page.content.decode()
    assert Site.objects.count() == before


def test_the_list_names_each_councils_secretariat(
    client_as, superuser, secretary_a, secretary_b
):
    page = client_as(superuser).get(COUNCILS).content.decode()

    assert secretary_a.get_full_name() in page
    assert secretary_b.get_full_name() in page


@pytest.mark.parametrize("role", ["secretary_a", "chair_a", "member_a", "secretary_b"])
def test_council_staff_cannot_create_councils(request, client_as, role):
    client = client_as(request.getfixturevalue(role))
    before = Site.objects.count()

    assert client.get(COUNCILS).status_code == 404
    assert client.get(CREATE).status_code == 404
    assert client.post(CREATE, NORDKYST).status_code == 404
    assert Site.objects.count() == before
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert COUNCILS not in home


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.post(CREATE, NORDKYST)

    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]
    assert not Site.objects.filter(hostname="nordkyst.localhost").exists()


def test_the_menu_offers_councils_to_the_platform_administrator(client_as, superuser):
    home = client_as(superuser).get(reverse("wagtailadmin_home")).content.decode()

    assert COUNCILS in home
