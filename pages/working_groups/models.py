"""A council's working groups, their texts and their meetings (imported by
pages.models, so that Django finds them as the pages app's models)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from simple_history.models import HistoricalRecords

from cms.models import where_held
from cms.text_checks import cpr_field_errors


class WorkingGroup(ClusterableModel):
    """A small group of a council's members working on one theme between
    the council's meetings.

    A plain model, versioned with django-simple-history like the council's
    other facts: who is in the group and what it works on change without
    the chairs' approval. Its meetings hang on it (edited in the same form);
    its texts have screens of their own, because members write them.
    """

    council = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("council"),
        on_delete=models.PROTECT,
        related_name="working_groups",
    )
    name = models.CharField(_("name"), max_length=150)
    theme = models.CharField(
        _("theme"),
        max_length=255,
        help_text=_("One plain line on what the group works on. Shown publicly."),
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("members"),
        blank=True,
        related_name="working_groups",
        help_text=_(
            "People of this council only. The public sees the names of those "
            "who chose to be named; the others are counted."
        ),
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("A closed group is no longer listed on the public site."),
    )

    history = HistoricalRecords(m2m_fields=[members])

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "name"], name="pages_workinggroup_council_name"
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        refuse_cpr(self)


class WorkingGroupTextKind(models.TextChoices):
    NOTE = "note", _("Note")
    DRAFT = "draft", _("Draft text for the council")


class WorkingGroupText(models.Model):
    """A note or a draft text of a working group, written by its members
    or the council's secretariat and read by them only (never by another
    council, never by the public). A draft text can become the draft of a
    hearing response (hearings.working_group_drafts)."""

    group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("working group"),
        on_delete=models.CASCADE,
        related_name="texts",
    )
    kind = models.CharField(
        _("kind"),
        max_length=10,
        choices=WorkingGroupTextKind.choices,
        default=WorkingGroupTextKind.NOTE,
    )
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    written_on = models.DateField(_("date"), default=timezone.localdate)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("working group text")
        verbose_name_plural = _("notes and draft texts")
        ordering = ["-written_on", "-pk"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        refuse_cpr(self)


class WorkingGroupMeeting(models.Model):
    """A meeting of a working group, on the council's public calendar: the
    group's name, when, where and what about (never who comes). Its place
    is one of the group's council's (pages.working_groups.forms)."""

    group = ParentalKey(
        WorkingGroup,
        verbose_name=_("working group"),
        on_delete=models.CASCADE,
        related_name="meetings",
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    place = models.ForeignKey(
        "cms.MeetingPlace",
        verbose_name=_("place"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("One of the council's meeting places (kept in its settings)."),
    )
    location = models.CharField(
        _("location"),
        max_length=255,
        blank=True,
        help_text=_("Only for a place that is not on the council's list."),
    )
    about = models.CharField(
        _("what it is about"),
        max_length=255,
        blank=True,
        help_text=_("One plain line. Shown in the public calendar."),
    )

    class Meta:
        verbose_name = _("working group meeting")
        verbose_name_plural = _("working group meetings")
        ordering = ["starts_at", "pk"]

    def __str__(self):
        return f"{self.group} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def where(self):
        """The chosen place's name and address, or the location typed."""
        return where_held(self.place, self.location)

    def clean(self):
        super().clean()
        errors = cpr_field_errors(self, _cpr_message)
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The meeting must end after it starts.")
        if errors:
            raise ValidationError(errors)


def refuse_cpr(instance):
    """Working groups' texts may hold no CPR number: a field-keyed error."""
    errors = cpr_field_errors(instance, _cpr_message)
    if errors:
        raise ValidationError(errors)


def _cpr_message(field, numbers):
    return gettext(
        "%(field)s seems to contain a CPR number (%(number)s). A council's "
        "working groups never keep personal data: remove the number."
    ) % {"field": capfirst(field.verbose_name), "number": ", ".join(numbers)}
