"""Fictitious working groups of the two demo councils, each different: their
members (some named publicly, some not), notes, a draft text and meetings.

Written for this project; every name is invented. Seeding twice adds nothing.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from cms.models import CouncilRole, CouncilSettings, MemberProfile
from cms.selectors import council_group
from pages.working_groups.models import (
    WorkingGroup,
    WorkingGroupMeeting,
    WorkingGroupText,
    WorkingGroupTextKind,
)

# Members who take part in a working group without a login of their own
# (username, first name, last name, named publicly), per demo council.
GROUP_ONLY_MEMBERS = {
    "eksempelby.localhost": [("medlem-eksempelby-2", "Lis", "Kragh", False)],
    "provestrup.localhost": [("medlem-provestrup", "Karin", "Friis", False)],
}
# Demo users (cms.demo) who chose to be named on public pages.
NAMED_USERNAMES = {
    "formand-eksempelby",
    "naestformand-eksempelby",
    "formand-provestrup",
}

GROUPS = {
    "eksempelby.localhost": [
        {
            "name": "Boliggruppen",
            "theme": "Flere billige boliger og færre udsættelser",
            "active": True,
            "members": [
                "formand-eksempelby",
                "naestformand-eksempelby",
                "medlem-eksempelby",
                "medlem-eksempelby-2",
            ],
            "meeting": (10, 16, "", "Vi skriver rådets svar om boligplanen"),
            "texts": [
                (
                    WorkingGroupTextKind.NOTE,
                    "Første møde i gruppen",
                    "Vi mødtes i varmestuen. Vi vil samle historier om, hvor "
                    "svært det er at finde en bolig med en lille indkomst.",
                ),
                (
                    WorkingGroupTextKind.DRAFT,
                    "Udkast: boliger til unge uden hjem",
                    "Rådet foreslår, at kommunen sætter 20 små boliger af til "
                    "unge, der står uden et sted at bo.\n\nDe unge skal have en "
                    "fast kontaktperson fra den første dag.",
                ),
            ],
        },
        {
            "name": "Natcafé-gruppen",
            "theme": "Et varmt sted at være om natten i vintermånederne",
            "active": False,
            "members": ["medlem-eksempelby"],
            "meeting": None,
            "texts": [],
        },
    ],
    "provestrup.localhost": [
        {
            "name": "Sundhed på gaden",
            "theme": "Lægehjælp og tandpleje for dem, der bor på gaden",
            "active": True,
            "members": ["formand-provestrup", "medlem-provestrup"],
            "meeting": (12, 13, "Café Lyspunktet, Østergade 12", "Besøg af gadelægen"),
            "texts": [
                (
                    WorkingGroupTextKind.NOTE,
                    "Hvad vi hørte på caféen",
                    "Flere fortalte, at de venter med at gå til tandlæge, "
                    "fordi de ikke har råd.",
                ),
            ],
        },
    ],
}


def demo_working_groups_seed(*, site):
    """The demo council's working groups, made where missing."""
    _group_only_members_ensure(site)
    for spec in GROUPS.get(site.hostname, []):
        group, created = WorkingGroup.objects.get_or_create(
            council=site,
            name=spec["name"],
            defaults={"theme": spec["theme"], "active": spec["active"]},
        )
        if not created:
            continue
        group.members.set(_users(spec["members"]))
        _texts_add(group, spec["texts"])
        if spec["meeting"]:
            _meeting_add(group, site, *spec["meeting"])


def _group_only_members_ensure(site):
    User = get_user_model()
    members = council_group(site=site, role=CouncilRole.MEMBERS)
    for username, first, last, named in GROUP_ONLY_MEMBERS.get(site.hostname, []):
        user, created = User.objects.get_or_create(
            username=username, defaults={"first_name": first, "last_name": last}
        )
        if created:
            user.set_unusable_password()
            user.save()
        user.groups.add(members)
        MemberProfile.objects.get_or_create(
            user=user, defaults={"publicly_named": named}
        )
    for user in User.objects.filter(username__in=NAMED_USERNAMES):
        MemberProfile.objects.get_or_create(
            user=user, defaults={"publicly_named": True}
        )


def _users(usernames):
    return get_user_model().objects.filter(username__in=usernames)


def _texts_add(group, texts):
    author = group.members.order_by("pk").first()
    for kind, title, text in texts:
        WorkingGroupText.objects.create(
            group=group, kind=kind, title=title, text=text, author=author
        )


def _meeting_add(group, site, days_ahead, hour, location, about):
    day = timezone.localdate() + datetime.timedelta(days=days_ahead)
    starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
    place = None
    if not location:
        place = CouncilSettings.for_site(site).meeting_places.order_by("pk").first()
    # Not group.meetings.create(): a cluster's child rows wait for its save.
    WorkingGroupMeeting.objects.create(
        group=group,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        place=place,
        location=location if place is None else "",
        about=about,
    )
