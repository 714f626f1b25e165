from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from hearings.blocks import ResponseBodyBlock
from hearings.citizen_input.panels import CitizenInputPanel
from hearings.forms import HearingResponsePageForm
from hearings.models.hearing import Hearing, hearings_for_public_page
from hearings.printing import response_letter, response_poster
from pages.models import BasePage
from pages.selectors import meetings_with_response_on_agenda
from workflows.readability_panel import LixPanel


@dataclass
class PublicUpdate:
    on: datetime
    note: str


class HearingResponsePage(RoutablePageMixin, BasePage):
    """The council's answer to one hearing: drafted, approved by the chair
    through the workflow, and published for the citizens the council speaks for.

    It points at its Hearing with a plain foreign key rather than a one-to-one
    field because translations of the response are pages of their own that
    answer the same hearing; "one response per hearing" is checked in clean().
    """

    hearing = models.ForeignKey(
        "hearings.Hearing",
        verbose_name=_("hearing"),
        on_delete=models.PROTECT,
        related_name="responses",
    )
    readability_fields = ("easy_read_summary",)
    # The whole response is not easy-read, but the chairs see its LIX too.
    lix_reported_fields = ("body",)
    easy_read_summary = models.TextField(
        _("in short (easy-read)"),
        blank=True,
        help_text=_(
            "Short sentences and everyday words. Shown first on the public page."
        ),
    )
    body = StreamField(ResponseBodyBlock(), verbose_name=_("response"), blank=True)
    signed_by = models.CharField(_("signed by"), max_length=200, blank=True)
    signer_role = models.CharField(
        _("role of the signer"),
        max_length=200,
        blank=True,
        help_text=_("For example: chair of the council."),
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    change_note = models.CharField(
        _("public change note"),
        max_length=255,
        blank=True,
        help_text=_(
            "When you change a published response: one line for readers "
            "saying what changed. Shown with the date it was republished."
        ),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("hearing"),
        CitizenInputPanel(),
        FieldPanel("easy_read_summary"),
        FieldPanel("body"),
        LixPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("signed_by"),
                FieldPanel("signer_role"),
                FieldPanel("signed_on"),
            ],
            heading=_("Signature"),
        ),
        FieldPanel("change_note"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("easy_read_summary"),
        index.SearchField("body"),
        index.FilterField("hearing"),
    ]

    base_form_class = HearingResponsePageForm
    parent_page_types = ["hearings.HearingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("hearing response")
        verbose_name_plural = _("hearing responses")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            hearing=self.public_hearing(),
            public_update=self.public_update(),
            agenda_meetings=meetings_with_response_on_agenda(response=self),
        )
        return context

    @path("opslag/", name="poster")
    def poster(self, request):
        """The A4 poster ("Opslag") of this response, to print and hang up."""
        return response_poster(request, self)

    @path("brev/", name="letter")
    def letter(self, request):
        """This response as a PDF letter to the municipality."""
        return response_letter(request, self)

    def public_hearing(self):
        """The hearing this response answers, with what its public page shows:
        status, themes in the reader's language and documents."""
        return hearings_for_public_page().get(pk=self.hearing_id)

    def public_update(self):
        """ "Updated on <date>: <note>" for a live response republished with a
        note, else None."""
        if not (self.live and self.change_note and self.first_published_at):
            return None
        if not self.last_published_at:
            return None
        if (self.last_published_at - self.first_published_at).total_seconds() < 60:
            return None
        return PublicUpdate(on=self.last_published_at, note=self.change_note)

    def approval_mail_notes(self, *, event):
        """The hearing it answers, and where approving sends it."""
        address = self.delivery_address()
        if event == "submitted":
            notes = [
                gettext("It answers the hearing “%(hearing)s”, deadline %(deadline)s.")
                % {
                    "hearing": self.hearing.title,
                    "deadline": date_format(self.hearing.deadline, "DATE_FORMAT"),
                }
            ]
            if address:
                notes.append(
                    gettext("Approving also sends it to %(address)s.")
                    % {"address": address}
                )
            return notes
        if event == "approved" and address:
            return [
                gettext(
                    "The response is being sent to %(address)s; you can follow "
                    "the delivery in the page’s history."
                )
                % {"address": address}
            ]
        return []

    def delivery_address(self):
        """Where an approved response is delivered: the contact address of the
        hearing it answers. Translations are not delivered: the municipality
        gets the response once, in the council's own language."""
        address, council_locale_id = (
            Hearing.objects.filter(pk=self.hearing_id)
            .values_list("contact_email", "council__root_page__locale_id")
            .first()
        ) or ("", None)
        if not address or self.locale_id != council_locale_id:
            return ""
        return address

    def clean(self):
        super().clean()
        message = self.hearing_problem(hearing_id=self.hearing_id)
        if message:
            raise ValidationError({"hearing": message})

    def hearing_problem(self, *, hearing_id):
        """Why this response cannot answer that hearing, or "": there must be
        one, and it may have no other response (translations answer the same
        hearing as their source). Checked on drafts too, by the form."""
        if not hearing_id:
            return _("Choose the hearing this response answers.")
        other = (
            HearingResponsePage.objects.filter(hearing_id=hearing_id)
            .exclude(translation_key=self.translation_key)
            .first()
        )
        if other is None:
            return ""
        return _(
            "This hearing already has a response: “%(title)s”. "
            "Edit that one instead of writing a second."
        ) % {"title": other.title}
