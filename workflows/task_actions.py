"""Acting on a chair-approval task: approve or request changes, once and
safely, under a lock on the page. What ChairApprovalTask.on_action runs."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Page, TaskState

from cms.selectors import user_display_name
from workflows.approval_policy import task_state_blockers


class ApprovalRefused(PermissionDenied):
    """The action cannot be taken on this task now; the message says why."""


def page_lock(page_id):
    """Lock the page's row until the transaction ends: approvals, requests
    for changes and edits of the same page then happen one after another."""
    return Page.objects.select_for_update().get(pk=page_id)


def task_state_act(*, task_state, user, action, comment="", task=None):
    """Approve or request changes on a chair-approval task, once and safely.

    Under a lock on the page the task state is read again: a second chair
    acting at the same moment finds it already handled. Approval checks four
    eyes and CPR numbers again (the buttons already did, but only this check
    is authoritative), and if the page changed since the task started, the
    task restarts on the new version instead of approving unseen text.
    task, when given, is the specific task that acts (spares reading it
    again); the state must be one of its.
    """
    with transaction.atomic():
        page, state = _task_state_for_update(task, task_state, user)
        if action == "reject":
            if not comment.strip():
                raise ApprovalRefused(_("Write what should be changed."))
            state.reject(user=user, comment=comment)
            return None
        if action != "approve":
            raise ApprovalRefused(_("Unknown action."))
        return _approve(page, state, user, comment)


def _task_state_for_update(task, task_state, user):
    page = page_lock(task_state.workflow_state.object_id)
    state = (
        TaskState.objects.select_for_update()
        .select_related("workflow_state", "revision")
        .get(pk=task_state.pk)
        .specific
    )
    if state.status != TaskState.STATUS_IN_PROGRESS:
        raise ApprovalRefused(
            _("This step has already been handled by %(user)s.")
            % {"user": user_display_name(state.finished_by) or _("someone")}
        )
    if task is None or task.pk != state.task_id:
        task = state.task.specific
    if not task.user_is_approver(user):
        raise ApprovalRefused(_("Only the council's chairs can do this."))
    return page, state


def _approve(page, state, user, comment):
    if state.revision_id != page.latest_revision_id:
        state.cancel(
            user=user,
            resume=True,
            comment=_("The page changed after it was submitted."),
        )
        return None
    latest_user_id = state.revision.user_id
    blockers = task_state_blockers(
        task_state=state, user=user, latest_revision_user_id=latest_user_id
    )
    if blockers:
        raise ApprovalRefused(blockers[0])
    state.approve(user=user, comment=comment)
    return None
