"""What the page editor tells each person while a page awaits the chairs."""

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from wagtail.locks import WorkflowLock

from workflows.approval_policy import approval_blockers
from workflows.review import review_comparison


class ChairApprovalLock(WorkflowLock):
    """Locks the page for everyone but the chairs, and explains why.

    Wagtail shows a lock's message at the top of the editor. Besides "locked"
    for the secretary, the chairs get told what they can do here: approve
    (which publishes), or why they cannot (four eyes, a CPR number), with a
    link to what changed since the chairs last reviewed it, or against the
    live version (workflows.review).
    """

    def get_message(self, user):
        if self.for_user(user):
            return format_html(
                "{} {}",
                _("This page is awaiting “%(task)s” and cannot be edited now.")
                % {"task": self.task.name},
                _(
                    "The chairs can approve it or send it back to you with a "
                    "comment; until then only they can change it."
                ),
            )
        if self.task.user_is_approver(user):
            return self._approver_message(user)
        return None

    def _approver_message(self, user):
        blockers = approval_blockers(obj=self.object, user=user)
        if blockers:
            return format_html_join(" ", "{}", ((reason,) for reason in blockers))
        message = _("This page awaits your approval. Approving it publishes it.")
        state = self.object.current_workflow_task_state
        comparison = state and review_comparison(
            page=self.object, revision=state.revision
        )
        if comparison is None:
            return message
        return format_html(
            '{} <a href="{}">{}</a>', message, comparison.url, comparison.label
        )
