"""The council's calendar as iCalendar (RFC 5545): meetings, the entries of
its annual plans, and what other apps contribute (hearing deadlines, see
pages.contributions).

Calendar programs subscribe to the feed's URL and refresh it, so every event
keeps a stable UID across refreshes. Times are written in UTC, which every
program converts to the reader's own zone without a VTIMEZONE block.
"""

import datetime

from django.utils import timezone
from icalendar import Calendar, Event

from cms.models import CouncilSettings
from pages import selectors
from pages.annual_plans.selectors import annual_plan_entries_for_calendar
from pages.annual_plans.wheel import BUDGET, kind_label
from pages.contributions import contributed_calendar_events


def calendar_new(*, site, name_calendar=True):
    """An empty calendar of the council, named for calendar programs that
    show a subscribed feed as a calendar of its own (name_calendar)."""
    council = CouncilSettings.for_site(site) if site else None
    name = council.name if council else "Talerør"
    calendar = Calendar()
    calendar.add("prodid", f"-//Talerør//{name}//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name_calendar:
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", "Europe/Copenhagen")
    return calendar


def calendar_build(*, site, request=None) -> bytes:
    """The whole feed for one council's site."""
    calendar = calendar_new(site=site)
    if site is not None:
        site_root = site.root_page.localized
        for meeting in selectors.meetings_for_calendar(site_root=site_root):
            event = meeting_event(
                meeting, site=site, site_root=site_root, request=request
            )
            calendar.add_component(event)
        for entry in annual_plan_entries_for_calendar(site_root=site_root):
            calendar.add_component(annual_plan_event(entry, site=site, request=request))
        for event in contributed_calendar_events(site=site, request=request):
            calendar.add_component(event)
    return calendar.to_ical()


def calendar_file(*, site, event) -> bytes:
    """One event to add to a calendar ("add to calendar"): the same UID as
    in the feed, so a program that has both shows it once."""
    calendar = calendar_new(site=site, name_calendar=False)
    calendar.add_component(event)
    return calendar.to_ical()


def meeting_event(meeting, *, site, site_root, request=None):
    """A meeting as an event; its texts carry their language (LANGUAGE) when
    it is not the calendar's, e.g. a Danish meeting on the English site."""
    language = (
        {"LANGUAGE": meeting.locale.language_code}
        if meeting.locale_id != site_root.locale_id
        else None
    )
    event = Event()
    event.add("uid", f"meeting-{meeting.translation_key}@{site.hostname}")
    event.add("dtstamp", timezone.now())
    event.add("summary", meeting.title, parameters=language)
    event.add("dtstart", meeting.starts_at.astimezone(datetime.UTC))
    if meeting.ends_at:
        event.add("dtend", meeting.ends_at.astimezone(datetime.UTC))
    if meeting.where:
        event.add("location", meeting.where, parameters=language)
    if meeting.introduction:
        event.add("description", meeting.introduction, parameters=language)
    url = meeting.get_full_url(request)
    if url:
        event.add("url", url)
    return event


def annual_plan_event(entry, *, site, request=None):
    """An entry of the annual plan as an all-day event (or days), linking
    the plan; a budget milestone says that it is a window for influence."""
    event = Event()
    event.add("uid", f"annual-plan-{entry.translation_key}@{site.hostname}")
    event.add("dtstamp", timezone.now())
    event.add("summary", entry.title)
    event.add("dtstart", entry.starts_on)
    last = entry.ends_on or entry.starts_on
    event.add("dtend", last + datetime.timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    lines = [entry.description] if entry.description else []
    if entry.is_influence_window:
        lines.append(str(kind_label(BUDGET)))
    if lines:
        event.add("description", "\n".join(lines))
    url = entry.page.get_full_url(request)
    if url:
        event.add("url", url)
    return event
