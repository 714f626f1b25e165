"""Reads for the public site: menus, footer links, meetings, search, calendar.

Every function is scoped to one council's home page (``site_root``), so a
council's visitors never see another council's pages.
"""

import datetime
import difflib

from django.db.models.functions import Length
from django.utils import timezone
from wagtail.models import Page

from pages.contributions import HomeSection
from pages.models import (
    AccessibilityStatementPage,
    MeetingAgendaItem,
    MeetingIndexPage,
    MeetingPage,
    SearchWord,
)
from pages.word_forms import query_forms

# How alike a suggested word must be to the word typed (difflib's ratio):
# one letter wrong, left out or added in a word of five letters or more.
SUGGESTION_CUTOFF = 0.75


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


def meetings_with_response_on_agenda(*, response):
    """The live meetings that had the response (in any of its languages) on
    their agenda, latest first: each in the response's language where it
    is translated, else in the council's own."""
    keys = MeetingAgendaItem.objects.filter(
        hearing_response__translation_key=response.translation_key, page__live=True
    ).values("page__translation_key")
    chosen = {}
    for meeting in MeetingPage.objects.live().filter(translation_key__in=keys):
        if meeting.translation_key not in chosen or (
            meeting.locale_id == response.locale_id
        ):
            chosen[meeting.translation_key] = meeting
    return sorted(chosen.values(), key=lambda m: m.starts_at, reverse=True)


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
        .select_related("locale", "place")
        .order_by("starts_at")
    )


def _public_pages(site_root):
    return Page.objects.live().public().descendant_of(site_root, inclusive=True)


def site_search(*, site_root, query):
    """Live, public pages of this council that match ``query``, best first.

    Wagtail's search runs over every page type's own search fields (responses,
    content pages, meetings) and their Danish word forms (pages.word_forms):
    "vinter" finds "vinteren", "møde" finds "Rådsmøde".
    """
    forms = query_forms(query or "")
    if site_root is None or not forms:
        return Page.objects.none()
    return _public_pages(site_root).specific().search(forms)


def search_suggestion(*, site_root, query):
    """A spelling of ``query`` in the words of this council's own live,
    public pages that finds something ("vintren" → "vinteren"), or "".

    Each word the pages do not use is replaced by the closest one of about
    its length (difflib's ratio at least ``SUGGESTION_CUTOFF``).
    """
    words = [word.lower() for word in (query or "").split()]
    if site_root is None or not words:
        return ""
    lengths = [len(word) for word in words]
    known = set(
        SearchWord.objects.filter(page__in=_public_pages(site_root))
        .annotate(length=Length("word"))
        .filter(length__gte=min(lengths) - 2, length__lte=max(lengths) + 2)
        .values_list("word", flat=True)
    )
    spelled = [_closest(word, known) for word in words]
    if spelled == words:
        return ""
    suggestion = " ".join(spelled)
    found = site_search(site_root=site_root, query=suggestion).count()
    return suggestion if found else ""


def _closest(word, known):
    if word in known:
        return word
    similar = [other for other in known if abs(len(other) - len(word)) <= 2]
    matches = difflib.get_close_matches(word, similar, n=1, cutoff=SUGGESTION_CUTOFF)
    return matches[0] if matches else word


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
