"""Thin receivers: Wagtail's workflow signals → workflows.services.

Wagtail mails the submitter on approval and rejection, and a group task's
members on submission, in its own words. For a chair-approval task we send
our own Danish mails instead (to the right people, with the comment); for
any other workflow Wagtail's own notifier still runs. Ours are background
tasks (workflows.mail_tasks), enqueued once the action has committed. To
replace rather than duplicate Wagtail's receivers, ours are connected under
the same dispatch_uid: whichever app's ready() runs first, only one receiver remains.
"""

from wagtail.admin import signal_handlers as wagtail_handlers
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import (
    copy_for_translation_done,
    task_submitted,
    workflow_approved,
    workflow_rejected,
)

from cms.background_tasks import enqueue_on_commit
from workflows import services
from workflows.mail_tasks import task_state_announce_task, workflow_outcome_notify_task
from workflows.models import ChairApprovalTask


def on_task_submitted(sender, instance, user=None, **kwargs):
    if not isinstance(instance.task.specific, ChairApprovalTask):
        wagtail_handlers.task_submission_email_notifier(instance=instance, user=user)
        return
    enqueue_on_commit(task_state_announce_task, instance.pk)


def on_workflow_approved(sender, instance, user=None, **kwargs):
    _outcome(
        instance, user, "approved", wagtail_handlers.workflow_approval_email_notifier
    )


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    _outcome(
        instance,
        user,
        "changes_requested",
        wagtail_handlers.workflow_rejection_email_notifier,
    )


def _outcome(workflow_state, user, outcome, wagtail_notifier):
    if not services.workflow_state_is_chair_approval(workflow_state):
        wagtail_notifier(instance=workflow_state, user=user)
        return
    enqueue_on_commit(
        workflow_outcome_notify_task,
        workflow_state.pk,
        getattr(user, "pk", None),
        outcome,
    )


def on_copy_for_translation(sender, source_obj, target_obj, **kwargs):
    services.workflow_translation_assign(source=source_obj, target=target_obj)


RECEIVERS = [
    (
        task_submitted,
        on_task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
    ),
    (
        workflow_approved,
        on_workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
    ),
    (
        workflow_rejected,
        on_workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
    ),
]


def register_signal_handlers():
    for signal, receiver, sender, uid in RECEIVERS:
        # Drop Wagtail's receiver if its app was ready first; else take its
        # place so that its later connect() under this uid is a no-op.
        signal.disconnect(sender=sender, dispatch_uid=uid)
        signal.connect(receiver, sender=sender, dispatch_uid=uid)
    copy_for_translation_done.connect(
        on_copy_for_translation, dispatch_uid="workflows_translation_workflow"
    )
