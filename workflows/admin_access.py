"""Which of the workflow app's admin views council staff may open, told to
the admin's door (cms.admin_guard); everything else stays closed to them."""

from cms.admin_guard import allow_staff_urls


def register():
    allow_staff_urls(
        names=(
            "workflows_readability",
            "workflows_translation_submit",
            "workflows_member_draft",
            "workflows_member_preview",
            "workflows_review_action",
        )
    )
