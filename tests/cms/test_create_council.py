import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import GroupPagePermission, Page, Site

from cms.models import CouncilGroup, CouncilRole, CouncilSettings
from hearings.models import HearingIndexPage
from pages.models import (
    AccessibilityStatementPage,
    ContentPage,
    HomePage,
    MeetingIndexPage,
)

ARGS = [
    "--name=Udsatterådet i Nordkyst",
    "--municipality=Nordkyst Kommune",
    "--hostname=nordkyst.localhost",
]


def row_counts():
    return (
        Site.objects.count(),
        Page.objects.count(),
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        CouncilSettings.objects.count(),
    )


@pytest.mark.django_db
def test_create_council_builds_site_tree_groups_and_settings(capsys):
    call_command("create_council", *ARGS)

    site = Site.objects.get(hostname="nordkyst.localhost")
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.live
    children = {type(p.specific) for p in home.get_children().live()}
    assert children == {
        HearingIndexPage,
        MeetingIndexPage,
        ContentPage,
        AccessibilityStatementPage,
    }
    assert home.get_children().get(slug="om-raadet").title == "Om rådet"
    settings = CouncilSettings.for_site(site)
    assert settings.name == "Udsatterådet i Nordkyst"
    assert settings.municipality == "Nordkyst Kommune"
    roles = set(CouncilGroup.objects.filter(site=site).values_list("role", flat=True))
    assert roles == set(CouncilRole.values)
    for link in CouncilGroup.objects.filter(site=site):
        pages = {p.page_id for p in link.group.page_permissions.all()}
        homes = {home.pk, *(t.pk for t in home.get_translations())}
        assert pages <= homes
    assert "Oprettede" in capsys.readouterr().out


@pytest.mark.django_db
def test_create_council_twice_changes_nothing_and_says_so(capsys):
    call_command("create_council", *ARGS)
    before = row_counts()
    capsys.readouterr()

    call_command("create_council", *ARGS)

    assert row_counts() == before
    assert "intet er ændret" in capsys.readouterr().out


@pytest.mark.django_db
def test_create_council_refuses_a_hostname_used_by_another_council():
    call_command("create_council", *ARGS)
    before = row_counts()

    with pytest.raises(CommandError, match="nordkyst.localhost.*bruges allerede"):
        call_command(
            "create_council",
            "--name=Udsatterådet i Sydkyst",
            "--municipality=Sydkyst Kommune",
            "--hostname=nordkyst.localhost",
        )

    assert row_counts() == before
    assert not CouncilSettings.objects.filter(name__contains="Sydkyst").exists()


@pytest.mark.django_db
def test_create_council_repairs_a_missing_group():
    call_command("create_council", *ARGS)
    site = Site.objects.get(hostname="nordkyst.localhost")
    CouncilGroup.objects.get(site=site, role=CouncilRole.MEMBERS).group.delete()

    call_command("create_council", *ARGS)

    assert CouncilGroup.objects.filter(site=site, role=CouncilRole.MEMBERS).exists()
