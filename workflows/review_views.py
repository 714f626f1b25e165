"""The chairs' approve / request-changes buttons on the dashboard.

Wagtail's workflow action view acts and goes back without a word; a chair
who approved from the dashboard should see that the page is now public, or
to whom it went back. This is that view, saying what happened.
"""

from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.models import TaskState

from cms.selectors import user_display_name
from workflows.approval_policy import workflow_submitter_ids
from workflows.task_actions import ApprovalRefused

REVIEW_ACTION_URL_NAME = "workflows_review_action"


class ReviewActionView(WorkflowActionView):
    submit_url_name = REVIEW_ACTION_URL_NAME
    redirect_url_name = "wagtailadmin_pages:edit"

    def post(self, request, *args, **kwargs):
        try:
            response = super().post(request, *args, **kwargs)
        except ApprovalRefused as refusal:
            messages.error(request, str(refusal))
            return redirect(self.redirect_url)
        outcome = outcome_message(
            task_state=TaskState.objects.get(pk=self.task_state.pk), user=request.user
        )
        if outcome is not None:
            level, text = outcome
            getattr(messages, level)(request, text)
        return response


def outcome_message(*, task_state, user):
    """(message level, words) for what the user's action did to the task
    state, or None if nothing happened (a form to fill in again)."""
    title = task_state.revision.object_str or ""
    if task_state.finished_by_id != user.pk:
        return None
    if task_state.status == TaskState.STATUS_APPROVED:
        return "success", _("Approved and published: %(title)s") % {"title": title}
    if task_state.status == TaskState.STATUS_REJECTED:
        names = ", ".join(
            user_display_name(person) for person in _submitters(task_state)
        )
        return "success", _("Sent back to %(name)s: %(title)s") % {
            "name": names or _("the secretariat"),
            "title": title,
        }
    if task_state.status == TaskState.STATUS_CANCELLED:
        return "warning", _(
            "The page changed after it was submitted, so it was not approved. "
            "Read the new version first: %(title)s"
        ) % {"title": title}
    return None


def _submitters(task_state):
    ids = workflow_submitter_ids(workflow_state=task_state.workflow_state)
    people = get_user_model().objects.in_bulk(ids)
    return [people[pk] for pk in ids if pk in people]
