"""The working groups' admin menu, permission policies and public
contributions, registered with Wagtail (imported by PagesConfig.ready(): a
package's own wagtail_hooks module is not one Wagtail looks for)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from pages.contributions import CALENDAR_EVENTS, HOME_PAGE_SECTIONS
from pages.working_groups.admin import WorkingGroupsMenu
from pages.working_groups.models import WorkingGroup, WorkingGroupText
from pages.working_groups.permissions import (
    WORKING_GROUP_PERMISSIONS,
    WORKING_GROUP_TEXT_PERMISSIONS,
)
from pages.working_groups.public import (
    working_group_meeting_events,
    working_groups_home_section,
)

register_permission_policy(WorkingGroup, WORKING_GROUP_PERMISSIONS)
register_permission_policy(WorkingGroupText, WORKING_GROUP_TEXT_PERMISSIONS)

hooks.register(HOME_PAGE_SECTIONS, working_groups_home_section)
hooks.register(CALENDAR_EVENTS, working_group_meeting_events)


@hooks.register("register_admin_viewset")
def register_working_groups_menu():
    return WorkingGroupsMenu()
