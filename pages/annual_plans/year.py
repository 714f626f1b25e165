"""What an annual plan's page shows: the items of its year, gathered once
and given to both the list by month and the wheel."""

from django.utils import timezone

from pages.annual_plans.wheel import MEETING, items_of_year, months_of, year_wheel
from pages.contributions import YearItem, contributed_year_items


def plan_context(plan, *, site, request=None):
    """The template's months (the list) and wheel, drawn from the same
    items, and the council's plans of earlier and later years."""
    items = year_items(plan, site=site, request=request)
    others = list(plan.other_plans())
    return {
        "months": months_of(items, year=plan.year),
        "wheel": year_wheel(items, year=plan.year),
        "earlier_plans": [other for other in others if other.year < plan.year],
        "later_plans": [other for other in others if other.year > plan.year],
    }


def year_items(plan, *, site, request=None):
    """Everything of the plan's year as YearItems, in date order: its own
    entries, the live meetings its council's meeting index lists, and what
    other apps add (the hearings' deadlines)."""
    items = [entry.year_item() for entry in plan.entries.all()]
    items += [
        meeting_year_item(meeting, locale_id=plan.locale_id, request=request)
        for meeting in plan.meetings()
    ]
    items += contributed_year_items(site=site, year=plan.year, request=request)
    return items_of_year(items, year=plan.year)


def meeting_year_item(meeting, *, locale_id, request=None):
    """A meeting on the plan; its title marked with its language when it is
    not the plan's (a meeting not yet translated on the English plan)."""
    language = meeting.locale.language_code if meeting.locale_id != locale_id else ""
    return YearItem(
        starts_on=timezone.localdate(meeting.starts_at),
        title=meeting.title,
        kind=MEETING,
        url=meeting.get_url(request) or "",
        description=meeting.introduction,
        language=language,
    )
