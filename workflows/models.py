import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask

from workflows.approval_policy import approval_blockers, task_states_awaiting
from workflows.forms import RequestChangesForm
from workflows.locks import ChairApprovalLock
from workflows.task_actions import task_state_act


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
        """Whether the user belongs to this task's groups (superusers don't).
        Asked once per task for the user's request: the view, the buttons
        and the approval itself all ask."""
        if not user.is_authenticated:
            return False
        answers = getattr(user, "_chair_task_approver", None)
        if answers is None:
            answers = {}
            user._chair_task_approver = answers
        if self.pk not in answers:
            groups = self.groups.values("pk")
            answers[self.pk] = user.groups.filter(pk__in=groups).exists()
        return answers[self.pk]

    def user_can_access_editor(self, obj, user):
        return user.is_superuser or self.user_is_approver(user)

    def locked_for_user(self, obj, user):
        return not (user.is_superuser or self.user_is_approver(user))

    def get_actions(self, obj, user):
        if not self.user_is_approver(user):
            return []
        actions = [("reject", _("Request changes"), True)]
        if not approval_blockers(obj=obj, user=user):
            actions += [
                ("approve", _("Approve and publish"), False),
                ("approve", _("Approve with comment and publish"), True),
            ]
        return actions

    def get_form_for_action(self, action):
        if action == "reject":
            return RequestChangesForm
        return super().get_form_for_action(action)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if not self.user_is_approver(user):
            return self.task_states.none()
        return task_states_awaiting(task=self, user=user)

    def on_action(self, task_state, user, action_name, **kwargs):
        return task_state_act(
            task=self,
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

    Every council gets workflows with the same names ("Godkendelse af rådets
    sider"), so the name cannot tell them apart; this link is how
    council_create finds the council's own workflow again instead of making a
    second one.
    """

    class Purpose(models.TextChoices):
        COUNCIL_PAGES = "council_pages", _("The council's pages")

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


class PersonalLink(models.Model):
    """A council member's personal link to one draft: read it and comment,
    without an admin login.

    Some members will never manage a password and a second factor; the
    secretariat sends them this instead (by e-mail or on paper, as a QR
    code). The address carries the link's random key signed with the
    project's SECRET_KEY (workflows.personal_links), so it cannot be guessed
    or altered; this row is what makes it expire and lets the secretariat
    revoke it. It opens one page of one council for one member, and only
    while that member is still an active member of that council.
    """

    class Delivery(models.TextChoices):
        EMAIL = "email", _("By e-mail")
        PAPER = "paper", _("On paper, as a QR code")

    key = models.UUIDField(_("key"), default=uuid.uuid4, unique=True, editable=False)
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("council"),
        on_delete=models.CASCADE,
        related_name="personal_links",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="personal_links",
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="personal_links",
    )
    delivery = models.CharField(_("delivery"), max_length=10, choices=Delivery.choices)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    expires_at = models.DateTimeField(_("valid until"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("personal link")
        verbose_name_plural = _("personal links")
        ordering = ["expires_at", "pk"]

    def __str__(self):
        return f"{self.member} – {self.page_id}"


class PersonalLinkComment(models.Model):
    """Which of a page's comments came through a personal link: the record
    the comment's marker in the editor (its first line) is written from,
    kept apart from the text a person can edit."""

    comment = models.OneToOneField(
        "wagtailcore.Comment",
        verbose_name=_("comment"),
        on_delete=models.CASCADE,
        # Hidden from Comment: Wagtail saves a comment's fields by listing
        # them all (Comment.save), and a visible reverse relation is no field.
        related_name="+",
    )
    link = models.ForeignKey(
        PersonalLink,
        verbose_name=_("personal link"),
        on_delete=models.CASCADE,
        related_name="comments",
    )

    class Meta:
        verbose_name = _("comment given by personal link")
        verbose_name_plural = _("comments given by personal link")

    def __str__(self):
        return f"{self.link_id} – {self.comment_id}"
