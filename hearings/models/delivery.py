from django.db import models
from django.utils.translation import gettext_lazy as _


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
        indexes = [
            models.Index(
                fields=["status", "created_at"], name="delivery_status_created_idx"
            )
        ]

    def __str__(self):
        return f"{self.page_id} → {self.recipient} ({self.status})"
