from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask

from workflows.locks import ChairApprovalLock


class ChairApprovalTask(AbstractGroupApprovalTask):
    """Approval by a council's chairs (chair and vice-chair), with four eyes.

    Wagtail's group approval lets any member of the group, and any superuser,
    approve anything, their own draft included, and publishes with the
    approver's publish permission. A response speaks in the council's name, so
    here only the chairs of the owning council may approve, never a version
    they submitted or wrote themselves and never one that seems to hold a CPR
    number; the approval itself is what publishes.
    """

    lock_class = ChairApprovalLock

    class Meta:
        verbose_name = _("chair approval task")
        verbose_name_plural = _("chair approval tasks")

    def user_is_approver(self, user):
        """Whether the user belongs to this task's groups (superusers don't)."""
        return user.is_authenticated and self._user_in_groups(user)

    def user_can_access_editor(self, obj, user):
        return user.is_superuser or self.user_is_approver(user)

    def locked_for_user(self, obj, user):
        return not (user.is_superuser or self.user_is_approver(user))

    def get_actions(self, obj, user):
        from workflows import selectors

        if not self.user_is_approver(user):
            return []
        actions = [("reject", _("Request changes"), True)]
        if not selectors.approval_blockers(obj=obj, user=user):
            actions += [
                ("approve", _("Approve and publish"), False),
                ("approve", _("Approve with comment and publish"), True),
            ]
        return actions

    def get_form_for_action(self, action):
        from workflows.forms import RequestChangesForm

        if action == "reject":
            return RequestChangesForm
        return super().get_form_for_action(action)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        from workflows import selectors

        if not self.user_is_approver(user):
            return self.task_states.none()
        return selectors.task_states_awaiting(task=self, user=user)

    def on_action(self, task_state, user, action_name, **kwargs):
        from workflows import services

        return services.task_state_act(
            task_state=task_state,
            user=user,
            action=action_name,
            comment=kwargs.get("comment", ""),
        )

    @classmethod
    def get_description(cls):
        return _(
            "A chair or vice-chair of the council approves, which publishes; "
            "nobody approves their own work."
        )


class CouncilWorkflow(models.Model):
    """Which of the installation's workflows is a given council's, and for what.

    Every council gets workflows with the same names ("Godkendelse af
    høringssvar"), so the name cannot tell them apart; this link is how
    council_create finds the council's own workflow again instead of making a
    second one.
    """

    class Purpose(models.TextChoices):
        HEARING_RESPONSES = "hearing_responses", _("Hearing responses")

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("council"),
        on_delete=models.CASCADE,
        related_name="council_workflows",
    )
    purpose = models.CharField(_("purpose"), max_length=40, choices=Purpose.choices)
    workflow = models.OneToOneField(
        "wagtailcore.Workflow",
        verbose_name=_("workflow"),
        on_delete=models.CASCADE,
        related_name="council_workflow",
    )

    class Meta:
        verbose_name = _("council workflow")
        verbose_name_plural = _("council workflows")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "purpose"], name="unique_council_workflow_purpose"
            )
        ]

    def __str__(self):
        return f"{self.site} – {self.get_purpose_display()}"


class ResponseDelivery(models.Model):
    """An approved response sent by e-mail to whoever asked for it.

    The row is written in the same transaction as the approval, and the mail
    goes out only after that commits; a mail server that is down leaves a
    failed row that the retry command picks up, so a response is never
    approved without being delivered, nor delivered without being approved.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Sending failed")

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="response_deliveries",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("approved revision"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recipient = models.EmailField(_("recipient"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("response delivery")
        verbose_name_plural = _("response deliveries")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"{self.page_id} → {self.recipient} ({self.status})"


class DeadlineReminder(models.Model):
    """A deadline reminder that has been sent, so it is never sent twice.

    Keyed by the deadline it was about: if the municipality extends the
    deadline, the new deadline earns its own reminders.
    """

    class Kind(models.TextChoices):
        WEEK = "week", _("One week before the deadline")
        TWO_DAYS = "two_days", _("Two days before the deadline")
        OVERDUE = "overdue", _("Deadline passed")

    hearing = models.ForeignKey(
        "hearings.Hearing",
        verbose_name=_("hearing"),
        on_delete=models.CASCADE,
        related_name="deadline_reminders",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    deadline = models.DateField(_("deadline"))
    recipient_count = models.PositiveSmallIntegerField(_("recipients"), default=0)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("deadline reminder")
        verbose_name_plural = _("deadline reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["hearing", "kind", "deadline"],
                name="unique_deadline_reminder",
            )
        ]

    def __str__(self):
        return f"{self.hearing_id} {self.kind} {self.deadline}"
