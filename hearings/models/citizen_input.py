from django.db import models
from django.utils.translation import gettext_lazy as _


class CitizenInput(models.Model):
    """What someone outside the council sent it about an open hearing
    ("Skriv til rådet"): material for the secretary's draft, never published.

    Personal data that must really go when its time is up (see
    hearings.citizen_input.services.citizen_inputs_expired_delete), so it has
    no django-simple-history: a history table would keep every text, name
    and address after the row itself is deleted. It is not a page either,
    so no revisions keep it.
    """

    hearing = models.ForeignKey(
        "hearings.Hearing",
        verbose_name=_("hearing"),
        on_delete=models.CASCADE,
        related_name="citizen_inputs",
    )
    text = models.TextField(_("what they wrote"))
    name = models.CharField(_("name"), max_length=200, blank=True)
    contact = models.CharField(
        _("e-mail or phone"),
        max_length=200,
        blank=True,
        help_text=_("Only for the council to answer; never public."),
    )
    language = models.CharField(_("language"), max_length=10, blank=True)
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        verbose_name = _("input from a citizen")
        verbose_name_plural = _("input from citizens")
        ordering = ["received_at", "pk"]

    def __str__(self):
        return f"{self.hearing_id}: {self.received_at:%Y-%m-%d %H:%M}"
