"""The annual plan on the council's home page, through the same hook other
apps use (pages.contributions); imported by pages/wagtail_hooks.py."""

from wagtail import hooks

from pages.annual_plans.selectors import annual_plan_home_section
from pages.contributions import HOME_PAGE_SECTIONS

hooks.register(HOME_PAGE_SECTIONS, annual_plan_home_section)
