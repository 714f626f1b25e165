"""Reads for the secretariat about meeting reminders that did not go out."""

from wagtail.models import Site

from cms.models import CouncilRole
from cms.tenancy import pages_of_councils
from pages.models import MeetingPage, MeetingReminder


def secretariat_sites(*, user):
    """The councils whose secretariat this user is (all for superusers)."""
    if user.is_superuser:
        return Site.objects.all()
    return Site.objects.filter(
        council_groups__role=CouncilRole.SECRETARIAT,
        council_groups__group__user=user,
    ).distinct()


def failed_meeting_reminders(*, user):
    """The failed reminders of the meetings of the user's councils, where
    the user is on the secretariat; the next meeting first."""
    site_ids = set(secretariat_sites(user=user).values_list("pk", flat=True))
    meetings = pages_of_councils(MeetingPage.objects.all(), site_ids)
    return (
        MeetingReminder.objects.filter(
            status=MeetingReminder.Status.FAILED, meeting__in=meetings
        )
        .select_related("meeting", "user")
        .order_by("meeting__starts_at", "kind", "user__last_name", "pk")
    )
