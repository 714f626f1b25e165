from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page, Site, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.models import where_held
from cms.site_parts import KnownTranslationMixin
from cms.slugs import AsciiSlugMixin, ascii_slug_input
from cms.text_checks import cpr_field_errors
from pages.annual_plans.year import plan_context
from pages.attendance import public_attendance
from pages.blocks import BodyBlock, NonAccessibleContentBlock
from pages.contributions import YearItem, rendered_home_sections
from pages.forms import AnnualPlanPageForm, MeetingMinutesPageForm, MeetingPageForm
from pages.printing import meeting_poster
from pages.routing import KnownViewRestrictionsMixin, RememberedRouteMixin
from pages.word_forms import FORMS_FIELD, index_forms, page_texts
from workflows.forms import GuardedPageForm


def original_publication():
    """When a page first went live in any of its languages: a translation
    keeps the date its original was published, not the day it was translated
    (an expression, so lists annotate it in their one query)."""
    return Subquery(
        Page.objects.filter(
            translation_key=OuterRef("translation_key"),
            first_published_at__isnull=False,
        )
        .order_by("first_published_at")
        .values("first_published_at")[:1]
    )


class BasePage(KnownViewRestrictionsMixin, AsciiSlugMixin, Page):
    """Shared shape of every Talerør page.

    Panel fragments are named so page types compose their editor from the
    same parts instead of repeating them, and every page gets a plain-text
    introduction that listings and search results can show. The slug is
    kept the same in every language (wagtail-localize would translate it),
    so /en/ mirrors the Danish paths, and always plain ASCII (cms.slugs), so
    an address on a poster can be typed.
    """

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two short sentences shown at the top and in lists."),
    )

    intro_panels = [FieldPanel("introduction")]
    content_panels = Page.content_panels + intro_panels
    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug", widget=ascii_slug_input()),
                "seo_title",
                "search_description",
            ],
            _("For search engines"),
        ),
        MultiFieldPanel(["show_in_menus"], _("For site menus")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField(FORMS_FIELD),
    ]
    override_translatable_fields = [SynchronizedField("slug", overridable=False)]
    # Refuses to submit, approve or publish text holding a CPR number.
    base_form_class = GuardedPageForm
    # The approval workflow's protocol (workflows.page_protocol): text fields
    # written in easy-read language, whose LIX the editor and chairs see.
    readability_fields = ()
    # Other fields whose LIX the editor and the chairs' mail give.
    lix_reported_fields = ()
    # Easy-read fields of the page's inline rows (e.g. an agenda item's
    # easy-read line): the editor's live meter measures them too.
    readability_row_fields = ()

    @cached_property
    def original_published_at(self):
        """The page's publication date as readers are told it; lists set it
        by annotating original_publication() under this name."""
        if self.first_published_at is None:
            return None
        return (
            Page.objects.filter(pk=self.pk)
            .annotate(original=original_publication())
            .values_list("original", flat=True)
            .first()
        ) or self.first_published_at

    def approval_mail_notes(self, *, event):
        """What the workflow's mails say about this page besides its title
        (see workflows.page_protocol); nothing for most page types."""
        return []

    def danish_word_forms(self):
        """The stems and compound heads of the page's searchable words, an
        indexed field of its own (pages.word_forms)."""
        return index_forms(page_texts(self))

    class Meta:
        abstract = True


