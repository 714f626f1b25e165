"""The pages app's own contributions to the public site, through the same
hooks other apps use (pages.contributions)."""

from wagtail import hooks

from cms.admin_guard import allow_staff_urls
from pages import tenancy  # noqa: F401  (registers the meeting rows' owners)
from pages.annual_plans import wagtail_hooks as annual_plans  # noqa: F401
from pages.contributions import HOME_PAGE_SECTIONS
from pages.models import MeetingMinutesPage, MeetingPage
from pages.reminder_admin import (
    FAILED_REMINDERS_URL_NAME,
    dashboard_panels_add,
    reminder_urlpatterns,
    reminders_menu_item,
)
from pages.selectors import meetings_home_section
from workflows.member_reading import MEMBER_READABLE_PAGE_TYPES

hooks.register(HOME_PAGE_SECTIONS, meetings_home_section)


@hooks.register(MEMBER_READABLE_PAGE_TYPES)
def meetings_are_read_by_members():
    """Council members read and comment on drafts of agendas and minutes."""
    return [MeetingPage, MeetingMinutesPage]


# Meeting reminders that could not be sent: the secretariat's report, in the
# reports menu and on the dashboard (pages.reminder_admin).
allow_staff_urls(names=(FAILED_REMINDERS_URL_NAME,))
hooks.register("register_admin_urls", reminder_urlpatterns)
hooks.register("register_reports_menu_item", reminders_menu_item)


@hooks.register("construct_homepage_panels")
def failed_reminders_panel(request, panels):
    dashboard_panels_add(request=request, panels=panels)
