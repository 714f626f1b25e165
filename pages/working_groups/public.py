"""What working groups add to a council's public site: their meetings in
the calendar feed and the home page's list of active groups (registered as
pages.contributions hooks in pages/wagtail_hooks.py). Members are named
only if they chose to be (public_members_line)."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Event

from pages.contributions import HomeSection
from pages.working_groups.selectors import (
    public_members_line,
    public_working_groups,
    working_group_meetings_for_calendar,
)


def working_groups_home_section(*, site_root, site):
    """The council's active working groups: name, theme and members."""
    groups = [
        {
            "name": group.name,
            "theme": group.theme,
            "members": public_members_line(group=group),
        }
        for group in public_working_groups(site=site)
    ]
    if not groups:
        return []
    return [
        HomeSection(
            template="components/working_groups_section.html",
            data={"working_groups": groups},
            order=40,
        )
    ]


def working_group_meeting_events(*, site, request=None):
    """Each working-group meeting of the council as a calendar event."""
    for meeting in working_group_meetings_for_calendar(site=site):
        yield working_group_meeting_event(meeting=meeting, site=site)


def working_group_meeting_event(*, meeting, site):
    """The group's name, when and where, what about, and its members as
    the public may read them; a stable UID across refreshes."""
    event = Event()
    event.add("uid", f"working-group-meeting-{meeting.pk}@{site.hostname}")
    event.add("dtstamp", timezone.now())
    event.add(
        "summary",
        _("Working group: %(name)s") % {"name": meeting.group.name},
    )
    event.add("dtstart", meeting.starts_at.astimezone(datetime.UTC))
    if meeting.ends_at:
        event.add("dtend", meeting.ends_at.astimezone(datetime.UTC))
    if meeting.where:
        event.add("location", meeting.where)
    description = _event_description(meeting)
    if description:
        event.add("description", description)
    return event


def _event_description(meeting):
    lines = [meeting.about] if meeting.about else []
    members = public_members_line(group=meeting.group)
    if members:
        lines.append(_("Members: %(members)s") % {"members": members})
    return "\n".join(lines)