class HomePage(KnownTranslationMixin, RememberedRouteMixin, BasePage):
    """The front page of one council's site; the root of its tree."""

    body = RichTextField(_("welcome text"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("body")]

    parent_page_types = ["cms.CouncilRootPage"]
    subpage_types = [
        "hearings.HearingIndexPage",
        "pages.MeetingIndexPage",
        "pages.ContentPage",
        "pages.AccessibilityStatementPage",
        "pages.AnnualPlanPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("council home page")
        verbose_name_plural = _("council home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site = Site.find_for_request(request)
        context["home_sections"] = rendered_home_sections(
            site_root=self, site=site, request=request
        )
        return context


class ContentPage(BasePage):
    """Ordinary pages: about the council, its policy, how to get in touch."""

    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["pages.HomePage", "pages.ContentPage"]
    subpage_types = ["pages.ContentPage"]
    show_in_menus_default = True

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")


class MeetingIndexPage(BasePage):
    """Lists the council's meetings, next first."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.MeetingPage"]
    max_count_per_parent = 1
    show_in_menus_default = True

    class Meta:
        verbose_name = _("meeting index")
        verbose_name_plural = _("meeting indexes")

    def live_meetings(self):
        """The live meetings listed here. On a translated site, meetings not
        yet translated are listed too, from the council's own language
        (their .locale tells templates to mark them lang and say so), so the
        English site never claims that no meetings are planned."""
        own = MeetingPage.objects.child_of(self).live()
        source = self.get_translation_or_none(Locale.get_default())
        listed = Q(pk__in=own.values("pk"))
        if source is not None and source.pk != self.pk:
            untranslated = (
                MeetingPage.objects.child_of(source)
                .live()
                .exclude(translation_key__in=own.values("translation_key"))
            )
            listed |= Q(pk__in=untranslated.values("pk"))
        return MeetingPage.objects.filter(listed).select_related("locale", "place")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        meetings = self.live_meetings()
        now = timezone.now()
        context["upcoming_meetings"] = meetings.filter(starts_at__gte=now).order_by(
            "starts_at"
        )
        context["past_meetings"] = meetings.filter(starts_at__lt=now).order_by(
            "-starts_at"
        )
        return context


# The agenda item's hearing response, named as a string: pages must not
# import hearings (the layers in pyproject.toml); hearings shows the link back.
HEARING_RESPONSE_PAGE_TYPE = "hearings.HearingResponsePage"


class MeetingPage(RoutablePageMixin, BasePage):
    """One council meeting and its agenda.

    The minutes are a page of their own under the meeting
    (MeetingMinutesPage), so the agenda and the minutes each go through the
    chairs' approval on their own: approving one never publishes a waiting
    change of the other.
    """

    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(
        _("ends at"),
        null=True,
        blank=True,
        help_text=_("Optional. Calendar programs show the meeting until then."),
    )
    place = models.ForeignKey(
        "cms.MeetingPlace",
        verbose_name=_("place"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "One of the council's meeting places (kept in the council's "
            "settings). Its page says how to get there and get in."
        ),
    )
    location = models.CharField(
        _("location"),
        max_length=255,
        blank=True,
        help_text=_("Only for a place that is not on the council's list."),
    )
    public_may_attend = models.BooleanField(
        _("open to the public"),
        null=True,
        blank=True,
        default=None,
        help_text=_("Whether anyone may come and listen. Unknown: not said."),
    )
    remote_participation = models.TextField(
        _("taking part by phone or video"),
        blank=True,
        help_text=_(
            "How to take part without coming: a phone number to call, a "
            "meeting code, who to ask."
        ),
    )
    remote_url = models.URLField(
        _("link to the video meeting"),
        blank=True,
        help_text=_("Optional. The address to open to join by video."),
    )
    agenda = StreamField(
        BodyBlock(),
        verbose_name=_("about the agenda"),
        blank=True,
        help_text=_("Optional text shown before the agenda items."),
    )
    # Written before the minutes had a page of their own: migration 0006
    # moved them to one (MeetingMinutesPage) and emptied them here.
    minutes = StreamField(
        BodyBlock(), verbose_name=_("minutes"), blank=True, editable=False
    )
    easy_read_minutes = models.TextField(
        _("easy-read minutes"), blank=True, editable=False
    )
    readability_row_fields = ("easy_read_line",)

    meeting_panels = [
        MultiFieldPanel(
            [
                FieldPanel("starts_at"),
                FieldPanel("ends_at"),
                FieldPanel("place"),
                FieldPanel("location"),
                FieldPanel("public_may_attend"),
            ],
            heading=_("Meeting"),
        ),
        MultiFieldPanel(
            [FieldPanel("remote_participation"), FieldPanel("remote_url")],
            heading=_("By phone or video"),
        ),
    ]
    content_panels = (
        BasePage.content_panels
        + meeting_panels
        + [
            FieldPanel("agenda"),
            InlinePanel(
                "agenda_items", heading=_("Agenda items"), label=_("Agenda item")
            ),
        ]
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("agenda"),
        index.SearchField("remote_participation"),
        index.RelatedFields(
            "agenda_items",
            [index.SearchField("title"), index.SearchField("easy_read_line")],
        ),
        index.FilterField("starts_at"),
    ]

    # The place is chosen among the council's own (pages.forms).
    base_form_class = MeetingPageForm

    @path("opslag/", name="poster")
    def poster(self, request):
        """The A4 poster ("Opslag") of this meeting, for the notice board."""
        return meeting_poster(request, self)

    @property
    def where(self):
        """Where the meeting is, in one line: the chosen place's name and
        address, or the location typed for a place not on the list."""
        return where_held(self.place, self.location)

    @cached_property
    def live_minutes(self):
        """The meeting's published minutes, or None. On a translated site,
        the original's minutes while this meeting's are not translated."""
        minutes = MeetingMinutesPage.objects.child_of(self).live().first()
        source = self.get_translation_or_none(Locale.get_default())
        if minutes is None and source is not None and source.pk != self.pk:
            minutes = MeetingMinutesPage.objects.child_of(source).live().first()
        return minutes

    parent_page_types = ["pages.MeetingIndexPage"]
    subpage_types = ["pages.MeetingMinutesPage"]

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["agenda_items"] = self.agenda_items.select_related("hearing_response")
        context["minutes_page"] = self.live_minutes
        return context

    def clean(self):
        super().clean()
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError(
                {"ends_at": _("The meeting must end after it starts.")}
            )


def is_hearing_response(page):
    """Whether page is a hearing response (known by name, see above)."""
    app_label, model = HEARING_RESPONSE_PAGE_TYPE.lower().split(".")
    content_type = page.content_type
    return (content_type.app_label, content_type.model) == (app_label, model)


class MeetingAgendaItem(TranslatableMixin, Orderable):
    """One item on a meeting's agenda.

    A row of the meeting page (a ParentalKey), so it is saved in the page's
    revisions and approved with the agenda; translated with the page.
    """

    page = ParentalKey(
        MeetingPage, on_delete=models.CASCADE, related_name="agenda_items"
    )
    title = models.CharField(_("title"), max_length=255)
    easy_read_line = models.TextField(
        _("in easy-read language"),
        max_length=300,
        blank=True,
        help_text=_("One short sentence in everyday words about the item."),
    )
    attachments = StreamField(
        [("document", DocumentChooserBlock(label=_("Document")))],
        verbose_name=_("attachments"),
        blank=True,
        help_text=_("Documents of the council's own collection."),
    )
    requested_by = models.CharField(
        _("asked for by"),
        max_length=255,
        blank=True,
        help_text=_("Who asked for the item: a member, the municipality, …"),
    )
    hearing_response = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("hearing response"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. The council's response the item is about."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("easy_read_line", widget=forms.Textarea(attrs={"rows": 2})),
        FieldPanel("requested_by"),
        PageChooserPanel("hearing_response", page_type=HEARING_RESPONSE_PAGE_TYPE),
        FieldPanel("attachments"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        response = self.hearing_response
        if response is not None and not is_hearing_response(response):
            raise ValidationError(
                {"hearing_response": _("Choose one of the council's responses.")}
            )


class MeetingMinutesPage(BasePage):
    """The minutes of one meeting: what was decided on each agenda item and
    any dissent, the easy-read minutes, and who took part.

    A page of its own under the meeting, so the chairs approve the minutes
    on their own, after the meeting, without republishing the agenda.
    """

    easy_read_minutes = models.TextField(
        _("easy-read minutes"),
        blank=True,
        help_text=_("Short sentences and everyday words. Shown first."),
    )
    minutes = StreamField(
        BodyBlock(),
        verbose_name=_("other notes"),
        blank=True,
        help_text=_("Optional: anything else the minutes say."),
    )
    readability_fields = ("easy_read_minutes",)

    content_panels = BasePage.content_panels + [
        FieldPanel("easy_read_minutes"),
        InlinePanel(
            "decisions",
            heading=pgettext_lazy("meeting minutes", "Decisions"),
            label=pgettext_lazy("meeting minutes", "Decision"),
        ),
        FieldPanel("minutes"),
        InlinePanel("attendance", heading=_("Attendance"), label=_("Member")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("easy_read_minutes"),
        index.SearchField("minutes"),
        index.RelatedFields(
            "decisions", [index.SearchField("decision"), index.SearchField("dissent")]
        ),
    ]
    # Agenda items of the meeting, members of the council (pages.forms).
    base_form_class = MeetingMinutesPageForm

    parent_page_types = ["pages.MeetingPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    @cached_property
    def meeting(self):
        return self.get_parent().specific

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["meeting"] = self.meeting
        context["decisions"] = self.decisions.select_related("agenda_item")
        context["attendance"] = public_attendance(self.attendance.all())
        return context


class MinutesDecision(TranslatableMixin, Orderable):
    """What the council decided on one agenda item, and any dissent
    (mindretalsudtalelse): good practice records both in the minutes."""

    page = ParentalKey(
        MeetingMinutesPage, on_delete=models.CASCADE, related_name="decisions"
    )
    agenda_item = models.ForeignKey(
        MeetingAgendaItem,
        verbose_name=_("agenda item"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("One of the meeting's published agenda items."),
    )
    decision = models.TextField(pgettext_lazy("meeting minutes", "decision"))
    dissent = models.TextField(
        _("dissent"),
        blank=True,
        help_text=_("Optional. A minority's own statement, as they want it said."),
    )

    panels = ["agenda_item", "decision", "dissent"]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = pgettext_lazy("meeting minutes", "decision")
        verbose_name_plural = pgettext_lazy("meeting minutes", "decisions")


class Attendance(models.TextChoices):
    PRESENT = "present", _("present")
    PHONE = "phone", _("by phone")
    VIDEO = "video", _("by video")
    ABSENT = "absent", _("absent")


class MinutesAttendance(Orderable):
    """Whether one council member took part in the meeting, and how. Shown
    publicly by name only for members who chose to be named."""

    page = ParentalKey(
        MeetingMinutesPage, on_delete=models.CASCADE, related_name="attendance"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    status = models.CharField(
        _("attendance"),
        max_length=10,
        choices=Attendance.choices,
        default=Attendance.PRESENT,
    )

    panels = ["member", "status"]

    class Meta(Orderable.Meta):
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")


class AnnualPlanPage(BasePage):
    """The council's year on one page (årshjul): its own entries, such as
    the municipality's budget milestones, beside the year's meetings and
    hearing deadlines, which it reads from where they are kept. One page per
    year (AnnualPlanPageForm), so last year's plan stays as it was."""

    year = models.PositiveSmallIntegerField(
        _("year"),
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text=_("The calendar year the plan covers. One plan per year."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("year"),
        InlinePanel("entries", heading=_("The year's entries"), label=_("entry")),
    ]
    search_fields = BasePage.search_fields + [index.FilterField("year")]
    base_form_class = AnnualPlanPageForm

    parent_page_types = ["pages.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("annual plan")
        verbose_name_plural = _("annual plans")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site = Site.find_for_request(request)
        context.update(plan_context(self, site=site, request=request))
        return context

    def meetings(self):
        """The live meetings of the plan's year, listed by its home page's
        meeting index (the plan of one council never shows another's)."""
        index = MeetingIndexPage.objects.child_of(self.get_parent()).live().first()
        if index is None:
            return MeetingPage.objects.none()
        return index.live_meetings().filter(starts_at__year=self.year)

    def other_plans(self):
        """The council's other live annual plans, the newest year first."""
        plans = AnnualPlanPage.objects.sibling_of(self, inclusive=False)
        return plans.live().order_by("-year")


class AnnualPlanEntryKind(models.TextChoices):
    """What an entry of the annual plan is; a budget milestone is a window
    for influence, and the public page marks it so."""

    COUNCIL_EVENT = "council_event", _("the council's own event")
    BUDGET = "budget", _("municipal budget: a window for influence")
    OTHER = "other", _("other")


class AnnualPlanEntry(TranslatableMixin, Orderable):
    """One thing the secretariat puts on the year's plan: a day or a period,
    in the editors' order. Translatable with its page (wagtail-localize)."""

    page = ParentalKey(AnnualPlanPage, on_delete=models.CASCADE, related_name="entries")
    title = models.CharField(_("title"), max_length=120)
    starts_on = models.DateField(_("start date"))
    ends_on = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Only for a period.")
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=AnnualPlanEntryKind.choices,
        default=AnnualPlanEntryKind.COUNCIL_EVENT,
    )
    description = models.CharField(
        _("in one line"),
        max_length=200,
        blank=True,
        help_text=_("One short sentence in plain Danish: what happens, and why."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("starts_on"),
        FieldPanel("ends_on"),
        FieldPanel("kind"),
        FieldPanel("description"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("annual plan entry")
        verbose_name_plural = _("annual plan entries")

    def __str__(self):
        return self.title

    @property
    def is_influence_window(self):
        return self.kind == AnnualPlanEntryKind.BUDGET

    def year_item(self):
        return YearItem(
            starts_on=self.starts_on,
            title=self.title,
            kind=self.kind,
            ends_on=self.ends_on,
            description=self.description,
        )

    def clean(self):
        super().clean()
        errors = cpr_field_errors(self, _entry_cpr_message)
        errors.update(self._date_errors())
        if errors:
            raise ValidationError(errors)

    def _date_errors(self):
        """{field: message} for an end before the start (the plan's form
        checks that both fall in the plan's year: a new plan has no year
        here yet)."""
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            return {"ends_on": _("The end date cannot come before the start date.")}
        return {}


def _entry_cpr_message(field, numbers):
    return _(
        "%(field)s seems to contain a CPR number (%(number)s). The annual plan "
        "is public: remove the number."
    ) % {"field": capfirst(field.verbose_name), "number": ", ".join(numbers)}


class ComplianceStatus(models.TextChoices):
    """The three answers the EU model accessibility statement allows."""

    FULL = "full", _("fully compliant")
    PARTIAL = "partial", _("partially compliant")
    NONE = "none", _("not compliant")


class AssessmentMethod(models.TextChoices):
    SELF = "self", _("a self-assessment")
    THIRD_PARTY = "third_party", _("an assessment by a third party")


class AccessibilityStatementPage(BasePage):
    """The council's accessibility statement (tilgængelighedserklæring).

    Danish law (webtilgængelighedsloven) requires one per website, with the
    sections of the EU model statement. Each is a field here, so an editor
    cannot leave one out, and the contact details fall back to the council's.
    """

    compliance_status = models.CharField(
        _("compliance status"),
        max_length=20,
        choices=ComplianceStatus.choices,
        default=ComplianceStatus.PARTIAL,
    )
    standard = models.CharField(
        _("standard"), max_length=100, default="WCAG 2.1, niveau AA"
    )
    non_accessible_content = StreamField(
        [("item", NonAccessibleContentBlock())],
        verbose_name=_("content that is not accessible"),
        blank=True,
    )
    prepared_on = models.DateField(
        _("statement prepared on"), default=timezone.localdate
    )
    reviewed_on = models.DateField(_("last reviewed on"), null=True, blank=True)
    assessment_method = models.CharField(
        _("assessed by"),
        max_length=20,
        choices=AssessmentMethod.choices,
        default=AssessmentMethod.SELF,
    )
    assessment_details = models.TextField(
        _("how the site was assessed"),
        blank=True,
        help_text=_("For example: which pages were checked, and with which tools."),
    )
    feedback_email = models.EmailField(
        _("feedback e-mail"),
        blank=True,
        help_text=_("Leave empty to use the council's e-mail."),
    )
    feedback_phone = models.CharField(
        _("feedback phone"),
        max_length=30,
        blank=True,
        help_text=_("Leave empty to use the council's phone number."),
    )
    feedback_response_time = models.CharField(
        _("when we answer"),
        max_length=200,
        blank=True,
        help_text=_("For example: within ten working days."),
    )
    enforcement_url = models.URLField(
        _("complaints link (Digitaliseringsstyrelsen)"),
        default="https://digst.dk/",
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("compliance_status"), FieldPanel("standard")],
            heading=_("Compliance status"),
        ),
        FieldPanel("non_accessible_content"),
        MultiFieldPanel(
            [
                FieldPanel("prepared_on"),
                FieldPanel("reviewed_on"),
                FieldPanel("assessment_method"),
                FieldPanel("assessment_details"),
            ],
            heading=_("Preparation of this statement"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("feedback_email"),
                FieldPanel("feedback_phone"),
                FieldPanel("feedback_response_time"),
            ],
            heading=_("Feedback and contact information"),
        ),
        FieldPanel("enforcement_url"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("non_accessible_content")
    ]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")

    def clean(self):
        super().clean()
        reviewed, prepared = self.reviewed_on, self.prepared_on
        if reviewed and prepared and reviewed < prepared:
            raise ValidationError(
                {"reviewed_on": _("A review cannot come before the statement.")}
            )


class SearchWord(models.Model):
    """One word a page of a council uses, kept while the page is live.

    A search that finds nothing suggests a close spelling from the words of
    the council's own live, public pages ("Mente du: …?"). Wagtail's index
    cannot list its words alike on both databases (PostgreSQL keeps only
    stems), so the words are kept here, refreshed whenever the page's live
    content is saved (pages.receivers) and deleted with the page.
    """

    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    word = models.CharField(_("word"), max_length=40)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "word"], name="pages_searchword_page_word_unique"
            )
        ]

    def __str__(self):
        return self.word


class MeetingReminder(models.Model):
    """One reminder to one person about one meeting, by one channel.

    Recorded before it is sent and unique per meeting, person, channel and
    kind, so two runs of the daily command (or two at once) never send it
    twice; a failed send keeps its error and is tried again on the next run,
    a bounded number of times, and the secretariat sees it in the admin. The
    phone number is never copied here: it is read from the person's profile
    when the message goes out, so a deleted number stops the text messages.
    """

    class Kind(models.TextChoices):
        DAY_BEFORE = "day_before", _("The day before")
        SAME_DAY = "same_day", _("On the day")
        AGENDA_LATE = "agenda_late", _("Agenda not published in time")

    class Channel(models.TextChoices):
        EMAIL = "email", _("E-mail")
        SMS = "sms", _("Text message")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Not sent: no longer wanted")

    meeting = models.ForeignKey(
        MeetingPage,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="meeting_reminders",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    channel = models.CharField(_("channel"), max_length=5, choices=Channel.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("meeting reminder")
        verbose_name_plural = _("meeting reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user", "channel", "kind"],
                name="unique_meeting_reminder",
            )
        ]

    def __str__(self):
        return f"{self.meeting_id} {self.user_id} {self.kind} {self.channel}"
