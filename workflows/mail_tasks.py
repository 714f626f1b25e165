"""The workflow's mails as background tasks (see cms.background_tasks).

The signal receivers enqueue these with ids once the transaction that
submitted, approved or sent back a page has committed; the task reads the
committed state and mails. A state deleted before the task runs is left
alone: there is nothing to announce any more.
"""

from django.contrib.auth import get_user_model
from django_tasks import task
from wagtail.models import TaskState, WorkflowState

from workflows import services


@task()
def task_state_announce_task(task_state_id):
    """Mail the chairs that a page awaits their approval."""
    task_state = TaskState.objects.filter(pk=task_state_id).first()
    if task_state is None:
        return 0
    return len(services.task_state_announce(task_state=task_state))


@task()
def workflow_outcome_notify_task(workflow_state_id, user_id, outcome):
    """Mail the submitters that their page was approved or sent back."""
    workflow_state = WorkflowState.objects.filter(pk=workflow_state_id).first()
    if workflow_state is None:
        return 0
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    return len(
        services.workflow_state_notify_outcome(
            workflow_state=workflow_state, user=user, outcome=outcome
        )
    )
