"""Reads of the council's annual plans for the home page and the calendar
feed, scoped to one council's home page (``site_root``)."""

from django.utils import timezone

from pages.contributions import HomeSection
from pages.models import AnnualPlanEntry, AnnualPlanPage


def annual_plans(*, site_root):
    """The council's live annual plans, the newest year first."""
    return AnnualPlanPage.objects.child_of(site_root).live().order_by("-year")


def annual_plan_current(*, site_root, today=None):
    """The plan of this year, else the newest one there is (or None)."""
    year = (today or timezone.localdate()).year
    plans = annual_plans(site_root=site_root)
    return plans.filter(year=year).first() or plans.filter(year__lt=year).first()


def annual_plan_entries_for_calendar(*, site_root, today=None):
    """The entries of last year's plan onwards, for the iCal feed (a live
    plan's rows are its published version; drafts live in revisions)."""
    year = (today or timezone.localdate()).year
    plans = annual_plans(site_root=site_root).filter(year__gte=year - 1)
    return (
        AnnualPlanEntry.objects.filter(page__in=plans)
        .select_related("page")
        .order_by("starts_on", "sort_order")
    )


def annual_plan_home_section(*, site_root, site):
    """The home page's link to this year's plan (a HOME_PAGE_SECTIONS hook)."""
    plan = annual_plan_current(site_root=site_root)
    if plan is None:
        return []
    return [
        HomeSection(
            template="components/annual_plan_section.html",
            data={"plan": plan},
            order=40,
        )
    ]
