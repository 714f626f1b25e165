from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, CharField, Exists, OuterRef, Prefetch, Value, When
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from simple_history.models import HistoricalRecords
from wagtail.models import Orderable, Page, WorkflowState

from cms.text_checks import cpr_field_errors
from hearings.history_records import ChildHistoricalRecords
from hearings.models.themes import themes_for_display
from hearings.validators import validate_hearing_document


class PointsUsed(models.TextChoices):
    TAKEN_UP = "taken_up", _("Taken up")
    PARTLY = "partly", _("Partly taken up")
    NOT_TAKEN_UP = "not_taken_up", _("Not taken up")
    UNKNOWN = "unknown", _("Unknown")


class HearingStatus(models.TextChoices):
    """Where a hearing stands. Never stored: status_expression derives it."""

    RECEIVED = "received", _("Received")
    DRAFTING = "drafting", _("Response being drafted")
    AWAITING_CHAIR = "awaiting_chair", _("Awaiting the chair's approval")
    PUBLISHED = "published", _("Response published")
    DECIDED = "decided", _("Decided by the municipality")
    OVERDUE = "overdue", _("Deadline passed without a published response")


# A hearing's own fields, as the municipality sent them and the council
# recorded the outcome: what a version of it holds, what its inspect view
# shows. Its council (fixed) and documents (their own history) are apart.
HEARING_FIELDS = (
    "title",
    "summary",
    "municipal_committee",
    "committee",
    "case_number",
    "contact_email",
    "received_on",
    "deadline",
    "decided_on",
    "decision_summary",
    "decision_url",
    "points_used",
)


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
    municipal_committee = models.ForeignKey(
        "cms.MunicipalCommittee",
        verbose_name=_("committee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hearings",
        help_text=_(
            "The committee that sent it, from the council's list (the "
            "council's settings keep the list)."
        ),
    )
    # The committee's name as the hearing came (kept when the list changes),
    # or typed for a committee not on the list.
    committee = models.CharField(
        _("committee's name"),
        max_length=200,
        blank=True,
        help_text=_(
            "Only for a committee that is not on the list: its name. A "
            "committee chosen above gives its own name."
        ),
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
        errors = self._committee_errors()
        errors.update(self._cpr_errors())
        if self.received_on and self.deadline and self.deadline < self.received_on:
            errors["deadline"] = _("The deadline cannot be before the date received.")
        if self.decided_on and self.received_on and self.decided_on < self.received_on:
            errors["decided_on"] = _(
                "The decision date cannot be before the date received."
            )
        if errors:
            raise ValidationError(errors)

    def outcome_in_plain_words(self):
        """One easy-read line on what the decision means for the council's
        points, or "" while that is not known."""
        return {
            PointsUsed.TAKEN_UP: _("The municipality did what the council asked."),
            PointsUsed.PARTLY: _(
                "The municipality did some of what the council asked."
            ),
            PointsUsed.NOT_TAKEN_UP: _(
                "The municipality did not do what the council asked."
            ),
        }.get(self.points_used, "")

    def _committee_errors(self):
        """The committee is one of the council's own, whose name the hearing
        takes, or a name typed for one that is not on the list."""
        committee = self.municipal_committee
        if committee is None:
            if self.committee.strip():
                return {}
            return {
                "committee": _("Choose the committee from the list, or type its name.")
            }
        if committee.council_settings.site_id != self.council_id:
            return {
                "municipal_committee": _("Choose one of this council's committees.")
            }
        self.committee = committee.name
        return {}

    def _cpr_errors(self):
        """A hearing is public the moment it is saved (the home page, the
        calendar feed, the response's page), with no approval in between,
        so none of its texts may seem to hold a CPR number."""
        return cpr_field_errors(self, _cpr_message)


def _cpr_message(field, numbers):
    return gettext(
        "%(field)s seems to contain a CPR number (%(number)s). A hearing is "
        "public as soon as it is saved, so it may hold no personal data: "
        "remove the number."
    ) % {"field": capfirst(field.verbose_name), "number": ", ".join(numbers)}


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


def status_expression(*, today=None):
    """The one derivation of a hearing's status, as a database expression.

    decided wins (the case is closed); then a live response; then a passed
    deadline; then a response in the chair's workflow; then any draft.
    """
    # The response model through the relation (hearings.models.response
    # imports this module, so it cannot be imported here).
    response_model = Hearing._meta.get_field("responses").related_model
    responses = response_model.objects.filter(hearing=OuterRef("pk"))
    in_workflow = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=OuterRef("pk_text"),
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    responses_in_workflow = responses.annotate(
        pk_text=Cast("pk", CharField(max_length=255))
    ).filter(Exists(in_workflow))
    return Case(
        When(decided_on__isnull=False, then=Value(HearingStatus.DECIDED.value)),
        When(
            Exists(responses.filter(live=True)),
            then=Value(HearingStatus.PUBLISHED.value),
        ),
        When(
            deadline__lt=today or timezone.localdate(),
            then=Value(HearingStatus.OVERDUE.value),
        ),
        When(
            Exists(responses_in_workflow),
            then=Value(HearingStatus.AWAITING_CHAIR.value),
        ),
        When(Exists(responses), then=Value(HearingStatus.DRAFTING.value)),
        default=Value(HearingStatus.RECEIVED.value),
        output_field=CharField(),
    )


def hearings_for_public_page():
    """Hearings with what their public pages show: the status, the themes
    in the reader's language and the documents."""
    return Hearing.objects.annotate(status=status_expression()).prefetch_related(
        Prefetch("themes", queryset=themes_for_display()),
        Prefetch(
            "documents", queryset=HearingDocument.objects.select_related("document")
        ),
    )
