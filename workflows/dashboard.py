"""The workflow's panels on the admin dashboard: the drafts a council member
reads and comments on, and the chairs' pages awaiting review with the
comparison that matters to them (workflows.review)."""

from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel

from workflows.member_reading import member_drafts
from workflows.review import review_comparison
from workflows.review_views import REVIEW_ACTION_URL_NAME

# Wagtail's own "Awaiting your review" panel, which ChairReviewPanel replaces.
WAGTAIL_REVIEW_PANEL = WorkflowObjectsToModeratePanel.name


class MemberDraftsPanel(Component):
    """A member's way into the council's work: every draft being written or
    awaiting the chairs, to read and comment on."""

    name = "member_drafts"
    template_name = "workflows/admin/member_drafts_panel.html"
    order = 40

    def __init__(self, drafts):
        self.drafts = drafts

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["rows"] = [
            {
                "page": draft.page,
                "kind": draft.page.specific_class._meta.verbose_name,
                "awaiting_chairs": draft.awaiting_chairs,
                "url": reverse("workflows_member_draft", args=[draft.page.pk]),
            }
            for draft in self.drafts
        ]
        return context


class ChairReviewPanel(WorkflowObjectsToModeratePanel):
    """Wagtail's panel of pages awaiting the user's review, whose buttons
    say what they did (workflows.review_views) and whose comparison is with
    the version the chairs last reviewed, or the live one, never empty."""

    template_name = "workflows/admin/chair_review_panel.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        for state in context["states"]:
            state["comparison"] = review_comparison(
                page=state["obj"], revision=state["revision"]
            )
            state["action_url_name"] = REVIEW_ACTION_URL_NAME
        return context


def dashboard_panels_adjust(*, request, panels):
    """Add the member's drafts; put the chairs' panel in Wagtail's place."""
    for position, panel in enumerate(panels):
        if getattr(panel, "name", None) == WAGTAIL_REVIEW_PANEL:
            panels[position] = ChairReviewPanel()
    drafts = member_drafts(user=request.user)
    if drafts:
        panels.append(MemberDraftsPanel(drafts))
