"""Which of the workflow app's admin views council staff may open, told to
the admin's door (cms.admin_guard), and whose the app's own rows are
(cms.tenancy); everything else stays closed to them."""

from cms.admin_guard import allow_staff_urls, register_parameter_model
from cms.tenancy import register_owner
from workflows.models import PersonalLink


@register_owner(PersonalLink)
def _personal_link_owner(link):
    """A personal link is its council's, whoever it is for."""
    return frozenset({link.site_id})


def register():
    allow_staff_urls(
        names=(
            "workflows_readability",
            "workflows_translation_submit",
            "workflows_member_draft",
            "workflows_member_preview",
            "workflows_review_action",
            "workflows_personal_links",
            "workflows_personal_link_revoke",
            "workflows_personal_link_sheet",
        )
    )
    for name in ("workflows_personal_link_revoke", "workflows_personal_link_sheet"):
        register_parameter_model(name, "link_id", PersonalLink)
