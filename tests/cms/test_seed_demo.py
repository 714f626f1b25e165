import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Page, PageLogEntry, Revision, Site

from cms.demo import DEMO_USERS
from cms.models import CouncilSettings
from hearings.models import Hearing

pytestmark = pytest.mark.django_db


def row_counts():
    return {
        model.__name__: model.objects.count()
        for model in (Site, Page, Revision, PageLogEntry, get_user_model())
    }


@pytest.fixture
def seeded(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "demo-adgangskode-1")
    call_command("seed_demo", "--force")


def test_seed_demo_refuses_with_debug_off():
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")
    assert Site.objects.count() == 0


def test_seed_demo_twice_gives_the_same_row_counts(seeded):
    before = row_counts()

    call_command("seed_demo", "--force")

    assert row_counts() == before


@pytest.mark.parametrize(
    ("host", "council"),
    [
        ("127.0.0.1:8000", "Udsatterådet i Eksempelby"),
        ("eksempelby.localhost:8000", "Udsatterådet i Eksempelby"),
        ("provestrup.localhost:8000", "Udsatterådet i Prøvestrup"),
    ],
)
def test_each_demo_home_page_shows_its_own_council(seeded, client, host, council):
    response = client.get("/", HTTP_HOST=host)

    assert response.status_code == 200
    html = response.content.decode()
    assert council in html
    other = {"Udsatterådet i Eksempelby", "Udsatterådet i Prøvestrup"} - {council}
    assert other.pop() not in html


def test_demo_users_can_log_in_with_the_given_password(seeded, client):
    for username in ["admin"] + [u[0] for u in DEMO_USERS]:
        assert client.login(username=username, password="demo-adgangskode-1")


@override_settings(DEBUG=True)
def test_generated_password_is_printed_once_and_kept(monkeypatch, capsys, client):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    call_command("seed_demo")
    first = capsys.readouterr().out
    password = first.rsplit(": ", 1)[1].strip()

    call_command("seed_demo")

    second = capsys.readouterr().out
    assert password not in second
    assert client.login(username="sekretaer-eksempelby", password=password)


def test_seed_demo_gives_each_council_a_hearing_in_every_state(seeded):
    from hearings.models import Hearing, HearingStatus
    from hearings.selectors import hearing_status

    for site in Site.objects.all():
        states = {
            hearing_status(hearing=h) for h in Hearing.objects.filter(council=site)
        }
        assert states == set(HearingStatus), site.hostname


def test_seed_demo_sends_no_mail(monkeypatch, django_capture_on_commit_callbacks):
    from django.core import mail

    monkeypatch.setenv("DEMO_PASSWORD", "demo-adgangskode-1")
    # Mails leave after their transaction commits: run those callbacks.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        call_command("seed_demo", "--force")

    assert callbacks, "the demo's approvals ran no after-commit work"
    assert mail.outbox == []


def test_seed_demo_has_english_responses_on_the_english_site(seeded, client):
    english = client.get("/en/hoeringssvar/", HTTP_HOST="eksempelby.localhost:8000")
    danish = client.get("/hoeringssvar/", HTTP_HOST="eksempelby.localhost:8000")

    assert "Hearing response: the health policy 2026–2030" in english.content.decode()
    assert "Hearing response:" not in danish.content.decode()


def test_each_demo_council_has_its_own_municipality_and_committees(seeded):
    councils = {s.hostname: CouncilSettings.for_site(s) for s in Site.objects.all()}
    eksempelby = councils["eksempelby.localhost"]
    provestrup = councils["provestrup.localhost"]

    def committee_names(council):
        return {committee.name for committee in council.committees.all()}

    assert committee_names(eksempelby) != committee_names(provestrup)
    assert eksempelby.municipality_postal_address() == (
        "Rådhuspladsen 1",
        "9999 Eksempelby",
    )
    assert provestrup.municipality_postal_address() == (
        "Stationsvej 12",
        "9998 Prøvestrup",
    )
    assert eksempelby.hearing_email != provestrup.hearing_email
    for council in (eksempelby, provestrup):
        hearings = Hearing.objects.filter(council=council.site)
        listed = hearings.exclude(municipal_committee=None)
        assert listed.exists(), council.site.hostname
        assert not listed.exclude(
            municipal_committee__council_settings=council
        ).exists()
