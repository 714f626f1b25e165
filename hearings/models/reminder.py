from django.db import models
from django.utils.translation import gettext_lazy as _


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
