"""Business logic of the approval workflow: draft → chairs → published.

Everything here runs on Wagtail's own Workflow, Task and TaskState; these
functions add what a council needs on top: its own workflow, four eyes,
approval that publishes exactly the approved revision under a lock, the
delivery to the municipality, Danish mails and deadline reminders.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import (
    Page,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from cms.models import CouncilRole, CouncilSettings
from cms.selectors import council_group
from workflows import mail, publish_guard, selectors
from workflows.checks import lix
from workflows.models import ChairApprovalTask, CouncilWorkflow, ResponseDelivery
from workflows.page_protocol import readability_fields_of

# Names of the workflow and its task as the council sees them (content, not
# interface text: they are stored and shown as typed).
HEARING_WORKFLOW_NAME = "Godkendelse af høringssvar"
CHAIR_TASK_NAME = "Formandens godkendelse"
HEARING_INDEX_SLUG = "hoeringssvar"
DELIVERED = "workflows.response_delivered"
DELIVERY_FAILED = "workflows.response_delivery_failed"
MAX_DELIVERY_ATTEMPTS = 10


class ApprovalRefused(PermissionDenied):
    """The action cannot be taken on this task now; the message says why."""


# Setting up a council's workflow ------------------------------------------


def council_workflow_ensure(*, site):
    """Give the council its hearing-response workflow, idempotently.

    One workflow, one chair-approval task whose approvers are exactly the
    council's chairs group, assigned to the council's hearing-response index
    (and its translations), so everything under it needs the chairs' approval.
    Returns the parts it had to create or repair, in words.
    """
    created = []
    chairs = council_group(site=site, role=CouncilRole.CHAIRS)
    link = CouncilWorkflow.objects.filter(
        site=site, purpose=CouncilWorkflow.Purpose.HEARING_RESPONSES
    ).first()
    if link is None:
        workflow = Workflow.objects.create(name=HEARING_WORKFLOW_NAME)
        link = CouncilWorkflow.objects.create(
            site=site,
            purpose=CouncilWorkflow.Purpose.HEARING_RESPONSES,
            workflow=workflow,
        )
        created.append(_("workflow %(name)s") % {"name": HEARING_WORKFLOW_NAME})
    workflow = link.workflow
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    _chair_task_ensure(workflow, chairs, created)
    _workflow_pages_ensure(workflow, site, created)
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


def _workflow_pages_ensure(workflow, site, created):
    # The whole council tree goes through its chairs (content pages and
    # meetings too; otherwise Wagtail's default moderators' workflow on the
    # root would apply, whose approvers are no council's). The hearing index
    # is assigned explicitly as well, so it stays right if the home changes.
    home = site.root_page
    index = home.get_children().filter(slug=HEARING_INDEX_SLUG).first()
    pages = [home, *home.get_translations()]
    if index is not None:
        pages += [index, *index.get_translations()]
    for page in pages:
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


# Acting on a task -----------------------------------------------------------


def _page_lock(page_id):
    """Lock the page's row until the transaction ends: approvals, requests
    for changes and edits of the same page then happen one after another."""
    return Page.objects.select_for_update().get(pk=page_id)


def task_state_act(*, task_state, user, action, comment=""):
    """Approve or request changes on a chair-approval task, once and safely.

    Under a lock on the page the task state is read again: a second chair
    acting at the same moment finds it already handled. Approval checks four
    eyes and CPR numbers again (the buttons already did, but only this check
    is authoritative), and if the page changed since the task started, the
    task restarts on the new version instead of approving unseen text.
    """
    with transaction.atomic():
        page, state = _task_state_for_update(task_state, user)
        if action == "reject":
            if not comment.strip():
                raise ApprovalRefused(_("Write what should be changed."))
            state.reject(user=user, comment=comment)
            return None
        if action != "approve":
            raise ApprovalRefused(_("Unknown action."))
        return _approve(page, state, user, comment)


def _task_state_for_update(task_state, user):
    page = _page_lock(task_state.workflow_state.object_id)
    state = (
        TaskState.objects.select_for_update()
        .select_related("workflow_state", "revision")
        .get(pk=task_state.pk)
        .specific
    )
    if state.status != TaskState.STATUS_IN_PROGRESS:
        raise ApprovalRefused(
            _("This step has already been handled by %(user)s.")
            % {"user": selectors.display_name(state.finished_by) or _("someone")}
        )
    if not state.task.specific.user_is_approver(user):
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
    blockers = selectors.task_state_blockers(
        task_state=state, user=user, latest_revision_user_id=latest_user_id
    )
    if blockers:
        raise ApprovalRefused(blockers[0])
    state.approve(user=user, comment=comment)
    return None


def task_state_restart_if_changed(*, page, user):
    """After someone (a chair) edits a page awaiting approval, restart the
    task on the new version: what the chairs approve is what goes live."""
    with transaction.atomic():
        locked = _page_lock(page.pk)
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
    WAGTAIL_FINISH_WORKFLOW_ACTION). The approval is the permission: chairs
    have no publish permission of their own, so nobody can go around it.
    """
    page = _page_lock(workflow_state.object_id)
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
    response_delivery_create(page=page, revision=revision)


