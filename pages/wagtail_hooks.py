"""The pages app's own contributions to the public site, through the same
hooks other apps use (pages.contributions)."""

from wagtail import hooks

from pages.contributions import HOME_PAGE_SECTIONS
from pages.models import MeetingPage
from pages.selectors import meetings_home_section
from workflows.member_reading import MEMBER_READABLE_PAGE_TYPES

hooks.register(HOME_PAGE_SECTIONS, meetings_home_section)


@hooks.register(MEMBER_READABLE_PAGE_TYPES)
def meetings_are_read_by_members():
    """Council members read and comment on drafts of agendas and minutes."""
    return [MeetingPage]
