"""The pages app's own contributions to the public site, through the same
hooks other apps use (pages.contributions)."""

from wagtail import hooks

from pages.contributions import HOME_PAGE_SECTIONS
from pages.selectors import meetings_home_section

hooks.register(HOME_PAGE_SECTIONS, meetings_home_section)
