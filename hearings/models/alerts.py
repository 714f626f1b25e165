import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ResponseAlertSubscription(models.Model):
    """A reader's wish for an e-mail when their council publishes a response.

    No account: the address is the only personal data, kept for this alone,
    so the row is really deleted on unsubscribe (no history is recorded, and
    nothing else stores the address). A row counts only once the reader has
    confirmed through the link mailed to the address (double opt-in);
    unconfirmed rows are deleted when their link expires. ``key`` is the
    secret the mailed links sign, never the guessable primary key.
    """

    council = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("council"),
        on_delete=models.CASCADE,
        related_name="response_alert_subscriptions",
    )
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(_("language"), max_length=10)
    themes = models.ManyToManyField(
        "hearings.Theme",
        verbose_name=_("themes"),
        blank=True,
        related_name="+",
        help_text=_("None: every new response."),
    )
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("response alert subscription")
        verbose_name_plural = _("response alert subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["council", "email"],
                condition=Q(confirmed_at__isnull=False),
                name="one_confirmed_alert_per_council_and_address",
            )
        ]

    def __str__(self):
        return f"{self.council_id}: {self.pk}"


class ResponseAlertSent(models.Model):
    """That one subscriber was told about one response (all its language
    versions share the translation key): never a second mail for it, however
    often the response or its translation is published again."""

    subscription = models.ForeignKey(
        ResponseAlertSubscription, on_delete=models.CASCADE, related_name="sent"
    )
    response_key = models.UUIDField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("response alert sent")
        verbose_name_plural = _("response alerts sent")
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "response_key"],
                name="one_alert_per_response_and_subscriber",
            )
        ]

    def __str__(self):
        return f"{self.subscription_id}: {self.response_key}"
