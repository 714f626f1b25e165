"""What other apps add to a council's public site, through Wagtail hooks.

The pages app owns the home page and the calendar feed but knows none of
the things other apps publish on them: those apps register a function under
one of the hook names below (see hearings/wagtail_hooks.py; pages registers
its own meetings box the same way, in pages/wagtail_hooks.py).

- HOME_PAGE_SECTIONS: fn(site_root, site) -> list of HomeSection.
- CALENDAR_EVENTS: fn(site, request) -> iterable of icalendar Events.
- ANNUAL_PLAN_ITEMS: fn(site, year, request) -> iterable of YearItem, the
  things of one calendar year the council's annual plan shows (all of them,
  not only the calendar feed's recent ones: last year's plan stays whole).
"""

import datetime
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail import hooks

from cms.page_cache import council_fragment

HOME_PAGE_SECTIONS = "home_page_sections"
CALENDAR_EVENTS = "calendar_events"
ANNUAL_PLAN_ITEMS = "annual_plan_items"


@dataclass(frozen=True)
class HomeSection:
    """One box of the home page: its template (a component) and its data,
    placed by order (smaller first)."""

    template: str
    data: dict = field(default_factory=dict)
    order: int = 100


def contributed_home_sections(*, site_root, site):
    """Every app's boxes for this home page (pages' own included), in order."""
    sections = []
    for contribute in hooks.get_hooks(HOME_PAGE_SECTIONS):
        sections.extend(contribute(site_root=site_root, site=site))
    return sorted(sections, key=lambda section: section.order)


def rendered_home_sections(*, site_root, site, request):
    """The home page's boxes as HTML, rendered once per council and language
    until its pages change (cms.page_cache.council_fragment): they show what
    every reader is shown alike (no request-specific part, no form). A
    preview renders them afresh."""

    def render():
        sections = contributed_home_sections(site_root=site_root, site=site)
        return "".join(
            render_to_string(
                section.template, {"data": section.data, "request": request}
            )
            for section in sections
        )

    if getattr(request, "is_preview", False) or site is None:
        return mark_safe(render())  # noqa: S308 (rendered by our templates)
    html = council_fragment(
        site_id=site.pk,
        name=f"home-sections:{site_root.pk}:{get_language()}",
        compute=render,
        request=request,
    )
    return mark_safe(html)  # noqa: S308 (rendered by our templates)


def contributed_calendar_events(*, site, request=None):
    for contribute in hooks.get_hooks(CALENDAR_EVENTS):
        yield from contribute(site=site, request=request)


@dataclass(frozen=True)
class YearItem:
    """One dated thing on a council's annual plan. kind is one of the kinds
    the plan draws (pages.year_wheel.KINDS: "deadline" for a hearing's);
    language is the language of the title when it may differ from the
    page's (a Danish hearing on the English plan)."""

    starts_on: datetime.date
    title: str
    kind: str
    ends_on: datetime.date | None = None
    url: str = ""
    description: str = ""
    language: str = ""


def contributed_year_items(*, site, year, request=None):
    for contribute in hooks.get_hooks(ANNUAL_PLAN_ITEMS):
        yield from contribute(site=site, year=year, request=request)
