"""Changes to councils' approval workflows: draft → chairs → published.

Everything here runs on Wagtail's own Workflow, Task and TaskState; these
functions add what a council needs on top: its own workflow, publishing
exactly the approved revision under a lock (announced on
workflows.signals.page_published_on_approval), and Danish mails. Acting on
a task is in workflows.task_actions.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import (
    Page,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.users.models import UserProfile

from cms.models import CouncilRole, CouncilSettings
from cms.selectors import council_group, user_display_name
from cms.tenancy import SHARED, page_owner_by_path
from workflows import mail, publish_guard, selectors
from workflows.approval_policy import eligible_approvers, workflow_submitter_ids
from workflows.models import ChairApprovalTask, CouncilWorkflow
from workflows.page_protocol import mail_notes_of
from workflows.readability import page_lix_reports
from workflows.review import COMPARE_URL_NAME, review_comparison
from workflows.signals import page_published_on_approval
from workflows.task_actions import ApprovalRefused, page_lock

# Names of the workflow and its task as the council sees them (content, not
# interface text: they are stored and shown as typed).
COUNCIL_WORKFLOW_NAME = "Godkendelse af rådets sider"
CHAIR_TASK_NAME = "Formandens godkendelse"


# Setting up a council's workflow ------------------------------------------


def council_workflow_ensure(*, site, pages=()):
    """Give the council its approval workflow, idempotently.

    One workflow, one chair-approval task whose approvers are exactly the
    council's chairs group, assigned to the council's home (and its
    translations), so every page of the council needs the chairs' approval;
    and to ``pages`` as well (and their translations), so that those stay
    under the chairs if the home changes. Returns what it had to create or
    repair, in words.
    """
    created = []
    chairs = council_group(site=site, role=CouncilRole.CHAIRS)
    link = CouncilWorkflow.objects.filter(
        site=site, purpose=CouncilWorkflow.Purpose.COUNCIL_PAGES
    ).first()
    if link is None:
        workflow = Workflow.objects.create(name=COUNCIL_WORKFLOW_NAME)
        link = CouncilWorkflow.objects.create(
            site=site,
            purpose=CouncilWorkflow.Purpose.COUNCIL_PAGES,
            workflow=workflow,
        )
        created.append(_("workflow %(name)s") % {"name": COUNCIL_WORKFLOW_NAME})
    workflow = link.workflow
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    _chair_task_ensure(workflow, chairs, created)
    _workflow_pages_ensure(workflow, [site.root_page, *pages], created)
    return created


def _chair_task_ensure(workflow, chairs, created):
    task = ChairApprovalTask.objects.filter(workflow_tasks__workflow=workflow).first()
    if task is None:
        task = ChairApprovalTask.objects.create(name=CHAIR_TASK_NAME)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        created.append(_("task %(name)s") % {"name": CHAIR_TASK_NAME})
    if not task.active:
        task.active = True
        task.save(update_fields=["active"])
    if list(task.groups.all()) != [chairs]:
        task.groups.set([chairs])


def _workflow_pages_ensure(workflow, pages, created):
    # The whole council tree goes through its chairs (content pages and
    # meetings too; otherwise Wagtail's default moderators' workflow on the
    # root would apply, whose approvers are no council's).
    named = [page for page in pages if page is not None]
    translations = [t for page in named for t in page.get_translations()]
    for page in [*named, *translations]:
        assignment = WorkflowPage.objects.filter(page=page).first()
        if assignment is None or assignment.workflow_id != workflow.pk:
            WorkflowPage.objects.update_or_create(
                page=page, defaults={"workflow": workflow}
            )
            created.append(_("workflow on page %(title)s") % {"title": page.title})


def workflow_translation_assign(*, source, target):
    """A translation made of a page that has a workflow gets the same one, so
    a translated response goes through the same chairs (never around them)."""
    assignment = WorkflowPage.objects.filter(page_id=source.pk).first()
    if assignment is not None:
        WorkflowPage.objects.get_or_create(
            page_id=target.pk, defaults={"workflow": assignment.workflow}
        )


# After a task -----------------------------------------------------------------


def task_state_restart_if_changed(*, page, user):
    """After someone (a chair) edits a page awaiting approval, restart the
    task on the new version: what the chairs approve is what goes live."""
    with transaction.atomic():
        locked = page_lock(page.pk)
        state = locked.current_workflow_task_state
        if state is None or state.revision_id == locked.latest_revision_id:
            return None
        if not isinstance(state.task.specific, ChairApprovalTask):
            return None
        state.cancel(
            user=user, resume=True, comment=_("The page changed during review.")
        )
        return state


def workflow_state_publish(*, workflow_state, user=None):
    """Publish exactly the revision the chairs approved, and deliver it.

    Called by Wagtail when the last task is approved (it is the
    WAGTAIL_FINISH_WORKFLOW_ACTION), for pages of any type; a workflow on
    anything else (a snippet) is refused. The approval is the permission:
    chairs have no publish permission of their own, so nobody goes around it.
    """
    model = ContentType.objects.get_for_id(workflow_state.content_type_id).model_class()
    if not issubclass(model, Page):
        raise ApprovalRefused(
            _("This workflow publishes pages only; %(object)s cannot be published.")
            % {"object": workflow_state.content_object}
        )
    page = page_lock(workflow_state.object_id)
    approved = (
        workflow_state.task_states.filter(status=TaskState.STATUS_APPROVED)
        .select_related("revision")
        .order_by("-finished_at", "-pk")
        .first()
    )
    if approved is None:
        raise ApprovalRefused(_("Nothing has been approved yet."))
    revision = approved.revision
    if revision.pk != page.latest_revision_id:
        raise ApprovalRefused(_("The page changed after it was approved."))
    with publish_guard.approved_publish(revision=revision):
        revision.publish(user=user, skip_permission_checks=True)
    page_published_on_approval.send(
        sender=page.specific_class,
        page=page.specific,
        revision=revision,
        user=user,
    )


# Notifications ---------------------------------------------------------------


def task_state_announce(*, task_state):
    """Tell the council's chairs who may approve it that a page awaits them.

    A restart after a chair's edit during review goes to whoever may approve
    the changed version: after the chair's own edit that is the other chair
    (four eyes), who must now know the approval is theirs.
    """
    restart = selectors.is_restart(task_state=task_state)
    page = task_state.workflow_state.content_object.specific
    approvers = eligible_approvers(
        task_state=task_state, latest_revision_user_id=task_state.revision.user_id
    )
    recipients = _wanting(approvers, "submitted")
    comparison = review_comparison(page=page, revision=task_state.revision)
    context = {
        "page": page,
        "task_state": task_state,
        "submitter_name": user_display_name(task_state.workflow_state.requested_by),
        "editor_name": user_display_name(task_state.revision.user),
        "page_notes": mail_notes_of(page, event="submitted"),
        "council": _council_name(page),
        "edit_url": mail.admin_url("wagtailadmin_pages:edit", page.pk),
        "preview_url": mail.admin_url(
            "wagtailadmin_pages:workflow_preview", page.pk, task_state.task_id
        ),
        "comparison": comparison,
        "compare_url": (
            mail.admin_url(COMPARE_URL_NAME, *comparison.args) if comparison else ""
        ),
        "lix_reports": page_lix_reports(page),
    }
    template = "changed_in_review" if restart else "submitted"
    return mail.send_to_users(f"workflows/mail/{template}", context, recipients)


def workflow_state_notify_outcome(*, workflow_state, user, outcome):
    """Tell whoever submitted the page that it was approved or sent back,
    with the chair's comment. outcome is "approved" or "changes_requested"."""
    task_state = selectors.last_task_state(workflow_state=workflow_state)
    page = workflow_state.content_object.specific
    submitters = workflow_submitter_ids(workflow_state=workflow_state)
    users = (
        get_user_model()
        .objects.filter(pk__in=submitters, is_active=True)
        .exclude(pk=getattr(user, "pk", None))
        .exclude(email="")
    )
    preference = "approved" if outcome == "approved" else "rejected"
    context = {
        "page": page,
        "task_state": task_state,
        "actor_name": user_display_name(user),
        "comment": task_state.comment if task_state else "",
        "page_notes": mail_notes_of(page, event=outcome),
        "council": _council_name(page),
        "edit_url": mail.admin_url("wagtailadmin_pages:edit", page.pk),
        "public_url": page.full_url if page.live else "",
    }
    return mail.send_to_users(
        f"workflows/mail/{outcome}", context, _wanting(users, preference)
    )


def _wanting(users, notification):
    """Users who have not switched this notification off in their account."""
    return [
        user
        for user in users
        if getattr(UserProfile.get_for_user(user), f"{notification}_notifications")
    ]


def _council_name(page):
    """The name of the council whose part of the tree holds the page (read
    through cms.tenancy, which a request has read already, not the site)."""
    owner = page_owner_by_path(page.path)
    if owner == SHARED:
        return ""
    names = CouncilSettings.objects.filter(site_id__in=owner)
    return names.values_list("name", flat=True).first() or ""


def workflow_state_is_chair_approval(workflow_state):
    """Whether this workflow state runs a chair-approval task."""
    state = workflow_state.current_task_state
    if state is None:
        return False
    return issubclass(state.task.specific_class, ChairApprovalTask)