# Delivery to the municipality ---------------------------------------------


def response_delivery_create(*, page, revision):
    """Queue the approved response for the hearing's contact address; it is
    sent once the approval has been committed."""
    address = selectors.delivery_address(page=page.specific)
    if not address:
        return None
    delivery = ResponseDelivery.objects.create(
        page=page, revision=revision, recipient=address
    )
    transaction.on_commit(lambda: response_delivery_send(delivery=delivery))
    return delivery


def response_delivery_send(*, delivery):
    """Send one delivery; a failure is recorded and retried later, never lost."""
    delivery.attempts += 1
    try:
        mail.delivery_send(delivery=delivery)
    except Exception as exc:  # any mail failure is recorded and retried
        delivery.status = ResponseDelivery.Status.FAILED
        delivery.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        delivery.save(update_fields=["status", "attempts", "last_error"])
        _delivery_log(delivery, DELIVERY_FAILED)
        return False
    delivery.status = ResponseDelivery.Status.SENT
    delivery.sent_at = timezone.now()
    delivery.last_error = ""
    delivery.save(update_fields=["status", "attempts", "last_error", "sent_at"])
    _delivery_log(delivery, DELIVERED)
    return True


def _delivery_log(delivery, action):
    log(
        instance=delivery.page.specific,
        action=action,
        user=None,
        revision=delivery.revision,
        data={
            "recipient": delivery.recipient,
            "delivery_id": delivery.pk,
            "attempt": delivery.attempts,
        },
    )


def response_deliveries_retry():
    """Send again every delivery that has not gone out yet. Returns counts."""
    sent = failed = 0
    waiting = ResponseDelivery.objects.filter(
        status__in=[ResponseDelivery.Status.PENDING, ResponseDelivery.Status.FAILED],
        attempts__lt=MAX_DELIVERY_ATTEMPTS,
    ).select_related("page", "revision")
    for delivery in waiting:
        if response_delivery_send(delivery=delivery):
            sent += 1
        else:
            failed += 1
    return sent, failed


# Notifications ---------------------------------------------------------------


def task_state_announce(*, task_state):
    """Tell the council's chairs who may approve it that a page awaits them.

    A restart after an edit during review is not announced: the chairs
    already know the page is waiting.
    """
    if selectors.is_restart(task_state=task_state):
        return []
    page = task_state.workflow_state.content_object.specific
    approvers = selectors.eligible_approvers(
        task_state=task_state, latest_revision_user_id=task_state.revision.user_id
    )
    recipients = _wanting(approvers, "submitted")
    context = {
        "page": page,
        "task_state": task_state,
        "submitter_name": selectors.display_name(
            task_state.workflow_state.requested_by
        ),
        "hearing": getattr(page, "hearing", None),
        "delivery_address": selectors.delivery_address(page=page),
        "council": _council_name(page),
        "edit_url": mail.admin_url("wagtailadmin_pages:edit", page.pk),
        "preview_url": mail.admin_url(
            "wagtailadmin_pages:workflow_preview", page.pk, task_state.task_id
        ),
        "compare_url": _compare_url(page, task_state.revision_id),
        "lix": _easy_read_lix(page),
    }
    return mail.send_to_users("submitted", context, recipients)


def workflow_state_notify_outcome(*, workflow_state, user, outcome):
    """Tell whoever submitted the page that it was approved or sent back,
    with the chair's comment. outcome is "approved" or "changes_requested"."""
    task_state = selectors.last_task_state(workflow_state=workflow_state)
    page = workflow_state.content_object.specific
    submitters = selectors.workflow_submitter_ids(workflow_state=workflow_state)
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
        "actor_name": selectors.display_name(user),
        "comment": task_state.comment if task_state else "",
        "delivery_address": selectors.delivery_address(page=page),
        "council": _council_name(page),
        "edit_url": mail.admin_url("wagtailadmin_pages:edit", page.pk),
        "public_url": page.full_url if page.live else "",
    }
    return mail.send_to_users(outcome, context, _wanting(users, preference))


def _wanting(users, notification):
    """Users who have not switched this notification off in their account."""
    from wagtail.users.models import UserProfile

    return [
        user
        for user in users
        if getattr(UserProfile.get_for_user(user), f"{notification}_notifications")
    ]


def _council_name(page):
    site = page.get_site()
    return CouncilSettings.for_site(site).name if site else ""


def _compare_url(page, revision_id):
    if not page.live_revision_id:
        return ""
    return mail.admin_url(
        "wagtailadmin_pages:revisions_compare", page.pk, "live", revision_id
    )


def _easy_read_lix(page):
    """The LIX of the page's first easy-read text (see page_protocol)."""
    for name in readability_fields_of(page):
        text = getattr(page, name, "")
        if text:
            return lix(text)
    return None


def workflow_state_is_chair_approval(workflow_state):
    """Whether this workflow state runs a chair-approval task."""
    state = workflow_state.current_task_state
    return state is not None and isinstance(state.task.specific, ChairApprovalTask)
