from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from simple_history.models import HistoricalRecords
from wagtail.models import Orderable

from hearings.history_records import ChildHistoricalRecords
from hearings.validators import validate_hearing_document


class PointsUsed(models.TextChoices):
    TAKEN_UP = "taken_up", _("Taken up")
    PARTLY = "partly", _("Partly taken up")
    NOT_TAKEN_UP = "not_taken_up", _("Not taken up")
    UNKNOWN = "unknown", _("Unknown")


class HearingStatus(models.TextChoices):
    """Where a hearing stands. Never stored: hearings.selectors derives it."""

    RECEIVED = "received", _("Received")
    DRAFTING = "drafting", _("Response being drafted")
    AWAITING_CHAIR = "awaiting_chair", _("Awaiting the chair's approval")
    PUBLISHED = "published", _("Response published")
    DECIDED = "decided", _("Decided by the municipality")
    OVERDUE = "overdue", _("Deadline passed without a published response")


class Hearing(ClusterableModel):
    """A hearing sent to the council by the municipality, and what came of it.

    A plain model, not a page: its facts (deadline, documents, the later
    decision) change without the chair's approval, so it is versioned with
    django-simple-history instead of page revisions. Its status is derived
    (see hearings.selectors), never stored.
    """

    council = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("council"),
        on_delete=models.PROTECT,
        related_name="hearings",
    )
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(
        _("what the hearing is about"),
        blank=True,
        help_text=_("A few plain sentences; shown on the public page."),
    )
    committee = models.CharField(
        _("committee"), max_length=200, help_text=_("The committee that sent it.")
    )
    case_number = models.CharField(
        _("case number"), max_length=60, blank=True, help_text=_("The municipality's.")
    )
    contact_email = models.EmailField(
        _("contact e-mail"), help_text=_("Where the response is to be sent.")
    )
    received_on = models.DateField(_("received on"), default=timezone.localdate)
    deadline = models.DateField(_("deadline"))
    themes = models.ManyToManyField(
        "hearings.Theme", verbose_name=_("themes"), blank=True, related_name="hearings"
    )

    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decision_summary = models.TextField(_("what was decided"), blank=True)
    decision_url = models.URLField(_("link to the decision"), blank=True)
    points_used = models.CharField(
        _("the council's points were"),
        max_length=20,
        choices=PointsUsed.choices,
        default=PointsUsed.UNKNOWN,
    )

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords(m2m_fields=[themes])

    class Meta:
        verbose_name = _("hearing")
        verbose_name_plural = _("hearings")
        ordering = ["deadline", "pk"]
        indexes = [models.Index(fields=["council", "deadline"])]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if self.received_on and self.deadline and self.deadline < self.received_on:
            errors["deadline"] = _("The deadline cannot be before the date received.")
        if self.decided_on and self.received_on and self.decided_on < self.received_on:
            errors["decided_on"] = _(
                "The decision date cannot be before the date received."
            )
        if errors:
            raise ValidationError(errors)


class HearingDocument(Orderable):
    """One of the hearing's documents (høringsmateriale), kept in the
    document library so it is served, permissioned and replaced the Wagtail way."""

    hearing = ParentalKey(Hearing, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    history = ChildHistoricalRecords()

    class Meta(Orderable.Meta):
        verbose_name = _("hearing document")
        verbose_name_plural = _("hearing documents")

    def __str__(self):
        return self.document.title if self.document_id else ""

    def clean(self):
        super().clean()
        if self.document_id:
            validate_hearing_document(self.document)
