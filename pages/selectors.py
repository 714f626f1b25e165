"""Reads for the public site: menus, footer links, meetings, search, calendar.

Every function is scoped to one council's home page (``site_root``), so a
council's visitors never see another council's pages.
"""

import datetime

from django.utils import timezone
from wagtail.models import Page

from pages.contributions import HomeSection
from pages.models import (
    AccessibilityStatementPage,
    MeetingIndexPage,
    MeetingPage,
)


def menu_pages(*, site_root):
    """The sections shown in the main menu, in the editors' order."""
    return (
        site_root.get_children()
        .live()
        .in_menu()
        .only("id", "title", "path", "depth", "url_path", "locale_id")
    )


def accessibility_statement(*, site_root):
    """The council's live accessibility statement, or None."""
    return (
        AccessibilityStatementPage.objects.child_of(site_root)
        .live()
        .only("id", "title", "path", "depth", "url_path", "locale_id")
        .first()
    )


def breadcrumb_pages(*, page, site_root):
    """The pages from the home page down to (not including) ``page``."""
    if site_root is None or not page.path.startswith(site_root.path):
        return Page.objects.none()
    return (
        page.get_ancestors()
        .filter(depth__gte=site_root.depth)
        .only("id", "title", "path", "depth", "url_path", "locale_id")
    )


def meetings_upcoming(*, index, limit=3):
    """The next meetings listed by this meeting index, soonest first."""
    if index is None:
        return MeetingPage.objects.none()
    return (
        index.live_meetings()
        .filter(starts_at__gte=timezone.now())
        .order_by("starts_at")[:limit]
    )


def meetings_for_calendar(*, site_root, since_days=365):
    """Live meetings from a year ago onwards, for the iCal feed: those the
    site's meeting indexes list, so a translated site's calendar has the
    meetings not yet translated too (see MeetingIndexPage.live_meetings)."""
    since = timezone.now() - datetime.timedelta(days=since_days)
    meetings = MeetingPage.objects.none()
    for index in MeetingIndexPage.objects.descendant_of(site_root).live():
        meetings |= index.live_meetings()
    return (
        meetings.filter(starts_at__gte=since)
        .select_related("locale")
        .order_by("starts_at")
    )


def site_search(*, site_root, query):
    """Live, public pages of this council that match ``query``, best first.

    Wagtail's search runs over every page type's own search fields (responses,
    content pages, meetings); on PostgreSQL with Danish stemming.
    """
    query = (query or "").strip()
    if site_root is None or not query:
        return Page.objects.none()
    pages = (
        Page.objects.live().public().descendant_of(site_root, inclusive=True).specific()
    )
    return pages.search(query)


def meetings_home_section(*, site_root, site):
    """The home page's box of the next meetings (a HOME_PAGE_SECTIONS hook,
    registered in pages/wagtail_hooks.py like any other app's)."""
    index = MeetingIndexPage.objects.child_of(site_root).live().first()
    meetings = HomeSection(
        template="components/next_meetings_section.html",
        data={"next_meetings": meetings_upcoming(index=index), "meeting_index": index},
        order=30,
    )
    return [meetings]
