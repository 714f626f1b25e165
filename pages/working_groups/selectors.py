"""Reads about working groups: whose they are, who may read and write
their texts, and how their members are named to the public."""

import datetime

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Site

from cms.models import CouncilRole, MeetingPlace
from cms.selectors import (
    council_sites_for_user,
    public_member_name,
    with_public_naming,
)
from pages.working_groups.models import (
    WorkingGroup,
    WorkingGroupMeeting,
    WorkingGroupText,
    WorkingGroupTextKind,
)


def secretariat_sites(*, user):
    """The councils whose secretariat this user is (all for superusers)."""
    if not user.is_authenticated:
        return Site.objects.none()
    if user.is_superuser:
        return Site.objects.all()
    return Site.objects.filter(
        council_groups__role=CouncilRole.SECRETARIAT,
        council_groups__group__user=user,
    ).distinct()


def working_groups_for_user(*, user):
    """The working groups of every council the user serves, in any role."""
    if user.is_superuser:
        return WorkingGroup.objects.all()
    return WorkingGroup.objects.filter(council__in=council_sites_for_user(user=user))


def working_groups_managed_by(*, user):
    """The working groups the user keeps: those of their secretariat's
    councils."""
    return WorkingGroup.objects.filter(council__in=secretariat_sites(user=user))


def working_groups_written_in(*, user):
    """The groups whose texts the user writes: as the council's secretariat,
    or as one of the group's members (of a council they still serve)."""
    if not user.is_authenticated:
        return WorkingGroup.objects.none()
    return (
        working_groups_for_user(user=user)
        .filter(Q(council__in=secretariat_sites(user=user)) | Q(members=user))
        .distinct()
    )


def working_group_texts_for_user(*, user):
    """The notes and draft texts the user may read and write."""
    return WorkingGroupText.objects.filter(
        group__in=working_groups_written_in(user=user)
    ).select_related("group", "author")


def council_people(*, sites):
    """The people of these councils (any role), who may join their groups."""
    return (
        get_user_model()
        .objects.filter(groups__council_group__site__in=sites, is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def serves_council(*, user, council_id):
    """Whether the user holds a role in that council."""
    return council_people(sites=[council_id]).filter(pk=user.pk).exists()


def council_meeting_places(*, sites):
    return MeetingPlace.objects.filter(council_settings__site__in=sites)


def draft_texts_for_responses(*, user):
    """The draft texts the user may turn into a response's draft: those of
    the groups of their secretariat's councils."""
    return WorkingGroupText.objects.filter(
        group__in=working_groups_managed_by(user=user),
        kind=WorkingGroupTextKind.DRAFT,
    ).select_related("group")


# Public ------------------------------------------------------------------


def public_members_line(*, group):
    """The group's members as the public may read them: the names of those
    who chose to be named, the others only counted ("Anna Holm og 2 andre
    medlemmer"); "" for a group without members."""
    members = _public_members(group)
    names = [name for name in map(public_member_name, members) if name]
    others = len(members) - len(names)
    if not names:
        if not others:
            return ""
        return ngettext("%(count)d member", "%(count)d members", others) % {
            "count": others
        }
    if not others:
        return _names_joined(names)
    # "Anna Holm, Bo Berg og 2 andre medlemmer": one "and", before the count.
    listed = ", ".join(names)
    return ngettext(
        "%(names)s and %(count)d other member",
        "%(names)s and %(count)d other members",
        others,
    ) % {"names": listed, "count": others}


def _public_members(group):
    """The group's members in name order, each knowing whether to be named:
    from the prefetch of public_working_groups() or the calendar's
    meetings when there was one, else in one query."""
    prefetched = getattr(group, "_prefetched_objects_cache", {})
    if "members" in prefetched:
        return list(group.members.all())
    return list(_members_in_name_order(group.members.all()))


def _members_in_name_order(users):
    return with_public_naming(users).order_by("first_name", "last_name", "pk")


def _names_joined(names):
    if len(names) == 1:
        return names[0]
    return _("%(names)s and %(last)s") % {
        "names": ", ".join(names[:-1]),
        "last": names[-1],
    }


def public_working_groups(*, site):
    """The council's active working groups, for its public pages."""
    if site is None:
        return WorkingGroup.objects.none()
    return WorkingGroup.objects.filter(council=site, active=True).prefetch_related(
        _members_prefetch("members")
    )


def _members_prefetch(lookup):
    users = get_user_model().objects.all()
    return Prefetch(lookup, queryset=_members_in_name_order(users))


def working_group_meetings_for_calendar(*, site, since_days=365):
    """The meetings of the council's working groups from a year ago on."""
    if site is None:
        return WorkingGroupMeeting.objects.none()
    since = timezone.now() - datetime.timedelta(days=since_days)
    return (
        WorkingGroupMeeting.objects.filter(group__council=site, starts_at__gte=since)
        .select_related("group", "place")
        .prefetch_related(_members_prefetch("group__members"))
        .order_by("starts_at", "pk")
    )
