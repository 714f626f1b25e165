"""Who may approve what, and why not: four eyes, CPR numbers and another
council's material. Reads only; the approval itself (workflows.task_actions)
and the buttons and editor messages all ask here."""

from django.contrib.auth import get_user_model
from wagtail.models import PageLogEntry, TaskState, WorkflowState

from cms.references import object_references, refusal_message, refused_references
from cms.tenancy import object_owner
from cms.text_checks import cpr_findings
from workflows.messages import cpr_reason, four_eyes_reason
from workflows.page_text import page_segments


def workflow_submitter_ids(*, workflow_state):
    """Who submitted this workflow state, first submitter first, then those
    who resubmitted it after changes were requested."""
    ids = [workflow_state.requested_by_id] if workflow_state.requested_by_id else []
    resumed = PageLogEntry.objects.filter(
        page_id=workflow_state.object_id,
        action="wagtail.workflow.resume",
        timestamp__gte=workflow_state.created_at,
        user_id__isnull=False,
    ).order_by("timestamp", "pk")
    for user_id in resumed.values_list("user_id", flat=True):
        if user_id not in ids:
            ids.append(user_id)
    return ids


def approval_conflict_ids(*, task_state, latest_revision_user_id=None):
    """The users who may not approve this task state: four eyes.

    Those who submitted or resubmitted it, the author of the version under
    review and the author of the page's latest version.
    """
    ids = set(workflow_submitter_ids(workflow_state=task_state.workflow_state))
    ids.update({task_state.revision.user_id, latest_revision_user_id})
    ids.discard(None)
    return ids


def eligible_approvers(*, task_state, latest_revision_user_id=None):
    """The members of the task's groups who may approve this task state."""
    conflicts = approval_conflict_ids(
        task_state=task_state, latest_revision_user_id=latest_revision_user_id
    )
    groups = task_state.task.specific.groups.all()
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__in=groups)
        .exclude(pk__in=conflicts)
        .distinct()
        .order_by("pk")
    )


def page_cpr_findings(*, page):
    """Where the page's text seems to hold CPR numbers (see cms.text_checks)."""
    return cpr_findings(page_segments(page))


def approval_blockers(*, obj, user):
    """Why the user may not approve the page's current task, in words; [] if
    nothing stands in the way. Cached on the user for the request."""
    task_state = _current_task_state(obj)
    if task_state is None:
        return []
    cache = getattr(user, "_approval_blockers", None)
    if cache is None:
        cache = {}
        user._approval_blockers = cache
    key = (task_state.pk, obj.latest_revision_id)
    if key not in cache:
        latest_user_id = _latest_revision_user_id(obj, task_state)
        cache[key] = task_state_blockers(
            task_state=task_state, user=user, latest_revision_user_id=latest_user_id
        )
    return cache[key]


def _current_task_state(obj):
    """Wagtail's current_workflow_task_state, with its workflow state kept
    on it (the four-eyes check reads it; one query instead of two)."""
    workflow_state = obj.current_workflow_state
    if workflow_state is None or workflow_state.current_task_state is None:
        return None
    if workflow_state.status != WorkflowState.STATUS_IN_PROGRESS:
        return None
    task_state = workflow_state.current_task_state.specific
    task_state.workflow_state = workflow_state
    return task_state


def _latest_revision_user_id(obj, task_state):
    """Who wrote the page's latest version: most often the one under review."""
    if task_state.revision_id == obj.latest_revision_id:
        return task_state.revision.user_id
    revision = obj.get_latest_revision()
    return revision.user_id if revision else None


def task_state_blockers(*, task_state, user, latest_revision_user_id=None):
    """Why this user may not approve this task state: four eyes, CPR numbers."""
    reasons = []
    conflicts = approval_conflict_ids(
        task_state=task_state, latest_revision_user_id=latest_revision_user_id
    )
    if user.pk in conflicts:
        others = eligible_approvers(
            task_state=task_state, latest_revision_user_id=latest_revision_user_id
        )
        reasons.append(four_eyes_reason(others))
    return reasons + revision_content_reasons(revision=task_state.revision, user=user)


def revision_content_reasons(*, revision, user):
    """What the version itself holds that may not be published: CPR numbers,
    another council's material. A revision's content never changes, so it is
    read and checked once per revision for the user's request: the buttons
    and the authoritative check under the lock ask the same."""
    cache = getattr(user, "_revision_content_reasons", None)
    if cache is None:
        cache = {}
        user._revision_content_reasons = cache
    if revision.pk not in cache:
        version = revision.as_object()
        findings = page_cpr_findings(page=version)
        reasons = [cpr_reason(findings)] if findings else []
        cache[revision.pk] = reasons + foreign_reference_reasons(page=version)
    return list(cache[revision.pk])


def foreign_reference_reasons(*, page):
    """What the version refers to of another council (a document, image or
    page), in words. Editors cannot choose those, but a version can also be
    made elsewhere (a translation's overrides, a script): the chairs' approval
    is the last place to stop another council's material going public."""
    owner = object_owner(page.get_parent())
    foreign = refused_references(object_references(page), owner=owner)
    return [refusal_message(reference) for reference in foreign]


def task_states_awaiting(*, task, user):
    """The task's open states this user may act on, leaving out the ones the
    user submitted or wrote (they are not awaiting *their* review)."""
    return (
        task.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        .exclude(revision__user=user)
        .exclude(workflow_state__requested_by=user)
    )
