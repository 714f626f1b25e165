"""Reads about councils' workflows: which is a council's, who staffs it and
where a workflow state stands. (Who may approve: workflows.approval_policy.)"""

from django.contrib.auth import get_user_model
from wagtail.models import TaskState, WorkflowState

from cms.models import CouncilRole
from workflows.models import CouncilWorkflow


def council_workflow(*, site, purpose=CouncilWorkflow.Purpose.COUNCIL_PAGES):
    """The council's own workflow for a purpose, or None."""
    link = (
        CouncilWorkflow.objects.filter(site=site, purpose=purpose)
        .select_related("workflow")
        .first()
    )
    return link.workflow if link else None


def council_people(*, site, roles):
    """Active users who hold one of the roles in the council."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__council_group__site=site,
            groups__council_group__role__in=roles,
        )
        .distinct()
        .order_by("pk")
    )


def council_staff(*, site, roles=(CouncilRole.SECRETARIAT, CouncilRole.CHAIRS)):
    """Active users with an e-mail address who hold one of the roles."""
    return council_people(site=site, roles=roles).exclude(email="")


def last_task_state(*, workflow_state):
    return (
        workflow_state.task_states.order_by("-started_at", "-pk")
        .select_related("task", "finished_by", "revision")
        .first()
    )


def is_restart(*, task_state):
    """Whether this task state restarts the task on a changed version (the
    previous state of the same task was cancelled) rather than a submission."""
    previous = (
        TaskState.objects.filter(workflow_state_id=task_state.workflow_state_id)
        .exclude(pk=task_state.pk)
        .order_by("-started_at", "-pk")
        .first()
    )
    return (
        previous is not None
        and previous.task_id == task_state.task_id
        and previous.status == TaskState.STATUS_CANCELLED
        and task_state.workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    )
