"""Reads for the public site: menus, footer links, meetings, search, calendar.

Every function is scoped to one council's home page (``site_root``), so a
council's visitors never see another council's pages.
"""

import datetime

from django.db.models import Prefetch
from django.utils import timezone
from wagtail.models import Page

from pages.models import (
    AccessibilityStatementPage,
    ContentPage,
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


def meetings_upcoming(*, site_root, limit=3):
    """The next live meetings of this council, soonest first."""
    return (
        MeetingPage.objects.descendant_of(site_root)
        .live()
        .filter(starts_at__gte=timezone.now())
        .order_by("starts_at")[:limit]
    )


def meetings_for_calendar(*, site_root, since_days=365):
    """Live meetings from a year ago onwards, for the iCal feed."""
    since = timezone.now() - datetime.timedelta(days=since_days)
    return (
        MeetingPage.objects.descendant_of(site_root)
        .live()
        .filter(starts_at__gte=since)
        .order_by("starts_at")
    )


def content_pages_recent(*, site_root, limit=5):
    """Recently published content pages, for the home page."""
    return (
        ContentPage.objects.descendant_of(site_root)
        .live()
        .public()
        .order_by("-first_published_at")[:limit]
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


def home_page_sections(*, site_root, site):
    """What the council's front page lists: responses, open hearings, meetings."""
    from hearings import selectors as hearing_selectors

    hearing_index = (
        hearing_selectors.HearingIndexPage.objects.child_of(site_root).live().first()
    )
    latest = []
    if hearing_index is not None:
        latest = hearing_selectors.published_responses(index=hearing_index)[:5]
    return {
        "next_meetings": meetings_upcoming(site_root=site_root),
        "meeting_index": MeetingIndexPage.objects.child_of(site_root).live().first(),
        "hearing_index": hearing_index,
        "latest_responses": latest,
        "open_hearings": hearings_open(site=site),
    }


def hearings_open(*, site, limit=5):
    """Hearings the council is still answering, earliest deadline first.

    Only what the municipality sent (title, committee, deadline) and the
    status in words; drafts themselves stay private.
    """
    from hearings.models import Hearing, HearingStatus
    from hearings.selectors import hearings_with_status

    if site is None:
        return []
    open_statuses = [
        HearingStatus.RECEIVED,
        HearingStatus.DRAFTING,
        HearingStatus.AWAITING_CHAIR,
    ]
    hearings = hearings_with_status(Hearing.objects.filter(council=site))
    return list(
        hearings.filter(status__in=open_statuses, deadline__gte=timezone.localdate())
        .only("id", "title", "committee", "deadline")
        .order_by("deadline", "pk")[:limit]
    )


def hearings_for_calendar(*, site, since_days=365):
    """This council's hearings with a deadline from a year ago onwards, each
    with its live response pages (``live_responses``) for the event's link."""
    from hearings.models import Hearing, HearingResponsePage

    if site is None:
        return []
    since = timezone.localdate() - datetime.timedelta(days=since_days)
    live = HearingResponsePage.objects.live().filter(locale_id=site.root_page.locale_id)
    return (
        Hearing.objects.filter(council=site, deadline__gte=since)
        .only("id", "title", "committee", "deadline", "council_id")
        .prefetch_related(
            Prefetch("responses", queryset=live, to_attr="live_responses")
        )
        .order_by("deadline", "pk")
    )
