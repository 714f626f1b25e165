"""The council's calendar as iCalendar (RFC 5545): meetings, and what other
apps contribute (hearing deadlines, see pages.contributions).

Calendar programs subscribe to the feed's URL and refresh it, so every event
keeps a stable UID across refreshes. Times are written in UTC, which every
program converts to the reader's own zone without a VTIMEZONE block.
"""

import datetime

from django.utils import timezone
from icalendar import Calendar, Event

from cms.models import CouncilSettings
from pages import selectors
from pages.contributions import contributed_calendar_events


def calendar_build(*, site, request=None) -> bytes:
    """The whole feed for one council's site."""
    council = CouncilSettings.for_site(site) if site else None
    name = council.name if council else "Talerør"
    calendar = Calendar()
    calendar.add("prodid", f"-//Talerør//{name}//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Copenhagen")
    if site is not None:
        site_root = site.root_page.localized
        for event in _meeting_events(site_root, site.hostname, request):
            calendar.add_component(event)
        for event in contributed_calendar_events(site=site, request=request):
            calendar.add_component(event)
    return calendar.to_ical()


def _meeting_events(site_root, hostname, request):
    stamp = timezone.now()
    for meeting in selectors.meetings_for_calendar(site_root=site_root):
        event = Event()
        event.add("uid", f"meeting-{meeting.translation_key}@{hostname}")
        event.add("dtstamp", stamp)
        event.add("summary", meeting.title)
        event.add("dtstart", meeting.starts_at.astimezone(datetime.UTC))
        if meeting.ends_at:
            event.add("dtend", meeting.ends_at.astimezone(datetime.UTC))
        if meeting.location:
            event.add("location", meeting.location)
        if meeting.introduction:
            event.add("description", meeting.introduction)
        url = meeting.get_full_url(request)
        if url:
            event.add("url", url)
        yield event
