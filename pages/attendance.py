"""Who took part in a meeting, as the public may be told it.

A member is named on public pages only when they chose to be
(cms.selectors.public_member_name); the others are only counted.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Prefetch

from cms.models import CouncilRole
from cms.selectors import public_member_name, with_public_naming

# Attendance statuses (pages.models.Attendance) that count as taking part.
TOOK_PART = ("present", "phone", "video")


def meeting_attendees(*, site_ids):
    """The people who attend the councils' meetings: their members and
    chairs (the secretariat serves the meeting), by name."""
    return (
        get_user_model()
        .objects.filter(
            groups__council_group__site_id__in=site_ids,
            groups__council_group__role__in=[CouncilRole.CHAIRS, CouncilRole.MEMBERS],
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


@dataclass
class PublicAttendance:
    """Named members who took part (name, how) and who sent apologies, and
    how many of each chose not to be named."""

    took_part: list = field(default_factory=list)
    absent: list = field(default_factory=list)
    unnamed_took_part: int = 0
    unnamed_absent: int = 0

    def __bool__(self):
        return bool(
            self.took_part
            or self.absent
            or self.unnamed_took_part
            or self.unnamed_absent
        )


def public_attendance(rows):
    """The public account of attendance rows (a queryset of MinutesAttendance),
    their members and naming choices read in two queries."""
    users = with_public_naming(get_user_model().objects.all())
    rows = rows.prefetch_related(Prefetch("member", queryset=users))
    account = PublicAttendance()
    for row in rows:
        name = public_member_name(row.member)
        took_part = row.status in TOOK_PART
        if name and took_part:
            account.took_part.append((name, row.get_status_display()))
        elif name:
            account.absent.append(name)
        elif took_part:
            account.unnamed_took_part += 1
        else:
            account.unnamed_absent += 1
    return account
