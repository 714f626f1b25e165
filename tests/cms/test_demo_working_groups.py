"""The demo councils' working groups: each council its own, of its own
people, named only where the person chose it, and seeded once."""

import pytest

from cms.demo import demo_seed
from pages.working_groups.models import (
    WorkingGroup,
    WorkingGroupMeeting,
    WorkingGroupText,
)
from pages.working_groups.selectors import public_members_line, serves_council

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    return demo_seed(password="demo-adgangskode-1", port=80).sites


def test_each_demo_council_has_its_own_working_groups(demo):
    eksempelby, provestrup = demo["eksempelby"], demo["provestrup"]
    names = {
        site: set(site.working_groups.values_list("name", flat=True))
        for site in (eksempelby, provestrup)
    }

    assert names[eksempelby] and names[provestrup]
    assert not names[eksempelby] & names[provestrup]
    for group in WorkingGroup.objects.all():
        assert all(
            serves_council(user=person, council_id=group.council_id)
            for person in group.members.all()
        )
    assert WorkingGroupMeeting.objects.filter(group__council=provestrup).exists()
    assert WorkingGroupText.objects.filter(group__council=eksempelby).exists()


def test_the_demo_names_some_members_and_counts_the_others(demo):
    group = WorkingGroup.objects.get(name="Boliggruppen")

    assert public_members_line(group=group) == (
        "Aisha Nour, Jens Bak og 2 andre medlemmer"
    )


def test_seeding_the_demo_again_adds_no_working_groups(demo):
    counts = (WorkingGroup.objects.count(), WorkingGroupText.objects.count())

    demo_seed(password="demo-adgangskode-1", port=80)

    assert (WorkingGroup.objects.count(), WorkingGroupText.objects.count()) == counts
