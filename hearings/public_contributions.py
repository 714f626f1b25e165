"""What hearings add to a council's public home page and calendar feed
(registered as pages.contributions hooks in hearings/wagtail_hooks.py)."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Event

from hearings import selectors
from pages.contributions import HomeSection, YearItem


def home_sections(*, site_root, site):
    """The latest published responses and the hearings still open."""
    index = selectors.hearing_index_for(home=site_root)
    if index is not None and not index.live:
        index = None
    latest = index.published_responses()[:5] if index else []
    open_hearings = _with_urls(selectors.hearings_open(site=site), index)
    return [
        HomeSection(
            template="components/latest_responses_section.html",
            data={"latest_responses": latest, "hearing_index": index},
            order=10,
        ),
        HomeSection(
            template="components/open_hearings_section.html",
            data={"open_hearings": open_hearings},
            order=20,
        ),
    ]


def _with_urls(hearings, index):
    """Each hearing with .public_url, its page under the index (or None)."""
    for hearing in hearings:
        hearing.public_url = index.hearing_url(hearing) if index else None
    return hearings


def deadline_events(*, site, request=None):
    """An all-day event on each hearing's deadline, linking its response, or
    its own page while it has none."""
    index = selectors.hearing_index_for(council=site)
    for hearing in selectors.hearings_for_calendar(site=site):
        yield hearing_deadline_event(
            hearing=hearing, site=site, index=index, request=request
        )


def hearing_deadline_event(*, hearing, site, index, request=None):
    """The deadline of one hearing from selectors.hearings_for_calendar (the
    feed has it, and so has its "add to calendar" file, with the same UID)."""
    response = hearing.live_responses[0] if hearing.live_responses else None
    return deadline_event(
        uid=f"hearing-deadline-{hearing.pk}@{site.hostname}",
        title=hearing.title,
        deadline=hearing.deadline,
        url=_event_url(response, index, hearing, request),
        description=hearing.committee,
    )


def deadline_year_items(*, site, year, request=None):
    """The hearings' deadlines of one year on the council's annual plan,
    linking like the feed's events, titled in the council's own language."""
    if site is None:
        return
    index = selectors.hearing_index_for(council=site)
    language = site.root_page.locale.language_code
    for hearing in selectors.hearings_due_in_year(site=site, year=year):
        response = hearing.live_responses[0] if hearing.live_responses else None
        yield YearItem(
            starts_on=hearing.deadline,
            title=hearing.title,
            kind="deadline",
            url=_event_url(response, index, hearing, request, full=False) or "",
            description=hearing.committee,
            language=language,
        )


def _event_url(response, index, hearing, request, full=True):
    if response is not None:
        return response.get_full_url(request) if full else response.get_url(request)
    if index is None:
        return None
    return index.hearing_url(hearing, request, full=full)


def deadline_event(*, uid, title, deadline, url=None, description=""):
    """An all-day event on the day a hearing response is due."""
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", timezone.now())
    event.add("summary", _("Hearing deadline: %(title)s") % {"title": title})
    event.add("dtstart", deadline)
    event.add("dtend", deadline + datetime.timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    if description:
        event.add("description", description)
    if url:
        event.add("url", url)
    return event
