"""The demo seed: every state, on both councils, and idempotent."""

from cms.demo_hearings import demo_hearings_seed
from cms.models import CouncilRole
from hearings.models import Hearing, HearingResponsePage, HearingStatus
from hearings.selectors import hearings_with_status
from tests.factories import UserFactory


def test_demo_has_every_state_and_running_twice_changes_nothing(council_a, council_b):
    UserFactory(
        username="demo-sekretaer", council_role=(council_a, CouncilRole.SECRETARIAT)
    )
    demo_hearings_seed(site=council_a)
    demo_hearings_seed(site=council_b)
    counts = (Hearing.objects.count(), HearingResponsePage.objects.count())

    demo_hearings_seed(site=council_a)
    demo_hearings_seed(site=council_b)

    assert (Hearing.objects.count(), HearingResponsePage.objects.count()) == counts
    for council in (council_a, council_b):
        statuses = set(
            hearings_with_status(Hearing.objects.filter(council=council)).values_list(
                "status", flat=True
            )
        )
        assert statuses == set(HearingStatus.values)


def test_demo_responses_read_well_on_the_public_site(client, council_a, index_a):
    demo_hearings_seed(site=council_a)
    index_html = client.get(index_a.url, HTTP_HOST="eksempelby.localhost")
    assert index_html.status_code == 200
    html = index_html.content.decode()
    assert "3 høringssvar" in html
    assert "Budgetforslag for socialområdet" not in html  # with the chair

    republished = HearingResponsePage.objects.get(
        hearing__title="Sundhedspolitik 2026-2030", hearing__council=council_a
    )
    page_html = client.get(republished.url, HTTP_HOST="eksempelby.localhost")
    assert "Opdateret den" in page_html.content.decode()
    assert "Rådet anbefaler" in page_html.content.decode()
