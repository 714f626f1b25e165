"""Whose working groups are whose, told to the base layer's tenancy rules,
and the admin's door opened to their screens (called from
PagesConfig.ready())."""

from cms.admin_guard import allow_staff_urls, register_parameter_model
from cms.tenancy import register_owner
from pages.working_groups.admin import WORKING_GROUP_NAMESPACES
from pages.working_groups.models import (
    WorkingGroup,
    WorkingGroupMeeting,
    WorkingGroupText,
)


@register_owner(WorkingGroup)
@register_owner(WorkingGroup.history.model)
def working_group_owner(group):
    return frozenset({group.council_id})


@register_owner(WorkingGroupText)
@register_owner(WorkingGroupText.history.model)
@register_owner(WorkingGroupMeeting)
def group_part_owner(part):
    return frozenset({part.group.council_id})


def register():
    allow_staff_urls(namespaces=WORKING_GROUP_NAMESPACES)
    register_parameter_model("working_groups:*", "pk", WorkingGroup)
    register_parameter_model("working_group_texts:*", "pk", WorkingGroupText)
